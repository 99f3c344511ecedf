/** Good and total counts. */
export interface Counts {
  good: number;
  total: number;
}

/** The most events a narrow bucket holds; adding more saturates there instead of wrapping around to 0. */
export const NARROW_BUCKET_MAX = 0xffff_ffff;

/**
 * A ring of `size` time buckets of `resolutionMs` holding good/total event counts: fixed memory
 * (8 bytes per bucket, 16 when `wide`) whatever the event rate. Bucket `k` holds events with
 * `floor(t / resolutionMs) === k`. Narrow buckets saturate at 2^32 − 1 events (a day bucket fills at about
 * 50,000 events per second, so day rings are wide: exact to 2^53).
 */
export class CountRing {
  readonly resolutionMs: number;
  readonly size: number;
  private readonly good: Uint32Array | Float64Array;
  private readonly total: Uint32Array | Float64Array;
  private readonly max: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(resolutionMs: number, size: number, wide = false) {
    this.resolutionMs = resolutionMs;
    this.size = size;
    this.good = wide ? new Float64Array(size) : new Uint32Array(size);
    this.total = wide ? new Float64Array(size) : new Uint32Array(size);
    this.max = wide ? Number.MAX_SAFE_INTEGER : NARROW_BUCKET_MAX;
  }

  /** Adds counts at time `t`; returns false if `t` is older than the ring holds. */
  add(t: number, good: number, total: number): boolean {
    const k = Math.floor(t / this.resolutionMs);
    if (k > this.last) {
      const from = Math.max(this.last + 1, k - this.size + 1);
      for (let j = from; j <= k; j++) {
        const i = j % this.size;
        this.good[i] = 0;
        this.total[i] = 0;
      }
      this.last = k;
    } else if (k <= this.last - this.size) {
      return false;
    }
    const i = k % this.size;
    this.good[i] = Math.min((this.good[i] ?? 0) + good, this.max);
    this.total[i] = Math.min((this.total[i] ?? 0) + total, this.max);
    return true;
  }

  /** Adds to `into` the counts of buckets `fromBucket..toBucket` (inclusive) still held. */
  sumBuckets(fromBucket: number, toBucket: number, into: Counts): void {
    const lo = Math.max(fromBucket, this.last - this.size + 1);
    const hi = Math.min(toBucket, this.last);
    if (hi < lo) return;
    let good = 0;
    let total = 0;
    let i = lo % this.size;
    for (let n = hi - lo; n >= 0; n--) {
      good += this.good[i] as number;
      total += this.total[i] as number;
      if (++i === this.size) i = 0;
    }
    into.good += good;
    into.total += total;
  }

  /**
   * Adds to `into[at + j]` the counts of the last `lengths[j]` buckets ending at `toBucket` (`lengths` ascending),
   * reading each bucket once for all the nested windows.
   */
  sumNested(toBucket: number, lengths: readonly number[], into: readonly Counts[], at: number): void {
    const oldest = this.last - this.size + 1;
    let good = 0;
    let total = 0;
    let n = 0;
    for (let j = 0; j < lengths.length; j++) {
      const len = lengths[j] as number;
      for (; n < len; n++) {
        const k = toBucket - n;
        if (k > this.last) continue;
        if (k < oldest) break;
        const i = k % this.size;
        good += this.good[i] as number;
        total += this.total[i] as number;
      }
      n = len;
      const c = into[at + j] as Counts;
      c.good += good;
      c.total += total;
    }
  }

  /** Bytes held by the buckets. */
  get byteLength(): number {
    return this.good.byteLength + this.total.byteLength;
  }
}
