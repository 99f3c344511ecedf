import type { OtelAttributes, OtelHistogram } from './otel-types.js';
import type { MetricLabels } from './types.js';
import { DropReason, MetricType } from './types.js';
import type { NormalizedDefinition } from './validation.js';

/** The label (and OpenTelemetry attribute) set of the series that takes label sets past the cap. */
export const OVERFLOW_LABEL = 'otel_metric_overflow';
/** Observations a summary series keeps for its quantiles. */
export const SUMMARY_WINDOW = 1024;

type Labels = Readonly<Record<string, string>>;

/** A counter, gauge or up-down counter series. */
export class ScalarSeries {
  /** The series' own labels (a frozen copy, in definition order). */
  readonly labels: Labels;
  value = 0;
  /** OpenTelemetry attributes (labels + default labels), built on first export. */
  attributes: OtelAttributes | undefined;
  constructor(labels: Labels) {
    this.labels = labels;
  }
}

/**
 * A histogram series: per-bucket (not cumulative) counts, the last one for +Inf. A plain array of small integers
 * (4 bytes each in V8) costs less than a Float64Array, whose off-heap buffer has its own overhead.
 */
export class HistogramSeries {
  readonly labels: Labels;
  readonly counts: number[];
  sum = 0;
  count = 0;
  attributes: OtelAttributes | undefined;
  constructor(labels: Labels, bucketCount: number) {
    this.labels = labels;
    this.counts = new Array<number>(bucketCount + 1).fill(0);
  }
}

/** A summary series: sum, count and a sliding window of the last observations. */
export class SummarySeries {
  readonly labels: Labels;
  readonly window: number[] = [];
  next = 0;
  sum = 0;
  count = 0;
  attributes: OtelAttributes | undefined;
  constructor(labels: Labels) {
    this.labels = labels;
  }
}

export type Series = ScalarSeries | HistogramSeries | SummarySeries;
type Node = Map<unknown, unknown>;

/**
 * One metric's series store. Series are found through a tree of Maps, one level per label, keyed by the raw
 * label values: the hot path allocates nothing. Past `maxSeries` label sets, samples go to one overflow series.
 */
export class MetricState {
  readonly def: NormalizedDefinition;
  readonly type: MetricType;
  readonly labelNames: readonly string[];
  /** The name in the exposition and in OpenTelemetry (registry prefix + name). */
  readonly exportName: string;
  /** Every series in creation order (the overflow series last, once it exists). */
  readonly series: Series[] = [];
  overflowSamples = 0;
  /** For gauges sampled at collection time (system memory, CPU). */
  sampler: (() => number) | undefined;
  /** Set while an OpenTelemetry meter is attached: histograms and summaries also record there. */
  otelHistogram: OtelHistogram | undefined;
  private readonly root: Node = new Map();
  /** The one series of a metric without labels, created with it (0 from the start, as prom-client's are). */
  private readonly single: Series | undefined;
  private overflow: Series | undefined;
  private readonly maxSeries: number;
  private readonly onFirstOverflow: (state: MetricState) => void;

  constructor(
    def: NormalizedDefinition,
    prefix: string,
    maxSeries: number,
    onFirstOverflow: (state: MetricState) => void = () => {},
  ) {
    this.onFirstOverflow = onFirstOverflow;
    this.def = def;
    this.type = def.type;
    this.labelNames = def.labels;
    this.exportName = prefix + def.name;
    this.single = def.labels.length === 0 ? this.create({}) : undefined;
    this.maxSeries = maxSeries;
  }

  /** Series created for real label sets (the overflow series excluded). */
  get seriesCount(): number {
    return this.overflow === undefined ? this.series.length : this.series.length - 1;
  }

  /** Whether label sets have been refused by the cap. */
  get atCap(): boolean {
    return this.overflow !== undefined;
  }

  /** Runs the sampler, if any, into the single series; a failing sampler leaves the last value. */
  sample(): void {
    if (this.sampler === undefined) return;
    try {
      const value = this.sampler();
      const series = this.find(undefined);
      if (series instanceof ScalarSeries && Number.isFinite(value)) series.value = value;
    } catch {
      // Sampling is best effort: telemetry never crashes the host.
    }
  }

