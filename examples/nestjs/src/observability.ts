import {
  createDefaultConfig,
  createReadinessHandler,
  type Environment,
  initializeMetricsRegistry,
  initializeOtel,
  initializeTenantMetrics,
  type MetricsRegistry,
  type OtelBootstrap,
  type ReadinessHandler,
  type TenantMetrics,
} from '@dotmac/observability';

/** The injection token of {@link Observability}: tsx emits no decorator metadata, so inject it by token. */
export const OBSERVABILITY = Symbol('OBSERVABILITY');

/** Everything the service's controllers use of DotMac Observability. */
export interface Observability {
  readonly otel: OtelBootstrap;
  readonly metrics: MetricsRegistry;
  readonly tenantMetrics: TenantMetrics;
  readonly readiness: ReadinessHandler;
}

/** Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics. */
export function initializeObservability(serviceName: string, environment: Environment): Observability {
  const otel = initializeOtel(createDefaultConfig(serviceName, environment));
  const metrics = initializeMetricsRegistry(serviceName);
  metrics.setOtelMeter(otel.meter);
  const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });
  const readiness = createReadinessHandler({ otel, metrics, tenantMetrics });
  return { otel, metrics, tenantMetrics, readiness };
}
