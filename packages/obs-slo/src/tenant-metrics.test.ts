import { SloMetricNames } from '@dotmac/obs-config';
import { SloError } from './errors.js';
import { initializeTenantMetrics } from './tenant-metrics.js';
import { BusinessMetricType, type SloCounterRegistry } from './types.js';

const T0 = Date.UTC(2026, 0, 10);

/** A registry double that keeps counters as `name{labels}` → value. */
function fakeRegistry() {
  const counters = new Map<string, number>();
  const defs: unknown[] = [];
  const registry: SloCounterRegistry = {
    registerMetric: (d) => defs.push(d),
    incrementCounter: (name, value = 1, labels = {}) => {
      const key = `${name}${JSON.stringify(labels)}`;
      counters.set(key, (counters.get(key) ?? 0) + value);
    },
  };
  return { registry, counters, defs };
}

describe('initializeTenantMetrics (the seed example)', () => {
  it('registers the five default business metrics and evaluates the seed example', () => {
    const { registry } = fakeRegistry();
    const m = initializeTenantMetrics('user-service', registry, { clock: () => T0 });
    expect(m.getSpecs().map((s) => s.name)).toEqual([
      'login_success_rate',
      'api_request_success_rate',
      'service_provisioning_success_rate',
      'api_response_latency',
      'database_query_latency',
    ]);
    m.registerBusinessMetric({
      name: 'user_login_success_rate',
      metricType: BusinessMetricType.SUCCESS_RATE,
      description: 'User login success rate',
      sloTarget: 0.99,
      alertThreshold: 0.95,
      labels: ['tenant_id', 'service', 'region'],
    });
    const context = { tenantId: 'acme-corp', service: 'auth-service', region: 'us-east-1' };
    m.recordBusinessMetric('user_login_success_rate', 1, context);
    m.recordBusinessMetric('user_login_success_rate', 0, context);
    const e = m.evaluateSlos(context).user_login_success_rate;
    expect(e).toMatchObject({ currentValue: 0.5, sloTarget: 0.99, alertThreshold: 0.95, isCritical: true });
    expect(e).toMatchObject({ status: 'critical', isMeetingSlo: false, sampleCount: 2 });
    expect(e?.errorBudget).toEqual({ total: 0.01, allowedEvents: 0.02, badEvents: 1, consumed: 50, remaining: -49 });
    expect(e?.burnRates['1h']).toBe(50);
    expect(e?.firingAlerts.map((a) => `${a.severity}:${a.longWindow}`)).toEqual([
      'page:1h',
      'page:6h',
      'ticket:1d',
      'ticket:3d',
    ]);
    expect(e?.timeToExhaustionMs).toBe(0);
  });

  it('estimates the time to budget exhaustion from the 1h burn rate', () => {
    const m = initializeTenantMetrics({ serviceName: 'svc', clock: () => T0 });
    for (let i = 0; i < 998; i++) m.recordBusinessMetric('login_success_rate', 1, { tenantId: 'a' });
    m.recordBusinessMetric('login_success_rate', 0, { tenantId: 'a' });
    m.recordBusinessMetric('login_success_rate', 0, { tenantId: 'a' });
    const e = m.evaluateSlos('a').login_success_rate;
    // 2 bad in 1000 with a 1% budget: 20% consumed, burning at 0.2× the sustainable rate.
    expect(e?.errorBudget.consumed).toBeCloseTo(0.2, 12);
    expect(e?.burnRates['1h']).toBeCloseTo(0.2, 12);
    expect(e?.timeToExhaustionMs).toBe(Math.round((0.8 * 30 * 86_400_000) / 0.2));
    expect(e).toMatchObject({ status: 'healthy', isMeetingSlo: true, firingAlerts: [] });
  });

  it('accepts the options-object form and can skip the defaults', () => {
    const m = initializeTenantMetrics({ serviceName: 'svc', registerDefaultMetrics: false, enableSloMonitoring: true });
    expect(m.getSpecs()).toEqual([]);
    expect(m.serviceName).toBe('svc');
  });
});