  /**
   * The series of `labels`, created on first use; a reason string when the labels do not fit the definition.
   * Past the cap it is the overflow series, and the call counts as an overflow sample unless `sample` is false
   * (binding a handle is not a sample).
   */
  find(labels: MetricLabels | undefined, sample = true): Series | DropReason {
    const names = this.labelNames;
    const n = names.length;
    if (n === 0) {
      if (labels != null) for (const _ in labels) return DropReason.LABEL_MISMATCH;
      return this.single as Series;
    }
    if (labels == null) return DropReason.LABEL_MISMATCH;
    let node = this.root;
    for (let i = 0; i < n - 1; i++) {
      const next = node.get(labels[names[i] as string]) as Node | undefined;
      if (next === undefined) return this.findSlow(labels, sample);
      node = next;
    }
    const found = node.get(labels[names[n - 1] as string]) as Series | undefined;
    if (found === undefined) return this.findSlow(labels, sample);
    let count = 0;
    for (const _ in labels) count++;
    return count === n ? found : DropReason.LABEL_MISMATCH;
  }

  private findSlow(labels: MetricLabels, sample: boolean): Series | DropReason {
    const names = this.labelNames;
    if (Object.keys(labels).length !== names.length) return DropReason.LABEL_MISMATCH;
    const values: string[] = [];
    let converted = false;
    for (const name of names) {
      if (!Object.hasOwn(labels, name)) return DropReason.LABEL_MISMATCH;
      const value = labels[name];
      if (typeof value === 'string') values.push(value);
      else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
        values.push(String(value));
        converted = true;
      } else return DropReason.INVALID_LABEL_VALUE;
    }
    let node = this.root;
    for (let i = 0; i < values.length; i++) {
      const next = node.get(values[i]);
      if (next === undefined) break;
      if (i === values.length - 1) {
        if (converted) this.alias(labels, values);
        return next as Series;
      }
      node = next as Node;
    }
    if (this.seriesCount >= this.maxSeries) {
      if (sample) this.overflowSamples++;
      if (this.overflow === undefined) {
        this.overflow = this.create(Object.freeze({ [OVERFLOW_LABEL]: 'true' }));
        this.onFirstOverflow(this);
      }
      return this.overflow;
    }
    const own: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) own[names[i] as string] = values[i] as string;
    const series = this.create(Object.freeze(own));
    node = this.root;
    for (let i = 0; i < values.length - 1; i++) {
      let next = node.get(values[i]) as Node | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(values[i], next);
      }
      node = next;
    }
    node.set(values[values.length - 1], series);
    if (converted) this.alias(labels, values);
    return series;
  }

  /**
   * Indexes the number and boolean values of `labels` beside their text (`200` beside `'200'`, same subtree), so
   * that the next call with them takes the fast path of `find`.
   */
  private alias(labels: MetricLabels, values: readonly string[]): void {
    let node = this.root;
    for (let i = 0; i < values.length; i++) {
      const next = node.get(values[i]);
      const raw = labels[this.labelNames[i] as string];
      if (typeof raw !== 'string' && !node.has(raw)) node.set(raw, next);
      node = next as Node;
    }
  }

  private create(labels: Labels): Series {
    let series: Series;
    if (this.type === MetricType.HISTOGRAM) series = new HistogramSeries(labels, this.def.buckets.length);
    else if (this.type === MetricType.SUMMARY) series = new SummarySeries(labels);
    else series = new ScalarSeries(labels);
    // No series is created once the overflow series exists, so it stays last.
    this.series.push(series);
    return series;
  }
}

/** Records one histogram observation (the value is known to be a number, not NaN). */
export function observeInto(series: HistogramSeries, buckets: readonly number[], value: number): void {
  let i = 0;
  const n = buckets.length;
  while (i < n && value > (buckets[i] as number)) i++;
  const counts = series.counts;
  counts[i] = (counts[i] as number) + 1;
  series.sum += value;
  series.count++;
}

/** Records one summary observation into the sliding window. */
export function observeSummary(series: SummarySeries, value: number): void {
  if (series.window.length < SUMMARY_WINDOW) series.window.push(value);
  else {
    series.window[series.next] = value;
    series.next = (series.next + 1) % SUMMARY_WINDOW;
  }
  series.sum += value;
  series.count++;
}
