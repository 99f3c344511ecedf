import { ConfigError } from './config-error.js';
import { EnvReader, type EnvSource } from './env-parse.js';
import { freezeRedacted } from './redact.js';

/** The seed's non-OTel environment variables: where Prometheus, SigNoz and Grafana are, and their API keys. */
export interface EnvironmentSettings {
  /** `PROMETHEUS_URL` */
  readonly prometheusUrl?: string;
  /** `SIGNOZ_URL` */
  readonly signozUrl?: string;
  /** `SIGNOZ_API_KEY` (redacted when printed) */
  readonly signozApiKey?: string;
  /** `GRAFANA_URL` */
  readonly grafanaUrl?: string;
  /** `GRAFANA_API_KEY` (redacted when printed) */
  readonly grafanaApiKey?: string;
}

const URLS = { prometheusUrl: 'PROMETHEUS_URL', signozUrl: 'SIGNOZ_URL', grafanaUrl: 'GRAFANA_URL' } as const;
const KEYS = { signozApiKey: 'SIGNOZ_API_KEY', grafanaApiKey: 'GRAFANA_API_KEY' } as const;

/**
 * Reads `PROMETHEUS_URL`, `SIGNOZ_URL`, `SIGNOZ_API_KEY`, `GRAFANA_URL` and `GRAFANA_API_KEY`; blank values count
 * as unset. URLs must be absolute http(s) URLs, else `ConfigError`. The result is frozen and prints its keys as `***`.
 *
 * @example
 * ```ts
 * const { grafanaUrl, grafanaApiKey } = loadEnvironmentSettings();
 * ```
 */
export function loadEnvironmentSettings(env: EnvSource = process.env): EnvironmentSettings {
  const reader = new EnvReader(env);
  const settings: Record<string, string> = {};
  for (const [field, name] of Object.entries(URLS)) {
    const value = reader.url(name);
    if (value !== undefined) settings[field] = value.replace(/\/+$/, '');
  }
  for (const [field, name] of Object.entries(KEYS)) {
    const value = reader.string(name);
    if (value !== undefined) settings[field] = value;
  }
  // ConfigError redacts credentials in the URLs it quotes.
  if (reader.issues.length > 0) throw new ConfigError(reader.issues);
  return freezeRedacted(settings);
}
