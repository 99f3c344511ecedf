import { type DashboardSpec, type PanelSpec, refId, type VariableSpec } from './dashboard-spec.js';
import { dashboardTags, ownershipTagPairs, type TagPair } from './identifiers.js';

/** The `schemaVersion` of SigNoz v2 dashboards. */
export const SIGNOZ_V2_SCHEMA_VERSION = 'v6';

const PANEL_HEIGHT = 8;

interface Placed {
  readonly id: string;
  readonly panel: PanelSpec;
  readonly x: number;
  readonly y: number;
  readonly rowIndex: number;
}

/** Panels with ids `p1…` and positions on a 24-column grid, one grid row per dashboard row. */
function place(spec: DashboardSpec): Placed[] {
  const placed: Placed[] = [];
  spec.rows.forEach((row, rowIndex) => {
    let x = 0;
    for (const panel of row.panels) {
      placed.push({ id: `p${placed.length + 1}`, panel, x, y: rowIndex * PANEL_HEIGHT, rowIndex });
      x += panel.span;
    }
  });
  return placed;
}

/** The v2 tags (key/value pairs) that mark a dashboard as ours. */
export function signozV2Tags(tenantId: string, key: string): TagPair[] {
  return [...ownershipTagPairs(tenantId), { key: 'dashboard', value: key }];
}

function v2Variable(spec: VariableSpec) {
  return {
    kind: 'ListVariable',
    spec: {
      name: spec.name,
      display: { name: spec.label, hidden: false },
      allowAllValue: spec.includeAll,
      allowMultiple: spec.includeAll,
      defaultValue: spec.current.length === 1 ? spec.current[0] : [...spec.current],
      plugin: { kind: 'signoz/CustomVariable', spec: { customValue: spec.values.join(',') } },
    },
  };
}

function v2Panel(panel: PanelSpec) {
  return {
    kind: 'Panel',
    spec: {
      display: { name: panel.title, description: panel.description },
      plugin: {
        kind: panel.kind === 'stat' ? 'signoz/NumberPanel' : 'signoz/TimeSeriesPanel',
        spec: { formatting: { unit: panel.unit } },
      },
      queries: panel.queries.map((query, index) => ({
        kind: 'TimeSeriesQuery',
        spec: {
          plugin: {
            kind: 'signoz/PromQLQuery',
            spec: { name: refId(index), query: query.expr, legend: query.legend, disabled: false },
          },
        },
      })),
    },
  };
}

/** Renders a platform dashboard as a SigNoz v2 (Perses-based) create/update body with its unique `name`. */
export function renderSignozV2Dashboard(spec: DashboardSpec, tenantId: string, name: string): Record<string, unknown> {
  const placed = place(spec);
  return {
    schemaVersion: SIGNOZ_V2_SCHEMA_VERSION,
    name,
    tags: signozV2Tags(tenantId, spec.key),
    spec: {
      display: { name: spec.title, description: spec.description },
      duration: '6h',
      refreshInterval: '1m',
      variables: spec.variables.map(v2Variable),
      panels: Object.fromEntries(placed.map((p) => [p.id, v2Panel(p.panel)])),
      layouts: spec.rows.map((row, rowIndex) => ({
        kind: 'Grid',
        spec: {
          display: { title: row.title, collapse: { open: true } },
          items: placed
            .filter((p) => p.rowIndex === rowIndex)
            .map((p) => ({
              x: p.x,
              y: 0,
              width: p.panel.span,
              height: PANEL_HEIGHT,
              content: { $ref: `#/spec/panels/${p.id}` },
            })),
        },
      })),
    },
  };
}

function v1Variable(spec: VariableSpec, order: number) {
  return {
    id: spec.name,
    name: spec.name,
    description: spec.label,
    type: 'CUSTOM',
    customValue: spec.values.join(','),
    multiSelect: spec.includeAll,
    showALLOption: spec.includeAll,
    selectedValue: spec.current.length === 1 ? spec.current[0] : [...spec.current],
    sort: 'DISABLED',
    order,
  };
}

/**
 * Renders a platform dashboard as SigNoz v1 dashboard data (title, tags, layout on a 12-column grid,
 * widgets with PromQL queries, variables). Ownership is marked by tags, the dashboard by `dashboard:<key>`.
 */
export function renderSignozV1Dashboard(spec: DashboardSpec, tenantId: string): Record<string, unknown> {
  const placed = place(spec);
  return {
    title: spec.title,
    description: spec.description,
    tags: dashboardTags(tenantId, spec.key),
    version: 'v4',
    layout: placed.map((p) => ({ i: p.id, x: p.x / 2, y: p.y, w: p.panel.span / 2, h: PANEL_HEIGHT })),
    widgets: placed.map((p) => ({
      id: p.id,
      title: p.panel.title,
      description: p.panel.description,
      panelTypes: p.panel.kind === 'stat' ? 'value' : 'graph',
      yAxisUnit: p.panel.unit,
      timePreferance: 'GLOBAL_TIME',
      query: {
        id: `${p.id}-query`,
        queryType: 'promql',
        promql: p.panel.queries.map((query, index) => ({
          name: refId(index),
          query: query.expr,
          legend: query.legend,
          disabled: false,
        })),
        builder: { queryData: [], queryFormulas: [] },
        clickhouse_sql: [],
      },
    })),
    variables: Object.fromEntries(spec.variables.map((v, order) => [v.name, v1Variable(v, order)])),
  };
}
