import { SloMetricNames } from '@dotmac/obs-config';
import { exact, formatNumber } from './decimal.js';
import { formatDuration, parseDuration } from './duration.js';
import { SloError } from './errors.js';
import { normalizeSpec, specsOf } from './spec.js';
import { type BusinessMetricSpec, BusinessMetricType, type SloWindowSpec, type TenantMetrics } from './types.js';

/** An OpenSLO v1 `SLO` object (the subset obs-slo writes and reads). */
export interface OpenSloSlo {
  readonly apiVersion: 'openslo/v1';
  readonly kind: 'SLO';
  readonly metadata: {
    readonly name: string;
    readonly displayName?: string;
    readonly annotations?: Record<string, string>;
  };
  readonly spec: {
    readonly description?: string;
    readonly service: string;
    readonly indicator?: unknown;
    readonly timeWindow: readonly {
      duration: string;
      isRolling: boolean;
      calendar?: { startTime: string; timeZone: string };
    }[];
    readonly budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
    readonly objectives: readonly { displayName?: string; target?: number; op?: string; value?: number }[];
  };
}

const A = 'dotmac.io/';

function source(metric: string, slo: string) {
  return { metricSource: { type: 'Prometheus', spec: { query: `sum(rate(${metric}{slo="${slo}"}[5m]))` } } };
}

function timeWindow(window: SloWindowSpec | undefined): OpenSloSlo['spec']['timeWindow'] {
  const w = window ?? '30d';
  if (typeof w === 'string' || w.kind === 'rolling') {
    return [{ duration: formatDuration(parseDuration(typeof w === 'string' ? w : w.duration)), isRolling: true }];
  }
  const duration = w.unit === 'month' ? '1M' : '1w';
  return [
    { duration, isRolling: false, calendar: { startTime: '2024-01-01 00:00:00', timeZone: w.timeZone ?? 'UTC' } },
  ];
}

/**
 * Exports specs (or a `TenantMetrics`' specs) as OpenSLO v1 `SLO` objects with an inline ratio indicator over
 * the `dotmac_slo_*` counters; obs-slo's own fields ride along as `dotmac.io/*` annotations. THROUGHPUT is skipped.
 *
 * @example
 * ```ts
 * const docs = toOpenSlo(tenantMetrics, { service: 'user-service' });
 * ```
 */
export function toOpenSlo(
  specsOrTenantMetrics: readonly BusinessMetricSpec[] | Pick<TenantMetrics, 'getSpecs'>,
  options: { readonly service: string },
): OpenSloSlo[] {
  return specsOf(specsOrTenantMetrics)
    .map((s) => normalizeSpec(s))
    .filter((d) => d.type !== 'throughput')
    .map(({ spec, objective, thresholdMs }) => {
      const annotations: Record<string, string> = {
        [`${A}metric-type`]: spec.metricType,
        [`${A}slo-target`]: formatNumber(spec.sloTarget),
        [`${A}alert-threshold`]: formatNumber(spec.alertThreshold),
        [`${A}labels`]: (spec.labels ?? []).join(','),
      };
      if (spec.metricType === 'latency') annotations[`${A}latency-threshold-ms`] = formatNumber(thresholdMs);
      if (spec.runbookUrl) annotations[`${A}runbook-url`] = spec.runbookUrl;
      const name = spec.name.toLowerCase().replace(/_/g, '-');
      return {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name, displayName: spec.name, annotations },
        spec: {
          description: spec.description,
          service: options.service,
          indicator: {
            metadata: { name: `${name}-sli` },
            spec: {
              ratioMetric: {
                counter: true,
                good: source(SloMetricNames.GOOD_EVENTS_TOTAL, spec.name),
                total: source(SloMetricNames.EVENTS_TOTAL, spec.name),
              },
            },
          },
          timeWindow: timeWindow(spec.window),
          budgetingMethod: 'Occurrences',
          objectives: [
            spec.metricType === 'latency'
              ? { displayName: spec.description, target: objective, op: 'lte', value: thresholdMs }
              : { displayName: spec.description, target: objective },
          ],
        },
      } satisfies OpenSloSlo;
    });
}

function bad(problem: string): never {
  throw new SloError('SLO_INVALID_OPENSLO', `Invalid OpenSLO document: ${problem}`);
}

function windowOf(doc: OpenSloSlo): SloWindowSpec {
  const tw = doc.spec.timeWindow?.[0];
  if (!tw) return '30d';
  if (tw.isRolling) return tw.duration;
  if (tw.duration === '1M' || tw.duration === '1w') {
    return {
      kind: 'calendar',
      unit: tw.duration === '1M' ? 'month' : 'week',
      timeZone: tw.calendar?.timeZone ?? 'UTC',
    };
  }
  return bad(`calendar timeWindow "${tw.duration}" is not supported: use 1M or 1w.`);
}

/**
 * Imports OpenSLO v1 `SLO` objects as specs. Without `dotmac.io/*` annotations: an objective with `op: lte` and a
 * `value` becomes a LATENCY spec (percentile = target, threshold = value), anything else a SUCCESS_RATE spec;
 * `alertThreshold` then defaults to `1 − 5 × (1 − target)` (ratios) or twice the threshold (latency).
 */
export function fromOpenSlo(documents: unknown): BusinessMetricSpec[] {
  const docs = (Array.isArray(documents) ? documents : [documents]) as OpenSloSlo[];
  return docs
    .filter((d) => d?.kind === 'SLO')
    .map((doc) => {
      if (doc.apiVersion !== 'openslo/v1') bad(`apiVersion must be openslo/v1 (got ${String(doc.apiVersion)}).`);
      const ann = doc.metadata?.annotations ?? {};
      const objective = doc.spec?.objectives?.[0];
      if (!objective || typeof objective.target !== 'number')
        bad(`SLO "${doc.metadata?.name}" needs objectives[0].target.`);
      const target = objective.target as number;
      const latency =
        ann[`${A}metric-type`] === 'latency' || (objective.op === 'lte' && typeof objective.value === 'number');
      const metricType = (ann[`${A}metric-type`] ?? (latency ? 'latency' : 'success_rate')) as BusinessMetricType;
      const num = (key: string, fallback: number) => (ann[A + key] !== undefined ? Number(ann[A + key]) : fallback);
      const threshold = num('latency-threshold-ms', objective.value ?? 0);
      const sloTarget = num(
        'slo-target',
        latency ? threshold : metricType === BusinessMetricType.ERROR_RATE ? 1 - target : target,
      );
      const labels = ann[`${A}labels`];
      const spec: BusinessMetricSpec = {
        name: doc.metadata.displayName ?? doc.metadata.name.replace(/-/g, '_'),
        metricType,
        description: doc.spec.description ?? '',
        sloTarget,
        alertThreshold: num('alert-threshold', latency ? threshold * 2 : exact(Math.max(0, 1 - 5 * (1 - target)))),
        window: windowOf(doc),
        ...(labels ? { labels: labels.split(',') } : {}),
        ...(latency ? { percentile: target, latencyThresholdMs: threshold } : {}),
        ...(ann[`${A}runbook-url`] ? { runbookUrl: ann[`${A}runbook-url`] } : {}),
      };
      return normalizeSpec(spec).spec;
    });
}