describe('semantics per metric type', () => {
  const m = initializeTenantMetrics({
    serviceName: 'svc',
    clock: () => T0,
    specs: [
      { name: 'errors', metricType: 'error_rate', description: 'e', sloTarget: 0.01, alertThreshold: 0.05 },
      { name: 'probe', metricType: 'availability', description: 'a', sloTarget: 0.9, alertThreshold: 0.5 },
      { name: 'jobs', metricType: 'throughput', description: 't', sloTarget: 2, alertThreshold: 1 },
    ],
  });
  const ctx = { tenantId: 't1' };

  it('latency: good means at or under the threshold, exactly, and currentValue is the P95 in ms', () => {
    for (let i = 0; i < 95; i++) m.recordBusinessMetric('api_response_latency', 100, ctx);
    for (let i = 0; i < 4; i++) m.recordBusinessMetric('api_response_latency', 500, ctx); // exactly 500: good
    m.recordBusinessMetric('api_response_latency', 500.001, ctx); // just over: bad
    const e = m.evaluateSlos(ctx).api_response_latency;
    expect(e?.sampleCount).toBe(100);
    expect(e?.sli).toBe(0.99);
    expect(e?.objective).toBe(0.95);
    expect(e?.isMeetingSlo).toBe(true);
    expect(e?.currentValue).toBeGreaterThan(99);
    expect(e?.currentValue).toBeLessThan(101);
    expect(e?.errorBudget.consumed).toBeCloseTo(0.2, 12);
    expect(e?.status).toBe('healthy');
  });

  it('error rate: 1 is an error and currentValue is the error ratio', () => {
    for (let i = 0; i < 98; i++) m.recordBusinessMetric('errors', 0, ctx);
    m.recordBusinessMetric('errors', 1, ctx);
    m.recordBusinessMetric('errors', true, ctx);
    const e = m.evaluateSlos(ctx).errors;
    expect(e?.currentValue).toBeCloseTo(0.02, 12);
    expect(e?.objective).toBe(0.99);
    expect(e?.isMeetingSlo).toBe(false);
    expect(e?.isCritical).toBe(false);
  });

  it('availability counts up/down probes like a success rate', () => {
    m.recordBusinessMetric('probe', true, ctx);
    m.recordBusinessMetric('probe', false, ctx);
    expect(m.evaluateSlos(ctx).probe).toMatchObject({ currentValue: 0.5, isCritical: false, isMeetingSlo: false });
  });

  it('throughput: events per second against a minimum', () => {
    m.recordBusinessMetric('jobs', 10, ctx);
    const e = m.evaluateSlos(ctx).jobs;
    expect(e?.currentValue).toBe(10); // 10 events in the first second
    expect(e?.isMeetingSlo).toBe(true);
  });

  it('never wraps a count around: a huge throughput record saturates instead of reading as no data', () => {
    m.recordBusinessMetric('jobs', 2 ** 32, ctx);
    const e = m.evaluateSlos(ctx).jobs;
    expect(e?.status).not.toBe('no_data');
    expect(e?.sampleCount).toBeGreaterThanOrEqual(2 ** 32 - 1);
  });

  it('reports no_data for a metric the tenant never recorded', () => {
    const e = m.evaluateSlos(ctx).login_success_rate;
    expect(e).toMatchObject({ status: 'no_data', sampleCount: 0, sli: 1, isMeetingSlo: true, isCritical: false });
    expect(e?.currentValue).toBeNaN();
    expect(e?.timeToExhaustionMs).toBeNull();
  });
});

