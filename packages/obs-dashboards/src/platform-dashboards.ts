import {
  DefaultMetricNames as M,
  SloMetricNames as S,
  SLO_WINDOWS,
  sloBurnRateRule,
  sloErrorRatioRule,
} from '@dotmac/obs-config';
import type { DashboardSpec, PanelSpec, QuerySpec } from './dashboard-spec.js';
import { ExtraMetricNames, SERVICE_LABEL, TENANT_LABEL } from './metric-names.js';
import type { PlatformDashboardKey } from './types.js';
import type { ResolvedVariables } from './variables.js';

/** Every platform dashboard, in display order. */
export const PLATFORM_DASHBOARD_KEYS: readonly PlatformDashboardKey[] = Object.freeze([
  'service-overview',
  'tenant-slos',
  'runtime',
  'database',
]);

const RATE = '5m';
// Service-wide metrics (HTTP, runtime, database) rarely carry a tenant label: match the tenant's own series
// and those without the label (`=~"acme|"` matches an absent label too).
const svc = `${TENANT_LABEL}=~"$tenant|", ${SERVICE_LABEL}=~"$service"`;
const slo = `${TENANT_LABEL}="$tenant", slo=~"$slo"`;

const q = (expr: string, legend = ''): QuerySpec => ({ expr, legend });
const rate = (metric: string, matchers: string): string => `rate(${metric}{${matchers}}[${RATE}])`;
const quantile = (phi: number, metric: string, by = ''): string =>
  `histogram_quantile(${phi}, sum by (le${by ? `, ${by}` : ''}) (${rate(`${metric}_bucket`, svc)}))`;

function panel(
  kind: PanelSpec['kind'],
  title: string,
  unit: string,
  span: number,
  description: string,
  queries: QuerySpec[],
): PanelSpec {
  return { kind, title, unit, span, description, queries };
}

function serviceOverview(): Omit<DashboardSpec, 'variables'> {
  const requests = M.HTTP_REQUESTS_TOTAL;
  const allRequests = `sum(${rate(requests, svc)})`;
  return {
    key: 'service-overview',
    title: 'Service overview',
    description: 'Request rate, error ratio and latency from the default HTTP metrics.',
    rows: [
      {
        title: 'Traffic',
        panels: [
          panel('timeseries', 'Request rate', 'reqps', 8, 'HTTP requests per second by endpoint.', [
            q(`sum by (endpoint) (${rate(requests, svc)})`, '{{endpoint}}'),
          ]),
          panel('timeseries', 'Error ratio', 'percentunit', 8, 'Share of requests answered with a 5xx status.', [
            q(`sum(${rate(requests, `${svc}, status_code=~"5.."`)}) / ${allRequests}`, 'errors'),
          ]),
          panel('timeseries', 'Requests by status', 'reqps', 8, 'HTTP requests per second by status code.', [
            q(`sum by (status_code) (${rate(requests, svc)})`, '{{status_code}}'),
          ]),
        ],
      },
      {
        title: 'Latency',
        panels: [
          panel('timeseries', 'Latency p50 / p95 / p99', 's', 16, 'Request duration percentiles.', [
            q(quantile(0.5, M.HTTP_REQUEST_DURATION_SECONDS), 'p50'),
            q(quantile(0.95, M.HTTP_REQUEST_DURATION_SECONDS), 'p95'),
            q(quantile(0.99, M.HTTP_REQUEST_DURATION_SECONDS), 'p99'),
          ]),
          panel('timeseries', 'p95 by endpoint', 's', 8, 'Request duration p95 per endpoint.', [
            q(quantile(0.95, M.HTTP_REQUEST_DURATION_SECONDS, 'endpoint'), '{{endpoint}}'),
          ]),
        ],
      },
    ],
  };
}

