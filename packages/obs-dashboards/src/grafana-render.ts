import {
  CustomVariableBuilder,
  DashboardBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  RowBuilder,
  type VariableOption,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { ALL_VALUE, type DashboardSpec, type PanelSpec, refId, type VariableSpec } from './dashboard-spec.js';
import { dashboardTags } from './identifiers.js';

/** The datasource every panel and query variable uses: the dashboard's `$datasource` variable. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JS template.
export const GRAFANA_DATASOURCE = Object.freeze({ type: 'prometheus', uid: '${datasource}' });

function option(values: readonly string[]): VariableOption {
  const text = values.map((value) => (value === ALL_VALUE ? 'All' : value));
  return values.length === 1
    ? { selected: true, text: text[0] ?? '', value: values[0] ?? '' }
    : { selected: true, text, value: [...values] };
}

function variable(spec: VariableSpec) {
  const all = spec.current.length === 1 && spec.current[0] === ALL_VALUE;
  const current: VariableOption = all ? { selected: true, text: 'All', value: '$__all' } : option(spec.current);
  if (spec.query !== undefined) {
    return new QueryVariableBuilder(spec.name)
      .label(spec.label)
      .query(spec.query)
      .definition(spec.query)
      .datasource(GRAFANA_DATASOURCE)
      .includeAll(true)
      .allValue(ALL_VALUE)
      .multi(true)
      .current(current);
  }
  return new CustomVariableBuilder(spec.name).label(spec.label).values(spec.values.join(',')).current(current);
}

function panel(spec: PanelSpec, id: number) {
  const builder = spec.kind === 'stat' ? new StatPanelBuilder() : new TimeseriesPanelBuilder();
  builder
    .id(id)
    .title(spec.title)
    .description(spec.description)
    .datasource(GRAFANA_DATASOURCE)
    .unit(spec.unit)
    .span(spec.span)
    .height(8);
  spec.queries.forEach((query, index) => {
    builder.withTarget(
      new DataqueryBuilder()
        .datasource(GRAFANA_DATASOURCE)
        .expr(query.expr)
        .legendFormat(query.legend || '__auto')
        .refId(refId(index)),
    );
  });
  return builder;
}

/**
 * Renders a platform dashboard as a classic Grafana dashboard model (schemaVersion 42, Grafana 10–12)
 * with the foundation SDK: the given stable uid, ownership tags, panel ids, refIds, and rows of 24 columns.
 */
export function renderGrafanaDashboard(spec: DashboardSpec, tenantId: string, uid: string): Record<string, unknown> {
  const builder = new DashboardBuilder(spec.title)
    .uid(uid)
    .description(spec.description)
    .tags(dashboardTags(tenantId, spec.key))
    .refresh('1m')
    .time({ from: 'now-6h', to: 'now' })
    .timezone('browser')
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'));
  for (const variableSpec of spec.variables) builder.withVariable(variable(variableSpec));
  let id = 1;
  for (const row of spec.rows) {
    builder.withRow(new RowBuilder(row.title).id(id++));
    for (const panelSpec of row.panels) builder.withPanel(panel(panelSpec, id++));
  }
  // The SDK's query objects carry a function property: a JSON round trip keeps only the data.
  return JSON.parse(JSON.stringify(builder.build())) as Record<string, unknown>;
}
