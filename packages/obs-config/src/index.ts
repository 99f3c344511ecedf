export { ObservabilityError } from './errors.js';
export type { ComponentHealth, ComponentStatus, HealthReporter } from './health.js';
