import { fakeComponent } from './__fixtures__/components.js';
import { createHealthEndpointHandler, createLivenessHandler, createReadinessHandler } from './handlers.js';

describe('createHealthEndpointHandler', () => {
  it('answers 200 with the seed-shaped JSON body when healthy', async () => {
    const handler = createHealthEndpointHandler(fakeComponent('o'), fakeComponent('m'), fakeComponent('t'));
    const response = await handler();
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ status: 'healthy', summary: { total: 3, healthy: 3 } });
    expect(body.checks[0]).toEqual({
      name: 'otel',
      status: 'healthy',
      message: 'o is healthy',
      durationMs: expect.any(Number),
      critical: true,
    });
  });

  it('answers 200 when degraded and 503 when unhealthy', async () => {
    expect((await createHealthEndpointHandler({ otel: fakeComponent('o', 'degraded') })()).statusCode).toBe(200);
    const down = await createHealthEndpointHandler({ otel: fakeComponent('o', 'unhealthy') })();
    expect(down.statusCode).toBe(503);
    expect(JSON.parse(down.body).status).toBe('unhealthy');
  });

  it('answers application/health+json when the Accept header asks for it', async () => {
    const handler = createHealthEndpointHandler({
      otel: fakeComponent('o', 'degraded', { queue: 3 }),
      serviceId: 'svc',
    });
    const response = await handler({ headers: { Accept: 'application/health+json, application/json;q=0.5' } });
    expect(response.headers['content-type']).toBe('application/health+json; charset=utf-8');
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ status: 'warn', serviceId: 'svc', output: '0 unhealthy and 1 degraded of 3 checks' });
    expect(body.checks['otel:responseTime']).toEqual([
      {
        componentId: 'otel',
        componentType: 'component',
        status: 'warn',
        time: expect.any(String),
        observedValue: expect.any(Number),
        observedUnit: 'ms',
        output: 'o is degraded',
        details: { queue: 3 },
      },
    ]);
    expect(body.checks['metrics:responseTime'][0]).toMatchObject({ status: 'pass', output: 'not configured' });
  });

  it('answers application/health+json when the format option says so, and fail with 503', async () => {
    const handler = createHealthEndpointHandler(fakeComponent('o', 'unhealthy'), undefined, undefined, {
      format: 'health+json',
    });
    const response = await handler();
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).status).toBe('fail');
  });

  it('answers Kubernetes-style text with ?verbose', async () => {
    const handler = createHealthEndpointHandler({
      otel: fakeComponent('o', 'degraded'),
      metrics: fakeComponent('m', 'unhealthy'),
      checks: [{ name: 'db', check: async () => true }],
    });
    const response = await handler({ url: '/health?verbose' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(
      [
        '[+]otel degraded: o is degraded',
        '[-]metrics failed: m is unhealthy',
        '[+]tenantMetrics ok',
        '[+]db ok',
        'healthz check failed',
        '',
      ].join('\n'),
    );
    expect((await handler({ url: '/health?verbose=false' })).headers['content-type']).toContain('application/json');
  });

  it('caches results for 1000 ms by default, and not with cacheTtlMs: 0', async () => {
    const otel = fakeComponent('o');
    const cached = createHealthEndpointHandler({ otel });
    await Promise.all([cached(), cached(), cached()]);
    await cached();
    expect(otel.calls).toBe(1);
    const fresh = createHealthEndpointHandler({ otel, cacheTtlMs: 0 });
    await fresh();
    await fresh();
    expect(otel.calls).toBe(3);
  });
});

describe('createLivenessHandler', () => {
  it('always answers 200 without asking any component', async () => {
    const response = await createLivenessHandler()({ url: '/livez?verbose' });
    expect(response).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      body: '[+]ping ok\nlivez check passed\n',
    });
    expect(JSON.parse((await createLivenessHandler()()).body).status).toBe('healthy');
  });
});

describe('createReadinessHandler', () => {
  it('runs the checks until shutdown begins, then fails at once without running them', async () => {
    const otel = fakeComponent('o');
    const readyz = createReadinessHandler({ otel, cacheTtlMs: 0 });
    expect((await readyz()).statusCode).toBe(200);
    expect(readyz.shuttingDown).toBe(false);
    readyz.beginShutdown();
    expect(readyz.shuttingDown).toBe(true);
    const response = await readyz({ url: '/readyz?verbose=1' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe('[-]shutdown failed: the process is shutting down\nreadyz check failed\n');
    expect(otel.calls).toBe(1);
  });

  it('fails once the shutdown signal aborts, even with a cached healthy result', async () => {
    const controller = new AbortController();
    const readyz = createReadinessHandler(fakeComponent('o'), undefined, undefined, { signal: controller.signal });
    expect((await readyz()).statusCode).toBe(200);
    controller.abort();
    expect((await readyz()).statusCode).toBe(503);
    expect(createReadinessHandler({ signal: AbortSignal.abort() }).shuttingDown).toBe(true);
  });
});
