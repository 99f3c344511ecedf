import { initializeMetricsRegistry } from '@dotmac/obs-metrics';
import { initializeTenantMetrics } from './tenant-metrics.js';

describe('counters in the real @dotmac/obs-metrics registry', () => {
  it('exposes good/total counters per tenant, SLO and labels, counting latency against the exact threshold', async () => {
    const registry = initializeMetricsRegistry('svc', { registerDefaultMetrics: false, collectRuntimeMetrics: false });
    const m = initializeTenantMetrics('svc', registry);
    const ctx = { tenantId: 'acme', service: 'api', region: 'eu' };
    m.recordBusinessMetric('api_response_latency', 500, ctx);
    m.recordBusinessMetric('api_response_latency', 500.01, ctx);
    m.recordBusinessMetric('login_success_rate', false, { tenantId: 'other' });
    const text = await registry.getPrometheusMetrics();
    expect(text).toContain('# TYPE dotmac_slo_events_total counter');
    expect(text).toContain(
      'dotmac_slo_events_total{tenant_id="acme",slo="api_response_latency",service="api",region="eu"} 2',
    );
    expect(text).toContain(
      'dotmac_slo_good_events_total{tenant_id="acme",slo="api_response_latency",service="api",region="eu"} 1',
    );
    expect(text).toMatch(
      /dotmac_slo_good_events_total\{tenant_id="other",slo="login_success_rate",service="",region=""\} 0/,
    );
  });
});
