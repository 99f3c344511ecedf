import type { MetricDefinition } from './types.js';
import { MetricType } from './types.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OTEL_NAME = /^[A-Za-z][A-Za-z0-9_.\-/]{0,254}$/;
const TYPES = new Set<string>(Object.values(MetricType));

/** prom-client's default buckets (seconds), 11 of them. */
export const DEFAULT_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]);
/** Default summary quantiles. */
export const DEFAULT_PERCENTILES: readonly number[] = Object.freeze([0.5, 0.9, 0.99]);

/** A definition checked and completed with its defaults. */
export interface NormalizedDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly description: string;
  readonly labels: readonly string[];
  readonly unit: string;
  readonly buckets: readonly number[];
  readonly percentiles: readonly number[];
}

/** Whether `name` is a valid Prometheus metric name (and not reserved with `__`). */
export function isValidMetricName(name: unknown): name is string {
  return typeof name === 'string' && METRIC_NAME.test(name) && !name.startsWith('__');
}

/** Whether `name` is a valid Prometheus label name (and not reserved with `__`). */
export function isValidLabelName(name: unknown): name is string {
  return typeof name === 'string' && LABEL_NAME.test(name) && !name.startsWith('__');
}

/** Whether `name` is also a valid OpenTelemetry instrument name. */
export function isValidOtelName(name: string): boolean {
  return OTEL_NAME.test(name);
}

/** Checks a definition against Prometheus' rules; returns the normalized definition or the problem. */
export function normalizeDefinition(
  def: MetricDefinition,
  reservedLabels: readonly string[],
): NormalizedDefinition | string {
  if (def === null || typeof def !== 'object') return 'the definition must be an object { name, type, description }';
  const { name, type } = def;
  if (!isValidMetricName(name)) {
    return `metric name ${JSON.stringify(name)} must match [a-zA-Z_:][a-zA-Z0-9_:]* and not start with "__"`;
  }
  if (!TYPES.has(type)) return `type ${JSON.stringify(type)} must be one of ${[...TYPES].join(', ')}`;
  if (typeof def.description !== 'string') return 'description must be a string';
  const labels = def.labels ?? [];
  if (!Array.isArray(labels)) return 'labels must be an array of label names';
  const seen = new Set<string>();
  for (const label of labels) {
    if (!isValidLabelName(label)) {
      return `label name ${JSON.stringify(label)} must match [a-zA-Z_][a-zA-Z0-9_]* and not start with "__"`;
    }
    if (seen.has(label)) return `label "${label}" is listed twice`;
    if (reservedLabels.includes(label)) return `label "${label}" is already a default label of the registry`;
    if (label === 'le' && type === MetricType.HISTOGRAM) return 'a histogram may not use the label "le"';
    if (label === 'quantile' && type === MetricType.SUMMARY) return 'a summary may not use the label "quantile"';
    seen.add(label);
  }
  const buckets: number[] = [...(def.buckets ?? DEFAULT_BUCKETS)];
  if (buckets.at(-1) === Number.POSITIVE_INFINITY) buckets.pop();
  if (buckets.length === 0 || !buckets.every((b, i) => Number.isFinite(b) && (i === 0 || b > (buckets[i - 1] ?? b)))) {
    return 'buckets must be finite numbers in strictly ascending order';
  }
  const percentiles = def.percentiles ?? DEFAULT_PERCENTILES;
  if (percentiles.length === 0 || !percentiles.every((p) => typeof p === 'number' && p > 0 && p < 1)) {
    return 'percentiles must be numbers between 0 and 1 (exclusive)';
  }
  const unit = def.unit ?? '';
  if (typeof unit !== 'string') return 'unit must be a string';
  return Object.freeze({
    name,
    type,
    description: def.description,
    labels: Object.freeze([...labels]),
    unit,
    buckets: Object.freeze(type === MetricType.HISTOGRAM ? buckets : []),
    percentiles: Object.freeze(type === MetricType.SUMMARY ? [...percentiles].sort((a, b) => a - b) : []),
  });
}

/** Whether two normalized definitions are the same (so registering again is a no-op). */
export function sameDefinition(a: NormalizedDefinition, b: NormalizedDefinition): boolean {
  const eq = (x: readonly unknown[], y: readonly unknown[]): boolean =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.type === b.type &&
    a.description === b.description &&
    a.unit === b.unit &&
    eq(a.labels, b.labels) &&
    eq(a.buckets, b.buckets) &&
    eq(a.percentiles, b.percentiles)
  );
}

/** Escapes a label value for the text exposition. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;
}
