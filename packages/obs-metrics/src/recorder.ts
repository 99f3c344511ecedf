import type { MetricState, Series } from './metric-state.js';
import {
  HistogramSeries,
  OVERFLOW_LABEL,
  observeInto,
  observeSummary,
  ScalarSeries,
  SummarySeries,
} from './metric-state.js';
import { attributesOf } from './otel-bridge.js';
import type { Refusals } from './refusals.js';
import { shown } from './refusals.js';
import { DropReason, MetricType } from './types.js';

/** The metric types each recording call applies to: the registry's by-name calls, then the series handle's. */
const ACCEPTS = {
  incrementCounter: [MetricType.COUNTER],
  setGauge: [MetricType.GAUGE],
  addUpDownCounter: [MetricType.GAUGE, MetricType.UP_DOWN_COUNTER],
  observeHistogram: [MetricType.HISTOGRAM],
  observeSummary: [MetricType.SUMMARY],
  inc: [MetricType.COUNTER, MetricType.GAUGE, MetricType.UP_DOWN_COUNTER],
  dec: [MetricType.GAUGE, MetricType.UP_DOWN_COUNTER],
  set: [MetricType.GAUGE],
  observe: [MetricType.HISTOGRAM, MetricType.SUMMARY],
} as const satisfies Record<string, readonly MetricType[]>;

/** A recording call, named as the caller wrote it (it appears in the refusal message). */
export type Method = keyof typeof ACCEPTS;

/** Refuses a value that is not a usable number (or a negative counter increment). */
export function refuseValue(refusals: Refusals, state: MetricState, value: unknown): void {
  const negative = typeof value === 'number' && value < 0 && state.type === MetricType.COUNTER;
  refusals.refuse(state.def.name, negative ? DropReason.NEGATIVE_INCREMENT : DropReason.INVALID_VALUE, () =>
    negative
      ? `Counter ${shown(state.def.name)} got a negative increment ${value}: counters only go up; use a gauge or an up-down counter for values that go down.`
      : `Metric ${shown(state.def.name)} got the value ${typeof value === 'number' ? value : typeof value}: pass a finite number.`,
  );
}

/** Refuses a call whose method does not fit the metric's type (e.g. `setGauge` on a counter). */
export function refuseType(refusals: Refusals, state: MetricState, method: Method): void {
  refusals.refuse(
    state.def.name,
    DropReason.WRONG_TYPE,
    () =>
      `Metric ${shown(state.def.name)} is a ${state.type}; ${method}() only applies to ${ACCEPTS[method].join(' or ')} metrics.`,
  );
}

/** Refuses a call on an unknown metric, or on a metric of another type. */
export function refuseMetric(refusals: Refusals, name: string, state: MetricState | undefined, method: Method): void {
  if (state !== undefined) refuseType(refusals, state, method);
  else {
    refusals.refuse(
      name,
      DropReason.UNKNOWN_METRIC,
      () => `Metric ${shown(name)} is not registered: call registerMetric({ name, type, description, labels }) first.`,
    );
  }
}

/** Refuses labels that do not match the definition. */
export function refuseLabels(refusals: Refusals, state: MetricState, reason: DropReason, labels: unknown): void {
  refusals.refuse(state.def.name, reason, () => {
    const given = labels !== null && typeof labels === 'object' ? Object.keys(labels) : [];
    return reason === DropReason.INVALID_LABEL_VALUE
      ? `Metric ${shown(state.def.name)} got a label value that is not a string, finite number or boolean.`
      : `Metric ${shown(state.def.name)} expects exactly the labels [${state.labelNames.join(', ')}] but got [${given
          .slice(0, 20)
          .join(', ')}]: pass every label of the definition and no other.`;
  });
}

/**
 * Refuses a definition: `problem` is what is wrong with it, the metric it conflicts with, or `'prom-client'` when
 * the name is taken by a metric of the prom-client registry.
 */
export function refuseDefinition(refusals: Refusals, name: unknown, problem: string | MetricState): void {
  if (typeof problem === 'object') {
    refusals.refuse(
      name,
      DropReason.CONFLICTING_DEFINITION,
      () =>
        `Metric ${shown(name)} is already registered as a ${problem.type} with labels [${problem.labelNames.join(', ')}]; register it once with one definition, or pick another name.`,
    );
  } else if (problem === 'prom-client') {
    refusals.refuse(
      name,
      DropReason.CONFLICTING_DEFINITION,
      () => `Metric ${shown(name)} already exists in the prom-client registry (runtime metrics?); pick another name.`,
    );
  } else {
    refusals.refuse(name, DropReason.INVALID_DEFINITION, () => `Invalid metric definition ${shown(name)}: ${problem}.`);
  }
}

