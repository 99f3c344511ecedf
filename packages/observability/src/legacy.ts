// `@dotmac/observability/legacy`: the entry points of the old `dotmac_shared.observability` module, kept so that
// code migrating from it runs unchanged for one more minor release. Each warns once, then delegates.
import { createDefaultConfig, type Environment } from '@dotmac/obs-config';
import { initializeMetricsRegistry, type MetricsRegistry } from '@dotmac/obs-metrics';
import { initializeOtel as initializeOtelFromConfig, type OtelBootstrap } from '@dotmac/obs-otel';

const warned = new Set<string>();

function deprecate(code: string, message: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  process.emitWarning(message, { type: 'DeprecationWarning', code });
}

/**
 * @deprecated Use `initializeOtel(createDefaultConfig(serviceName, environment))` from `@dotmac/observability`.
 */
export function initializeOtel(serviceName: string, environment?: Environment): OtelBootstrap {
  deprecate(
    'DOTMAC_OBS_LEGACY_INITIALIZE_OTEL',
    'initializeOtel(serviceName, environment) from @dotmac/observability/legacy is deprecated and will be removed in ' +
      'the next minor release: use initializeOtel(createDefaultConfig(serviceName, environment)) from @dotmac/observability.',
  );
  return initializeOtelFromConfig(createDefaultConfig(serviceName, environment));
}

/** @deprecated Use `initializeMetricsRegistry(serviceName)` from `@dotmac/observability`. */
export function initializeMetrics(serviceName: string): MetricsRegistry {
  deprecate(
    'DOTMAC_OBS_LEGACY_INITIALIZE_METRICS',
    'initializeMetrics(serviceName) from @dotmac/observability/legacy is deprecated and will be removed in the next ' +
      'minor release: use initializeMetricsRegistry(serviceName) from @dotmac/observability.',
  );
  return initializeMetricsRegistry(serviceName);
}
