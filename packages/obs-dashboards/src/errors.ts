import { ObservabilityError } from '@dotmac/obs-config';

/** Stable codes of {@link DashboardConfigError}. */
export const DashboardErrorCode = Object.freeze({
  BASE_URL_MISSING: 'DASHBOARDS_BASE_URL_MISSING',
  INVALID_OPTIONS: 'DASHBOARDS_INVALID_OPTIONS',
} as const);

/** One of the {@link DashboardErrorCode} values. */
export type DashboardErrorCode = (typeof DashboardErrorCode)[keyof typeof DashboardErrorCode];

/**
 * Thrown before any request when the dashboard options cannot work: no base URL, an invalid tenant id,
 * platform or variable. The message names the option and the fix; it never contains the API key.
 *
 * @example
 * ```ts
 * try { await provisionPlatformDashboards({ platformType: 'grafana', tenantId: 'acme' }) }
 * catch (error) { if (error instanceof DashboardConfigError && error.code === 'DASHBOARDS_BASE_URL_MISSING') ... }
 * ```
 */
export class DashboardConfigError extends ObservabilityError {
  constructor(code: DashboardErrorCode, message: string) {
    super(code, message);
  }
}
