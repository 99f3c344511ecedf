/** Public types of @dotmac/obs-dashboards. */

import type { EnvSource } from '@dotmac/obs-config';

/** The observability platforms dashboards can be provisioned to. */
export type PlatformType = 'grafana' | 'signoz';

/** The SigNoz dashboards API generation: `v2` (unique `name`, SigNoz ≥ 0.135) or the older `v1`. */
export type SignozApiVersion = 'v1' | 'v2';

/** The keys of the platform dashboards, defined once and rendered for every platform. */
export type PlatformDashboardKey = 'service-overview' | 'tenant-slos' | 'runtime' | 'database';

/**
 * Values for dashboard variables. `service` and `slo` set the default selection of the built-in variables;
 * any other name adds a custom variable (first value selected) to every dashboard. `tenant` is reserved.
 */
export type CustomVariables = Readonly<Record<string, string | readonly string[]>>;

/** What `buildPlatformDashboards` and `exportDashboards` need: pure, no network. */
export interface BuildDashboardsOptions {
  /** Platform to render for. */
  readonly platformType: PlatformType;
  /** Tenant the dashboards are for: 1–40 characters of `[A-Za-z0-9._-]`, starting with a letter or digit. */
  readonly tenantId: string;
  /** Variable defaults and extra variables; see {@link CustomVariables}. */
  readonly customVariables?: CustomVariables | undefined;
  /** Which dashboards to render (default: all four). */
  readonly dashboards?: readonly PlatformDashboardKey[] | undefined;
  /** SigNoz API generation to render for (default `v2`); ignored for Grafana. */
  readonly signozApiVersion?: SignozApiVersion | undefined;
}

/** One rendered dashboard. */
export interface BuiltDashboard {
  /** Which platform dashboard this is. */
  readonly key: PlatformDashboardKey;
  /** Human title, e.g. `Service overview · acme-corp`. */
  readonly title: string;
  /** Stable identifier: the Grafana uid, the SigNoz v2 `name`, or the v1 ownership key tag value. */
  readonly id: string;
  /** The JSON document sent to the platform (Grafana dashboard model, SigNoz v2 body or v1 data). */
  readonly json: Readonly<Record<string, unknown>>;
}

/** The outcome of one dashboard, reported through `onProgress`. */
export interface DashboardProgressEvent {
  /** Title of the dashboard (for deletions: its title on the server). */
  readonly dashboard: string;
  /** What happened, or would happen in a dry run. */
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'deleted' | 'error';
  /** Error message when `outcome` is `error`. */
  readonly message?: string;
}

/** Options of {@link provisionPlatformDashboards}; extends the build options with connection settings. */
export interface DashboardProvisioningOptions extends Omit<BuildDashboardsOptions, 'signozApiVersion'> {
  /** Base URL of Grafana or SigNoz; defaults to `GRAFANA_URL` / `SIGNOZ_URL` from `env`. */
  readonly baseUrl?: string | undefined;
  /** Grafana service account token or SigNoz API key; defaults to `GRAFANA_API_KEY` / `SIGNOZ_API_KEY`. Never printed. */
  readonly apiKey?: string | undefined;
  /** Read and compare only; write nothing and report what would change (default `false`). */
  readonly dryRun?: boolean | undefined;
  /** Delete dashboards owned by this package for this tenant that are no longer defined (default `false`). */
  readonly prune?: boolean | undefined;
  /** Per-request timeout in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /**
   * Retries per request on 408, 429, 500, 502, 503, 504, network errors and timeouts (default 4); a SigNoz v1
   * create, which may not be repeated safely, is retried only on those answers.
   */
  readonly retries?: number | undefined;
  /** Dashboards processed at the same time (default 4). */
  readonly concurrency?: number | undefined;
  /** Environment to read the defaults from (default `process.env`). */
  readonly env?: EnvSource | undefined;
  /** Grafana organisation id, sent as `X-Grafana-Org-Id`. */
  readonly orgId?: number | undefined;
  /** Called once per dashboard outcome; exceptions thrown by it are ignored. */
  readonly onProgress?: ((event: DashboardProgressEvent) => void) | undefined;
  /** Base delay of the exponential retry backoff in milliseconds (default 300). */
  readonly retryDelayMs?: number | undefined;
}

/** A dashboard that could not be provisioned, with what to check. */
export interface DashboardProvisioningError {
  /**
   * Title of the dashboard (a failed tenant-wide step, such as the folder or the listing, is reported once per
   * dashboard), or `prune:<tenantId>` when the search for Grafana dashboards to prune failed.
   */
  readonly dashboard: string;
  /** What went wrong and what to check. Never contains the API key. */
  readonly message: string;
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number;
}

/** What {@link provisionPlatformDashboards} did (or, in a dry run, would do). Lists hold dashboard titles. */
export interface DashboardProvisioningResult {
  readonly dashboardsCreated: readonly string[];
  readonly dashboardsUpdated: readonly string[];
  readonly dashboardsUnchanged: readonly string[];
  readonly dashboardsDeleted: readonly string[];
  readonly errors: readonly DashboardProvisioningError[];
  /** True when nothing was written. */
  readonly dryRun: boolean;
}
