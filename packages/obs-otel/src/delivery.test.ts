import { context, propagation, TraceFlags } from '@opentelemetry/api';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());
afterEach(async () => {
  await resetOtel();
  receiver.clear();
});

const traceRequests = () => receiver.requests.filter((r) => r.signal === 'traces');

describe('sampling', () => {
  it('samples about 10% of 10,000 root spans at ratio 0.1 (within 5 standard deviations)', async () => {
    const otel = startOtel(receiverConfig(receiver, { traceSamplerRatio: 0.1, maxQueueSize: 20_000 }));
    let sampled = 0;
    for (let i = 0; i < 10_000; i++) {
      const span = otel.tracer.startSpan('root');
      if (span.spanContext().traceFlags & TraceFlags.SAMPLED) sampled++;
      span.end();
    }
    await otel.shutdown();
    // Binomial(n = 10,000, p = 0.1): mean 1,000, standard deviation 30.
    expect(sampled).toBeGreaterThanOrEqual(850);
    expect(sampled).toBeLessThanOrEqual(1150);
    expect(receiver.spans).toHaveLength(sampled);
  });

  it('samples children of a sampled remote parent (traceparent) even at ratio 0, and not of an unsampled one', async () => {
    const otel = startOtel(receiverConfig(receiver, { traceSamplerRatio: 0 }));
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const remote = (flags: string) =>
      propagation.extract(context.active(), { traceparent: `00-${traceId}-00f067aa0ba902b7-${flags}` });
    otel.tracer.startSpan('sampled-child', {}, remote('01')).end();
    otel.tracer.startSpan('unsampled-child', {}, remote('00')).end();
    otel.tracer.startSpan('root-at-zero').end();
    await otel.shutdown();
    expect(receiver.spans.map((s) => s.name)).toEqual(['sampled-child']);
    expect(receiver.spans[0]).toMatchObject({ traceId, parentSpanId: '00f067aa0ba902b7' });
  });
});

describe('batching and shutdown', () => {
  it('sends no request with more spans than maxExportBatchSize', async () => {
    const otel = startOtel(receiverConfig(receiver, { maxExportBatchSize: 50, maxQueueSize: 5000 }));
    for (let i = 0; i < 1234; i++) otel.tracer.startSpan(`s${i}`).end();
    await otel.shutdown();
    expect(receiver.spans).toHaveLength(1234);
    expect(Math.max(...traceRequests().map((r) => r.items))).toBeLessThanOrEqual(50);
    expect(traceRequests().length).toBeGreaterThanOrEqual(Math.ceil(1234 / 50));
  });

  it('delivers all 5,000 spans pending at shutdown()', async () => {
    const otel = startOtel(
      receiverConfig(receiver, { scheduledDelayMillis: 600_000, maxQueueSize: 8192, maxExportBatchSize: 512 }),
    );
    for (let i = 0; i < 5000; i++) otel.tracer.startSpan(`pending-${i}`).end();
    expect(receiver.spans).toHaveLength(0);
    await otel.shutdown();
    expect(new Set(receiver.spans.map((s) => s.name)).size).toBe(5000);
    expect(Math.max(...traceRequests().map((r) => r.items))).toBeLessThanOrEqual(512);
    expect(otel.health()).toMatchObject({ status: 'unhealthy', message: expect.stringContaining('shut down') });
  });

  it('flushes a full queue of many small batches without hitting the exporter concurrency limit', async () => {
    const otel = startOtel(
      receiverConfig(receiver, { scheduledDelayMillis: 600_000, maxQueueSize: 8192, maxExportBatchSize: 32 }),
    );
    for (let i = 0; i < 5000; i++) otel.tracer.startSpan(`small-${i}`).end();
    await otel.shutdown(); // 157 batches leave at once.
    expect(new Set(receiver.spans.map((s) => s.name)).size).toBe(5000);
  });

  it('shutdown() is idempotent and forceFlush() after it does not throw', async () => {
    const otel = startOtel(receiverConfig(receiver));
    otel.tracer.startSpan('once').end();
    await Promise.all([otel.shutdown(), otel.shutdown()]);
    await expect(otel.forceFlush()).resolves.toBeUndefined();
    expect(receiver.spans.filter((s) => s.name === 'once')).toHaveLength(1);
  });
});
