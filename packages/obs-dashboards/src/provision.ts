import { type EnvironmentSettings, loadEnvironmentSettings } from '@dotmac/obs-config';
import { assertBuildOptions, buildPlatformDashboards } from './build.js';
import { DashboardConfigError, DashboardErrorCode } from './errors.js';
import { provisionGrafana } from './grafana-provisioner.js';
import { createApiClient } from './http-client.js';
import { Outcomes, type ProvisionContext } from './outcomes.js';
import { provisionSignoz } from './signoz-provisioner.js';
import type { DashboardProvisioningOptions, DashboardProvisioningResult } from './types.js';

const DEFAULTS = { timeoutMs: 10_000, retries: 4, concurrency: 4, retryDelayMs: 300 } as const;

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new DashboardConfigError(
      DashboardErrorCode.INVALID_OPTIONS,
      `${name} must be an integer >= ${min}, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function connection(options: DashboardProvisioningOptions): { baseUrl: string; apiKey: string | undefined } {
  const grafana = options.platformType === 'grafana';
  const urlVariable = grafana ? 'GRAFANA_URL' : 'SIGNOZ_URL';
  const explicitUrl = options.baseUrl?.trim();
  const explicitKey = options.apiKey?.trim();
  // The environment is read only for what the options leave out (a bad PROMETHEUS_URL must not matter otherwise).
  const env: EnvironmentSettings =
    explicitUrl && explicitKey ? {} : loadEnvironmentSettings(options.env ?? process.env);
  const baseUrl = explicitUrl || (grafana ? env.grafanaUrl : env.signozUrl);
  if (!baseUrl) {
    throw new DashboardConfigError(
      DashboardErrorCode.BASE_URL_MISSING,
      `No ${options.platformType} URL: pass { baseUrl } to provisionPlatformDashboards or set ${urlVariable} ` +
        `(e.g. ${grafana ? 'http://grafana:3000' : 'http://signoz:8080'}).`,
    );
  }
  const protocol = URL.canParse(baseUrl) ? new URL(baseUrl).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new DashboardConfigError(
      DashboardErrorCode.INVALID_OPTIONS,
      `baseUrl (or ${urlVariable}) must be an http(s) URL such as http://grafana:3000.`,
    );
  }
  const apiKey = explicitKey || (grafana ? env.grafanaApiKey : env.signozApiKey);
  return { baseUrl: baseUrl.replace(/\/+$/, ''), apiKey };
}

/**
 * Provisions the platform dashboards of one tenant to Grafana or SigNoz, idempotently: each dashboard is
 * read first, created when missing, updated only when its content differs and otherwise left unchanged.
 * Requests are retried with backoff on 408, 429, 500, 502-504, network errors and timeouts; one failing
 * dashboard never stops the others, and the result lists every outcome. Throws only for unusable options
 * ({@link DashboardConfigError}; obs-config's `ConfigError` for a malformed URL in the environment), never for
 * server answers.
 *
 * @example
 * ```ts
 * const result = await provisionPlatformDashboards({
 *   platformType: 'signoz',
 *   tenantId: 'acme-corp',
 *   customVariables: { service: 'user-service' },
 *   baseUrl: 'http://signoz.company.com:3301',
 *   apiKey: process.env.SIGNOZ_API_KEY,
 * });
 * console.log(`Created ${result.dashboardsCreated.length} dashboards`);
 * ```
 */
export async function provisionPlatformDashboards(
  options: DashboardProvisioningOptions,
): Promise<DashboardProvisioningResult> {
  assertBuildOptions(options);
  const { baseUrl, apiKey } = connection(options);
  const grafana = options.platformType === 'grafana';
  const headers: Record<string, string> = {};
  if (apiKey) headers[grafana ? 'Authorization' : 'SIGNOZ-API-KEY'] = grafana ? `Bearer ${apiKey}` : apiKey;
  if (grafana && options.orgId !== undefined)
    headers['X-Grafana-Org-Id'] = String(integer('orgId', options.orgId, 1, 1));
  const client = createApiClient({
    baseUrl,
    headers,
    timeoutMs: integer('timeoutMs', options.timeoutMs, DEFAULTS.timeoutMs, 1),
    retries: integer('retries', options.retries, DEFAULTS.retries, 0),
    retryDelayMs: integer('retryDelayMs', options.retryDelayMs, DEFAULTS.retryDelayMs, 0),
    keyHint: grafana ? 'apiKey / GRAFANA_API_KEY, a service account token' : 'apiKey / SIGNOZ_API_KEY',
    ...(apiKey ? { secret: apiKey } : {}),
  });
  const dryRun = options.dryRun === true;
  const outcomes = new Outcomes(options.onProgress);
  const build = (signozApiVersion?: 'v1' | 'v2') =>
    buildPlatformDashboards({
      platformType: options.platformType,
      tenantId: options.tenantId,
      ...(options.customVariables ? { customVariables: options.customVariables } : {}),
      ...(options.dashboards ? { dashboards: options.dashboards } : {}),
      ...(signozApiVersion ? { signozApiVersion } : {}),
    });
  const context: ProvisionContext = {
    client,
    tenantId: options.tenantId,
    dashboards: build(),
    dryRun,
    prune: options.prune === true,
    concurrency: integer('concurrency', options.concurrency, DEFAULTS.concurrency, 1),
    outcomes,
  };
  if (grafana) await provisionGrafana(context);
  else await provisionSignoz(context, build);
  return outcomes.result(
    dryRun,
    context.dashboards.map((dashboard) => dashboard.title),
  );
}
