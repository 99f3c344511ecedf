import { type FakeSignoz, startFakeSignoz } from './__fixtures__/fake-signoz.js';
import { startLoopback } from './__fixtures__/loopback.js';
import { buildPlatformDashboards } from './build.js';
import { MANAGED_BY_TAG, signozDashboardName } from './identifiers.js';
import { provisionPlatformDashboards } from './provision.js';
import type { DashboardProvisioningOptions } from './types.js';

const KEY = 'signoz-key-abcdef123456';
let signoz: FakeSignoz | undefined;
afterEach(() => signoz?.close());

const options = (
  server: FakeSignoz,
  extra: Partial<DashboardProvisioningOptions> = {},
): DashboardProvisioningOptions => ({
  platformType: 'signoz',
  tenantId: 'acme-corp',
  baseUrl: server.url,
  apiKey: KEY,
  retryDelayMs: 1,
  ...extra,
});
const writes = (server: FakeSignoz) => server.requests.filter((r) => r.method !== 'GET').length;

describe('provisionPlatformDashboards on a SigNoz server with the v2 API', () => {
  beforeEach(async () => {
    signoz = await startFakeSignoz(KEY, 'v2');
  });

  it('creates the dashboards by unique name, then finds them unchanged, never touching v1', async () => {
    const server = signoz as FakeSignoz;
    const first = await provisionPlatformDashboards(options(server));
    expect(first.errors).toEqual([]);
    expect(first.dashboardsCreated).toHaveLength(4);
    const names = [...server.v2.values()].map((d) => d.name).sort();
    expect(names).toEqual(
      buildPlatformDashboards({ platformType: 'signoz', tenantId: 'acme-corp' })
        .map((d) => d.id)
        .sort(),
    );
    for (const stored of server.v2.values()) {
      expect(stored.tags).toEqual(
        expect.arrayContaining([
          { key: 'managed-by', value: 'dotmac-observability' },
          { key: 'tenant', value: 'acme-corp' },
        ]),
      );
    }
    const before = writes(server);
    const second = await provisionPlatformDashboards(options(server));
    expect(second).toMatchObject({ dashboardsCreated: [], dashboardsUpdated: [], errors: [] });
    expect(second.dashboardsUnchanged).toHaveLength(4);
    expect(writes(server)).toBe(before);
    expect(server.requests.some((r) => r.path.startsWith('/api/v1/'))).toBe(false);
  });

  it('updates only the dashboards whose variables changed', async () => {
    const server = signoz as FakeSignoz;
    await provisionPlatformDashboards(options(server));
    const result = await provisionPlatformDashboards(
      options(server, { customVariables: { slo: 'login_success_rate' } }),
    );
    expect(result.dashboardsUpdated).toEqual(['Tenant SLOs · acme-corp']);
    expect(result.dashboardsUnchanged).toHaveLength(3);
  });

  it('prunes only stale dashboards owned for this tenant', async () => {
    const server = signoz as FakeSignoz;
    await provisionPlatformDashboards(options(server));
    await provisionPlatformDashboards(options(server, { tenantId: 'globex' }));
    const foreign = {
      schemaVersion: 'v6',
      tags: [{ key: 'tenant', value: 'acme-corp' }],
      spec: { display: { name: 'Mine' } },
    };
    server.v2.set('foreign', { id: 'foreign', name: 'hand-made', ...foreign });
    const result = await provisionPlatformDashboards(options(server, { dashboards: ['runtime'], prune: true }));
    expect(result.dashboardsDeleted).toHaveLength(3);
    expect(result.dashboardsUnchanged).toEqual(['Runtime · acme-corp']);
    const left = [...server.v2.values()].map((d) => d.name);
    expect(left).toContain('hand-made');
    expect(left).toContain(signozDashboardName('globex', 'database'));
    expect(left).toContain(signozDashboardName('acme-corp', 'runtime'));
    expect(left).toHaveLength(1 + 4 + 1);
  });

  it('writes nothing in a dry run', async () => {
    const server = signoz as FakeSignoz;
    const result = await provisionPlatformDashboards(options(server, { dryRun: true }));
    expect(result).toMatchObject({ dryRun: true, errors: [] });
    expect(result.dashboardsCreated).toHaveLength(4);
    expect(writes(server)).toBe(0);
  });

  it('pages through large dashboard lists to find its own', async () => {
    const server = signoz as FakeSignoz;
    for (let i = 0; i < 450; i++) {
      const spec = { display: { name: `Other ${i}` } };
      server.v2.set(`other-${i}`, { id: `other-${i}`, name: `other-${i}`, schemaVersion: 'v6', tags: [], spec });
    }
    await provisionPlatformDashboards(options(server));
    const second = await provisionPlatformDashboards(options(server));
    expect(second.dashboardsUnchanged).toHaveLength(4);
    expect(server.v2.size).toBe(454);
  });

  it('answers 401 with one error per dashboard, no retries, key never printed', async () => {
    const server = signoz as FakeSignoz;
    const result = await provisionPlatformDashboards(options(server, { apiKey: 'not-the-key-999', retries: 3 }));
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]?.message).toMatch(/401 \(invalid or missing API key\).*SIGNOZ_API_KEY/);
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain('not-the-key-999');
  });
});

