import { everyRendering, type GrafanaPanel } from './__fixtures__/walk.js';
import { buildPlatformDashboards } from './build.js';
import { DashboardConfigError } from './errors.js';
import { grafanaDashboardUid, grafanaFolderUid, signozDashboardName } from './identifiers.js';
import { PLATFORM_DASHBOARD_KEYS } from './platform-dashboards.js';

interface V2Json {
  name: string;
  spec: {
    panels: Record<string, { spec: { queries: { spec: { plugin: { kind: string; spec: { name: string } } } }[] } }>;
    layouts: { spec: { items: { width: number; content: { $ref: string } }[] } }[];
  };
}
interface V1Json {
  tags: string[];
  layout: { i: string; x: number; y: number; w: number }[];
  widgets: { id: string; query: { queryType: string; promql: unknown[] } }[];
}
const DATASOURCE = { type: 'prometheus', uid: ['$', '{datasource}'].join('') };

const grafana = () => buildPlatformDashboards({ platformType: 'grafana', tenantId: 'acme-corp' });

/** Sum of widths per grid row, keyed by y. */
function rowWidths(items: { x: number; y: number; w: number }[]): Map<number, number> {
  const rows = new Map<number, number>();
  for (const item of items) rows.set(item.y, (rows.get(item.y) ?? 0) + item.w);
  return rows;
}

describe('Grafana rendering', () => {
  it('renders the four platform dashboards with stable, safe uids and ownership tags', () => {
    const dashboards = grafana();
    expect(dashboards.map((d) => d.key)).toEqual(PLATFORM_DASHBOARD_KEYS);
    for (const dashboard of dashboards) {
      expect(dashboard.json.uid).toBe(dashboard.id);
      expect(dashboard.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
      expect(dashboard.json.tags).toEqual([
        'managed-by:dotmac-observability',
        'tenant:acme-corp',
        `dashboard:${dashboard.key}`,
      ]);
      expect(dashboard.json.schemaVersion).toBe(42);
    }
    expect(grafana()).toEqual(dashboards);
  });

  it('gives every panel a datasource, unique id, refIds, and rows of exactly 24 columns', () => {
    for (const dashboard of grafana()) {
      const panels = dashboard.json.panels as GrafanaPanel[];
      const ids = panels.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      const content = panels.filter((p) => p.type !== 'row');
      expect(content.length).toBeGreaterThan(0);
      for (const panel of content) {
        expect(panel.datasource).toEqual(DATASOURCE);
        expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
        const refIds = (panel.targets ?? []).map((t) => t.refId);
        expect(refIds.length).toBeGreaterThan(0);
        expect(refIds.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
        expect(new Set(refIds).size).toBe(refIds.length);
      }
      for (const width of rowWidths(panels.map((p) => p.gridPos)).values()) expect(width).toBe(24);
    }
  });

  it('declares the datasource, tenant, service or SLO variables plus custom ones', () => {
    const [overview, slos] = buildPlatformDashboards({
      platformType: 'grafana',
      tenantId: 'acme-corp',
      customVariables: { service: 'user-service', region: ['eu', 'us'] },
    });
    const names = (d: typeof overview) =>
      (d?.json.templating as { list: { name: string }[] } | undefined)?.list.map((v) => v.name);
    expect(names(overview)).toEqual(['datasource', 'tenant', 'service', 'region']);
    expect(names(slos)).toEqual(['datasource', 'tenant', 'slo', 'region']);
  });
});

describe('SigNoz rendering', () => {
  it('v2: unique DNS-1123 names, key/value ownership tags, resolvable layout on 24 columns', () => {
    const dashboards = buildPlatformDashboards({ platformType: 'signoz', tenantId: 'acme-corp' });
    for (const dashboard of dashboards) {
      const json = dashboard.json as unknown as V2Json;
      expect(json.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
      const refs = json.spec.layouts.flatMap((l) => l.spec.items.map((i) => i.content.$ref.split('/').pop()));
      expect(refs.sort()).toEqual(Object.keys(json.spec.panels).sort());
      for (const layout of json.spec.layouts) {
        expect(layout.spec.items.reduce((sum, i) => sum + i.width, 0)).toBe(24);
      }
      for (const panel of Object.values(json.spec.panels)) {
        const queries = panel.spec.queries.map((q) => q.spec.plugin);
        expect(queries.length).toBeGreaterThan(0);
        for (const query of queries) {
          expect(query.kind).toBe('signoz/PromQLQuery');
          expect(query.spec.name).toMatch(/^[A-Z]$/);
        }
      }
    }
    expect(new Set(dashboards.map((d) => d.id)).size).toBe(4);
  });

  it('v1: tags mark ownership; layout and widgets match on a 12-column grid', () => {
    for (const dashboard of buildPlatformDashboards({
      platformType: 'signoz',
      tenantId: 'acme',
      signozApiVersion: 'v1',
    })) {
      const json = dashboard.json as unknown as V1Json;
      expect(json.tags).toEqual(['managed-by:dotmac-observability', 'tenant:acme', `dashboard:${dashboard.key}`]);
      expect(json.layout.map((l) => l.i)).toEqual(json.widgets.map((w) => w.id));
      expect(new Set(json.widgets.map((w) => w.id)).size).toBe(json.widgets.length);
      for (const width of rowWidths(json.layout).values()) expect(width).toBe(12);
      for (const widget of json.widgets) {
        expect(widget.query.queryType).toBe('promql');
        expect(widget.query.promql.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('identifiers and options', () => {
  it('derives distinct, bounded ids from tenant and dashboard', () => {
    const long = `t${'x'.repeat(39)}`;
    expect(grafanaDashboardUid(long, 'service-overview').length).toBeLessThanOrEqual(40);
    expect(grafanaFolderUid(long).length).toBeLessThanOrEqual(40);
    expect(signozDashboardName(long, 'service-overview').length).toBeLessThanOrEqual(63);
    expect(grafanaDashboardUid('acme.corp', 'runtime')).not.toBe(grafanaDashboardUid('acme-corp', 'runtime'));
    expect(signozDashboardName('ACME', 'runtime')).not.toBe(signozDashboardName('acme', 'runtime'));
  });

  it.each([
    [{ tenantId: '' }, /tenantId/],
    [{ tenantId: 'a"b' }, /tenantId/],
    [{ platformType: 'datadog' }, /platformType/],
    [{ customVariables: { tenant: 'x' } }, /customVariables.tenant/],
    [{ customVariables: { 'bad-name': 'x' } }, /customVariables.bad-name/],
    [{ customVariables: { service: 'a"}' } }, /customVariables.service/],
    [{ dashboards: ['logs'] }, /unknown dashboard "logs"/],
  ])('rejects %j with a DashboardConfigError', (override, message) => {
    const run = () => buildPlatformDashboards({ platformType: 'grafana', tenantId: 'acme', ...(override as object) });
    expect(run).toThrow(DashboardConfigError);
    expect(run).toThrow(message);
  });

  it('renders on every platform from the same definitions', () => {
    const titles = everyRendering().map(({ dashboards }) => dashboards.map((d) => d.title));
    expect(titles[1]).toEqual(titles[0]);
    expect(titles[2]).toEqual(titles[0]);
  });
});
