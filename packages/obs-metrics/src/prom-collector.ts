import type { PromMetricValues } from './exposition.js';
import { formatValue, promType, quantile } from './exposition.js';
import type { MetricState } from './metric-state.js';
import { HistogramSeries, ScalarSeries, SummarySeries } from './metric-state.js';

type Value = { value: number; labels: Record<string, string>; metricName?: string };

/**
 * A prom-client compatible collector (what `Registry.registerMetric` accepts) reading one metric of the store
 * at collection time. It makes `promRegistry.metrics()`, `getMetricsAsJSON()` and prom-client's cluster
 * aggregator see the registry's metrics without recording anything twice.
 */
export class StoreCollector {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  /** How prom-client's `AggregatorRegistry` combines workers' values. */
  readonly aggregator: 'sum' | 'average';
  readonly state: MetricState;

  constructor(state: MetricState, aggregator: 'sum' | 'average' = 'sum') {
    this.state = state;
    this.name = state.exportName;
    this.help = state.def.description;
    this.type = promType(state.type);
    this.aggregator = aggregator;
  }

  /** The metric's values in prom-client's JSON shape (registry default labels are added by prom-client). */
  async get(): Promise<PromMetricValues & { aggregator: string }> {
    this.state.sample();
    const values: Value[] = [];
    const name = this.name;
    for (const s of this.state.series) {
      if (s instanceof ScalarSeries) values.push({ value: s.value, labels: { ...s.labels } });
      else if (s instanceof HistogramSeries) {
        let cumulative = 0;
        const buckets = this.state.def.buckets;
        for (let i = 0; i <= buckets.length; i++) {
          cumulative += s.counts[i] as number;
          const le = i < buckets.length ? formatValue(buckets[i] as number) : '+Inf';
          values.push({ value: cumulative, labels: { ...s.labels, le }, metricName: `${name}_bucket` });
        }
        values.push({ value: s.sum, labels: { ...s.labels }, metricName: `${name}_sum` });
        values.push({ value: s.count, labels: { ...s.labels }, metricName: `${name}_count` });
      } else if (s instanceof SummarySeries) {
        const sorted = [...s.window].sort((a, b) => a - b);
        for (const q of this.state.def.percentiles) {
          values.push({ value: quantile(sorted, q), labels: { ...s.labels, quantile: `${q}` } });
        }
        values.push({ value: s.sum, labels: { ...s.labels }, metricName: `${name}_sum` });
        values.push({ value: s.count, labels: { ...s.labels }, metricName: `${name}_count` });
      }
    }
    return { name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** prom-client's `Registry.resetMetrics()` calls this: every series back to zero. */
  reset(): void {
    for (const s of this.state.series) {
      if (s instanceof ScalarSeries) s.value = 0;
      else {
        s.sum = 0;
        s.count = 0;
        if (s instanceof HistogramSeries) s.counts.fill(0);
        else {
          s.window.length = 0;
          s.next = 0;
        }
      }
    }
  }
}
