export type { ComponentHealth, ComponentStatus, HealthReporter } from '@dotmac/obs-config';
export { HealthConfigError } from './errors.js';
export { CONTENT_TYPES, toHealthJson, toVerboseText } from './format.js';
export {
  createHealthEndpointHandler,
  createLivenessHandler,
  createReadinessHandler,
  DEFAULT_HANDLER_CACHE_TTL_MS,
} from './handlers.js';
export type { HealthChecker } from './observability-health.js';
export { createHealthChecker, DEFAULT_TIMEOUT_MS, getObservabilityHealth } from './observability-health.js';
export { REDACTED, redactDetails, redactString } from './redact.js';
export type {
  CustomCheckResult,
  CustomHealthCheck,
  HealthCheck,
  HealthFormat,
  HealthHandler,
  HealthHandlerOptions,
  HealthOptions,
  HealthRequest,
  HealthResponse,
  HealthSummary,
  ObservabilityHealth,
  ReadinessHandler,
  ReadinessHandlerOptions,
} from './types.js';
