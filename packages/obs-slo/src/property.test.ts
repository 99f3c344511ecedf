import fc from 'fast-check';
import { initializeTenantMetrics } from './tenant-metrics.js';

const HOUR = 3_600_000;

type Step =
  | { kind: 'record'; metric: string; value: number | boolean; tenant: string; advance: number }
  | { kind: 'evaluate'; tenant: string; advance: number };

const metric = fc.constantFrom(
  'login_success_rate',
  'api_request_success_rate',
  'api_response_latency',
  'database_query_latency',
  'errors',
  'jobs',
  'unknown_metric',
);
const value = fc.oneof(
  fc.constantFrom(0, 1, true, false),
  fc.double({ min: -10, max: 5000 }),
  fc.integer({ min: -5, max: 1000 }),
);
const tenant = fc.constantFrom('a', 'b', 'c', '', 'bad tenant');
const advance = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 72 * HOUR }),
  fc.integer({ min: 0, max: 40 * 24 * HOUR }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), metric, value, tenant, advance }),
  fc.record({ kind: fc.constant('evaluate' as const), tenant, advance }),
);

describe('property: any sequence of records and evaluations', () => {
  it('keeps 0 ≤ SLI ≤ 1, consistent budgets and rates, and never throws with onInvalid drop', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.constantFrom('30d', '7d', '1h'), (steps, window) => {
        let now = Date.UTC(2026, 0, 1);
        const m = initializeTenantMetrics({
          serviceName: 'svc',
          onInvalid: 'drop',
          clock: () => now,
          maxTenantsPerMetric: 2,
          specs: [
            {
              name: 'errors',
              metricType: 'error_rate',
              description: 'e',
              sloTarget: 0.02,
              alertThreshold: 0.1,
              window,
            },
            { name: 'jobs', metricType: 'throughput', description: 't', sloTarget: 1, alertThreshold: 0.5, window },
          ],
        });
        for (const s of steps) {
          now += s.advance;
          if (s.kind === 'record') {
            m.recordBusinessMetric(s.metric, s.value, { tenantId: s.tenant });
            continue;
          }
          for (const e of Object.values(m.evaluateSlos(s.tenant))) {
            expect(e.sli).toBeGreaterThanOrEqual(0);
            expect(e.sli).toBeLessThanOrEqual(1);
            expect(e.errorBudget.consumed + e.errorBudget.remaining).toBeCloseTo(1, 9);
            expect(e.errorBudget.badEvents).toBeGreaterThanOrEqual(0);
            expect(e.errorBudget.badEvents).toBeLessThanOrEqual(e.sampleCount);
            expect(e.status === 'no_data').toBe(e.sampleCount === 0);
            for (const r of Object.values(e.errorRatios)) expect(r >= 0 && r <= 1).toBe(true);
            for (const [w, b] of Object.entries(e.burnRates)) {
              const ratio = e.errorRatios[w as keyof typeof e.errorRatios];
              expect(b).toBeCloseTo(e.errorBudget.total > 0 ? ratio / e.errorBudget.total : 0, 9);
            }
            if (e.metricType !== 'latency' && e.metricType !== 'throughput' && e.sampleCount > 0) {
              expect(e.currentValue).toBeGreaterThanOrEqual(0);
              expect(e.currentValue).toBeLessThanOrEqual(1);
            }
          }
        }
        expect(m.health().status).toMatch(/healthy|degraded/);
      }),
      { numRuns: 150 },
    );
  });
});
