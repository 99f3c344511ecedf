import http from 'node:http';
import { createHealthEndpointHandler, createLivenessHandler, createReadinessHandler } from '../handlers.js';
import type { HealthHandler, ReadinessHandler } from '../types.js';
import { type FakeComponent, fakeComponent } from './components.js';
import { get } from './http.js';

/** The routes every adapter test mounts. */
export interface Routes {
  readonly '/health': HealthHandler;
  readonly '/down': HealthHandler;
  readonly '/hang': HealthHandler;
  readonly '/livez': HealthHandler;
  readonly '/readyz': ReadinessHandler;
}

export interface Started {
  readonly base: string;
  close(): Promise<void>;
}

const HANG_TIMEOUT_MS = 200;

/** Runs the same HTTP-level specification against one framework adapter on 127.0.0.1. */
export function describeAdapter(name: string, start: (routes: Routes) => Promise<Started>): void {
  describe(`${name} adapter on 127.0.0.1`, () => {
    let server: Started;
    let otel: FakeComponent;
    let readyz: ReadinessHandler;

    beforeAll(async () => {
      otel = fakeComponent('otel', 'degraded', { queue: 7, headers: { 'x-api-key': 'never-shown' } });
      readyz = createReadinessHandler({ otel, metrics: fakeComponent('m') });
      server = await start({
        '/health': createHealthEndpointHandler({
          otel,
          metrics: fakeComponent('m'),
          checks: [{ name: 'slow', check: () => new Promise<void>((resolve) => setTimeout(resolve, 20)) }],
        }),
        '/down': createHealthEndpointHandler({ otel: fakeComponent('o', 'unhealthy') }),
        '/hang': createHealthEndpointHandler({
          metrics: { health: () => new Promise<never>(() => undefined) },
          timeoutMs: HANG_TIMEOUT_MS,
        }),
        '/livez': createLivenessHandler(),
        '/readyz': readyz,
      });
    });
    afterAll(() => server.close());

    it('answers 200 with JSON in the seed shape, secrets removed', async () => {
      const answer = await get(`${server.base}/health`);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/json; charset=utf-8');
      const body = JSON.parse(answer.body);
      expect(body).toMatchObject({ status: 'degraded', summary: { total: 4, degraded: 1, notConfigured: 1 } });
      expect(body.checks[0].details).toEqual({ queue: 7, headers: { 'x-api-key': '***' } });
      expect(answer.body).not.toContain('never-shown');
    });

    it('answers application/health+json on request', async () => {
      const answer = await get(`${server.base}/health`, { accept: 'application/health+json' });
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/health+json; charset=utf-8');
      const body = JSON.parse(answer.body);
      expect(body.status).toBe('warn');
      expect(Object.keys(body.checks)).toEqual([
        'otel:responseTime',
        'metrics:responseTime',
        'tenantMetrics:responseTime',
        'slow:responseTime',
      ]);
    });

    it('answers 503 when unhealthy, as JSON and as ?verbose text', async () => {
      const json = await get(`${server.base}/down`);
      expect([json.status, JSON.parse(json.body).status]).toEqual([503, 'unhealthy']);
      const text = await get(`${server.base}/down?verbose`);
      expect(text.status).toBe(503);
      expect(text.type).toBe('text/plain; charset=utf-8');
      expect(text.body).toBe(
        '[-]otel failed: o is unhealthy\n[+]metrics ok\n[+]tenantMetrics ok\nhealthz check failed\n',
      );
    });

    it('answers within the timeout plus a margin when a check never resolves', async () => {
      const started = Date.now();
      const answer = await get(`${server.base}/hang`);
      expect(Date.now() - started).toBeLessThan(HANG_TIMEOUT_MS + 1500);
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body).checks[1].message).toBe(`timed out after ${HANG_TIMEOUT_MS} ms`);
    });

    it('serves liveness, and readiness that fails once shutdown begins', async () => {
      const livez = await get(`${server.base}/livez?verbose`);
      expect([livez.status, livez.body]).toEqual([200, '[+]ping ok\nlivez check passed\n']);
      expect((await get(`${server.base}/readyz`)).status).toBe(200);
      readyz.beginShutdown();
      const after = await get(`${server.base}/readyz?verbose`);
      expect([after.status, after.body]).toEqual([
        503,
        '[-]shutdown failed: the process is shutting down\nreadyz check failed\n',
      ]);
    });

    it('answers 1,000 concurrent probes correctly, running the checks only a few times', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
      const before = otel.calls;
      try {
        const answers = await Promise.all(Array.from({ length: 1000 }, () => get(`${server.base}/health`, {}, agent)));
        expect(answers.every((a) => a.status === 200 && JSON.parse(a.body).status === 'degraded')).toBe(true);
      } finally {
        agent.destroy();
      }
      expect(otel.calls - before).toBeLessThanOrEqual(10);
    }, 30_000);
  });
}
