export type { ComponentHealth } from '@dotmac/obs-config';
export { DEFAULT_METRIC_DEFINITIONS } from './default-metrics.js';
export { MetricsError, MetricsErrorCode } from './errors.js';
export { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from './exposition.js';
export type { MetricsRequest, MetricsResponse } from './handler.js';
export { createMetricsHandler } from './handler.js';
export type {
  OtelAttributes,
  OtelDataPoint,
  OtelHistogram,
  OtelHistogramValue,
  OtelHrTime,
  OtelInstrumentOptions,
  OtelMeter,
  OtelMetricData,
  OtelMetricProducer,
  OtelObservable,
  OtelObservableResult,
} from './otel-types.js';
export { initializeMetricsRegistry, MetricsRegistry } from './registry.js';
export type {
  ExpositionOptions,
  InvalidInputPolicy,
  MetricDefinition,
  MetricLabels,
  MetricsRegistryInit,
  MetricsRegistryOptions,
  SeriesHandle,
} from './types.js';
export { DropReason, MetricType } from './types.js';
export { DEFAULT_BUCKETS } from './validation.js';
