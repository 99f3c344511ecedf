import fc from 'fast-check';
import { DDSketch, quantileOf } from './dd-sketch.js';

/** A seeded lognormal generator (Box–Muller over a xorshift PRNG). */
function lognormal(seed: number, mu: number, sigma: number): () => number {
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

const exactQuantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;

describe('DDSketch', () => {
  it('keeps P50/P95/P99 within 1% of the exact values of lognormal latencies', () => {
    const next = lognormal(42, Math.log(120), 0.8);
    const sketch = new DDSketch();
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v = next();
      values.push(v);
      sketch.add(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(sketch.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(sketch.byteLength).toBeLessThanOrEqual(256 * 4);
  });

  it('merges: two halves give the quantiles of the whole', () => {
    const next = lognormal(7, 3, 1);
    const [a, b, whole] = [new DDSketch(), new DDSketch(), new DDSketch()];
    for (let i = 0; i < 10_000; i++) {
      const v = next();
      (i % 2 ? a : b).add(v);
      whole.add(v);
    }
    a.merge(b);
    expect(a.count).toBe(10_000);
    for (const q of [0.5, 0.95, 0.99]) expect(a.quantile(q)).toBe(whole.quantile(q));
  });

  it('stays bounded and keeps high quantiles accurate when values span many decades', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const sketch = new DDSketch(0.01, 64);
          for (const v of values) sketch.add(v);
          expect(sketch.byteLength).toBeLessThanOrEqual(64 * 4);
          const sorted = [...values].sort((x, y) => x - y);
          const exact = exactQuantile(sorted, 1);
          const got = sketch.quantile(1);
          if (exact > 1e-9) expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.0100001);
          else expect(got).toBe(0);
        },
      ),
    );
  });

  it('quantileOf several sketches equals the quantile of their merge', () => {
    fc.assert(
      fc.property(
        // Values within 230 buckets of each other, so that the merged sketch does not collapse any.
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 100, noNaN: true })), { maxLength: 80 }), {
          minLength: 2,
          maxLength: 5,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (groups, q) => {
          const sketches = groups.map((g) => {
            const s = new DDSketch();
            for (const v of g) s.add(v);
            return s;
          });
          const merged = new DDSketch();
          for (const s of sketches) merged.merge(s);
          const got = quantileOf(sketches, q);
          if (merged.count === 0) expect(got).toBeNaN();
          else expect(got).toBe(merged.quantile(q));
        },
      ),
    );
  });

  it('returns NaN when empty and 0 for zero durations', () => {
    const s = new DDSketch();
    expect(s.quantile(0.95)).toBeNaN();
    s.add(0);
    expect(s.quantile(0.95)).toBe(0);
  });
});
