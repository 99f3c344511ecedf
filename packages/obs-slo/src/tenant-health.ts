import type { ComponentHealth } from '@dotmac/obs-config';
import type { MetricState } from './tenant-store.js';

/** What the tenant metrics count about rejected, dropped and pooled input. */
export interface TenantCounters {
  readonly invalidRecords: number;
  readonly droppedEvents: number;
  readonly overflowEvents: number;
  readonly registryErrors: number;
  readonly sloMonitoring: boolean;
}

/** The `ComponentHealth` of the tenant metrics: degraded after any rejected, dropped or pooled input. */
export function tenantHealth(
  serviceName: string,
  metrics: Iterable<MetricState>,
  counters: TenantCounters,
): ComponentHealth {
  let metricCount = 0;
  let series = 0;
  let bytes = 0;
  const tenants = new Set<string>();
  for (const state of metrics) {
    metricCount++;
    for (const [tenant, t] of state.tenants) {
      tenants.add(tenant);
      series += t.entries.length;
      for (const e of t.entries) bytes += e.series?.byteLength ?? 0;
    }
  }
  const { invalidRecords, droppedEvents, overflowEvents, registryErrors } = counters;
  const problems: string[] = [];
  if (invalidRecords > 0) problems.push(`${invalidRecords} invalid records rejected`);
  if (droppedEvents > 0) problems.push(`${droppedEvents} events dropped past the tenant cap`);
  if (overflowEvents > 0) problems.push(`${overflowEvents} events pooled into _overflow past a cap`);
  if (registryErrors > 0) problems.push(`${registryErrors} metrics registry errors`);
  return {
    name: 'tenant-metrics',
    status: problems.length > 0 ? 'degraded' : 'healthy',
    message:
      problems.length > 0
        ? `${problems.join('; ')}: check tenant ids, values and the caps (maxTenantsPerMetric, maxLabelSetsPerTenant).`
        : `${metricCount} business metrics, ${tenants.size} tenants: all records accepted.`,
    details: { serviceName, metrics: metricCount, tenants: tenants.size, series, storageBytes: bytes, ...counters },
  };
}
