export type { ComponentHealth } from '@dotmac/obs-config';
export { DEFAULT_BURN_RATE_ALERTS } from './burn-rate.js';
export { DEFAULT_BUSINESS_METRICS } from './default-metrics.js';
export { SloError, SloErrorCode } from './errors.js';
export { initializeTenantMetrics } from './tenant-metrics.js';
export type {
  BurnRateAlertRule,
  BusinessMetricSpec,
  CalendarWindowSpec,
  ErrorBudget,
  EvaluatedWindow,
  FiringBurnRateAlert,
  OnInvalid,
  RollingWindowSpec,
  SloCounterRegistry,
  SloEvaluation,
  SloStatus,
  SloWindowSpec,
  TenantContext,
  TenantMetrics,
  TenantMetricsOptions,
} from './types.js';
export { BusinessMetricType } from './types.js';
