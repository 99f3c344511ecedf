import { metrics as otelMetrics } from '@opentelemetry/api';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { DataPointType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { sampleValue } from './__fixtures__/parse-exposition.js';
import type { MetricsRegistry } from './registry.js';
import { initializeMetricsRegistry } from './registry.js';
import { MetricType } from './types.js';

/** A pull reader: `collect()` returns what an exporter would receive. */
class TestReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

function record(registry: MetricsRegistry): void {
  registry.incrementCounter('http_requests_total', 3, { method: 'GET', endpoint: '/a', status_code: '200' });
  registry.incrementCounter('http_requests_total', 1.5, { method: 'POST', endpoint: '/b', status_code: '500' });
  registry.setGauge('database_connections_active', 6);
  registry.addUpDownCounter('inflight', -4, { pool: 'main' });
  for (const v of [0.004, 0.03, 0.2, 0.2, 3, 12]) {
    registry.observeHistogram('http_request_duration_seconds', v, { method: 'GET', endpoint: '/a' });
  }
  registry.observeSummary('job_seconds', 2, { kind: 'x' });
  registry.observeSummary('job_seconds', 4, { kind: 'x' });
}

function makeRegistry(): MetricsRegistry {
  const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw', defaultLabels: { service: 'svc' } });
  registry.registerMetric({
    name: 'inflight',
    type: MetricType.UP_DOWN_COUNTER,
    description: 'In flight',
    labels: ['pool'],
  });
  registry.registerMetric({ name: 'job_seconds', type: MetricType.SUMMARY, description: 'Jobs', labels: ['kind'] });
  return registry;
}

/** Asserts each OTel data point equals the exposition's sample; returns how many values were compared. */
function expectSameAsExposition(collected: ResourceMetrics, text: string, scope: string): number {
  let compared = 0;
  for (const scopeMetrics of collected.scopeMetrics) {
    if (scopeMetrics.scope.name !== scope) continue;
    for (const metric of scopeMetrics.metrics) {
      const name = metric.descriptor.name;
      if (name.startsWith('system_')) continue; // sampled anew at each collection
      for (const point of metric.dataPoints) {
        const labels = Object.fromEntries(Object.entries(point.attributes).map(([k, v]) => [k, String(v)]));
        if (metric.dataPointType === DataPointType.HISTOGRAM) {
          const value = point.value as {
            buckets: { boundaries: number[]; counts: number[] };
            sum?: number;
            count: number;
          };
          const isSummary = value.buckets.boundaries.length === 0;
          let cumulative = 0;
          value.buckets.boundaries.forEach((bound, i) => {
            cumulative += value.buckets.counts[i] ?? 0;
            expect([name, bound, sampleValue(text, `${name}_bucket`, { ...labels, le: String(bound) })]).toEqual([
              name,
              bound,
              cumulative,
            ]);
            compared++;
          });
          if (!isSummary) expect(sampleValue(text, `${name}_bucket`, { ...labels, le: '+Inf' })).toBe(value.count);
          expect(sampleValue(text, `${name}_count`, labels)).toBe(value.count);
          expect(sampleValue(text, `${name}_sum`, labels)).toBeCloseTo(value.sum ?? Number.NaN, 10);
          compared += 2;
        } else {
          expect([name, labels, sampleValue(text, name, labels)]).toEqual([name, labels, point.value]);
          compared++;
        }
      }
    }
  }
  return compared;
}

describe('OpenTelemetry export through setOtelMeter', () => {
  let provider: MeterProvider;
  let reader: TestReader;
  beforeEach(() => {
    reader = new TestReader();
    provider = new MeterProvider({ readers: [reader] });
  });
  afterEach(() => provider.shutdown());

  it('collects the same values as the Prometheus exposition, for every type', async () => {
    const registry = makeRegistry();
    registry.incrementCounter('http_requests_total', 10, { method: 'PUT', endpoint: '/early', status_code: '204' });
    registry.setOtelMeter(provider.getMeter('app'));
    record(registry);
    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const text = await registry.getPrometheusMetrics();
    expect(expectSameAsExposition(resourceMetrics, text, 'app')).toBe(20);
    const names = resourceMetrics.scopeMetrics[0]?.metrics.map((m) => m.descriptor.name);
    expect(names).toEqual(
      expect.arrayContaining(['http_requests_total', 'inflight', 'job_seconds', 'system_memory_usage_bytes']),
    );
    // counters are read from the store: values recorded before the meter was set are exported too
    expect(text).toContain('endpoint="/early"');
  });

  it('exports the memory and CPU gauges sampled at collection', async () => {
    const registry = makeRegistry();
    registry.setOtelMeter(provider.getMeter('app'));
    const { resourceMetrics } = await reader.collect();
    const memory = resourceMetrics.scopeMetrics[0]?.metrics.find(
      (m) => m.descriptor.name === 'system_memory_usage_bytes',
    );
    expect(memory?.dataPointType).toBe(DataPointType.GAUGE);
    expect(memory?.dataPoints[0]?.value).toBeGreaterThan(1_000_000);
  });

  it('exports metrics registered after the meter was set, with the prefix and default labels', async () => {
    const registry = initializeMetricsRegistry('svc', { prefix: 'shop_', defaultLabels: { region: 'eu' } });
    registry.setOtelMeter(provider.getMeter('app'));
    registry.registerMetric({
      name: 'orders_total',
      type: MetricType.COUNTER,
      description: 'Orders',
      labels: ['kind'],
    });
    registry.incrementCounter('orders_total', 2, { kind: 'gift' });
    const { resourceMetrics } = await reader.collect();
    const orders = resourceMetrics.scopeMetrics[0]?.metrics.find((m) => m.descriptor.name === 'shop_orders_total');
    expect(orders?.dataPoints.map((p) => [p.attributes, p.value])).toEqual([[{ kind: 'gift', region: 'eu' }, 2]]);
  });

  it('stops exporting when the meter is removed', async () => {
    const registry = makeRegistry();
    registry.setOtelMeter(provider.getMeter('app'));
    record(registry);
    registry.setOtelMeter(undefined);
    registry.observeHistogram('http_request_duration_seconds', 1, { method: 'GET', endpoint: '/late' });
    const { resourceMetrics } = await reader.collect();
    const points = resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .flatMap((m) => m.dataPoints as Array<{ attributes: Record<string, unknown>; value: unknown }>);
    expect(points.some((p) => p.attributes.endpoint === '/late')).toBe(false);
    expect(points.some((p) => p.attributes.endpoint === '/a' && typeof p.value === 'number')).toBe(false);
  });
});

describe('OpenTelemetry API meter without an SDK', () => {
  it("takes the API's global (no-op) meter and keeps recording and serving Prometheus", async () => {
    const registry = makeRegistry();
    registry.setOtelMeter(otelMetrics.getMeter('app'));
    record(registry);
    expect(registry.health().details?.otelExport).toBe(true);
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'http_requests_total', { endpoint: '/a' })).toBe(3);
  });
});

