import type { DashboardSpec } from './dashboard-spec.js';
import { DashboardConfigError, DashboardErrorCode } from './errors.js';
import { renderGrafanaDashboard } from './grafana-render.js';
import { assertTenantId, grafanaDashboardUid, signozDashboardName } from './identifiers.js';
import { definePlatformDashboards, PLATFORM_DASHBOARD_KEYS } from './platform-dashboards.js';
import { renderSignozV1Dashboard, renderSignozV2Dashboard } from './signoz-render.js';
import type { BuildDashboardsOptions, BuiltDashboard } from './types.js';
import { resolveVariables } from './variables.js';

const invalid = (message: string) => new DashboardConfigError(DashboardErrorCode.INVALID_OPTIONS, message);

/** Throws a {@link DashboardConfigError} unless the build options are usable. */
export function assertBuildOptions(options: BuildDashboardsOptions): void {
  if (typeof options !== 'object' || options === null)
    throw invalid('Pass an options object: { platformType, tenantId }.');
  if (options.platformType !== 'grafana' && options.platformType !== 'signoz') {
    throw invalid(`platformType ${JSON.stringify(options.platformType)} is invalid: use 'grafana' or 'signoz'.`);
  }
  assertTenantId(options.tenantId);
  for (const key of options.dashboards ?? []) {
    if (!PLATFORM_DASHBOARD_KEYS.includes(key)) {
      throw invalid(
        `dashboards: unknown dashboard ${JSON.stringify(key)}; known: ${PLATFORM_DASHBOARD_KEYS.join(', ')}.`,
      );
    }
  }
  const version = options.signozApiVersion;
  if (version !== undefined && version !== 'v1' && version !== 'v2') {
    throw invalid(`signozApiVersion ${JSON.stringify(version)} is invalid: use 'v1' or 'v2'.`);
  }
}

/** A dashboard's stable identifier on its platform (Grafana uid, SigNoz v2 name, SigNoz v1 key) and its JSON. */
function render(options: BuildDashboardsOptions, spec: DashboardSpec): Pick<BuiltDashboard, 'id' | 'json'> {
  const { tenantId } = options;
  if (options.platformType === 'grafana') {
    const uid = grafanaDashboardUid(tenantId, spec.key);
    return { id: uid, json: renderGrafanaDashboard(spec, tenantId, uid) };
  }
  if (options.signozApiVersion === 'v1') return { id: spec.key, json: renderSignozV1Dashboard(spec, tenantId) };
  const name = signozDashboardName(tenantId, spec.key);
  return { id: name, json: renderSignozV2Dashboard(spec, tenantId, name) };
}

/**
 * Renders the platform dashboards (service overview, tenant SLOs, runtime, database) for one tenant and
 * platform, without any network access. The output is deterministic: the same options give the same JSON.
 *
 * @example
 * ```ts
 * const [overview] = buildPlatformDashboards({ platformType: 'grafana', tenantId: 'acme-corp' });
 * console.log(overview.id, overview.json.panels);
 * ```
 */
export function buildPlatformDashboards(options: BuildDashboardsOptions): BuiltDashboard[] {
  assertBuildOptions(options);
  const { tenantId } = options;
  const variables = resolveVariables(tenantId, options.customVariables);
  return definePlatformDashboards(tenantId, variables, options.dashboards).map((spec) =>
    Object.freeze({ key: spec.key, title: spec.title, ...render(options, spec) }),
  );
}
