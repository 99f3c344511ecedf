import type { SloEvaluation, TenantMetrics } from '@dotmac/observability';
import { TENANTS } from './traffic.js';

const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

function sliText(e: SloEvaluation): string {
  if (e.metricType === 'latency') return `p${Math.round(e.objective * 100)} ${e.currentValue.toFixed(0)} ms`;
  return pct(e.sli);
}

/** The live SLO table: one row per tenant and SLO. */
export function renderSloTable(tenantMetrics: TenantMetrics, elapsedSeconds: number): string {
  const rows: string[][] = [['tenant', 'slo', 'status', 'SLI', 'budget left', 'burn 1h', 'events', 'firing alerts']];
  for (const tenant of TENANTS) {
    const evaluations = tenantMetrics.evaluateSlos({ tenantId: tenant.tenantId });
    for (const [name, e] of Object.entries(evaluations)) {
      rows.push([
        tenant.tenantId,
        name,
        e.status,
        e.status === 'no_data' ? '-' : sliText(e),
        e.status === 'no_data' ? '-' : pct(e.errorBudget.remaining),
        e.burnRates['1h'].toFixed(1),
        String(e.sampleCount),
        e.firingAlerts.map((a) => `${a.severity} (${a.longWindow}/${a.shortWindow})`).join(', ') || '-',
      ]);
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const lines = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  return [`SLOs after ${elapsedSeconds.toFixed(0)} s (initech is slowly breaking)`, ...lines].join('\n');
}
