/**
 * The few OpenTelemetry API shapes the registry uses, declared structurally so that `@opentelemetry/api` stays an
 * optional peer dependency: a `Meter` from `@opentelemetry/api` 1.x fits `OtelMeter`.
 */

/** Attributes of a data point. */
export type OtelAttributes = Record<string, string | number | boolean>;

/** What an observable instrument's callback receives. */
export interface OtelObservableResult {
  observe(value: number, attributes?: OtelAttributes): void;
}

/** An asynchronous instrument. */
export interface OtelObservable {
  addCallback(callback: (result: OtelObservableResult) => void): void;
  removeCallback(callback: (result: OtelObservableResult) => void): void;
}

/** A synchronous histogram. */
export interface OtelHistogram {
  record(value: number, attributes?: OtelAttributes): void;
}

/** Options of an instrument. */
export interface OtelInstrumentOptions {
  description?: string;
  unit?: string;
  advice?: { explicitBucketBoundaries?: number[] };
}

/** The part of an OpenTelemetry `Meter` the registry exports through. */
export interface OtelMeter {
  createObservableCounter(name: string, options?: OtelInstrumentOptions): OtelObservable;
  createObservableUpDownCounter(name: string, options?: OtelInstrumentOptions): OtelObservable;
  createObservableGauge(name: string, options?: OtelInstrumentOptions): OtelObservable;
  createHistogram(name: string, options?: OtelInstrumentOptions): OtelHistogram;
}

/** OpenTelemetry's `[seconds, nanoseconds]` time. */
export type OtelHrTime = [number, number];

/** One data point as the OpenTelemetry SDK's metric readers expect it. */
export interface OtelDataPoint<T> {
  readonly startTime: OtelHrTime;
  readonly endTime: OtelHrTime;
  readonly attributes: OtelAttributes;
  readonly value: T;
}

/** An explicit-bucket histogram value (counts per bucket, not cumulative; the last for +Inf). */
export interface OtelHistogramValue {
  buckets: { boundaries: number[]; counts: number[] };
  sum: number;
  count: number;
}

/** One metric in the SDK's `MetricData` shape (cumulative temporality). */
export type OtelMetricData =
  | {
      readonly descriptor: { name: string; description: string; unit: string; valueType: number };
      readonly aggregationTemporality: 1;
      readonly dataPointType: 3;
      readonly isMonotonic: boolean;
      readonly dataPoints: OtelDataPoint<number>[];
    }
  | {
      readonly descriptor: { name: string; description: string; unit: string; valueType: number };
      readonly aggregationTemporality: 1;
      readonly dataPointType: 2;
      readonly dataPoints: OtelDataPoint<number>[];
    }
  | {
      readonly descriptor: { name: string; description: string; unit: string; valueType: number };
      readonly aggregationTemporality: 1;
      readonly dataPointType: 0;
      readonly dataPoints: OtelDataPoint<OtelHistogramValue>[];
    };

/**
 * A `MetricProducer` of the OpenTelemetry SDK (`@opentelemetry/sdk-metrics` 2.x): pass it in a reader's
 * `metricProducers`. The reader keeps the SDK's resource, so the one given here is a placeholder.
 */
export interface OtelMetricProducer {
  collect(options?: { timeoutMillis?: number }): Promise<{
    resourceMetrics: {
      resource: never;
      scopeMetrics: { scope: { name: string; version?: string }; metrics: OtelMetricData[] }[];
    };
    errors: unknown[];
  }>;
}
