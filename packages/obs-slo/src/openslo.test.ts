import { CUSTOM_SPECS } from './__fixtures__/specs.js';
import { DEFAULT_BUSINESS_METRICS } from './default-metrics.js';
import { fromOpenSlo, toOpenSlo } from './openslo.js';

describe('OpenSLO v1', () => {
  it('exports openslo/v1 SLO objects with a ratio indicator over the dotmac_slo counters', () => {
    const [login, , , latency] = toOpenSlo(DEFAULT_BUSINESS_METRICS, { service: 'user-service' });
    expect(login).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'login-success-rate', displayName: 'login_success_rate' },
      spec: {
        service: 'user-service',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '30d', isRolling: true }],
        objectives: [{ target: 0.99 }],
        indicator: {
          spec: {
            ratioMetric: {
              counter: true,
              good: {
                metricSource: {
                  type: 'Prometheus',
                  spec: { query: 'sum(rate(dotmac_slo_good_events_total{slo="login_success_rate"}[5m]))' },
                },
              },
            },
          },
        },
      },
    });
    expect(latency?.spec.objectives[0]).toEqual({
      displayName: 'API response latency P95',
      target: 0.95,
      op: 'lte',
      value: 500,
    });
  });

  it('round-trips specs through OpenSLO (throughput excepted)', () => {
    const specs = [...DEFAULT_BUSINESS_METRICS, ...CUSTOM_SPECS];
    const back = fromOpenSlo(JSON.parse(JSON.stringify(toOpenSlo(specs, { service: 's' }))));
    const expected = specs.filter((s) => s.metricType !== 'throughput');
    expect(back.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    for (const [i, s] of back.entries()) {
      const e = expected[i];
      expect(s).toMatchObject({
        metricType: e?.metricType,
        sloTarget: e?.sloTarget,
        alertThreshold: e?.alertThreshold,
      });
      expect(s.labels).toEqual(e?.labels ?? []);
    }
    expect(back.find((s) => s.name === 'search_latency')).toMatchObject({
      percentile: 0.99,
      latencyThresholdMs: 250,
      window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Paris' },
    });
  });

  it('imports plain OpenSLO without dotmac annotations', () => {
    const [spec] = fromOpenSlo({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'web-availability' },
      spec: {
        service: 'web',
        timeWindow: [{ duration: '28d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.999 }],
      },
    });
    expect(spec).toMatchObject({
      name: 'web_availability',
      metricType: 'success_rate',
      sloTarget: 0.999,
      alertThreshold: 0.995,
      window: '28d',
    });
  });

  it('explains what is wrong with a bad document', () => {
    expect(() => fromOpenSlo({ apiVersion: 'openslo/v2', kind: 'SLO', metadata: { name: 'x' }, spec: {} })).toThrow(
      /Invalid OpenSLO document: apiVersion must be openslo\/v1/,
    );
    expect(() =>
      fromOpenSlo({ apiVersion: 'openslo/v1', kind: 'SLO', metadata: { name: 'x' }, spec: { objectives: [] } }),
    ).toThrow(/needs objectives\[0\].target/);
  });
});
