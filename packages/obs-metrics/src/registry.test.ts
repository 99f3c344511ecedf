import { DefaultMetricNames, ObservabilityError } from '@dotmac/obs-config';
import { sampleValue } from './__fixtures__/parse-exposition.js';
import { MetricsError, MetricsErrorCode } from './errors.js';
import { initializeMetricsRegistry, MetricsRegistry } from './registry.js';
import type { MetricsRegistryOptions } from './types.js';
import { MetricType } from './types.js';

const HTTP = { method: 'GET', endpoint: '/users/:id', status_code: '200' };

function strict(options: MetricsRegistryOptions = {}): MetricsRegistry {
  return initializeMetricsRegistry('svc', { onInvalid: 'throw', ...options });
}

describe('initializeMetricsRegistry', () => {
  it('accepts the positional form and the options-object form', () => {
    const positional = initializeMetricsRegistry('svc', { enablePrometheus: true });
    const object = initializeMetricsRegistry({ serviceName: 'svc2', enablePrometheus: false });
    expect(positional).toBeInstanceOf(MetricsRegistry);
    expect(positional.serviceName).toBe('svc');
    expect(object.serviceName).toBe('svc2');
    expect(object.prometheusEnabled).toBe(false);
  });

  it('registers the seed default metrics with their labels, unless turned off', () => {
    const registry = strict();
    for (const name of Object.values(DefaultMetricNames)) expect(registry.getMetricDefinition(name)).toBeDefined();
    expect(registry.getMetricDefinition('http_requests_total')?.labels).toEqual(['method', 'endpoint', 'status_code']);
    expect(registry.getMetricDefinition('database_query_duration_seconds')?.labels).toEqual(['operation', 'table']);
    const bare = strict({ registerDefaultMetrics: false });
    expect(bare.getMetricDefinition('http_requests_total')).toBeUndefined();
    expect(bare.health().details?.metricsRegistered).toBe(0);
  });

  it('owns a prom-client registry of its own and serves nothing when Prometheus is disabled', async () => {
    const a = strict();
    const b = strict();
    expect(a.promRegistry).not.toBe(b.promRegistry);
    const off = strict({ enablePrometheus: false });
    off.incrementCounter('http_requests_total', 1, HTTP);
    await expect(off.getPrometheusMetrics()).resolves.toBe('');
  });

  it('samples system memory and CPU at collection time', async () => {
    const text = await strict().getPrometheusMetrics();
    expect(sampleValue(text, 'system_memory_usage_bytes')).toBeGreaterThan(1_000_000);
    const cpu = sampleValue(text, 'system_cpu_usage_percent') as number;
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThanOrEqual(100);
  });

  it('applies the prefix to exported names and default labels to every series', async () => {
    const registry = strict({ prefix: 'shop_', defaultLabels: { service: 'billing' } });
    registry.incrementCounter('http_requests_total', 2, HTTP);
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'shop_http_requests_total', { ...HTTP, service: 'billing' })).toBe(2);
    expect(text).not.toMatch(/^http_requests_total/m);
  });

  it('adds Node runtime metrics from prom-client when asked', async () => {
    const text = await strict({ collectRuntimeMetrics: true }).getPrometheusMetrics();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('http_requests_total');
  });

  it('reports healthy with counts when nothing was refused', () => {
    const registry = strict();
    registry.incrementCounter('http_requests_total', 1, HTTP);
    expect(registry.health()).toEqual({
      name: 'metrics',
      status: 'healthy',
      message: '6 metrics, 4 series, nothing refused.', // 3 label-less gauges + 1
      details: expect.objectContaining({ metricsRegistered: 6, series: 4, maxSeriesPerMetric: 2000, droppedTotal: 0 }),
    });
  });

  it('refuses bad options with a MetricsError that says the fix', () => {
    expect(() => strict({ maxSeriesPerMetric: 0 })).toThrow(/maxSeriesPerMetric must be a positive integer/);
    expect(() => strict({ prefix: '9x' })).toThrow(MetricsError);
    expect(() => strict({ defaultLabels: { __x: 'y' } })).toThrow(/default label/);
    expect(() => strict({ onInvalid: 'ignore' as never })).toThrow(/onInvalid must be/);
  });
});

describe('registerMetric', () => {
  const def = { name: 'jobs_total', type: MetricType.COUNTER, description: 'Jobs', labels: ['queue'] } as const;

  it('is a no-op for the same definition and an error for a conflicting one', () => {
    const registry = strict();
    registry.registerMetric(def);
    registry.incrementCounter('jobs_total', 1, { queue: 'a' });
    registry.registerMetric({ ...def, labels: ['queue'] });
    const error = (() => {
      try {
        registry.registerMetric({ ...def, type: MetricType.GAUGE });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MetricsError);
    expect(error).toBeInstanceOf(ObservabilityError);
    expect((error as MetricsError).code).toBe(MetricsErrorCode.DEFINITION_CONFLICT);
    expect((error as MetricsError).message).toMatch(/already registered as a counter/);
  });

  it.each([
    ['a name with a dash', { name: 'bad-name', labels: [] }],
    ['a reserved __ name', { name: '__secret', labels: [] }],
    ['a reserved __ label', { name: 'ok_total', labels: ['__x'] }],
    ['a label with a dot', { name: 'ok_total', labels: ['a.b'] }],
    ['a duplicated label', { name: 'ok_total', labels: ['a', 'a'] }],
  ])('refuses %s with METRICS_INVALID_DEFINITION', (_, partial) => {
    const registry = strict();
    expect(() => registry.registerMetric({ type: MetricType.COUNTER, description: 'x', ...partial })).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.INVALID_DEFINITION }),
    );
  });

  it('refuses histogram buckets out of order and the le label', () => {
    const registry = strict();
    const base = { name: 'lat_seconds', type: MetricType.HISTOGRAM, description: 'x' } as const;
    expect(() => registry.registerMetric({ ...base, buckets: [1, 0.5] })).toThrow(/ascending/);
    expect(() => registry.registerMetric({ ...base, labels: ['le'] })).toThrow(/"le"/);
    expect(() => registry.registerMetric({ ...base, buckets: [0.1, 1, Infinity] })).not.toThrow();
  });
});

