import type { MetricState, Series } from './metric-state.js';
import { HistogramSeries, type ScalarSeries, SummarySeries } from './metric-state.js';
import { MetricType } from './types.js';
import { escapeLabelValue } from './validation.js';

export { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from '@dotmac/obs-config';

/** A sample value as the text formats spell it. */
export function formatValue(value: number): string {
  if (Number.isFinite(value)) return `${value}`;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

function escapeHelp(text: string, openMetrics: boolean): string {
  let out = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  if (openMetrics) out = out.replace(/"/g, '\\"');
  return out;
}

/** The Prometheus/OpenMetrics type word of a registry metric type. */
export function promType(type: MetricType): 'counter' | 'gauge' | 'histogram' | 'summary' {
  if (type === MetricType.UP_DOWN_COUNTER) return 'gauge';
  return type;
}

/** The value of quantile `q` of `window` (nearest rank); NaN when empty. `sorted` must be sorted ascending. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.min(rank, sorted.length - 1)] as number;
}

/** Formats the bucket bounds once per metric: `le="0.005"` ... `le="+Inf"`. */
function leLabels(buckets: readonly number[]): string[] {
  return [...buckets.map((b) => `le="${formatValue(b)}"`), 'le="+Inf"'];
}

function braces(labelString: string, extra?: string): string {
  if (extra === undefined) return labelString === '' ? '' : `{${labelString}}`;
  return labelString === '' ? `{${extra}}` : `{${labelString},${extra}}`;
}

/** `a="x",b="y"` for a series: its own labels, then the registry's default labels (already formatted). */
function labelString(labels: Readonly<Record<string, string>>, defaults: string): string {
  let out = '';
  for (const name in labels) {
    out += `${out === '' ? '' : ','}${name}="${escapeLabelValue(labels[name] as string)}"`;
  }
  return defaults === '' ? out : out === '' ? defaults : `${out},${defaults}`;
}

/**
 * Writes one metric family of the store in the Prometheus text format or OpenMetrics; `defaults` is the registry's
 * default labels, formatted once (`service="x"`).
 */
export function writeMetric(state: MetricState, openMetrics: boolean, defaults: string): string {
  const name = state.exportName;
  const type = promType(state.type);
  const family = openMetrics && type === 'counter' ? name.replace(/_total$/, '') : name;
  let out = `# HELP ${family} ${escapeHelp(state.def.description, openMetrics)}\n# TYPE ${family} ${type}\n`;
  if (openMetrics && state.def.unit !== '' && family.endsWith(`_${state.def.unit}`)) {
    out += `# UNIT ${family} ${state.def.unit}\n`;
  }
  const series: readonly Series[] = state.series;
  if (type === 'counter' || type === 'gauge') {
    const sample = openMetrics && type === 'counter' ? `${family}_total` : name;
    for (let i = 0; i < series.length; i++) {
      const s = series[i] as ScalarSeries;
      const ls = labelString(s.labels, defaults);
      out += ls === '' ? `${sample} ${formatValue(s.value)}\n` : `${sample}{${ls}} ${formatValue(s.value)}\n`;
    }
  } else if (type === 'histogram') {
    const les = leLabels(state.def.buckets);
    for (const s of series) {
      if (!(s instanceof HistogramSeries)) continue;
      const ls = labelString(s.labels, defaults);
      const prefix = ls === '' ? `${name}_bucket{` : `${name}_bucket{${ls},`;
      let cumulative = 0;
      for (let i = 0; i < les.length; i++) {
        cumulative += s.counts[i] as number;
        out += `${prefix}${les[i]}} ${cumulative}\n`;
      }
      out += `${name}_sum${braces(ls)} ${formatValue(s.sum)}\n`;
      out += `${name}_count${braces(ls)} ${s.count}\n`;
    }
  } else {
    const percentiles = state.def.percentiles;
    for (const s of series) {
      if (!(s instanceof SummarySeries)) continue;
      const ls = labelString(s.labels, defaults);
      const sorted = [...s.window].sort((a, b) => a - b);
      for (const q of percentiles) {
        out += `${name}${braces(ls, `quantile="${q}"`)} ${formatValue(quantile(sorted, q))}\n`;
      }
      out += `${name}_sum${braces(ls)} ${formatValue(s.sum)}\n`;
      out += `${name}_count${braces(ls)} ${s.count}\n`;
    }
  }
  return out;
}

/** The shape prom-client's `metric.get()` resolves to. */
export interface PromMetricValues {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly values?: ReadonlyArray<{
    readonly value: number;
    readonly labels?: Readonly<Record<string, string | number>>;
    readonly metricName?: string;
  }>;
}

/** Writes a metric that lives in prom-client only (runtime metrics, metrics others registered there). */
export function writeForeignMetric(
  metric: PromMetricValues,
  defaultLabels: Readonly<Record<string, string>>,
  openMetrics: boolean,
): string {
  const counter = metric.type === 'counter';
  const family = openMetrics && counter ? metric.name.replace(/_total$/, '') : metric.name;
  let out = `# HELP ${family} ${escapeHelp(metric.help, openMetrics)}\n# TYPE ${family} ${metric.type}\n`;
  for (const value of metric.values ?? []) {
    const sample = value.metricName ?? (openMetrics && counter ? `${family}_total` : metric.name);
    const labels = { ...defaultLabels, ...value.labels };
    let ls = '';
    for (const key in labels) ls += `${ls === '' ? '' : ','}${key}="${escapeLabelValue(String(labels[key]))}"`;
    out += `${sample}${braces(ls)} ${formatValue(value.value)}\n`;
  }
  return out;
}
