import { Environment } from './constants.js';
import { type ConfigSourceOptions, resolveConfig } from './define-config.js';
import { ENVIRONMENT_PRESETS } from './presets.js';
import type { OTelConfig, OTelConfigInput } from './schema.js';

/** Everything `createDefaultConfig` accepts besides the service name and environment. */
export type DefaultConfigOverrides = Partial<Omit<OTelConfigInput, 'serviceName' | 'environment'>> &
  ConfigSourceOptions;

/** The options-object form of `createDefaultConfig`. */
export type CreateDefaultConfigOptions = DefaultConfigOverrides & {
  /** Falls back to `OTEL_SERVICE_NAME`, then `service.name` in `OTEL_RESOURCE_ATTRIBUTES`. */
  readonly serviceName?: string | undefined;
  /** Selects the preset. Default: `development`. */
  readonly environment?: Environment | undefined;
};

/**
 * A configuration from an environment preset (see the README's presets table), with `OTEL_*` variables applied
 * over the preset and explicit options over both. Throws `ConfigError` listing every problem.
 *
 * @example
 * ```ts
 * const dev = createDefaultConfig('my-service', 'development');
 * const prod = createDefaultConfig({
 *   serviceName: 'my-service',
 *   environment: 'production',
 *   serviceVersion: '2.1.0',
 *   customResourceAttributes: { 'deployment.mode': 'kubernetes', team: 'platform', region: 'us-west-2' },
 * });
 * ```
 */
export function createDefaultConfig(
  serviceName: string,
  environment?: Environment,
  options?: DefaultConfigOverrides,
): OTelConfig;
export function createDefaultConfig(options: CreateDefaultConfigOptions): OTelConfig;
export function createDefaultConfig(
  first: string | CreateDefaultConfigOptions,
  environment?: Environment,
  overrides: DefaultConfigOverrides = {},
): OTelConfig {
  const options: CreateDefaultConfigOptions =
    typeof first === 'string' ? { ...overrides, serviceName: first, ...(environment ? { environment } : {}) } : first;
  const { env, onWarning, ...input } = options ?? {};
  const selected = input.environment ?? Environment.DEVELOPMENT;
  // An unknown environment (even "toString") has no preset; the schema reports it beside every other problem.
  const preset = Object.hasOwn(ENVIRONMENT_PRESETS, selected) ? ENVIRONMENT_PRESETS[selected]() : undefined;
  const sources = { ...(env ? { env } : {}), ...(onWarning ? { onWarning } : {}) };
  return resolveConfig({ ...input, environment: selected }, preset, sources);
}
