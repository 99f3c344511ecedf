export { Environment, ExporterType, OtlpProtocol } from './constants.js';
export { ObservabilityError } from './errors.js';
export type { ComponentHealth, ComponentStatus, HealthReporter } from './health.js';
export type { SloWindow } from './metric-names.js';
export { DefaultMetricNames, SLO_WINDOWS, SloMetricNames, sloBurnRateRule, sloErrorRatioRule } from './metric-names.js';
