import type { Environment } from '@dotmac/obs-config';
import type { OtelMeter } from './otel-types.js';

/** The kinds of metric the registry records (the seed's `MetricType`). */
export const MetricType = Object.freeze({
  COUNTER: 'counter',
  GAUGE: 'gauge',
  HISTOGRAM: 'histogram',
  UP_DOWN_COUNTER: 'up_down_counter',
  SUMMARY: 'summary',
} as const);
/** One of `MetricType`'s values: `'counter' | 'gauge' | 'histogram' | 'up_down_counter' | 'summary'`. */
export type MetricType = (typeof MetricType)[keyof typeof MetricType];

/**
 * A metric to register.
 *
 * @example
 * ```ts
 * registry.registerMetric({
 *   name: 'api_requests_custom_total',
 *   type: MetricType.COUNTER,
 *   description: 'Custom API request counter',
 *   labels: ['method', 'endpoint', 'status'],
 * });
 * ```
 */
export interface MetricDefinition {
  /** Prometheus metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`, not starting with `__`), without the registry prefix. */
  readonly name: string;
  readonly type: MetricType;
  /** The help text. */
  readonly description: string;
  /** Label names every sample must carry, exactly. */
  readonly labels?: readonly string[];
  /** Unit (UCUM for OpenTelemetry, e.g. `s`, `By`); shown as `# UNIT` in OpenMetrics when the name ends with it. */
  readonly unit?: string;
  /** Histogram bucket upper bounds, ascending (default: prom-client's 11 buckets from 0.005 to 10). */
  readonly buckets?: readonly number[];
  /** Summary quantiles in (0, 1) (default 0.5, 0.9, 0.99), computed over each series' last 1024 observations. */
  readonly percentiles?: readonly number[];
}

/** What to do with invalid input: throw a `MetricsError`, warn once per metric and reason, or drop silently. */
export type InvalidInputPolicy = 'throw' | 'warn' | 'drop';

/** Options of `initializeMetricsRegistry`. */
export interface MetricsRegistryOptions {
  /** Serve the Prometheus exposition (default `true`); when false `getPrometheusMetrics()` resolves to `''`. */
  readonly enablePrometheus?: boolean;
  /** Register the seed's default metrics (default `true`). */
  readonly registerDefaultMetrics?: boolean;
  /** Also collect Node runtime metrics with prom-client's default collector (default `false`). */
  readonly collectRuntimeMetrics?: boolean;
  /** Prefix added to every exported metric name (`myapp_`); names are still looked up without it. */
  readonly prefix?: string;
  /** Labels added to every series on export (e.g. `{ service: 'billing' }`). */
  readonly defaultLabels?: Readonly<Record<string, string>>;
  /** Label sets kept per metric before new ones go to one overflow series (default 2000). */
  readonly maxSeriesPerMetric?: number;
  /** Invalid input handling (default `throw` in development and test, `warn` elsewhere). */
  readonly onInvalid?: InvalidInputPolicy;
  /** Decides the `onInvalid` default: `throw` in development and test, else `warn` (default `process.env.NODE_ENV`). */
  readonly environment?: Environment | (string & {});
  /** An OpenTelemetry meter to export through, same as calling `setOtelMeter` later. */
  readonly meter?: OtelMeter;
  /** Where warnings go (default `process.emitWarning` with code `DOTMAC_METRICS_INVALID`). */
  readonly onWarning?: (message: string) => void;
}

/** `initializeMetricsRegistry`'s options-object form. */
export interface MetricsRegistryInit extends MetricsRegistryOptions {
  readonly serviceName: string;
}

/** Label values by label name. Numbers and booleans are turned into strings. */
export type MetricLabels = Readonly<Record<string, string | number | boolean>>;

/** A series bound once to its metric and labels, for hot paths: no lookup on each call. */
export interface SeriesHandle {
  /** Counter, gauge or up-down counter: add `value` (default 1). */
  inc(value?: number): void;
  /** Gauge or up-down counter: subtract `value` (default 1). */
  dec(value?: number): void;
  /** Gauge: set the value. */
  set(value: number): void;
  /** Histogram or summary: record one observation. */
  observe(value: number): void;
}

/** Why a sample or definition was refused; the keys of `health().details.droppedSamples`. */
export const DropReason = Object.freeze({
  UNKNOWN_METRIC: 'unknown_metric',
  WRONG_TYPE: 'wrong_type',
  INVALID_VALUE: 'invalid_value',
  NEGATIVE_INCREMENT: 'negative_increment',
  LABEL_MISMATCH: 'label_mismatch',
  INVALID_LABEL_VALUE: 'invalid_label_value',
  INVALID_DEFINITION: 'invalid_definition',
  CONFLICTING_DEFINITION: 'conflicting_definition',
} as const);
/** One of `DropReason`'s values. */
export type DropReason = (typeof DropReason)[keyof typeof DropReason];

/** Options of `getPrometheusMetrics`. */
export interface ExpositionOptions {
  /** Produce OpenMetrics 1.0 text instead of the Prometheus 0.0.4 text format. */
  readonly openMetrics?: boolean;
}