describe('OpenTelemetry export through the metric producer', () => {
  it('gives a reader every type, histograms included, read from the store at collection', async () => {
    const registry = makeRegistry();
    record(registry);
    const reader = new TestReader({ metricProducers: [registry.createOtelMetricProducer()] });
    const provider = new MeterProvider({ readers: [reader] });
    try {
      const { resourceMetrics, errors } = await reader.collect();
      expect(errors).toEqual([]);
      const text = await registry.getPrometheusMetrics();
      expect(expectSameAsExposition(resourceMetrics, text, '@dotmac/obs-metrics')).toBe(19);
      const sums = resourceMetrics.scopeMetrics[0]?.metrics.filter((m) => m.dataPointType === DataPointType.SUM);
      expect(sums?.find((m) => m.descriptor.name === 'http_requests_total')).toMatchObject({ isMonotonic: true });
      expect(sums?.find((m) => m.descriptor.name === 'inflight')).toMatchObject({ isMonotonic: false });
    } finally {
      await provider.shutdown();
    }
  });

  it('marks the overflow series with otel.metric.overflow', async () => {
    const registry = initializeMetricsRegistry('svc', { registerDefaultMetrics: false, maxSeriesPerMetric: 2 });
    registry.registerMetric({ name: 'hits_total', type: MetricType.COUNTER, description: 'Hits', labels: ['user'] });
    for (const user of ['a', 'b', 'c', 'd']) registry.incrementCounter('hits_total', 1, { user });
    const { resourceMetrics } = await registry.createOtelMetricProducer().collect();
    const points = resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints ?? [];
    expect(points.map((p) => [p.attributes, p.value])).toEqual([
      [{ user: 'a' }, 1],
      [{ user: 'b' }, 1],
      [{ 'otel.metric.overflow': true }, 2],
    ]);
  });
});
