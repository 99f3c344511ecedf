import { SpanStatusCode, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';
import { getCurrentSpanContext, withSpan } from './span-context.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());
afterEach(async () => {
  await resetOtel();
  receiver.clear();
});

describe.each(['http/protobuf', 'http/json'] as const)('initializeOtel over OTLP/HTTP (%s)', (protocol) => {
  const config = () =>
    receiverConfig(receiver, {
      tracingExporters: [{ type: 'otlp_http', endpoint: receiver.url('traces'), protocol, headers: { 'x-team': 'a' } }],
      metricsExporters: [{ type: 'otlp_http', endpoint: receiver.url('metrics'), protocol }],
      loggingExporters: [{ type: 'otlp_http', endpoint: receiver.url('logs'), protocol }],
      customResourceAttributes: { 'service.namespace': 'dotmac', team: 'platform' },
    });

  it('sends spans with parent/child links and the resource from the config and detectors', async () => {
    const otel = startOtel(config());
    await withSpan(
      'GET /orders',
      async () => {
        await withSpan('SELECT orders', async (span) => span.setAttribute('db.system', 'postgresql'), {
          tracer: otel.tracer,
        });
      },
      { tracer: otel.tracer },
    );
    await otel.forceFlush();
    const parent = receiver.spans.find((s) => s.name === 'GET /orders');
    const child = receiver.spans.find((s) => s.name === 'SELECT orders');
    expect(parent?.parentSpanId).toBe('');
    expect(child?.parentSpanId).toBe(parent?.spanId);
    expect(child?.traceId).toBe(parent?.traceId);
    expect(child?.attributes['db.system']).toBe('postgresql');
    expect(parent?.resource).toMatchObject({
      'service.name': 'checkout',
      'service.version': '1.2.3',
      'deployment.environment.name': 'test',
      'service.namespace': 'dotmac',
      team: 'platform',
      'telemetry.sdk.language': 'nodejs',
      'process.pid': process.pid,
    });
    expect(parent?.resource['host.name']).toEqual(expect.any(String));
    const request = receiver.requests.find((r) => r.signal === 'traces');
    expect(request?.encoding).toBe(protocol === 'http/json' ? 'json' : 'protobuf');
    expect(request?.headers['x-team']).toBe('a');
  });

  it('sends metric points', async () => {
    const otel = startOtel(config());
    const counter = otel.meter.createCounter('orders_placed', { description: 'Orders placed' });
    counter.add(2, { region: 'eu' });
    counter.add(3, { region: 'eu' });
    otel.meter.createHistogram('order_value').record(42, { currency: 'EUR' });
    await otel.forceFlush();
    const sum = receiver.metricPoints.filter((p) => p.metric === 'orders_placed').at(-1);
    expect(sum).toMatchObject({ type: 'sum', value: 5, attributes: { region: 'eu' } });
    expect(sum?.resource['service.name']).toBe('checkout');
    const histogram = receiver.metricPoints.filter((p) => p.metric === 'order_value').at(-1);
    expect(histogram).toMatchObject({ type: 'histogram', value: 42, count: 1, attributes: { currency: 'EUR' } });
  });

  it('sends log records carrying the active trace and span ids', async () => {
    const otel = startOtel(config());
    const ids = withSpan(
      'job',
      () => {
        otel.logger.emit({ body: 'charged card', severityNumber: SeverityNumber.INFO, severityText: 'INFO' });
        return getCurrentSpanContext();
      },
      { tracer: otel.tracer },
    );
    otel.logger.emit({ body: 'outside any span', severityNumber: SeverityNumber.WARN });
    await otel.forceFlush();
    const inside = receiver.logs.find((l) => l.body === 'charged card');
    expect(inside).toMatchObject({ traceId: ids?.traceId, spanId: ids?.spanId, severityText: 'INFO' });
    expect(inside?.resource['service.name']).toBe('checkout');
    expect(receiver.logs.find((l) => l.body === 'outside any span')?.traceId).toBe('');
  });
});

describe('spans and errors', () => {
  it('withSpan records an exception and ERROR status, then rethrows', async () => {
    const otel = startOtel(receiverConfig(receiver));
    await expect(
      withSpan(
        'pay',
        async () => {
          throw new Error('card declined');
        },
        { tracer: otel.tracer },
      ),
    ).rejects.toThrow('card declined');
    expect(() => withSpan('sync', () => JSON.parse('{'), { tracer: otel.tracer })).toThrow(SyntaxError);
    await otel.forceFlush();
    const pay = receiver.spans.find((s) => s.name === 'pay');
    expect(pay?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'card declined' });
    expect(pay?.events[0]?.name).toBe('exception');
    expect(pay?.events[0]?.attributes['exception.message']).toBe('card declined');
    expect(receiver.spans.find((s) => s.name === 'sync')?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('getCurrentSpanContext gives the active ids and traceparent, and undefined outside a span', () => {
    const otel = startOtel(receiverConfig(receiver));
    expect(getCurrentSpanContext()).toBeUndefined();
    otel.tracer.startActiveSpan('request', (span) => {
      const current = getCurrentSpanContext();
      expect(current).toEqual({
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
        traceFlags: 1,
        sampled: true,
        traceparent: `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`,
      });
      span.end();
    });
    // The global tracer is the bootstrap's provider.
    expect(trace.getTracer('x').startSpan('y').isRecording()).toBe(true);
  });
});
