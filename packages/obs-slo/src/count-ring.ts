/** Good and total counts. */
export interface Counts {
  good: number;
  total: number;
}

/**
 * A ring of `size` time buckets of `resolutionMs` holding good/total event counts: fixed memory
 * (8 bytes per bucket) whatever the event rate. Bucket `k` holds events with `floor(t / resolutionMs) === k`.
 */
export class CountRing {
  readonly resolutionMs: number;
  readonly size: number;
  private readonly good: Uint32Array;
  private readonly total: Uint32Array;
  private last = Number.NEGATIVE_INFINITY;

  constructor(resolutionMs: number, size: number) {
    this.resolutionMs = resolutionMs;
    this.size = size;
    this.good = new Uint32Array(size);
    this.total = new Uint32Array(size);
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
    this.good[i] = (this.good[i] ?? 0) + good;
    this.total[i] = (this.total[i] ?? 0) + total;
    return true;
  }

  /** Adds to `into` the counts of buckets `fromBucket..toBucket` (inclusive) still held. */
  sumBuckets(fromBucket: number, toBucket: number, into: Counts): void {
    const lo = Math.max(fromBucket, this.last - this.size + 1);
    const hi = Math.min(toBucket, this.last);
    for (let k = lo; k <= hi; k++) {
      const i = k % this.size;
      into.good += this.good[i] ?? 0;
      into.total += this.total[i] ?? 0;
    }
  }

  /** Adds to `into` the events with `start < t ≤ now` at bucket granularity: buckets after `floor(start / res)`. */
  sumSince(start: number, now: number, into: Counts): void {
    this.sumBuckets(Math.floor(start / this.resolutionMs) + 1, Math.floor(now / this.resolutionMs), into);
  }

  /** Adds to `into` the events in buckets starting at or after `start`. */
  sumFrom(start: number, now: number, into: Counts): void {
    this.sumBuckets(Math.ceil(start / this.resolutionMs), Math.floor(now / this.resolutionMs), into);
  }

  /** Bytes held by the buckets. */
  get byteLength(): number {
    return this.good.byteLength + this.total.byteLength;
  }
}
