import v8 from 'node:v8';
import vm from 'node:vm';
import { parseExposition, sampleValue } from './__fixtures__/parse-exposition.js';
import { OVERFLOW_LABEL } from './metric-state.js';
import { initializeMetricsRegistry } from './registry.js';
import { MetricType } from './types.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('cardinality cap', () => {
  it('keeps a 1,000,000 unique label value attack at the cap, in one overflow series, with bounded memory', async () => {
    const warnings: string[] = [];
    const registry = initializeMetricsRegistry('svc', { onInvalid: 'warn', onWarning: (m) => warnings.push(m) });
    registry.registerMetric({
      name: 'logins_total',
      type: MetricType.COUNTER,
      description: 'Logins',
      labels: ['method', 'user_id'],
    });
    let heapAt100k = 0;
    for (let i = 0; i < 1_000_000; i++) {
      registry.incrementCounter('logins_total', 1, { method: i % 2 === 0 ? 'password' : 'sso', user_id: `user-${i}` });
      if (i === 99_999) heapAt100k = heapAfterGc();
    }
    const growth = heapAfterGc() - heapAt100k;
    expect(growth).toBeLessThan(4 * 1024 * 1024);

    const health = registry.health();
    expect(health.status).toBe('degraded');
    expect(health.details).toMatchObject({
      largestSeriesCount: 2000,
      metricsAtCap: ['logins_total'],
      overflowSamples: 998_000,
    });
    expect(health.message).toMatch(/reached 2000 series/);
    expect(warnings.filter((w) => w.includes('maxSeriesPerMetric'))).toHaveLength(1);

    const text = await registry.getPrometheusMetrics();
    const samples = parseExposition(text).filter((s) => s.name === 'logins_total');
    expect(samples).toHaveLength(2001);
    expect(sampleValue(text, 'logins_total', { [OVERFLOW_LABEL]: 'true' })).toBe(998_000);
    expect(sampleValue(text, 'logins_total', { user_id: 'user-1999' })).toBe(1);
    expect(samples.reduce((sum, s) => sum + s.value, 0)).toBe(1_000_000);
  });

  it('still records into existing series after the cap is reached', async () => {
    const registry = initializeMetricsRegistry('svc', {
      registerDefaultMetrics: false,
      maxSeriesPerMetric: 3,
      onWarning: () => {},
    });
    registry.registerMetric({ name: 'x_total', type: MetricType.COUNTER, description: 'X', labels: ['k'] });
    for (const k of ['a', 'b', 'c', 'd', 'e', 'a']) registry.incrementCounter('x_total', 1, { k });
    const handle = registry.series('x_total', { k: 'zzz' });
    handle.inc(10);
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'x_total', { k: 'a' })).toBe(2);
    expect(sampleValue(text, 'x_total', { [OVERFLOW_LABEL]: 'true' })).toBe(12);
    expect(registry.health().details).toMatchObject({ series: 3, overflowSamples: 3 }); // d, e, then the handle's inc
  });
});
