import { MetricsError, MetricsErrorCode } from './errors.js';
import { shown } from './refusals.js';
import type { InvalidInputPolicy, MetricsRegistryOptions } from './types.js';
import { DropReason } from './types.js';
import { escapeLabelValue, isValidLabelName, isValidMetricName } from './validation.js';

/** The registry's options, checked and with their defaults. */
export interface ResolvedOptions {
  readonly policy: InvalidInputPolicy;
  readonly enablePrometheus: boolean;
  readonly prefix: string;
  readonly maxSeriesPerMetric: number;
  readonly defaultLabels: Readonly<Record<string, string>>;
  /** The default labels formatted once for the exposition: `a="x",b="y"`. */
  readonly defaultLabelString: string;
}

function invalidOption(message: string): MetricsError {
  return new MetricsError(
    MetricsErrorCode.INVALID_DEFINITION,
    DropReason.INVALID_DEFINITION,
    '',
    `initializeMetricsRegistry: ${message}.`,
  );
}

/** Checks the options (a bad option is a startup error and always throws) and fills in the defaults. */
export function resolveOptions(options: MetricsRegistryOptions): ResolvedOptions {
  // Without an environment, warn: a service deployed without NODE_ENV must not be taken down by its telemetry.
  const environment = options.environment ?? process.env.NODE_ENV;
  const policy = options.onInvalid ?? (environment === 'development' || environment === 'test' ? 'throw' : 'warn');
  if (!['throw', 'warn', 'drop'].includes(policy)) {
    throw invalidOption(`onInvalid must be 'throw', 'warn' or 'drop', not ${shown(policy)}`);
  }
  const maxSeriesPerMetric = options.maxSeriesPerMetric ?? 2000;
  if (!Number.isInteger(maxSeriesPerMetric) || maxSeriesPerMetric < 1) {
    throw invalidOption('maxSeriesPerMetric must be a positive integer');
  }
  const prefix = options.prefix ?? '';
  if (prefix !== '' && !isValidMetricName(prefix)) {
    throw invalidOption(`prefix ${shown(prefix)} must match [a-zA-Z_:][a-zA-Z0-9_:]* and not start with "__"`);
  }
  const defaultLabels: Record<string, string> = { ...options.defaultLabels };
  for (const [name, value] of Object.entries(defaultLabels)) {
    if (!isValidLabelName(name) || typeof value !== 'string') {
      throw invalidOption(`default label ${shown(name)} needs a valid label name and a string value`);
    }
  }
  return {
    policy,
    enablePrometheus: options.enablePrometheus ?? true,
    prefix,
    maxSeriesPerMetric,
    defaultLabels: Object.freeze(defaultLabels),
    defaultLabelString: Object.entries(defaultLabels)
      .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
      .join(','),
  };
}
