import type { PlatformDashboardKey } from './types.js';

/** One PromQL query of a panel; template variables are written `$name`. */
export interface QuerySpec {
  readonly expr: string;
  readonly legend: string;
}

/** A panel, independent of the platform. `span` is its width on a 24-column grid. */
export interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly kind: 'timeseries' | 'stat';
  readonly unit: string;
  readonly span: number;
  readonly queries: readonly QuerySpec[];
}

/** A row of panels whose spans add up to 24. */
export interface RowSpec {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

/** A dashboard variable. `query` (a PromQL `label_values`) makes it dynamic where the platform supports it. */
export interface VariableSpec {
  readonly name: string;
  readonly label: string;
  readonly values: readonly string[];
  readonly current: readonly string[];
  readonly includeAll: boolean;
  readonly query?: string;
}

/** A platform dashboard, defined once and rendered for Grafana and SigNoz. */
export interface DashboardSpec {
  readonly key: PlatformDashboardKey;
  readonly title: string;
  readonly description: string;
  readonly variables: readonly VariableSpec[];
  readonly rows: readonly RowSpec[];
}

/** The value a template variable takes when every option is selected. */
export const ALL_VALUE = '.*';

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The query id of a panel's `index`th query on every platform: `A`, `B`, … then `Q26`, `Q27`, … */
export const refId = (index: number): string => REF_IDS[index] ?? `Q${index}`;
