import { CountRing, type Counts } from './count-ring.js';
import { DDSketch } from './dd-sketch.js';
import type { MetricDef } from './spec.js';
import type { EvaluatedWindow } from './types.js';

const MINUTE = 60_000;
const HALF_HOUR = 1_800_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Bucket counts of the `SLO_WINDOWS` (5m 30m 1h | 2h 6h 1d 3d) in the minute and 30-minute rings. */
const MINUTE_WINDOWS = [5, 30, 60];
const HALF_HOUR_WINDOWS = [4, 12, 48, 144];

/** Sketch slices per SLO period: a latency percentile covers the window plus at most a quarter of it. */
const SLICES_PER_PERIOD = 4;

/**
 * The bounded storage of one (tenant, metric, label set): good/total counts at 1-minute (1 hour kept),
 * 30-minute (3 days), period (1 hour, or coarser past 32 days) and 1-day resolutions, and for latency a ring of
 * DDSketches, each covering a quarter of the period.
 */
export class Series {
  readonly minute = new CountRing(MINUTE, 60);
  readonly half = new CountRing(HALF_HOUR, 144);
  readonly period: CountRing;
  /** Daily sums beside an hourly period ring, so a 30-day sum reads ~75 buckets instead of 720. */
  private readonly day: CountRing | undefined;
  firstSeen = Number.POSITIVE_INFINITY;
  private readonly sliceMs: number;
  private readonly sketches: (DDSketch | undefined)[];
  private readonly sliceIds: number[];
  /** The newest slice, cached for the hot path. */
  private currentId = -1;
  private current: DDSketch | undefined;

  constructor(def: MetricDef) {
    const maxPeriod = def.window.maxPeriodMs;
    if (maxPeriod <= HOUR && def.window.kind === 'rolling') this.period = this.minute;
    else if (maxPeriod <= 3 * DAY && maxPeriod % HALF_HOUR === 0 && def.window.kind === 'rolling')
      this.period = this.half;
    else {
      const res = HOUR * Math.max(1, Math.ceil(maxPeriod / (32 * DAY)));
      this.period = new CountRing(res, Math.ceil(maxPeriod / res) + 1);
    }
    this.day =
      this.period.resolutionMs === HOUR && maxPeriod > 2 * DAY
        ? new CountRing(DAY, Math.ceil(maxPeriod / DAY) + 2, true)
        : undefined;
    const sliceRes = Math.min(this.period.resolutionMs, HOUR);
    this.sliceMs = Math.max(sliceRes, Math.ceil(maxPeriod / SLICES_PER_PERIOD / sliceRes) * sliceRes);
    const slices = def.type === 'latency' ? Math.ceil(maxPeriod / this.sliceMs) + 1 : 0;
    this.sketches = new Array<DDSketch | undefined>(slices).fill(undefined);
    this.sliceIds = new Array<number>(slices).fill(-1);
  }

  /** Records `total` events of which `good` are good at time `t`; `latency` feeds the sketch. */
  add(t: number, good: number, total: number, latency?: number): void {
    if (t < this.firstSeen) this.firstSeen = t;
    this.minute.add(t, good, total);
    this.half.add(t, good, total);
    if (this.period !== this.minute && this.period !== this.half) this.period.add(t, good, total);
    this.day?.add(t, good, total);
    if (latency === undefined) return;
    const id = Math.floor(t / this.sliceMs);
    if (id === this.currentId && this.current) this.current.add(latency);
    else this.sketchFor(id)?.add(latency);
  }

  /** The sketch of slice `id`, replacing the slice it reuses; undefined for a slice already rotated out. */
  private sketchFor(id: number): DDSketch | undefined {
    if (this.sketches.length === 0) return undefined;
    const i = id % this.sketches.length;
    if (this.sliceIds[i] !== id) {
      if ((this.sliceIds[i] ?? -1) > id) return undefined;
      this.sliceIds[i] = id;
      this.sketches[i] = undefined;
    }
    let sketch = this.sketches[i];
    if (!sketch) {
      sketch = new DDSketch();
      this.sketches[i] = sketch;
    }
    if (id >= this.currentId) {
      this.currentId = id;
      this.current = sketch;
    }
    return sketch;
  }

  /** Adds the counts of the burn-rate windows 5m, 30m, 1h (minute ring) and 2h, 6h, 1d, 3d (30-minute ring). */
  sumBurnWindows(now: number, into: readonly Counts[]): void {
    this.minute.sumNested(Math.floor(now / MINUTE), MINUTE_WINDOWS, into, 0);
    this.half.sumNested(Math.floor(now / HALF_HOUR), HALF_HOUR_WINDOWS, into, MINUTE_WINDOWS.length);
  }

  /** Adds the counts of the SLO window. */
  sumPeriod(w: EvaluatedWindow, into: Counts): void {
    const r = this.period.resolutionMs;
    // Calendar: buckets starting at or after the start; rolling: buckets after the one holding `now - period`.
    const from = w.kind === 'calendar' ? Math.ceil(w.start / r) : Math.floor(w.start / r) + 1;
    const to = Math.floor(w.end / r);
    const firstDay = Math.ceil(from / 24);
    const lastDay = Math.floor((to - 23) / 24);
    if (!this.day || firstDay > lastDay) {
      this.period.sumBuckets(from, to, into);
      return;
    }
    this.period.sumBuckets(from, firstDay * 24 - 1, into);
    this.day.sumBuckets(firstDay, lastDay, into);
    this.period.sumBuckets((lastDay + 1) * 24, to, into);
  }

  /** Pushes onto `into` the sketches of the slices that overlap the SLO window. */
  collectSketches(w: EvaluatedWindow, into: DDSketch[]): void {
    const from = Math.floor(w.start / this.sliceMs);
    const to = Math.floor(w.end / this.sliceMs);
    for (let i = 0; i < this.sketches.length; i++) {
      const id = this.sliceIds[i] ?? -1;
      const sketch = this.sketches[i];
      if (sketch && id >= from && id <= to) into.push(sketch);
    }
  }

  /** Bytes held by the buckets and sketches (not counting object headers). */
  get byteLength(): number {
    const rings = this.minute.byteLength + this.half.byteLength;
    const period = this.period === this.minute || this.period === this.half ? 0 : this.period.byteLength;
    const day = this.day?.byteLength ?? 0;
    return rings + period + day + this.sketches.reduce((n, s) => n + (s?.byteLength ?? 0), 0);
  }
}
