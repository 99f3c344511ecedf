/**
 * Series the dashboards query that @dotmac/obs-config does not name, because no DotMac package defines them:
 * prom-client's default runtime metrics (collected when the metrics registry has `collectRuntimeMetrics`)
 * and Prometheus' built-in `ALERTS` series of firing alerts.
 */
export const ExtraMetricNames = Object.freeze({
  /** prom-client default metric: event loop lag in seconds. */
  NODEJS_EVENTLOOP_LAG_SECONDS: 'nodejs_eventloop_lag_seconds',
  /** Prometheus built-in: one series per pending or firing alert, labelled `alertname` and `alertstate`. */
  ALERTS: 'ALERTS',
} as const);

/** The label that carries the tenant on every series the dashboards select. */
export const TENANT_LABEL = 'tenant_id';

/** The label the `service` variable selects: the scrape job (OpenTelemetry's `service.name`). */
export const SERVICE_LABEL = 'job';
