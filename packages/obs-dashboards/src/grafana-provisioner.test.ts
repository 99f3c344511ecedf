import { ObservabilityError } from '@dotmac/obs-config';
import { type FakeGrafana, startFakeGrafana } from './__fixtures__/fake-grafana.js';
import { DashboardConfigError } from './errors.js';
import { grafanaDashboardUid, grafanaFolderUid, MANAGED_BY_TAG } from './identifiers.js';
import { provisionPlatformDashboards } from './provision.js';
import type { DashboardProvisioningOptions } from './types.js';

const TOKEN = 'glsa_test-token-0123456789';
let grafana: FakeGrafana;

beforeEach(async () => {
  grafana = await startFakeGrafana(TOKEN);
});
afterEach(() => grafana.close());

const options = (extra: Partial<DashboardProvisioningOptions> = {}): DashboardProvisioningOptions => ({
  platformType: 'grafana',
  tenantId: 'acme-corp',
  baseUrl: grafana.url,
  apiKey: TOKEN,
  retryDelayMs: 1,
  ...extra,
});
const writes = () => grafana.requests.filter((r) => r.method !== 'GET').length;

describe('provisionPlatformDashboards on Grafana', () => {
  it('creates the tenant folder and the four dashboards, then finds them unchanged', async () => {
    const first = await provisionPlatformDashboards(options());
    expect(first.errors).toEqual([]);
    expect(first.dashboardsCreated).toHaveLength(4);
    expect(first.dryRun).toBe(false);
    expect(grafana.folders.has(grafanaFolderUid('acme-corp'))).toBe(true);
    for (const stored of grafana.dashboards().values()) {
      expect(stored.folderUid).toBe(grafanaFolderUid('acme-corp'));
      expect(stored.dashboard.tags).toEqual(expect.arrayContaining([MANAGED_BY_TAG, 'tenant:acme-corp']));
      expect(stored.version).toBe(1);
    }

    const before = writes();
    const second = await provisionPlatformDashboards(options());
    expect(second).toMatchObject({ dashboardsCreated: [], dashboardsUpdated: [], errors: [] });
    expect(second.dashboardsUnchanged).toHaveLength(4);
    expect(writes()).toBe(before);
  });

  it('updates only the dashboards that use a changed variable', async () => {
    await provisionPlatformDashboards(options({ customVariables: { service: 'billing' } }));
    const result = await provisionPlatformDashboards(options({ customVariables: { service: 'user-service' } }));
    expect([...result.dashboardsUpdated].sort()).toEqual(
      ['Database · acme-corp', 'Runtime · acme-corp', 'Service overview · acme-corp'].sort(),
    );
    expect(result.dashboardsUnchanged).toEqual(['Tenant SLOs · acme-corp']);
    expect(grafana.dashboards().get(grafanaDashboardUid('acme-corp', 'tenant-slos'))?.version).toBe(1);
    expect(grafana.dashboards().get(grafanaDashboardUid('acme-corp', 'runtime'))?.version).toBe(2);
  });

  it('updates a dashboard edited by hand and reports it', async () => {
    await provisionPlatformDashboards(options());
    const stored = grafana.dashboards().get(grafanaDashboardUid('acme-corp', 'database'));
    const panels = stored?.dashboard.panels as { title: string }[];
    if (panels[1]) panels[1].title = 'renamed in the UI';
    const result = await provisionPlatformDashboards(options());
    expect(result.dashboardsUpdated).toEqual(['Database · acme-corp']);
  });

  it('prunes only stale dashboards owned for this tenant', async () => {
    await provisionPlatformDashboards(options());
    await provisionPlatformDashboards(options({ tenantId: 'other' }));
    grafana.seed({ uid: 'hand-made', title: 'Hand made', tags: ['tenant:acme-corp'] });
    const result = await provisionPlatformDashboards(options({ dashboards: ['service-overview'], prune: true }));
    expect(result.errors).toEqual([]);
    expect(result.dashboardsUnchanged).toEqual(['Service overview · acme-corp']);
    expect([...result.dashboardsDeleted].sort()).toEqual([
      'Database · acme-corp',
      'Runtime · acme-corp',
      'Tenant SLOs · acme-corp',
    ]);
    const left = [...grafana.dashboards().keys()];
    expect(left).toHaveLength(1 + 4 + 1);
    expect(left).toContain('hand-made');
    expect(left).toContain(grafanaDashboardUid('other', 'runtime'));
  });

  it('writes nothing in a dry run and reports what would change', async () => {
    const result = await provisionPlatformDashboards(options({ dryRun: true, prune: true }));
    expect(result.dryRun).toBe(true);
    expect(result.dashboardsCreated).toHaveLength(4);
    expect(writes()).toBe(0);
    expect(grafana.dashboards().size).toBe(0);
    expect(grafana.folders.size).toBe(0);
  });

  it('answers 401 with one clear error per dashboard, without retrying or printing the key', async () => {
    const events: string[] = [];
    const result = await provisionPlatformDashboards(
      options({ apiKey: 'wrong-secret-key', retries: 3, onProgress: (e) => events.push(e.outcome) }),
    );
    expect(result.errors).toHaveLength(4);
    for (const error of result.errors) {
      expect(error.status).toBe(401);
      expect(error.message).toMatch(/check the API key \(apiKey \/ GRAFANA_API_KEY/);
    }
    expect(grafana.requests).toHaveLength(1);
    expect(events).toEqual(['error', 'error', 'error', 'error']);
    expect(JSON.stringify(result)).not.toContain('wrong-secret-key');
  });

  it('ignores a throwing progress callback and accepts a trailing slash in baseUrl', async () => {
    const onProgress = () => {
      throw new Error('callback bug');
    };
    const result = await provisionPlatformDashboards(options({ onProgress, baseUrl: `${grafana.url}/` }));
    expect(result.dashboardsCreated).toEqual([
      'Service overview · acme-corp',
      'Tenant SLOs · acme-corp',
      'Runtime · acme-corp',
      'Database · acme-corp',
    ]);
  });

  it('selects the organisation with X-Grafana-Org-Id', async () => {
    await provisionPlatformDashboards(options({ orgId: 2 }));
    expect(grafana.orgs.get('2')?.size).toBe(4);
    expect(grafana.dashboards().size).toBe(0);
  });

  it('reads GRAFANA_URL and GRAFANA_API_KEY from the injected environment', async () => {
    const env = { GRAFANA_URL: grafana.url, GRAFANA_API_KEY: TOKEN };
    const result = await provisionPlatformDashboards({ platformType: 'grafana', tenantId: 'acme-corp', env });
    expect(result.dashboardsCreated).toHaveLength(4);
  });

  it('throws a typed error naming the variable when no base URL is known', async () => {
    const run = provisionPlatformDashboards({ platformType: 'grafana', tenantId: 'acme', env: { GRAFANA_URL: ' ' } });
    await expect(run).rejects.toBeInstanceOf(DashboardConfigError);
    await expect(run).rejects.toBeInstanceOf(ObservabilityError);
    await expect(run).rejects.toMatchObject({
      code: 'DASHBOARDS_BASE_URL_MISSING',
      message: expect.stringContaining('GRAFANA_URL'),
    });
  });

  it('reports a malformed GRAFANA_URL through obs-config, without the key', async () => {
    const env = { GRAFANA_URL: 'grafana:3000', GRAFANA_API_KEY: 'env-secret-1' };
    const run = provisionPlatformDashboards({ platformType: 'grafana', tenantId: 'acme', env });
    await expect(run).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('GRAFANA_URL'),
    });
    await expect(run).rejects.not.toThrow(/env-secret-1/);
  });

  it('rejects unusable options before any request', async () => {
    await expect(provisionPlatformDashboards(options({ tenantId: 'acme corp' }))).rejects.toMatchObject({
      code: 'DASHBOARDS_INVALID_OPTIONS',
    });
    await expect(provisionPlatformDashboards(options({ timeoutMs: 0 }))).rejects.toThrow(/timeoutMs/);
    await expect(provisionPlatformDashboards(options({ baseUrl: 'ftp://x' }))).rejects.toThrow(/http\(s\) URL/);
    expect(grafana.requests).toHaveLength(0);
  });
});
