import { type BusinessMetricSpec, BusinessMetricType } from './types.js';

const labels = Object.freeze(['tenant_id', 'service', 'region']);

/**
 * The seed's default business metrics, registered by `initializeTenantMetrics` unless
 * `registerDefaultMetrics: false`. Alert thresholds (ours, the seed gives none): success rates are critical below
 * 95% / 98% / 90%, latencies when their P95 passes twice (API) or 2.5× (database) the objective.
 */
export const DEFAULT_BUSINESS_METRICS: readonly BusinessMetricSpec[] = Object.freeze(
  [
    {
      name: 'login_success_rate',
      metricType: BusinessMetricType.SUCCESS_RATE,
      description: 'User login success rate',
      sloTarget: 0.99,
      alertThreshold: 0.95,
      labels,
    },
    {
      name: 'api_request_success_rate',
      metricType: BusinessMetricType.SUCCESS_RATE,
      description: 'API request success rate',
      sloTarget: 0.995,
      alertThreshold: 0.98,
      labels,
    },
    {
      name: 'service_provisioning_success_rate',
      metricType: BusinessMetricType.SUCCESS_RATE,
      description: 'Service provisioning success rate',
      sloTarget: 0.98,
      alertThreshold: 0.9,
      labels,
    },
    {
      name: 'api_response_latency',
      metricType: BusinessMetricType.LATENCY,
      description: 'API response latency P95',
      sloTarget: 500,
      alertThreshold: 1000,
      percentile: 0.95,
      labels,
    },
    {
      name: 'database_query_latency',
      metricType: BusinessMetricType.LATENCY,
      description: 'Database query latency P95',
      sloTarget: 100,
      alertThreshold: 250,
      percentile: 0.95,
      labels,
    },
  ].map((spec) => Object.freeze(spec)),
);
