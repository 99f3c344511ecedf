import { startFakeGrafana } from './__fixtures__/fake-grafana.js';
import { startFakeSignoz } from './__fixtures__/fake-signoz.js';
import { startLoopback } from './__fixtures__/loopback.js';
import { provisionPlatformDashboards } from './provision.js';

const KEY = 'fault-test-key-42';
const FAULTS = { rate: 0.3, modes: ['503', 'hang'] as const, seed: 7, maxConsecutive: 3 };
const FAST = { timeoutMs: 250, retries: 5, retryDelayMs: 5 };

describe('provisioning through faults', () => {
  it('converges on Grafana when 30% of requests answer 503 or hang past the timeout', async () => {
    const grafana = await startFakeGrafana(KEY, { faults: FAULTS });
    try {
      const options = {
        platformType: 'grafana',
        tenantId: 'acme',
        baseUrl: grafana.url,
        apiKey: KEY,
        ...FAST,
      } as const;
      const first = await provisionPlatformDashboards(options);
      expect(first.errors).toEqual([]);
      expect(first.dashboardsCreated).toHaveLength(4);
      const second = await provisionPlatformDashboards(options);
      expect(second.errors).toEqual([]);
      expect(second.dashboardsUnchanged).toHaveLength(4);
      expect(grafana.dashboards().size).toBe(4);
      expect(grafana.faults['503']).toBeGreaterThan(0);
      expect(grafana.faults.hang).toBeGreaterThan(0);
    } finally {
      await grafana.close();
    }
  });

  it('converges on SigNoz v2 under the same faults', async () => {
    const signoz = await startFakeSignoz(KEY, 'v2', { faults: FAULTS });
    try {
      const options = { platformType: 'signoz', tenantId: 'acme', baseUrl: signoz.url, apiKey: KEY, ...FAST } as const;
      const first = await provisionPlatformDashboards(options);
      expect(first.errors).toEqual([]);
      expect(first.dashboardsCreated.length + first.dashboardsUpdated.length).toBe(4);
      const second = await provisionPlatformDashboards(options);
      expect(second.dashboardsUnchanged).toHaveLength(4);
      expect(signoz.v2.size).toBe(4);
      expect(signoz.faults['503'] ?? 0).toBeGreaterThan(0);
    } finally {
      await signoz.close();
    }
  });

  it('waits as long as Retry-After asks on 429', async () => {
    const grafana = await startFakeGrafana(KEY, {
      faults: { rate: 1, modes: ['429'], maxConsecutive: 1 },
      retryAfter: '0.3',
    });
    try {
      const started = Date.now();
      const result = await provisionPlatformDashboards({
        platformType: 'grafana',
        tenantId: 'acme',
        baseUrl: grafana.url,
        apiKey: KEY,
        dashboards: ['runtime'],
        retryDelayMs: 1,
      });
      expect(result.dashboardsCreated).toEqual(['Runtime · acme']);
      // Four distinct requests (folder GET/POST, dashboard GET/POST), each answered 429 once: four waits.
      expect(grafana.faults['429']).toBe(4);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 300 - 50);
    } finally {
      await grafana.close();
    }
  });

  it('applies the per-request timeout to a slow server and says so', async () => {
    const grafana = await startFakeGrafana(KEY, { delayMs: 2_000 });
    try {
      const result = await provisionPlatformDashboards({
        platformType: 'grafana',
        tenantId: 'acme',
        baseUrl: grafana.url,
        apiKey: KEY,
        timeoutMs: 100,
        retries: 1,
        retryDelayMs: 1,
      });
      expect(result.errors).toHaveLength(4);
      expect(result.errors[0]?.message).toMatch(/GET \/api\/folders\/.* got no answer within 100 ms \(2 attempt/);
      expect(grafana.requests).toHaveLength(2);
    } finally {
      await grafana.close();
    }
  });

  it('reports a refused connection after retrying, naming the base URL', async () => {
    const gone = await startLoopback(() => ({ status: 200 }));
    await gone.close();
    const result = await provisionPlatformDashboards({
      platformType: 'grafana',
      tenantId: 'acme',
      baseUrl: gone.url,
      apiKey: KEY,
      retries: 2,
      retryDelayMs: 1,
    });
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]?.message).toMatch(
      /fetch failed: ECONNREFUSED; 3 attempt\(s\)\): check baseUrl http:\/\/127\.0\.0\.1:/,
    );
  });

  it('does not retry a 403 and keeps going with the other dashboards', async () => {
    const server = await startLoopback((request) => {
      if (request.method === 'GET' && request.path.startsWith('/api/folders/')) return { status: 200, body: {} };
      if (request.method === 'GET') return { status: 404, body: { message: 'Dashboard not found' } };
      if (request.path === '/api/dashboards/db' && JSON.stringify(request.body).includes('Runtime')) {
        return { status: 403, body: { message: 'Access denied to save dashboard' } };
      }
      return { status: 200, body: { status: 'success', version: 1 } };
    });
    try {
      const result = await provisionPlatformDashboards({
        platformType: 'grafana',
        tenantId: 'acme',
        baseUrl: server.url,
        apiKey: KEY,
        retries: 3,
      });
      expect(result.dashboardsCreated).toHaveLength(3);
      expect(result.errors).toEqual([
        { dashboard: 'Runtime · acme', status: 403, message: expect.stringMatching(/Access denied.*lacks permission/) },
      ]);
      const runtimePosts = server.requests.filter(
        (r) => r.method === 'POST' && JSON.stringify(r.body).includes('Runtime'),
      );
      expect(runtimePosts).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('writes whose answer is lost', () => {
  it('SigNoz v2: a create applied but unanswered is retried, meets 409, and is recognised as ours', async () => {
    const signoz = await startFakeSignoz(KEY, 'v2', {
      faults: { rate: 1, modes: ['lost'], maxConsecutive: 1, only: (r) => r.method === 'POST' },
    });
    try {
      const options = { platformType: 'signoz', tenantId: 'acme', baseUrl: signoz.url, apiKey: KEY, ...FAST } as const;
      const result = await provisionPlatformDashboards(options);
      expect(result.errors).toEqual([]);
      expect(result.dashboardsCreated).toHaveLength(4);
      expect(signoz.faults.lost).toBe(4);
      expect(signoz.v2.size).toBe(4);
    } finally {
      await signoz.close();
    }
  });

  it('Grafana: the retried overwrite of a lost create leaves one dashboard per uid', async () => {
    const grafana = await startFakeGrafana(KEY, {
      faults: { rate: 1, modes: ['lost'], maxConsecutive: 1, only: (r) => r.path === '/api/dashboards/db' },
    });
    try {
      const options = {
        platformType: 'grafana',
        tenantId: 'acme',
        baseUrl: grafana.url,
        apiKey: KEY,
        ...FAST,
      } as const;
      const result = await provisionPlatformDashboards(options);
      expect(result.dashboardsCreated).toHaveLength(4);
      expect(grafana.dashboards().size).toBe(4);
      expect(grafana.faults.lost).toBe(4);
    } finally {
      await grafana.close();
    }
  });

  it('SigNoz v1: a create is not repeated after a lost answer (no duplicates); the next run finds it', async () => {
    const signoz = await startFakeSignoz(KEY, 'v1', {
      faults: { rate: 1, modes: ['lost'], maxConsecutive: 4, only: (r) => r.method === 'POST' },
    });
    try {
      const options = { platformType: 'signoz', tenantId: 'acme', baseUrl: signoz.url, apiKey: KEY, ...FAST } as const;
      const first = await provisionPlatformDashboards(options);
      expect(first.errors).toHaveLength(4);
      expect(first.errors[0]?.message).toMatch(/POST \/api\/v1\/dashboards got no answer within 250 ms \(not retried/);
      expect(signoz.v1.size).toBe(4);
      const second = await provisionPlatformDashboards(options);
      expect(second.dashboardsUnchanged).toHaveLength(4);
      expect(signoz.v1.size).toBe(4);
    } finally {
      await signoz.close();
    }
  });
});