describe('recording', () => {
  it('increments counters by name, merging number label values with their string form', async () => {
    const registry = strict();
    registry.incrementCounter('http_requests_total', 1, HTTP);
    registry.incrementCounter('http_requests_total', 2.5, { ...HTTP, status_code: 200 });
    registry.incrementCounter('http_requests_total', undefined, HTTP);
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'http_requests_total', HTTP)).toBe(4.5);
  });

  it('keeps one series for a number or boolean label value and its text, whichever comes first and however often', async () => {
    const registry = strict({ registerDefaultMetrics: false });
    registry.registerMetric({
      name: 'jobs_total',
      type: MetricType.COUNTER,
      description: 'Jobs',
      labels: ['code', 'ok'],
    });
    for (const labels of [
      { code: 200, ok: true },
      { code: 200, ok: true },
      { code: '200', ok: 'true' },
      { code: 200, ok: 'true' },
      { code: '200', ok: true },
      { code: 201, ok: false },
      { code: 201, ok: false },
    ]) {
      registry.incrementCounter('jobs_total', 1, labels);
    }
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'jobs_total', { code: '200', ok: 'true' })).toBe(5);
    expect(sampleValue(text, 'jobs_total', { code: '201', ok: 'false' })).toBe(2);
    expect(registry.health().details).toMatchObject({ series: 2 });
  });

  it('sets gauges, adds to up-down counters and observes histograms and summaries', async () => {
    const registry = strict();
    registry.registerMetric({ name: 'queue_depth', type: MetricType.UP_DOWN_COUNTER, description: 'Depth' });
    registry.registerMetric({ name: 'job_seconds', type: MetricType.SUMMARY, description: 'Jobs', labels: ['kind'] });
    registry.setGauge('database_connections_active', 7);
    registry.addUpDownCounter('database_connections_active', -2);
    registry.addUpDownCounter('queue_depth', 5);
    registry.addUpDownCounter('queue_depth', -8);
    for (const v of [0.003, 0.2, 0.2, 7, 30]) {
      registry.observeHistogram('database_query_duration_seconds', v, { operation: 'select', table: 'users' });
    }
    for (let i = 1; i <= 100; i++) registry.observeSummary('job_seconds', i, { kind: 'email' });
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'database_connections_active')).toBe(5);
    expect(sampleValue(text, 'queue_depth')).toBe(-3);
    const q = { operation: 'select', table: 'users' };
    expect(sampleValue(text, 'database_query_duration_seconds_bucket', { ...q, le: '0.005' })).toBe(1);
    expect(sampleValue(text, 'database_query_duration_seconds_bucket', { ...q, le: '0.25' })).toBe(3);
    expect(sampleValue(text, 'database_query_duration_seconds_bucket', { ...q, le: '5' })).toBe(3);
    expect(sampleValue(text, 'database_query_duration_seconds_bucket', { ...q, le: '+Inf' })).toBe(5);
    expect(sampleValue(text, 'database_query_duration_seconds_count', q)).toBe(5);
    expect(sampleValue(text, 'database_query_duration_seconds_sum', q)).toBeCloseTo(37.403);
    expect(sampleValue(text, 'job_seconds', { kind: 'email', quantile: '0.5' })).toBe(50);
    expect(sampleValue(text, 'job_seconds', { kind: 'email', quantile: '0.99' })).toBe(99);
    expect(sampleValue(text, 'job_seconds_count', { kind: 'email' })).toBe(100);
  });

  it('gives bound series handles that write to the same series as the by-name calls', async () => {
    const registry = strict();
    const handle = registry.series('http_requests_total', HTTP);
    handle.inc();
    handle.inc(4);
    registry.incrementCounter('http_requests_total', 1, HTTP);
    const gauge = registry.series('database_connections_active');
    gauge.set(10);
    gauge.dec(3);
    gauge.inc();
    const histogram = registry.series('http_request_duration_seconds', { method: 'GET', endpoint: '/' });
    histogram.observe(0.3);
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'http_requests_total', HTTP)).toBe(6);
    expect(sampleValue(text, 'database_connections_active')).toBe(8);
    expect(sampleValue(text, 'http_request_duration_seconds_count', { method: 'GET', endpoint: '/' })).toBe(1);
    expect(() => handle.set(3)).toThrow(expect.objectContaining({ reason: 'wrong_type' }));
    expect(() => handle.inc(-1)).toThrow(expect.objectContaining({ reason: 'negative_increment' }));
  });

  it('copies labels, so mutating the caller object later changes nothing recorded', async () => {
    const registry = strict();
    const labels = { ...HTTP };
    registry.incrementCounter('http_requests_total', 1, labels);
    labels.status_code = '500';
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'http_requests_total', HTTP)).toBe(1);
    expect(sampleValue(text, 'http_requests_total', { status_code: '500' })).toBeUndefined();
  });
});
