import type { ComponentStatus } from '@dotmac/obs-config/core';
import type { HealthCheck, HealthSummary, ObservabilityHealth } from './types.js';

/** The marker `details` of a component that was not passed in. */
export const NOT_CONFIGURED = Object.freeze({ configured: false });

/**
 * Combines check results: any critical unhealthy → `unhealthy`; any degraded or non-critical unhealthy →
 * `degraded`; otherwise `healthy`.
 */
export function aggregate(checks: readonly HealthCheck[]): ObservabilityHealth {
  let status: ComponentStatus = 'healthy';
  const counts = { total: checks.length, healthy: 0, degraded: 0, unhealthy: 0, notConfigured: 0 };
  for (const check of checks) {
    counts[check.status] += 1;
    if (check.details === NOT_CONFIGURED) counts.notConfigured += 1;
    if (check.status === 'unhealthy' && check.critical !== false) status = 'unhealthy';
    else if (check.status !== 'healthy' && status === 'healthy') status = 'degraded';
  }
  const summary: HealthSummary = Object.freeze(counts);
  return Object.freeze({
    status,
    checks: Object.freeze(checks.map((check) => Object.freeze(check))),
    summary,
    timestamp: new Date().toISOString(),
  });
}
