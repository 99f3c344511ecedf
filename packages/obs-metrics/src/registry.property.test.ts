import fc from 'fast-check';
import { parseExposition, sampleValue } from './__fixtures__/parse-exposition.js';
import { MetricsError } from './errors.js';
import type { MetricsRegistry } from './registry.js';
import { initializeMetricsRegistry } from './registry.js';
import type { InvalidInputPolicy, MetricLabels } from './types.js';
import { MetricType } from './types.js';

const NAMES = ['known_total', 'level', 'latency_seconds', 'spread', 'http_requests_total', 'nope'];
const name = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 }), fc.constant('__reserved'));
const labelKey = fc.oneof(fc.constantFrom('a', 'b', 'c', 'le', '__x', 'a.b', ''), fc.string({ maxLength: 6 }));
const labelValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.double(),
  fc.constant(undefined),
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
);
const labels = fc.oneof(
  fc.constant(undefined),
  fc.record({ a: labelValue, b: labelValue }),
  fc.dictionary(labelKey, labelValue, { maxKeys: 4 }),
);
const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5),
  fc.string({ maxLength: 3 }),
  fc.constant(undefined),
  fc.constant(null),
);
const randomOp = fc.record({
  kind: fc.constantFrom('inc', 'set', 'add', 'observe', 'summary', 'series', 'register'),
  name,
  labels,
  value,
  type: fc.constantFrom(...Object.values(MetricType), 'bogus'),
});
/** Mostly valid increments of the modelled counter, so that the sums are really checked. */
const validOp = fc.record({
  kind: fc.constantFrom('inc', 'series'),
  name: fc.constant('known_total'),
  labels: fc.record({
    a: fc.constantFrom('x', 'y', 'a"\\\n'),
    b: fc.oneof(fc.constantFrom('1', 'z'), fc.integer({ min: 0, max: 3 })),
  }),
  value: fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constant(undefined),
    fc.integer({ min: -1, max: 9 }),
  ),
  type: fc.constant('counter'),
});
const op = fc.oneof(randomOp, validOp);
type Op = typeof randomOp extends fc.Arbitrary<infer T> ? T : never;

function setUp(policy: InvalidInputPolicy): MetricsRegistry {
  const registry = initializeMetricsRegistry('svc', { onInvalid: policy, onWarning: () => {}, maxSeriesPerMetric: 50 });
  registry.registerMetric({ name: 'known_total', type: MetricType.COUNTER, description: 'K', labels: ['a', 'b'] });
  registry.registerMetric({ name: 'level', type: MetricType.GAUGE, description: 'L', labels: ['a'] });
  registry.registerMetric({ name: 'latency_seconds', type: MetricType.HISTOGRAM, description: 'H', labels: ['a'] });
  registry.registerMetric({ name: 'spread', type: MetricType.SUMMARY, description: 'S' });
  registry.registerMetric({ name: 'baseline_total', type: MetricType.COUNTER, description: 'B', labels: ['a'] });
  registry.incrementCounter('baseline_total', 5, { a: 'x' });
  return registry;
}

function apply(registry: MetricsRegistry, { kind, name, labels, value, type }: Op): void {
  const l = labels as MetricLabels | undefined;
  const v = value as number;
  if (kind === 'inc') registry.incrementCounter(name, v, l);
  else if (kind === 'set') registry.setGauge(name, v, l);
  else if (kind === 'add') registry.addUpDownCounter(name, v, l);
  else if (kind === 'observe') registry.observeHistogram(name, v, l);
  else if (kind === 'summary') registry.observeSummary(name, v, l);
  else if (kind === 'series') registry.series(name, l).inc(v);
  else registry.registerMetric({ name, type: type as MetricType, description: 'random', labels: Object.keys(l ?? {}) });
}

/** What a valid `incrementCounter('known_total', v, labels)` adds, under the documented rules; undefined if refused. */
function expectedKnown(o: Op): [string, number] | undefined {
  if ((o.kind !== 'inc' && o.kind !== 'series') || o.name !== 'known_total') return undefined;
  const v = o.value === undefined ? 1 : o.value;
  if (typeof v !== 'number' || !(v >= 0) || v === Infinity) return undefined;
  const l = o.labels as Record<string, unknown> | undefined;
  if (l == null || Object.keys(l).length !== 2 || !Object.hasOwn(l, 'a') || !Object.hasOwn(l, 'b')) return undefined;
  const text = (x: unknown) =>
    typeof x === 'string'
      ? x
      : (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean'
        ? String(x)
        : undefined;
  const a = text(l.a);
  const b = text(l.b);
  return a === undefined || b === undefined ? undefined : [`${a}\u0000${b}`, v];
}

describe('random input (property)', () => {
  it("never throws under 'warn' or 'drop', and valid samples add up exactly, whatever came in between", async () => {
    let runsWithValidSamples = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<InvalidInputPolicy>('warn', 'drop'),
        fc.array(op, { maxLength: 60 }),
        async (policy, ops) => {
          const registry = setUp(policy);
          const model = new Map<string, number>();
          for (const o of ops) {
            apply(registry, o);
            const add = expectedKnown(o);
            if (add !== undefined) model.set(add[0], (model.get(add[0]) ?? 0) + add[1]);
          }
          const text = await registry.getPrometheusMetrics();
          expect(sampleValue(text, 'baseline_total', { a: 'x' })).toBe(5);
          const known = parseExposition(text).filter((s) => s.name === 'known_total');
          // series() creates an empty series when binding: compare the non-zero values.
          const seen = new Map(
            known.filter((s) => s.value !== 0).map((s) => [`${s.labels.a}\u0000${s.labels.b}`, s.value]),
          );
          expect(seen).toEqual(new Map([...model].filter(([, v]) => v !== 0)));
          expect(registry.health().name).toBe('metrics');
          if (model.size > 0) runsWithValidSamples++;
        },
      ),
      { numRuns: 300 },
    );
    expect(runsWithValidSamples).toBeGreaterThan(10);
  });

  it("throws nothing but MetricsError under 'throw', and a refused call records nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const registry = setUp('throw');
        for (const o of ops) {
          // Binding a handle creates its (empty) series, like prom-client's labels(): bind before comparing.
          const handle =
            o.kind === 'series' ? registry.series(o.name, o.labels as MetricLabels | undefined) : undefined;
          const before = await registry.getPrometheusMetrics();
          try {
            if (handle !== undefined) handle.inc(o.value as number);
            else apply(registry, o);
          } catch (error) {
            expect(error).toBeInstanceOf(MetricsError);
            const after = await registry.getPrometheusMetrics();
            const strip = (t: string) => t.replace(/^system_.*$/gm, '');
            expect(strip(after)).toBe(strip(before));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
