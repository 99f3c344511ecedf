import { closedPort, fakeComponent, metricsStandIn, otelStandIn } from './__fixtures__/components.js';
import { HealthConfigError } from './errors.js';
import { createHealthChecker, getObservabilityHealth } from './observability-health.js';

const never = (): Promise<never> => new Promise(() => undefined);

describe('getObservabilityHealth', () => {
  it('accepts the positional form and reports every component by its slot name', async () => {
    const health = await getObservabilityHealth(fakeComponent('o'), fakeComponent('m'), fakeComponent('t'));
    expect(health.status).toBe('healthy');
    expect(health.checks.map((c) => [c.name, c.status, c.message])).toEqual([
      ['otel', 'healthy', 'o is healthy'],
      ['metrics', 'healthy', 'm is healthy'],
      ['tenantMetrics', 'healthy', 't is healthy'],
    ]);
    expect(health.summary).toEqual({ total: 3, healthy: 3, degraded: 0, unhealthy: 0, notConfigured: 0 });
    expect(Number.isNaN(Date.parse(health.timestamp))).toBe(false);
  });

  it('reports missing components as not configured, not as failures', async () => {
    const health = await getObservabilityHealth({ metrics: fakeComponent('m') });
    expect(health.status).toBe('healthy');
    const otel = health.checks.find((c) => c.name === 'otel');
    expect(otel).toMatchObject({ status: 'healthy', message: 'not configured', details: { configured: false } });
    expect(health.summary).toMatchObject({ total: 3, healthy: 3, notConfigured: 2 });
  });

  it('with no argument at all, answers healthy with three unconfigured components', async () => {
    const health = await getObservabilityHealth();
    expect(health.summary).toMatchObject({ total: 3, notConfigured: 3 });
  });

  it('aggregates: critical unhealthy → unhealthy, degraded or non-critical unhealthy → degraded', async () => {
    const degraded = await getObservabilityHealth(fakeComponent('o', 'degraded'), fakeComponent('m'));
    expect(degraded.status).toBe('degraded');
    const optional = await getObservabilityHealth({
      otel: fakeComponent('o'),
      checks: [{ name: 'cache', check: async () => false, critical: false }],
    });
    expect(optional.status).toBe('degraded');
    expect(optional.checks.at(-1)).toMatchObject({ name: 'cache', status: 'unhealthy', critical: false });
    const critical = await getObservabilityHealth(fakeComponent('o', 'degraded'), fakeComponent('m', 'unhealthy'));
    expect(critical.status).toBe('unhealthy');
    expect(critical.summary).toEqual({ total: 3, healthy: 1, degraded: 1, unhealthy: 1, notConfigured: 1 });
  });

  it('accepts custom checks resolving to nothing, a boolean or a status object', async () => {
    const health = await getObservabilityHealth({
      checks: [
        { name: 'void', check: async () => undefined },
        { name: 'true', check: () => true },
        { name: 'object', check: async () => ({ status: 'degraded', message: 'slow', details: { ms: 900 } }) },
      ],
    });
    expect(health.checks.slice(3).map((c) => [c.name, c.status, c.message])).toEqual([
      ['void', 'healthy', 'ok'],
      ['true', 'healthy', 'ok'],
      ['object', 'degraded', 'slow'],
    ]);
    expect(health.checks[5]?.details).toEqual({ ms: 900 });
  });

  it('answers within the timeout plus a margin when a check never resolves', async () => {
    const started = Date.now();
    const health = await getObservabilityHealth({
      otel: { health: never },
      metrics: fakeComponent('m'),
      timeoutMs: 150,
    });
    expect(Date.now() - started).toBeLessThan(150 + 1000);
    expect(health.status).toBe('unhealthy');
    expect(health.checks[0]).toMatchObject({ name: 'otel', status: 'unhealthy', message: 'timed out after 150 ms' });
    expect(health.checks[1]?.status).toBe('healthy');
  });

  it('uses the default of 2000 ms in the timeout message', async () => {
    jest.useFakeTimers();
    try {
      const pending = getObservabilityHealth({ otel: { health: never } });
      await jest.advanceTimersByTimeAsync(2000);
      expect((await pending).checks[0]?.message).toBe('timed out after 2000 ms');
    } finally {
      jest.useRealTimers();
    }
  });

  it('turns throwing, rejecting and garbage-returning checks into unhealthy entries', async () => {
    const garbage: unknown[] = [
      null,
      42,
      'ok',
      { status: 'fine' },
      [],
      {
        get status(): never {
          throw new Error('x');
        },
      },
    ];
    const health = await getObservabilityHealth({
      otel: {
        health() {
          throw new Error('boom');
        },
      },
      metrics: { health: () => Promise.reject('plain string') },
      tenantMetrics: { health: () => undefined as never },
      checks: garbage.map((value, i) => ({ name: `garbage${i}`, check: async () => value as never })),
    });
    expect(health.status).toBe('unhealthy');
    expect(health.checks[0]?.message).toBe('check failed: boom');
    expect(health.checks[1]?.message).toBe('check failed: plain string');
    for (const check of health.checks.slice(2)) {
      expect(check).toMatchObject({ status: 'unhealthy', message: expect.stringContaining('invalid result') });
    }
  });

  // Jest 30 fails the running test on any unhandled rejection, so this test fails if the late rejection leaks.
  it('swallows a rejection that arrives after the timeout', async () => {
    let rejected = false;
    const late = () =>
      new Promise<never>((_, reject) =>
        setTimeout(() => {
          rejected = true;
          reject(new Error('late'));
        }, 80),
      );
    const health = await getObservabilityHealth({ otel: { health: late }, timeoutMs: 20 });
    expect(health.checks[0]?.message).toBe('timed out after 20 ms');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(rejected).toBe(true);
  });

  it('reuses results for cacheTtlMs when given the same options object, and shares in-flight evaluations', async () => {
    const otel = fakeComponent('o');
    const options = { otel, cacheTtlMs: 60_000 };
    const [a, b] = await Promise.all([getObservabilityHealth(options), getObservabilityHealth(options)]);
    const c = await getObservabilityHealth(options);
    expect(otel.calls).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    await getObservabilityHealth({ otel });
    expect(otel.calls).toBe(2);
  });

  it('evaluates again once the cache expires', async () => {
    const otel = fakeComponent('o');
    const check = createHealthChecker({ otel, cacheTtlMs: 20 });
    await check();
    await check();
    expect(otel.calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    otel.answer = { name: 'o', status: 'degraded', message: 'now degraded' };
    expect((await check()).status).toBe('degraded');
    expect(otel.calls).toBe(2);
  });

  it('rejects invalid options with HealthConfigError and a message that says the fix', async () => {
    await expect(getObservabilityHealth({ timeoutMs: -1 })).rejects.toThrow(HealthConfigError);
    await expect(getObservabilityHealth({ timeoutMs: 0 })).rejects.toThrow(/timeoutMs must be a positive number/);
    expect(() => createHealthChecker({ otel: {} as never })).toThrow(/otel must be an object with a health\(\) method/);
    expect(() => createHealthChecker({ checks: [{ name: 'otel', check: () => true }] })).toThrow(/unique name/);
    expect(() => createHealthChecker({ checks: [{ name: '', check: () => true }] })).toThrow(/checks\[0\]/);
    expect(() => createHealthChecker({ cacheTtlMs: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'HEALTH_CONFIG_INVALID' }),
    );
  });
});

describe('with components standing in for the OTel bootstrap and the metrics registry', () => {
  it('is degraded when the exporter receiver is down', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}/v1/traces`;
    const health = await getObservabilityHealth(otelStandIn(endpoint), metricsStandIn(100));
    expect(health.status).toBe('degraded');
    expect(health.checks[0]).toMatchObject({ name: 'otel', status: 'degraded' });
  });

  it('is degraded when the metrics registry is at its cardinality cap', async () => {
    const metrics = metricsStandIn(2);
    expect((await getObservabilityHealth({ metrics })).status).toBe('healthy');
    metrics.series = 2;
    const health = await getObservabilityHealth({ metrics });
    expect(health.status).toBe('degraded');
    expect(health.checks[1]).toMatchObject({
      message: expect.stringContaining('cardinality cap'),
      details: { cap: 2 },
    });
  });
});