describe('provisionPlatformDashboards on an older SigNoz server (v1 only)', () => {
  beforeEach(async () => {
    signoz = await startFakeSignoz(KEY, 'v1');
  });

  it('falls back to v1, marks ownership with tags, and is idempotent', async () => {
    const server = signoz as FakeSignoz;
    const first = await provisionPlatformDashboards(options(server, { customVariables: { service: 'user-service' } }));
    expect(first.errors).toEqual([]);
    expect(first.dashboardsCreated).toHaveLength(4);
    for (const stored of server.v1.values()) {
      expect(stored.data.tags).toEqual(expect.arrayContaining([MANAGED_BY_TAG, 'tenant:acme-corp']));
    }
    const second = await provisionPlatformDashboards(options(server, { customVariables: { service: 'user-service' } }));
    expect(second.dashboardsUnchanged).toHaveLength(4);
    expect(server.v1.size).toBe(4);
    const third = await provisionPlatformDashboards(options(server));
    expect(third.dashboardsUpdated).toHaveLength(3);
  });

  it('prunes only stale owned dashboards of this tenant and removes duplicates of ours', async () => {
    const server = signoz as FakeSignoz;
    await provisionPlatformDashboards(options(server));
    await provisionPlatformDashboards(options(server, { tenantId: 'globex' }));
    server.v1.set('mine', { id: 99, uuid: 'mine', data: { title: 'Hand made', tags: ['tenant:acme-corp'] } });
    const runtime = [...server.v1.values()].find((d) => d.data.title === 'Runtime · acme-corp');
    server.v1.set('dup', { id: 100, uuid: 'dup', data: { ...(runtime?.data ?? {}) } });
    const result = await provisionPlatformDashboards(options(server, { dashboards: ['runtime'], prune: true }));
    expect(result.errors).toEqual([]);
    expect(result.dashboardsDeleted).toHaveLength(4);
    expect(server.v1.has('mine')).toBe(true);
    expect([...server.v1.values()].filter((d) => d.data.tags?.includes('tenant:globex'))).toHaveLength(4);
    expect(server.v1.size).toBe(1 + 4 + 1);
  });

  it('treats a v2 path that answers an HTML page (a UI fallback) as a v1-only server', async () => {
    const server = signoz as FakeSignoz;
    const proxy = await startLoopback(async (request, url) => {
      if (request.path.startsWith('/api/v2/')) return { status: 200, body: '<!doctype html><title>SigNoz</title>' };
      const response = await fetch(`${server.url}${url.pathname}`, {
        method: request.method,
        headers: { 'SIGNOZ-API-KEY': String(request.headers['signoz-api-key']), 'content-type': 'application/json' },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      return { status: response.status, body: await response.json() };
    });
    try {
      const result = await provisionPlatformDashboards(options(server, { baseUrl: proxy.url }));
      expect(result.errors).toEqual([]);
      expect(server.v1.size).toBe(4);
    } finally {
      await proxy.close();
    }
  });

  it('the v2 server answers v1 with 501 dashboard_deprecated (as new SigNoz does)', async () => {
    const modern = await startFakeSignoz(KEY, 'v2');
    const response = await fetch(`${modern.url}/api/v1/dashboards`, { headers: { 'SIGNOZ-API-KEY': KEY } });
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ status: 'error', error: { code: 'dashboard_deprecated' } });
    await modern.close();
  });
});
