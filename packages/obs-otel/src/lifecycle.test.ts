import { defineOtelConfig, ObservabilityError } from '@dotmac/obs-config';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';
import { OtelAlreadyInitializedError } from './errors.js';
import { initializeOtel } from './initialize.js';
import type { OtelInstrumentation } from './types.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());
afterEach(async () => {
  await resetOtel();
  receiver.clear();
});

describe('double initialization', () => {
  it('throws OtelAlreadyInitializedError naming the live service, and allows a new start after shutdown()', async () => {
    const first = startOtel(receiverConfig(receiver));
    const second = () => initializeOtel(receiverConfig(receiver, { serviceName: 'billing' }));
    expect(second).toThrow(OtelAlreadyInitializedError);
    expect(second).toThrow(/already initialized for service "checkout".*shutdown\(\)/);
    try {
      second();
    } catch (error) {
      expect(error).toBeInstanceOf(ObservabilityError);
      expect((error as ObservabilityError).code).toBe('OTEL_ALREADY_INITIALIZED');
    }
    await first.shutdown();
    const again = startOtel(receiverConfig(receiver, { serviceName: 'billing' }));
    trace.getTracer('app').startSpan('after-restart').end();
    await again.forceFlush();
    expect(receiver.spans.find((s) => s.name === 'after-restart')?.resource['service.name']).toBe('billing');
  });

  it('refuses to start over another SDK and leaves that SDK registered', () => {
    const foreign = new BasicTracerProvider();
    trace.setGlobalTracerProvider(foreign);
    expect(() => initializeOtel(receiverConfig(receiver))).toThrow(/Another OpenTelemetry SDK already registered/);
    expect((trace.getTracerProvider() as unknown as { getDelegate(): unknown }).getDelegate()).toBe(foreign);
    trace.disable();
    // Nothing was claimed by the failed attempt.
    expect(() => startOtel(receiverConfig(receiver))).not.toThrow();
  });
});

describe('disabled SDK', () => {
  it('OTEL_SDK_DISABLED gives a no-op bootstrap that registers and exports nothing', async () => {
    const config = defineOtelConfig(
      { serviceName: 'quiet', tracingExporters: [{ type: 'otlp_http', endpoint: receiver.url('traces') }] },
      { env: { OTEL_SDK_DISABLED: 'true' } },
    );
    const otel = initializeOtel(config);
    expect(otel.enabled).toBe(false);
    const span = otel.tracer.startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
    otel.meter.createCounter('c').add(1);
    otel.logger.emit({ body: 'nothing' });
    expect(trace.getTracer('global').startSpan('global').isRecording()).toBe(false);
    await otel.forceFlush();
    await otel.shutdown();
    expect(receiver.requests).toHaveLength(0);
    expect(otel.health()).toMatchObject({
      name: 'otel',
      status: 'degraded',
      message: expect.stringContaining('disabled'),
    });
    // Nothing was registered: a real bootstrap can start right away.
    expect(() => startOtel(receiverConfig(receiver))).not.toThrow();
  });
});

describe('instrumentations', () => {
  it('are given the providers and enabled, then disabled on shutdown', async () => {
    const calls: string[] = [];
    let enabled = false;
    const instrumentation: OtelInstrumentation = {
      setTracerProvider: () => calls.push('tracer'),
      setMeterProvider: () => calls.push('meter'),
      setLoggerProvider: () => calls.push('logger'),
      enable: () => {
        enabled = true;
        calls.push('enable');
      },
      disable: () => {
        enabled = false;
        calls.push('disable');
      },
      getConfig: () => ({ enabled }),
    };
    const otel = startOtel(receiverConfig(receiver), { instrumentations: [instrumentation] });
    expect(calls).toEqual(['tracer', 'meter', 'logger', 'enable']);
    await otel.shutdown();
    expect(calls.at(-1)).toBe('disable');
  });
});