describe('tenants', () => {
  it('never shows tenant A the events of tenant B', () => {
    const m = initializeTenantMetrics({ serviceName: 'svc', clock: () => T0 });
    for (let i = 0; i < 10; i++) m.recordBusinessMetric('login_success_rate', 0, { tenantId: 'b' });
    m.recordBusinessMetric('login_success_rate', 1, { tenantId: 'a' });
    expect(m.evaluateSlos({ tenantId: 'a' }).login_success_rate).toMatchObject({ sampleCount: 1, sli: 1 });
    expect(m.evaluateSlos({ tenantId: 'b' }).login_success_rate).toMatchObject({ sampleCount: 10, sli: 0 });
    expect(m.evaluateSlos({ tenantId: 'c' }).login_success_rate?.status).toBe('no_data');
  });

  it('rejects bad tenant ids with a clear error in test and development', () => {
    const m = initializeTenantMetrics({ serviceName: 'svc', environment: 'development' });
    for (const tenantId of ['', 'a b', '-x', 'x'.repeat(129), '../etc']) {
      expect(() => m.recordBusinessMetric('login_success_rate', 1, { tenantId })).toThrow(SloError);
    }
    expect(() => m.evaluateSlos('no/slash')).toThrow(/Invalid tenantId "no\/slash"/);
  });

  it('pools tenants past the cap into _overflow, or drops them, and says so in health()', () => {
    const { registry, counters } = fakeRegistry();
    const pooled = initializeTenantMetrics('svc', registry, { maxTenantsPerMetric: 2, clock: () => T0 });
    for (const t of ['a', 'b', 'c', 'd']) pooled.recordBusinessMetric('login_success_rate', 1, { tenantId: t });
    expect(pooled.evaluateSlos('a').login_success_rate?.sampleCount).toBe(1);
    expect(pooled.evaluateSlos('c').login_success_rate?.sampleCount).toBe(0);
    const key = `${SloMetricNames.EVENTS_TOTAL}${JSON.stringify({ tenant_id: '_overflow', slo: 'login_success_rate', service: '', region: '' })}`;
    expect(counters.get(key)).toBe(2);
    expect(pooled.health()).toMatchObject({ status: 'degraded', details: { overflowEvents: 2, tenants: 3 } });

    const dropping = initializeTenantMetrics('svc', undefined, { maxTenantsPerMetric: 1, tenantOverflow: 'drop' });
    dropping.recordBusinessMetric('login_success_rate', 1, { tenantId: 'a' });
    dropping.recordBusinessMetric('login_success_rate', 1, { tenantId: 'b' });
    expect(dropping.health().details).toMatchObject({ droppedEvents: 1, tenants: 1 });
  });
  it('keeps label sets apart in the counters, sums them in the evaluation, and pools past maxLabelSetsPerTenant', () => {
    const { registry, counters } = fakeRegistry();
    const m = initializeTenantMetrics('svc', registry, { maxLabelSetsPerTenant: 2, clock: () => T0 });
    for (const region of ['eu', 'us', 'ap', 'sa']) {
      m.recordBusinessMetric('login_success_rate', region === 'eu' ? 0 : 1, { tenantId: 'a', service: 'auth', region });
    }
    expect(m.evaluateSlos('a').login_success_rate).toMatchObject({ sampleCount: 4, sli: 0.75 });
    const key = (region: string) =>
      `dotmac_slo_events_total${JSON.stringify({ tenant_id: 'a', slo: 'login_success_rate', service: region === '_overflow' ? '_overflow' : 'auth', region })}`;
    expect([key('eu'), key('us'), key('_overflow')].map((k) => counters.get(k))).toEqual([1, 1, 2]);
    expect(m.health().details).toMatchObject({ series: 3, overflowEvents: 2 });
  });
});

describe('bad input never reaches the host app in production', () => {
  it('throws typed errors when onInvalid is throw', () => {
    const m = initializeTenantMetrics({ serviceName: 'svc', onInvalid: 'throw' });
    const ctx = { tenantId: 'a' };
    expect(() => m.recordBusinessMetric('nope', 1, ctx)).toThrow(
      expect.objectContaining({ code: 'SLO_UNKNOWN_METRIC' }),
    );
    for (const v of [2, -1, 0.5, Number.NaN]) {
      expect(() => m.recordBusinessMetric('login_success_rate', v, ctx)).toThrow(
        expect.objectContaining({ code: 'SLO_INVALID_VALUE' }),
      );
    }
    for (const v of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => m.recordBusinessMetric('api_response_latency', v, ctx)).toThrow(/finite duration in ms/);
    }
  });

  it('warns once per metric and reason in production, counts the rest, and keeps going', () => {
    const emit = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const m = initializeTenantMetrics({ serviceName: 'svc', environment: 'production' });
      for (let i = 0; i < 5; i++) m.recordBusinessMetric('login_success_rate', 7, { tenantId: 'a' });
      m.recordBusinessMetric('login_success_rate', 1, { tenantId: 'a' });
      expect(emit).toHaveBeenCalledTimes(1);
      expect(String(emit.mock.calls[0]?.[0])).toMatch(/value 7 is invalid: record 1\/true or 0\/false/);
      expect(m.health()).toMatchObject({ status: 'degraded', details: { invalidRecords: 5 } });
      expect(m.evaluateSlos('a').login_success_rate?.sampleCount).toBe(1);
    } finally {
      emit.mockRestore();
    }
  });

  it('survives a registry that throws', () => {
    const m = initializeTenantMetrics('svc', {
      registerMetric: () => undefined,
      incrementCounter: () => {
        throw new Error('boom');
      },
    });
    expect(() => m.recordBusinessMetric('login_success_rate', 1, { tenantId: 'a' })).not.toThrow();
    expect(m.health().details).toMatchObject({ registryErrors: 2 });
  });
});