function tenantSlos(): Omit<DashboardSpec, 'variables'> {
  const burn = (windows: readonly (typeof SLO_WINDOWS)[number][]): QuerySpec[] =>
    windows.map((window) => q(`${sloBurnRateRule(window)}{${slo}}`, `{{slo}} ${window}`));
  return {
    key: 'tenant-slos',
    title: 'Tenant SLOs',
    description: 'Per business metric: SLI against target, error budget remaining, burn rates and firing alerts.',
    rows: [
      {
        title: 'Objectives',
        panels: [
          panel('timeseries', 'SLI vs target', 'percentunit', 12, 'SLI over 5 minutes against the objective.', [
            q(`1 - ${sloErrorRatioRule('5m')}{${slo}}`, '{{slo}} SLI'),
            q(`${S.OBJECTIVE}{${slo}}`, '{{slo}} target'),
          ]),
          panel(
            'stat',
            'Error budget remaining',
            'percentunit',
            6,
            'Share of the error budget left in the SLO period.',
            [q(`${S.ERROR_BUDGET_REMAINING}{${slo}}`, '{{slo}}')],
          ),
          panel('stat', 'Firing SLO alerts', 'short', 6, `Alerts named ${S.ALERT_PREFIX}* firing for this tenant.`, [
            q(
              `count(${ExtraMetricNames.ALERTS}{alertname=~"${S.ALERT_PREFIX}.*", alertstate="firing", ${slo}}) or vector(0)`,
              'firing',
            ),
          ]),
        ],
      },
      {
        title: 'Burn rates',
        panels: [
          panel('timeseries', 'Burn rate (short windows)', 'short', 12, 'Error budget burn rate; 1 = on budget.', [
            ...burn(SLO_WINDOWS.slice(0, 4)),
          ]),
          panel('timeseries', 'Burn rate (long windows)', 'short', 12, 'Error budget burn rate; 1 = on budget.', [
            ...burn(SLO_WINDOWS.slice(4)),
          ]),
        ],
      },
      {
        title: 'Events',
        panels: [
          panel('timeseries', 'Good and total events', 'ops', 24, 'SLO events per second, all and good.', [
            q(`sum by (slo) (${rate(S.EVENTS_TOTAL, slo)})`, '{{slo}} total'),
            q(`sum by (slo) (${rate(S.GOOD_EVENTS_TOTAL, slo)})`, '{{slo}} good'),
          ]),
        ],
      },
    ],
  };
}

function runtime(): Omit<DashboardSpec, 'variables'> {
  return {
    key: 'runtime',
    title: 'Runtime',
    description: 'Memory, CPU and event loop lag of the service processes.',
    rows: [
      {
        title: 'Process',
        panels: [
          panel('timeseries', 'Memory usage', 'bytes', 8, 'System memory used.', [
            q(`${M.SYSTEM_MEMORY_USAGE_BYTES}{${svc}}`, '{{instance}}'),
          ]),
          panel('timeseries', 'CPU usage', 'percent', 8, 'System CPU usage.', [
            q(`${M.SYSTEM_CPU_USAGE_PERCENT}{${svc}}`, '{{instance}}'),
          ]),
          panel('timeseries', 'Event loop lag', 's', 8, 'Node.js event loop lag (prom-client runtime metrics).', [
            q(`${ExtraMetricNames.NODEJS_EVENTLOOP_LAG_SECONDS}{${svc}}`, '{{instance}}'),
          ]),
        ],
      },
    ],
  };
}

function database(): Omit<DashboardSpec, 'variables'> {
  const duration = M.DATABASE_QUERY_DURATION_SECONDS;
  return {
    key: 'database',
    title: 'Database',
    description: 'Connections and query latency.',
    rows: [
      {
        title: 'Connections',
        panels: [
          panel('stat', 'Active connections', 'short', 8, 'Open database connections.', [
            q(`sum(${M.DATABASE_CONNECTIONS_ACTIVE}{${svc}})`, 'active'),
          ]),
          panel('timeseries', 'Connections over time', 'short', 16, 'Open database connections per instance.', [
            q(`${M.DATABASE_CONNECTIONS_ACTIVE}{${svc}}`, '{{instance}}'),
          ]),
        ],
      },
      {
        title: 'Queries',
        panels: [
          panel('timeseries', 'Query latency p95', 's', 12, 'Query duration p95 per operation and table.', [
            q(quantile(0.95, duration, 'operation, table'), '{{operation}} {{table}}'),
          ]),
          panel('timeseries', 'Query rate', 'ops', 12, 'Queries per second per operation and table.', [
            q(`sum by (operation, table) (${rate(`${duration}_count`, svc)})`, '{{operation}} {{table}}'),
          ]),
        ],
      },
    ],
  };
}

const DEFINITIONS: Record<PlatformDashboardKey, () => Omit<DashboardSpec, 'variables'>> = {
  'service-overview': serviceOverview,
  'tenant-slos': tenantSlos,
  runtime,
  database,
};

/** The platform dashboards for one tenant, with their variables, in display order. */
export function definePlatformDashboards(
  tenantId: string,
  variables: ResolvedVariables,
  keys: readonly PlatformDashboardKey[] = PLATFORM_DASHBOARD_KEYS,
): DashboardSpec[] {
  return PLATFORM_DASHBOARD_KEYS.filter((key) => keys.includes(key)).map((key) => {
    const base = DEFINITIONS[key]();
    const own = key === 'tenant-slos' ? variables.slo : variables.service;
    return {
      ...base,
      title: `${base.title} · ${tenantId}`,
      variables: [variables.tenant, own, ...variables.extra],
    };
  });
}
