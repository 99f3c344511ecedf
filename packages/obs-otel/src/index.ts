export type { ComponentHealth } from '@dotmac/obs-config';
export { OtelAlreadyInitializedError, OtelExporterConfigError, OtelExporterPackageMissingError } from './errors.js';
export type { HealthThresholds } from './health.js';
export { initializeOtel } from './initialize.js';
export { PROMETHEUS_CONTENT_TYPE, PrometheusPullReader, toPrometheusText } from './prometheus-reader.js';
export type { ShutdownOnSignalsOptions } from './signals.js';
export type { CurrentSpanContext, WithSpanOptions } from './span-context.js';
export { getCurrentSpanContext, withSpan } from './span-context.js';
export type { InitializeOtelOptions, OtelBootstrap, OtelInstrumentation } from './types.js';
