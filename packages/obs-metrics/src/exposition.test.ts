import { AggregatorRegistry, Counter } from 'prom-client';
import { parseExposition, promtoolCheck, sampleValue } from './__fixtures__/parse-exposition.js';
import { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from './exposition.js';
import type { MetricsRegistry } from './registry.js';
import { initializeMetricsRegistry } from './registry.js';
import { MetricType } from './types.js';

/** A registry with every default metric and every metric type, each with samples (tricky label values included). */
function everyType(): MetricsRegistry {
  const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw', defaultLabels: { service: 'svc' } });
  registry.registerMetric({
    name: 'jobs_processed_total',
    type: MetricType.COUNTER,
    description: 'Jobs',
    labels: ['queue'],
  });
  registry.registerMetric({
    name: 'queue_depth',
    type: MetricType.UP_DOWN_COUNTER,
    description: 'Depth',
    labels: ['queue'],
  });
  registry.registerMetric({ name: 'temperature_celsius', type: MetricType.GAUGE, description: 'Temp "inside"\\ok' });
  registry.registerMetric({
    name: 'payload_size_bytes',
    type: MetricType.HISTOGRAM,
    description: 'Payload sizes',
    labels: ['route'],
    buckets: [100, 1000, 10000],
    unit: 'bytes',
  });
  registry.registerMetric({
    name: 'job_duration_seconds',
    type: MetricType.SUMMARY,
    description: 'Job time',
    labels: ['kind'],
  });
  registry.incrementCounter('http_requests_total', 3, { method: 'GET', endpoint: '/users/:id', status_code: '200' });
  registry.observeHistogram('http_request_duration_seconds', 0.12, { method: 'GET', endpoint: '/users/:id' });
  registry.setGauge('database_connections_active', 4);
  registry.observeHistogram('database_query_duration_seconds', 0.004, { operation: 'select', table: 'users' });
  registry.incrementCounter('jobs_processed_total', 1, { queue: 'a "quoted"\\path\nnewline' });
  registry.addUpDownCounter('queue_depth', -2, { queue: 'b' });
  registry.setGauge('temperature_celsius', -3.5);
  registry.observeHistogram('payload_size_bytes', 512, { route: '/upload' });
  registry.observeSummary('job_duration_seconds', 1.5, { kind: 'email' });
  registry.registerMetric({ name: 'never_used_total', type: MetricType.COUNTER, description: 'Empty', labels: ['x'] });
  return registry;
}

describe('Prometheus exposition', () => {
  it('passes promtool check metrics with every default metric and every metric type', async () => {
    const text = await everyType().getPrometheusMetrics();
    const { status, output } = promtoolCheck(text);
    expect(output).toBe('');
    expect(status).toBe(0);
    for (const type of ['counter', 'gauge', 'histogram', 'summary']) expect(text).toContain(` ${type}\n`);
  });

  it('escapes label values and help text so that they read back unchanged', async () => {
    const text = await everyType().getPrometheusMetrics();
    expect(sampleValue(text, 'jobs_processed_total', { queue: 'a "quoted"\\path\nnewline' })).toBe(1);
    expect(text).toContain('# HELP temperature_celsius Temp "inside"\\\\ok\n');
  });

  it('matches prom-client output for the same samples', async () => {
    const registry = initializeMetricsRegistry('svc', { registerDefaultMetrics: false, onInvalid: 'throw' });
    registry.registerMetric({ name: 'a_total', type: MetricType.COUNTER, description: 'A', labels: ['x', 'y'] });
    const reference = initializeMetricsRegistry('ref', { registerDefaultMetrics: false }).promRegistry;
    const counter = new Counter({ name: 'a_total', help: 'A', labelNames: ['x', 'y'], registers: [reference] });
    for (const [x, y, v] of [
      ['1', 'a', 2],
      ['2', 'b"\\', 0.5],
      ['1', 'a', 1],
    ] as const) {
      registry.incrementCounter('a_total', v, { x, y });
      counter.inc({ x, y }, v);
    }
    expect(parseExposition(await registry.getPrometheusMetrics())).toEqual(parseExposition(await reference.metrics()));
  });

  it('produces OpenMetrics on request: counter families without _total, units, # EOF', async () => {
    const registry = everyType();
    const text = await registry.getPrometheusMetrics({ openMetrics: true });
    expect(registry.openMetricsContentType).toBe(OPENMETRICS_CONTENT_TYPE);
    expect(registry.prometheusContentType).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).toContain('# TYPE http_requests counter\n');
    expect(text).toContain(
      'http_requests_total{method="GET",endpoint="/users/:id",status_code="200",service="svc"} 3\n',
    );
    expect(text).toContain('# UNIT payload_size_bytes bytes\n');
    expect(text).toContain('# HELP temperature_celsius Temp \\"inside\\"\\\\ok\n');
  });

  it('includes prom-client runtime metrics in OpenMetrics with their default labels', async () => {
    const registry = initializeMetricsRegistry('svc', {
      collectRuntimeMetrics: true,
      defaultLabels: { service: 'svc' },
    });
    const text = await registry.getPrometheusMetrics({ openMetrics: true });
    expect(text).toMatch(/^# TYPE process_cpu_user_seconds counter$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="svc"\} [0-9.e-]+$/m);
  });
});

describe('the owned prom-client registry', () => {
  it('sees the store through collectors: metrics(), getMetricsAsJSON() and the cluster aggregator agree', async () => {
    const worker = (n: number) => {
      const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw', defaultLabels: { service: 'svc' } });
      registry.incrementCounter('http_requests_total', n, { method: 'GET', endpoint: '/', status_code: '200' });
      registry.observeHistogram('http_request_duration_seconds', 0.2 * n, { method: 'GET', endpoint: '/' });
      return registry;
    };
    const [one, two] = [worker(1), worker(2)];
    const text = await one.promRegistry.metrics();
    expect(sampleValue(text, 'http_requests_total', { service: 'svc', status_code: '200' })).toBe(1);
    const aggregated = AggregatorRegistry.aggregate([
      await one.promRegistry.getMetricsAsJSON(),
      await two.promRegistry.getMetricsAsJSON(),
    ] as never);
    const merged = await aggregated.metrics();
    expect(sampleValue(merged, 'http_requests_total', { service: 'svc', method: 'GET' })).toBe(3);
    expect(sampleValue(merged, 'http_request_duration_seconds_bucket', { le: '0.25' })).toBe(1);
    expect(sampleValue(merged, 'http_request_duration_seconds_count', { endpoint: '/' })).toBe(2);
  });

  it('zeroes the store on promRegistry.resetMetrics()', async () => {
    const registry = everyType();
    registry.promRegistry.resetMetrics();
    const text = await registry.getPrometheusMetrics();
    expect(sampleValue(text, 'http_requests_total', { method: 'GET' })).toBe(0);
    expect(sampleValue(text, 'payload_size_bytes_count', { route: '/upload' })).toBe(0);
  });
});
