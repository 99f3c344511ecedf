export type { ComponentHealth, ComponentStatus, HealthReporter } from '@dotmac/obs-config';
export { ObservabilityError } from '@dotmac/obs-config';
