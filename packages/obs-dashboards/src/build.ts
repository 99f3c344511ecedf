import { DashboardConfigError, DashboardErrorCode } from './errors.js';
import { renderGrafanaDashboard } from './grafana-render.js';
import { assertTenantId, grafanaDashboardUid, signozDashboardName } from './identifiers.js';
import { definePlatformDashboards, PLATFORM_DASHBOARD_KEYS } from './platform-dashboards.js';
import { renderSignozV1Dashboard, renderSignozV2Dashboard } from './signoz-render.js';
import type { BuildDashboardsOptions, BuiltDashboard, PlatformDashboardKey } from './types.js';
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

/** The stable identifier of a dashboard on a platform (Grafana uid, SigNoz v2 name, SigNoz v1 key). */
export function dashboardId(options: BuildDashboardsOptions, key: PlatformDashboardKey): string {
  if (options.platformType === 'grafana') return grafanaDashboardUid(options.tenantId, key);
  return options.signozApiVersion === 'v1' ? key : signozDashboardName(options.tenantId, key);
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
  return definePlatformDashboards(tenantId, variables, options.dashboards).map((spec) => {
    const json =
      options.platformType === 'grafana'
        ? renderGrafanaDashboard(spec, tenantId)
        : options.signozApiVersion === 'v1'
          ? renderSignozV1Dashboard(spec, tenantId)
          : renderSignozV2Dashboard(spec, tenantId);
    return Object.freeze({ key: spec.key, title: spec.title, id: dashboardId(options, spec.key), json });
  });
}
