import { buildPlatformDashboards } from '../build.js';
import type { BuildDashboardsOptions, BuiltDashboard } from '../types.js';

/** Grafana panel shape, as far as the tests look at it. */
export interface GrafanaPanel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: { refId?: string; expr?: string; datasource?: unknown }[];
}

/** Every dashboard of every platform and API generation, for one tenant. */
export function everyRendering(
  tenantId = 'acme-corp',
  customVariables: BuildDashboardsOptions['customVariables'] = { service: 'user-service', region: ['eu', 'us'] },
): { platform: string; dashboards: BuiltDashboard[] }[] {
  return [
    {
      platform: 'grafana',
      dashboards: buildPlatformDashboards({ platformType: 'grafana', tenantId, customVariables }),
    },
    {
      platform: 'signoz-v2',
      dashboards: buildPlatformDashboards({ platformType: 'signoz', tenantId, customVariables }),
    },
    {
      platform: 'signoz-v1',
      dashboards: buildPlatformDashboards({
        platformType: 'signoz',
        tenantId,
        customVariables,
        signozApiVersion: 'v1',
      }),
    },
  ];
}

/** Every PromQL expression of a rendered dashboard, whatever the platform. */
export function expressions(dashboard: BuiltDashboard): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'expr' || key === 'query') found.push(value);
      return;
    }
    if (Array.isArray(value)) for (const item of value) visit(item, key);
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(dashboard.json.panels ?? dashboard.json.widgets ?? (dashboard.json.spec as { panels?: unknown })?.panels, '');
  return found;
}
