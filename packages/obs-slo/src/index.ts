export type { ComponentHealth } from '@dotmac/obs-config';
export { DEFAULT_BURN_RATE_ALERTS } from './burn-rate.js';
export { DEFAULT_BUSINESS_METRICS } from './default-metrics.js';
export { SloError, SloErrorCode } from './errors.js';
export type { OpenSloSlo } from './openslo.js';
export { fromOpenSlo, toOpenSlo } from './openslo.js';
export type { PrometheusRuleTestOptions } from './prometheus-rule-tests.js';
export { generatePrometheusRuleTests } from './prometheus-rule-tests.js';
export { generatePrometheusRules } from './prometheus-rules.js';
export type { PrometheusRuleOptions } from './rule-input.js';
export { DEFAULT_RUNBOOK_URL } from './rule-input.js';
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
