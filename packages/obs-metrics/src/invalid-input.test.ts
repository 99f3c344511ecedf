import { sampleValue } from './__fixtures__/parse-exposition.js';
import { MetricsErrorCode } from './errors.js';
import { initializeMetricsRegistry } from './registry.js';
import type { MetricsRegistryOptions } from './types.js';
import { MetricType } from './types.js';

const HTTP = { method: 'GET', endpoint: '/', status_code: '200' };

function make(options: MetricsRegistryOptions) {
  const warnings: string[] = [];
  const registry = initializeMetricsRegistry('svc', { onWarning: (m) => warnings.push(m), ...options });
  return { registry, warnings };
}

/** Every kind of bad call, each once. */
function abuse(registry: ReturnType<typeof make>['registry']): void {
  registry.incrementCounter('no_such_metric', 1, {});
  registry.incrementCounter('http_requests_total', Number.NaN, HTTP);
  registry.incrementCounter('http_requests_total', -1, HTTP);
  registry.incrementCounter('http_requests_total', Infinity, HTTP);
  registry.incrementCounter('http_requests_total', 1, { method: 'GET' });
  registry.incrementCounter('http_requests_total', 1, { ...HTTP, extra: 'x' });
  registry.incrementCounter('http_requests_total', 1, { ...HTTP, method: { evil: true } as never });
  registry.setGauge('http_requests_total', 1, HTTP);
  registry.observeHistogram('http_request_duration_seconds', '0.1' as never, { method: 'GET', endpoint: '/' });
  registry.registerMetric({ name: 'bad name', type: MetricType.COUNTER, description: 'x' });
  registry.registerMetric({ name: 'http_requests_total', type: MetricType.GAUGE, description: 'x' });
}

describe('onInvalid', () => {
  it("'throw' raises a MetricsError with a stable code and reason for each bad call", () => {
    const { registry } = make({ onInvalid: 'throw' });
    expect(() => registry.incrementCounter('nope')).toThrow(
      expect.objectContaining({ code: MetricsErrorCode.INVALID_SAMPLE, reason: 'unknown_metric', metric: 'nope' }),
    );
    expect(() => registry.incrementCounter('http_requests_total', -1, HTTP)).toThrow(/counters only go up/);
    expect(() => registry.incrementCounter('http_requests_total', 1, { method: 'GET' })).toThrow(
      /expects exactly the labels \[method, endpoint, status_code\] but got \[method\]/,
    );
    expect(() => registry.setGauge('database_connections_active', Number.NaN)).toThrow(/pass a finite number/);
    expect(registry.health().details?.droppedSamples).toEqual({
      unknown_metric: 1,
      negative_increment: 1,
      label_mismatch: 1,
      invalid_value: 1,
    });
  });

  it("'warn' never throws, warns once per metric and reason, and counts every refused sample", async () => {
    const { registry, warnings } = make({ onInvalid: 'warn' });
    expect(() => {
      abuse(registry);
      abuse(registry);
    }).not.toThrow();
    expect(warnings).toHaveLength(9);
    expect(new Set(warnings).size).toBe(9);
    expect(warnings.every((w) => w.includes('further occurrences are only counted'))).toBe(true);
    const health = registry.health();
    expect(health.status).toBe('degraded');
    expect(health.details?.droppedSamples).toEqual({
      unknown_metric: 2,
      invalid_value: 6,
      negative_increment: 2,
      label_mismatch: 4,
      invalid_label_value: 2,
      wrong_type: 2,
      invalid_definition: 2,
      conflicting_definition: 2,
    });
    expect(sampleValue(await registry.getPrometheusMetrics(), 'http_requests_total', HTTP)).toBeUndefined();
  });

  it("'drop' counts silently", () => {
    const { registry, warnings } = make({ onInvalid: 'drop' });
    abuse(registry);
    expect(warnings).toEqual([]);
    expect(registry.health().details?.droppedTotal).toBe(11);
  });

  it('defaults to throw in development and test, to warn in production', () => {
    expect(make({ environment: 'development' }).registry.health().details?.onInvalid).toBe('throw');
    expect(make({ environment: 'test' }).registry.health().details?.onInvalid).toBe('throw');
    expect(make({ environment: 'production' }).registry.health().details?.onInvalid).toBe('warn');
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(make({}).registry.health().details?.onInvalid).toBe('warn');
      delete process.env.NODE_ENV; // a service deployed without NODE_ENV must not be taken down by its telemetry
      expect(make({}).registry.health().details?.onInvalid).toBe('warn');
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('keeps a series handle for an unknown metric harmless but counted', () => {
    const { registry, warnings } = make({ onInvalid: 'warn' });
    const handle = registry.series('nope', {});
    handle.inc();
    handle.observe(1);
    expect(registry.health().details?.droppedSamples).toEqual({ unknown_metric: 2 });
    expect(warnings).toHaveLength(1);
  });

  it('survives a throwing warning sink', () => {
    const registry = initializeMetricsRegistry('svc', {
      onInvalid: 'warn',
      onWarning: () => {
        throw new Error('sink down');
      },
    });
    expect(() => registry.incrementCounter('nope')).not.toThrow();
  });

  it('never echoes label values in messages (they may carry user data)', () => {
    const { registry, warnings } = make({ onInvalid: 'warn' });
    registry.incrementCounter('http_requests_total', 1, { method: 'GET', token: 'secret-value' });
    expect(warnings.join('\n')).not.toContain('secret-value');
    expect(warnings.join('\n')).toContain('token');
  });
});

describe('method and type', () => {
  it('refuses each call on a metric of another type', () => {
    const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw' });
    const wrong = { reason: 'wrong_type' };
    expect(() => registry.observeSummary('http_request_duration_seconds', 1, { method: 'GET', endpoint: '/' })).toThrow(
      expect.objectContaining(wrong),
    );
    expect(() => registry.observeHistogram('database_connections_active', 1)).toThrow(expect.objectContaining(wrong));
    expect(() => registry.addUpDownCounter('http_requests_total', 1, HTTP)).toThrow(expect.objectContaining(wrong));
    expect(() => registry.series('database_connections_active').observe(1)).toThrow(expect.objectContaining(wrong));
    expect(registry.health().details?.droppedSamples).toEqual({ wrong_type: 4 });
  });
});
