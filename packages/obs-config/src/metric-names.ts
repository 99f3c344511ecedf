/**
 * Metric and recording-rule names shared by the packages that emit them (obs-metrics, obs-slo) and the
 * package that queries them (obs-dashboards), so that no dashboard can drift from what is exported.
 */

/** The seed's default metrics, registered by `initializeMetricsRegistry` unless turned off. */
export const DefaultMetricNames = Object.freeze({
  HTTP_REQUESTS_TOTAL: 'http_requests_total',
  HTTP_REQUEST_DURATION_SECONDS: 'http_request_duration_seconds',
  SYSTEM_MEMORY_USAGE_BYTES: 'system_memory_usage_bytes',
  SYSTEM_CPU_USAGE_PERCENT: 'system_cpu_usage_percent',
  DATABASE_CONNECTIONS_ACTIVE: 'database_connections_active',
  DATABASE_QUERY_DURATION_SECONDS: 'database_query_duration_seconds',
} as const);

/** The windows over which SLO error ratios and burn rates are computed (Google SRE Workbook). */
export const SLO_WINDOWS = Object.freeze(['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const);
/** One of `SLO_WINDOWS`. */
export type SloWindow = (typeof SLO_WINDOWS)[number];

/**
 * Names of the counters obs-slo records for every business event, and of the recording rules its
 * generated Prometheus rule file defines. Labels: `tenant_id` and `slo` (the business metric's name).
 */
export const SloMetricNames = Object.freeze({
  /** Counter: every SLO event, per tenant and SLO. */
  EVENTS_TOTAL: 'dotmac_slo_events_total',
  /** Counter: the good events among them (for latency: at or under the threshold). */
  GOOD_EVENTS_TOTAL: 'dotmac_slo_good_events_total',
  /** Recording rule: the SLO objective as a ratio (0.99). */
  OBJECTIVE: 'dotmac_slo:objective:ratio',
  /** Recording rule: the error budget left over the SLO period, as a fraction (negative when overspent). */
  ERROR_BUDGET_REMAINING: 'dotmac_slo:error_budget_remaining:ratio',
  /** Alert names begin with this prefix (`DotmacSloBurnRatePage`, `DotmacSloBurnRateTicket`). */
  ALERT_PREFIX: 'DotmacSlo',
} as const);

/** The recording rule holding the SLI error ratio over `window` (`dotmac_slo:sli_error:ratio_rate5m`). */
export const sloErrorRatioRule = (window: SloWindow | 'period'): string => `dotmac_slo:sli_error:ratio_rate${window}`;

/** The recording rule holding the burn rate over `window` (`dotmac_slo:burn_rate:ratio_rate1h`). */
export const sloBurnRateRule = (window: SloWindow): string => `dotmac_slo:burn_rate:ratio_rate${window}`;
