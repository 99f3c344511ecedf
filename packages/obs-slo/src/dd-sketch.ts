/** Values at or below this count as zero (a 0 ms latency). */
const MIN_VALUE = 1e-9;

/**
 * A DDSketch (Masson, Rim, Lee — VLDB 2019) for non-negative values: quantiles within `relativeAccuracy` of the
 * exact value, mergeable, with at most `maxBuckets` buckets (the lowest collapse first, so high percentiles keep
 * their guarantee). Memory: 4 bytes per bucket between the lowest and highest key seen.
 */
export class DDSketch {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  readonly gamma: number;
  private readonly lnGamma: number;
  private readonly multiplier: number;
  /** Bucket counts (internal: read by `quantileOf`). */
  counts: Uint32Array = new Uint32Array(0);
  /** Key of `counts[0]`. */
  offset = 0;
  zeroCount = 0;
  count = 0;

  constructor(relativeAccuracy = 0.01, maxBuckets = 256) {
    this.relativeAccuracy = relativeAccuracy;
    this.maxBuckets = maxBuckets;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.lnGamma = Math.log(this.gamma);
    this.multiplier = 1 / this.lnGamma;
  }

  /** Adds `value` (≥ 0) `n` times. */
  add(value: number, n = 1): void {
    this.count += n;
    if (value <= MIN_VALUE) {
      this.zeroCount += n;
      return;
    }
    const key = Math.ceil(Math.log(value) * this.multiplier);
    const i = key - this.offset;
    if (i >= 0 && i < this.counts.length) this.counts[i] = (this.counts[i] as number) + n;
    else this.addKey(key, n);
  }

  private addKey(key: number, n: number): void {
    const len = this.counts.length;
    if (len === 0) {
      this.counts = new Uint32Array(8);
      this.offset = key - 4;
    } else if (key < this.offset && len >= this.maxBuckets) {
      // Already collapsed: lower keys fall into the lowest bucket.
    } else if (key < this.offset || key >= this.offset + len) {
      this.grow(key);
    }
    const i = Math.max(0, key - this.offset);
    this.counts[i] = (this.counts[i] ?? 0) + n;
  }

  /** Makes room for `key`, collapsing the lowest buckets past `maxBuckets`. */
  private grow(key: number): void {
    const old = this.counts;
    let top = old.length - 1;
    while (top > 0 && (old[top] ?? 0) === 0) top--;
    const lo = Math.min(key, this.offset);
    const hi = Math.max(key, this.offset + top);
    const want = Math.min(this.maxBuckets, Math.max(hi - lo + 1 + 8, old.length * 2));
    const newOffset = hi - lo + 1 > this.maxBuckets ? hi - this.maxBuckets + 1 : Math.max(lo - 4, hi - want + 1);
    const next = new Uint32Array(want);
    for (let i = 0; i < old.length; i++) {
      const c = old[i] ?? 0;
      if (c === 0) continue;
      const j = Math.max(0, this.offset + i - newOffset);
      next[j] = (next[j] ?? 0) + c;
    }
    this.counts = next;
    this.offset = newOffset;
  }

  /** Adds every count of `other` (same accuracy) into this sketch. */
  merge(other: DDSketch): void {
    this.count += other.count;
    this.zeroCount += other.zeroCount;
    for (let i = 0; i < other.counts.length; i++) {
      const c = other.counts[i] ?? 0;
      if (c > 0) this.addKey(other.offset + i, c);
    }
  }

  /** The `q`-quantile (0 ≤ q ≤ 1), or `NaN` when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = q * (this.count - 1);
    let seen = this.zeroCount;
    if (seen > rank) return 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen > rank) return (2 * this.gamma ** (this.offset + i)) / (this.gamma + 1);
    }
    return (2 * this.gamma ** (this.offset + this.counts.length - 1)) / (this.gamma + 1);
  }

  /** Bytes held by the buckets. */
  get byteLength(): number {
    return this.counts.byteLength;
  }
}

/** The `q`-quantile of several sketches (same accuracy) taken together, without building a merged sketch. */
export function quantileOf(sketches: readonly DDSketch[], q: number): number {
  if (sketches.length === 1) return (sketches[0] as DDSketch).quantile(q);
  let count = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of sketches) {
    count += s.count;
    if (s.counts.length === 0) continue;
    lo = Math.min(lo, s.offset);
    hi = Math.max(hi, s.offset + s.counts.length - 1);
  }
  const first = sketches[0];
  if (count === 0 || !first) return Number.NaN;
  // Walk down from the highest key (high percentiles stop early): the element of rank floor(q × (count − 1)) from
  // the bottom is the element of rank `above` from the top.
  const above = count - 1 - Math.floor(q * (count - 1));
  let seen = 0;
  for (let key = hi; key >= lo; key--) {
    for (const s of sketches) {
      const i = key - s.offset;
      if (i >= 0 && i < s.counts.length) seen += s.counts[i] as number;
    }
    if (seen > above) return (2 * first.gamma ** key) / (first.gamma + 1);
  }
  return 0;
}