describe('specs', () => {
  const m = initializeTenantMetrics({ serviceName: 'svc', registerDefaultMetrics: false });
  const spec = {
    name: 'x',
    metricType: 'success_rate',
    description: 'd',
    sloTarget: 0.9,
    alertThreshold: 0.8,
  } as const;

  it('ignores the same spec twice and rejects a different one under the same name', () => {
    m.registerBusinessMetric(spec);
    m.registerBusinessMetric({ ...spec, labels: [] });
    expect(() => m.registerBusinessMetric({ ...spec, sloTarget: 0.95 })).toThrow(
      expect.objectContaining({ code: 'SLO_DUPLICATE_METRIC' }),
    );
  });

  it('explains what is wrong with an invalid spec', () => {
    expect(() => m.registerBusinessMetric({ ...spec, name: 'bad-name' })).toThrow(/name must match/);
    expect(() => m.registerBusinessMetric({ ...spec, name: 'y', sloTarget: 1.5 })).toThrow(/sloTarget must be a ratio/);
    expect(() => m.registerBusinessMetric({ ...spec, name: 'y', labels: ['team'] })).toThrow(
      /add them to counterLabels/,
    );
    expect(() => m.registerBusinessMetric({ ...spec, name: 'y', window: '30 days' })).toThrow(/Invalid duration/);
  });

  it('refuses an onInvalid policy it does not know instead of silently dropping', () => {
    expect(() => initializeTenantMetrics('svc', undefined, { onInvalid: 'throws' as never })).toThrow(
      expect.objectContaining({ code: 'SLO_INVALID_SPEC', message: expect.stringMatching(/onInvalid must be/) }),
    );
  });
});

describe('counters in the metrics registry', () => {
  it('records every event as dotmac_slo_events_total and dotmac_slo_good_events_total', () => {
    const { registry, counters, defs } = fakeRegistry();
    const m = initializeTenantMetrics('svc', registry, { clock: () => T0 });
    expect(defs).toEqual([
      expect.objectContaining({
        name: 'dotmac_slo_events_total',
        type: 'counter',
        labels: ['tenant_id', 'slo', 'service', 'region'],
      }),
      expect.objectContaining({ name: 'dotmac_slo_good_events_total', type: 'counter' }),
    ]);
    const ctx = { tenantId: 'acme', service: 'api', region: 'eu' };
    m.recordBusinessMetric('api_response_latency', 500, ctx);
    m.recordBusinessMetric('api_response_latency', 501, ctx);
    m.recordBusinessMetric('login_success_rate', 0, ctx);
    const labels = (slo: string) => JSON.stringify({ tenant_id: 'acme', slo, service: 'api', region: 'eu' });
    expect(counters.get(`dotmac_slo_events_total${labels('api_response_latency')}`)).toBe(2);
    expect(counters.get(`dotmac_slo_good_events_total${labels('api_response_latency')}`)).toBe(1);
    expect(counters.get(`dotmac_slo_events_total${labels('login_success_rate')}`)).toBe(1);
    expect(counters.get(`dotmac_slo_good_events_total${labels('login_success_rate')}`)).toBe(0);
  });
});
