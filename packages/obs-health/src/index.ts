export type { ComponentHealth, ComponentStatus, HealthReporter } from '@dotmac/obs-config/core';
export { HealthConfigError } from './errors.js';
export { HEALTH_CONTENT_TYPES, toHealthJson, toVerboseText } from './format.js';
export {
  createHealthEndpointHandler,
  createLivenessHandler,
  createReadinessHandler,
  DEFAULT_HEALTH_CACHE_TTL_MS,
} from './handlers.js';
export type { HealthChecker } from './observability-health.js';
export { createHealthChecker, DEFAULT_HEALTH_TIMEOUT_MS, getObservabilityHealth } from './observability-health.js';
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
