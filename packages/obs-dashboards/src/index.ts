export { buildPlatformDashboards } from './build.js';
export { DashboardConfigError, DashboardErrorCode } from './errors.js';
export { exportDashboards } from './export.js';
export { GRAFANA_DATASOURCE } from './grafana-render.js';
export {
  grafanaDashboardUid,
  grafanaFolderUid,
  MANAGED_BY_TAG,
  ownershipTags,
  signozDashboardName,
} from './identifiers.js';
export { ExtraMetricNames, SERVICE_LABEL, TENANT_LABEL } from './metric-names.js';
export { PLATFORM_DASHBOARD_KEYS } from './platform-dashboards.js';
export { provisionPlatformDashboards } from './provision.js';
export type {
  BuildDashboardsOptions,
  BuiltDashboard,
  CustomVariables,
  DashboardProgressEvent,
  DashboardProvisioningError,
  DashboardProvisioningOptions,
  DashboardProvisioningResult,
  PlatformDashboardKey,
  PlatformType,
  SignozApiVersion,
} from './types.js';
