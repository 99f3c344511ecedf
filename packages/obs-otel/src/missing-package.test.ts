import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';
import { OtelExporterPackageMissingError } from './errors.js';

// Simulates an app that configured gRPC without installing the optional peer (npm does not install optional peers).
jest.mock('@opentelemetry/otlp-grpc-exporter-base', () => {
  throw Object.assign(new Error("Cannot find module '@opentelemetry/otlp-grpc-exporter-base'"), {
    code: 'MODULE_NOT_FOUND',
  });
});

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await resetOtel();
  await receiver.stop();
});

it('reports a missing gRPC package in ready() and health(), and the app keeps running', async () => {
  const otel = startOtel(
    receiverConfig(receiver, {
      tracingExporters: [{ type: 'otlp_grpc', endpoint: 'http://127.0.0.1:4317' }],
      metricsExporters: [],
      loggingExporters: [],
    }),
  );
  otel.tracer.startSpan('still fine').end();
  const failure = await otel.ready().catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OtelExporterPackageMissingError);
  expect((failure as Error).message).toContain('npm install @opentelemetry/otlp-grpc-exporter-base@0.223.1');
  await otel.forceFlush();
  const health = otel.health();
  expect(health.status).toBe('unhealthy');
  expect(health.message).toContain('@opentelemetry/otlp-grpc-exporter-base');
});
