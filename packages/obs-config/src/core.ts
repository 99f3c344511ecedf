// The light entry point `@dotmac/obs-config/core`: the primitives every package shares, without valibot or
// the configuration schemas, for packages that must import fast (obs-health).
export { Environment, ExporterType, OtlpProtocol } from './constants.js';
export { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from './content-types.js';
export { ObservabilityError } from './errors.js';
export type { ComponentHealth, ComponentStatus, HealthReporter } from './health.js';
export type { SloWindow } from './metric-names.js';
export { DefaultMetricNames, SLO_WINDOWS, SloMetricNames, sloBurnRateRule, sloErrorRatioRule } from './metric-names.js';
export { isSecretKey, REDACTED, redactConfig, redactDetails, redactString } from './redact.js';