/** Warns once that a metric reached its cap. */
export function warnOverflow(refusals: Refusals, state: MetricState, max: number): void {
  refusals.warnOnce(
    `${state.def.name}\u0000overflow`,
    () =>
      `Metric ${shown(state.def.name)} reached maxSeriesPerMetric (${max}) label sets; new label sets now go to one series labelled ${OVERFLOW_LABEL}="true". A label probably carries unbounded values (ids, raw paths).`,
  );
}

/** Warns once that a metric's name cannot be an OpenTelemetry instrument name (it stays in Prometheus). */
export function warnNotOtel(refusals: Refusals, state: MetricState): void {
  refusals.warnOnce(
    `${state.def.name}\u0000otel`,
    () =>
      `Metric ${shown(state.exportName)} is not exported through OpenTelemetry: OTel instrument names must match [A-Za-z][A-Za-z0-9_.-/]{0,254} (no ':' and no leading '_').`,
  );
}

/** Whether `state` accepts `method`. */
export function accepts(state: MetricState, method: Method): boolean {
  return (ACCEPTS[method] as readonly MetricType[]).includes(state.type);
}

/** Records `value` into a series found for a histogram or summary (OTel included while a meter is set). */
export function observeSeries(
  state: MetricState,
  series: Series,
  value: number,
  defaultLabels: Readonly<Record<string, string>>,
): void {
  if (series instanceof HistogramSeries) observeInto(series, state.def.buckets, value);
  else if (series instanceof SummarySeries) observeSummary(series, value);
  else return;
  if (state.otelHistogram !== undefined) state.otelHistogram.record(value, attributesOf(series, defaultLabels));
}

/**
 * A series bound to its metric and labels: `inc()`, `set()`, `observe()` go straight to the stored value.
 * Wrong methods for the metric's type and bad values are refused like the by-name calls.
 */
export class BoundSeries {
  private readonly state: MetricState;
  private readonly series: Series;
  private readonly refusals: Refusals;
  private readonly defaultLabels: Readonly<Record<string, string>>;
  /** Bound past the cap: each sample is counted as an overflow sample. */
  private readonly overflowed: boolean;

  constructor(state: MetricState, series: Series, refusals: Refusals, defaultLabels: Readonly<Record<string, string>>) {
    this.state = state;
    this.series = series;
    this.overflowed = series.labels[OVERFLOW_LABEL] !== undefined;
    this.refusals = refusals;
    this.defaultLabels = defaultLabels;
  }

  inc(value = 1): void {
    const series = this.series;
    if (series instanceof ScalarSeries && typeof value === 'number') {
      if (this.state.type === MetricType.COUNTER ? value >= 0 && value !== Infinity : Number.isFinite(value)) {
        series.value += value;
        if (this.overflowed) this.state.overflowSamples++;
        return;
      }
    }
    if (!accepts(this.state, 'inc')) refuseType(this.refusals, this.state, 'inc');
    else refuseValue(this.refusals, this.state, value);
  }

  dec(value = 1): void {
    if (!accepts(this.state, 'dec')) refuseType(this.refusals, this.state, 'dec');
    else if (typeof value !== 'number' || !Number.isFinite(value)) refuseValue(this.refusals, this.state, value);
    else {
      (this.series as ScalarSeries).value -= value;
      if (this.overflowed) this.state.overflowSamples++;
    }
  }

  set(value: number): void {
    if (!accepts(this.state, 'set')) refuseType(this.refusals, this.state, 'set');
    else if (typeof value !== 'number' || !Number.isFinite(value)) refuseValue(this.refusals, this.state, value);
    else {
      (this.series as ScalarSeries).value = value;
      if (this.overflowed) this.state.overflowSamples++;
    }
  }

  observe(value: number): void {
    if (!accepts(this.state, 'observe')) refuseType(this.refusals, this.state, 'observe');
    else if (typeof value !== 'number' || !Number.isFinite(value)) refuseValue(this.refusals, this.state, value);
    else {
      observeSeries(this.state, this.series, value, this.defaultLabels);
      if (this.overflowed) this.state.overflowSamples++;
    }
  }
}

/** The handle given for an unknown metric or labels that do not fit: every call is refused and counted. */
export class RefusedSeries {
  private readonly refuseOnce: () => void;
  constructor(refuseOnce: () => void) {
    this.refuseOnce = refuseOnce;
  }
  inc(): void {
    this.refuseOnce();
  }
  dec(): void {
    this.refuseOnce();
  }
  set(): void {
    this.refuseOnce();
  }
  observe(): void {
    this.refuseOnce();
  }
}
