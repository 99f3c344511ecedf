import { DEFAULT_BURN_RATE_ALERTS, validateAlertRules } from './burn-rate.js';
import { exact } from './decimal.js';
import { SloError } from './errors.js';
import { type BurnRateAlertRule, type BusinessMetricSpec, BusinessMetricType, type TenantMetrics } from './types.js';
import { type ResolvedWindow, resolveWindow } from './window.js';

/** A validated spec with what evaluation and rule generation derive from it. */
export interface MetricDef {
  readonly spec: BusinessMetricSpec;
  readonly type: BusinessMetricType;
  /** The good-event ratio required (0.99; LATENCY: the percentile; THROUGHPUT: 1). */
  readonly objective: number;
  /** `1 − objective`, exact. */
  readonly budget: number;
  /** LATENCY: good = value ≤ this. */
  readonly thresholdMs: number;
  readonly percentile: number;
  readonly window: ResolvedWindow;
  /** Spec labels other than `tenant_id`. */
  readonly extraLabels: readonly string[];
  readonly alerts: readonly BurnRateAlertRule[];
}

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = Object.values(BusinessMetricType) as readonly string[];

/** Whether `label` can be a label of the SLO counters: a Prometheus label name, not `__*`, not `slo`. */
export const isUsableLabel = (label: string): boolean => NAME.test(label) && !label.startsWith('__') && label !== 'slo';

function fail(name: string, problem: string): never {
  throw new SloError('SLO_INVALID_SPEC', `Business metric "${name}": ${problem}`);
}

function ratio(name: string, field: string, v: number, open = true): void {
  if (!Number.isFinite(v) || v < 0 || v > 1 || (open && (v === 0 || v === 1))) {
    fail(name, `${field} must be a ratio ${open ? 'strictly between 0 and 1' : 'from 0 to 1'} (got ${v}).`);
  }
}

function positive(name: string, field: string, v: number): void {
  if (!Number.isFinite(v) || v <= 0) fail(name, `${field} must be a positive number (got ${v}).`);
}

/** Validates a spec and derives its objective, budget, window and alerts. */
export function normalizeSpec(input: BusinessMetricSpec, defaultAlerts = DEFAULT_BURN_RATE_ALERTS): MetricDef {
  const name = String(input?.name ?? '');
  if (!NAME.test(name)) fail(name, 'name must match [a-zA-Z_][a-zA-Z0-9_]* (it becomes the `slo` label).');
  const type = input.metricType;
  if (!TYPES.includes(type)) fail(name, `metricType must be one of ${TYPES.join(', ')} (got ${String(type)}).`);
  if (typeof input.description !== 'string') fail(name, 'description must be a string.');
  const { sloTarget, alertThreshold } = input;
  let objective = 1;
  let thresholdMs = 0;
  let percentile = 0;
  if (type === 'success_rate' || type === 'availability') {
    ratio(name, 'sloTarget', sloTarget);
    ratio(name, 'alertThreshold', alertThreshold, false);
    objective = sloTarget;
  } else if (type === 'error_rate') {
    ratio(name, 'sloTarget', sloTarget);
    ratio(name, 'alertThreshold', alertThreshold, false);
    objective = exact(1 - sloTarget);
  } else if (type === 'latency') {
    positive(name, 'sloTarget (the latency objective in ms)', sloTarget);
    positive(name, 'alertThreshold (ms)', alertThreshold);
    percentile = input.percentile ?? 0.95;
    ratio(name, 'percentile', percentile);
    thresholdMs = input.latencyThresholdMs ?? sloTarget;
    positive(name, 'latencyThresholdMs', thresholdMs);
    objective = percentile;
  } else {
    positive(name, 'sloTarget (minimum events per second)', sloTarget);
    if (!Number.isFinite(alertThreshold) || alertThreshold < 0)
      fail(name, 'alertThreshold must be ≥ 0 events per second.');
  }
  const labels = input.labels ?? [];
  const extraLabels = labels.filter((l) => l !== 'tenant_id');
  for (const l of extraLabels) {
    if (!isUsableLabel(l)) {
      fail(name, `label "${l}" is not a valid Prometheus label name (or is reserved: slo, __*).`);
    }
  }
  if (new Set(extraLabels).size !== extraLabels.length) fail(name, 'labels must not repeat.');
  const alerts = validateAlertRules(input.burnRateAlerts ?? defaultAlerts, `Business metric "${name}"`);
  const window = resolveWindow(input.window);
  const spec = Object.freeze({ ...input, labels: Object.freeze([...labels]) });
  return { spec, type, objective, budget: exact(1 - objective), thresholdMs, percentile, window, extraLabels, alerts };
}

/** The JSON text of a spec with object keys sorted, so that key order does not matter. */
const canonical = (spec: BusinessMetricSpec): string =>
  JSON.stringify(spec, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)))
      : value,
  );

/** Whether two normalized specs (`MetricDef.spec`) define the same metric, so registering again is a no-op. */
export function sameSpec(a: BusinessMetricSpec, b: BusinessMetricSpec): boolean {
  return canonical(a) === canonical(b);
}

/** The specs given as a list, or those registered in a `TenantMetrics`. */
export function specsOf(
  input: readonly BusinessMetricSpec[] | Pick<TenantMetrics, 'getSpecs'>,
): readonly BusinessMetricSpec[] {
  return Array.isArray(input) ? input : (input as Pick<TenantMetrics, 'getSpecs'>).getSpecs();
}
