import { execFileSync } from 'node:child_process';
import { OtlpGrpcReceiver } from '../../../tooling/otlp-receiver/grpc-receiver.js';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';
import { OtelExporterConfigError, OtelExporterPackageMissingError } from './errors.js';
import { initializeOtel } from './initialize.js';
import { importOptional } from './optional-exporters.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());
afterEach(async () => {
  await resetOtel();
  jest.restoreAllMocks();
  receiver.clear();
});

const only = (tracingExporters: object[], extra: object = {}) =>
  receiverConfig(receiver, { tracingExporters, metricsExporters: [], loggingExporters: [], ...extra } as never);

it('OTLP_GRPC loads its optional package on demand and sends spans, metrics and logs over gRPC', async () => {
  const grpc = await new OtlpGrpcReceiver().start();
  try {
    const exporter = { type: 'otlp_grpc', endpoint: grpc.url, headers: { 'x-tenant': 't1' } } as const;
    const otel = startOtel(
      receiverConfig(receiver, {
        tracingExporters: [exporter],
        metricsExporters: [exporter],
        loggingExporters: [exporter],
      }),
    );
    await otel.ready();
    otel.tracer.startActiveSpan('grpc-span', (span) => {
      otel.logger.emit({ body: 'grpc-log' });
      span.end();
    });
    otel.meter.createCounter('grpc_counter').add(7);
    await otel.forceFlush();
    expect(grpc.spans.map((s) => s.name)).toEqual(['grpc-span']);
    expect(grpc.logs[0]).toMatchObject({ body: 'grpc-log', traceId: grpc.spans[0]?.traceId });
    expect(grpc.metricPoints.find((p) => p.metric === 'grpc_counter')?.value).toBe(7);
    expect(grpc.metadata[0]?.['x-tenant']).toBe('t1');
    expect(otel.health().status).toBe('healthy');
  } finally {
    await resetOtel();
    await grpc.stop();
  }
});

it('names the package to install when an optional exporter package is missing', async () => {
  const failure = await importOptional('otlp_grpc', { name: '@dotmac/not-installed-exporter', version: '1.0.0' }).catch(
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(OtelExporterPackageMissingError);
  expect(failure).toMatchObject({
    code: 'OTEL_EXPORTER_PACKAGE_MISSING',
    packageName: '@dotmac/not-installed-exporter',
    message: expect.stringContaining('npm install @dotmac/not-installed-exporter@1.0.0'),
  });
});

it('ZIPKIN loads its optional package on demand and sends Zipkin v2 JSON', async () => {
  const otel = startOtel(only([{ type: 'zipkin', endpoint: receiver.url('zipkin') }]));
  await otel.ready();
  otel.tracer.startSpan('zipkin-span').end();
  await otel.forceFlush();
  expect(receiver.zipkinSpans).toEqual([
    expect.objectContaining({ name: 'zipkin-span', localEndpoint: { serviceName: 'checkout' } }),
  ]);
  expect(otel.health().status).toBe('healthy');
});

it('JAEGER sends OTLP/HTTP to Jaeger', async () => {
  const otel = startOtel(only([{ type: 'jaeger', endpoint: receiver.url('traces') }]));
  otel.tracer.startSpan('to-jaeger').end();
  await otel.forceFlush();
  expect(receiver.spans.map((s) => s.name)).toEqual(['to-jaeger']);
});

it('CONSOLE prints spans, metrics and log records to stdout', async () => {
  const printed: unknown[] = [];
  jest.spyOn(console, 'dir').mockImplementation((item) => printed.push(item));
  jest.spyOn(console, 'log').mockImplementation((item) => printed.push(item));
  const otel = startOtel(
    receiverConfig(receiver, {
      tracingExporters: [{ type: 'console' }],
      metricsExporters: [{ type: 'console' }],
      loggingExporters: [{ type: 'console' }],
    }),
  );
  otel.tracer.startSpan('printed-span').end();
  otel.meter.createCounter('printed_counter').add(1);
  otel.logger.emit({ body: 'printed log' });
  await otel.forceFlush();
  const text = JSON.stringify(printed);
  expect(text).toContain('printed-span');
  expect(text).toContain('printed_counter');
  expect(text).toContain('printed log');
});

it('PROMETHEUS gives a pull reader whose text promtool accepts', async () => {
  const otel = startOtel(receiverConfig(receiver, { metricsExporters: [{ type: 'prometheus' }] }));
  otel.meter.createCounter('http_requests', { description: 'Requests "served"\nper route' }).add(3, { route: '/a"b' });
  otel.meter.createUpDownCounter('queue_depth').add(-2);
  otel.meter.createHistogram('latency_seconds').record(0.2, { route: '/a' });
  const text = (await otel.prometheusMetrics?.()) ?? '';
  expect(otel.prometheusContentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(text).toContain('# TYPE http_requests_total counter\nhttp_requests_total{route="/a\\"b"} 3\n');
  expect(text).toContain('# HELP queue_depth queue_depth\n# TYPE queue_depth gauge\nqueue_depth -2\n');
  expect(text).toContain('latency_seconds_bucket{route="/a",le="5"} 1');
  expect(text).toContain('latency_seconds_count{route="/a"} 1');
  expect(() => execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: text })).not.toThrow();
});

it('rejects an exporter type that cannot carry a signal, and the Jaeger Thrift agent port', () => {
  const frozen = (config: object) => Object.freeze(config) as never;
  const base = receiverConfig(receiver);
  expect(() => initializeOtel(frozen({ ...base, tracingExporters: [{ type: 'prometheus' }] }))).toThrow(
    OtelExporterConfigError,
  );
  expect(() =>
    initializeOtel(frozen({ ...base, tracingExporters: [{ type: 'jaeger', endpoint: 'http://jaeger:6831' }] })),
  ).toThrow(/Thrift agent port 6831.*4318\/v1\/traces/);
  // A failed start claims nothing.
  expect(() => startOtel(base)).not.toThrow();
});
