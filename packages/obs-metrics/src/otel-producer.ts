import type { MetricState } from './metric-state.js';
import { HistogramSeries, ScalarSeries, SummarySeries } from './metric-state.js';
import { attributesOf } from './otel-bridge.js';
import type {
  OtelDataPoint,
  OtelHistogramValue,
  OtelHrTime,
  OtelMetricData,
  OtelMetricProducer,
} from './otel-types.js';
import { MetricType } from './types.js';
import { isValidOtelName } from './validation.js';

const CUMULATIVE = 1;
const DOUBLE = 1;
const POINT_HISTOGRAM = 0;
const POINT_GAUGE = 2;
const POINT_SUM = 3;

function hrTime(epochMillis: number): OtelHrTime {
  const seconds = Math.floor(epochMillis / 1000);
  return [seconds, Math.round((epochMillis - seconds * 1000) * 1e6)];
}

/** Everything the producer needs from a registry. */
export interface ProducerSource {
  metrics(): Iterable<MetricState>;
  readonly defaultLabels: Readonly<Record<string, string>>;
  readonly scopeName: string;
}

/** The store's metrics as OpenTelemetry SDK metric data, cumulative since `start`. */
export function collectMetricData(source: ProducerSource, start: OtelHrTime): OtelMetricData[] {
  const end = hrTime(Date.now());
  const out: OtelMetricData[] = [];
  const defaults = source.defaultLabels;
  for (const state of source.metrics()) {
    if (!isValidOtelName(state.exportName)) continue;
    state.sample();
    const descriptor = {
      name: state.exportName,
      description: state.def.description,
      unit: state.def.unit,
      valueType: DOUBLE,
    };
    if (state.type === MetricType.HISTOGRAM || state.type === MetricType.SUMMARY) {
      const boundaries = [...state.def.buckets];
      const dataPoints: OtelDataPoint<OtelHistogramValue>[] = [];
      for (const s of state.series) {
        if (!(s instanceof HistogramSeries || s instanceof SummarySeries)) continue;
        const counts = s instanceof HistogramSeries ? s.counts.slice() : [s.count];
        dataPoints.push({
          startTime: start,
          endTime: end,
          attributes: attributesOf(s, defaults),
          value: { buckets: { boundaries, counts }, sum: s.sum, count: s.count },
        });
      }
      out.push({ descriptor, aggregationTemporality: CUMULATIVE, dataPointType: POINT_HISTOGRAM, dataPoints });
      continue;
    }
    const dataPoints: OtelDataPoint<number>[] = [];
    for (const s of state.series) {
      if (s instanceof ScalarSeries) {
        dataPoints.push({ startTime: start, endTime: end, attributes: attributesOf(s, defaults), value: s.value });
      }
    }
    if (state.type === MetricType.GAUGE) {
      out.push({ descriptor, aggregationTemporality: CUMULATIVE, dataPointType: POINT_GAUGE, dataPoints });
    } else {
      const isMonotonic = state.type === MetricType.COUNTER;
      out.push({ descriptor, aggregationTemporality: CUMULATIVE, dataPointType: POINT_SUM, isMonotonic, dataPoints });
    }
  }
  return out;
}

/** The reader keeps the SDK's own resource; this placeholder only fills the shape. */
const PLACEHOLDER_RESOURCE = Object.freeze({
  attributes: {},
  merge: (other: unknown) => other,
  getRawAttributes: () => [],
});

/** A MetricProducer reading the store at each collection (record once, export twice, histograms included). */
export function createProducer(source: ProducerSource): OtelMetricProducer {
  const start = hrTime(Date.now());
  return {
    async collect() {
      try {
        return {
          resourceMetrics: {
            resource: PLACEHOLDER_RESOURCE as never,
            scopeMetrics: [{ scope: { name: source.scopeName }, metrics: collectMetricData(source, start) }],
          },
          errors: [],
        };
      } catch (error) {
        return { resourceMetrics: { resource: PLACEHOLDER_RESOURCE as never, scopeMetrics: [] }, errors: [error] };
      }
    },
  };
}
