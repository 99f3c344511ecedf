import { initializeMetricsRegistry } from '@dotmac/obs-metrics';
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

describe('addMetricProducer', () => {
  it("exports a metrics registry's series over OTLP, histograms included, recorded once", async () => {
    const otel = startOtel(receiverConfig(receiver, { metricExportIntervalMillis: 60_000 }));
    const metrics = initializeMetricsRegistry('checkout', { registerDefaultMetrics: true, environment: 'test' });
    otel.addMetricProducer(metrics.createOtelMetricProducer());

    metrics.incrementCounter('http_requests_total', 3, { method: 'GET', endpoint: '/users/:id', status_code: '200' });
    for (const seconds of [0.1, 0.2, 0.4]) {
      metrics.observeHistogram('http_request_duration_seconds', seconds, { method: 'GET', endpoint: '/users/:id' });
    }
    await otel.forceFlush();

    const counter = receiver.metricPoints.find((p) => p.metric === 'http_requests_total');
    expect(counter).toMatchObject({
      type: 'sum',
      value: 3,
      attributes: { endpoint: '/users/:id', status_code: '200' },
    });
    expect(counter?.resource['service.name']).toBe('checkout');
    const histogram = receiver.metricPoints.find((p) => p.metric === 'http_request_duration_seconds');
    expect(histogram).toMatchObject({ type: 'histogram', count: 3 });
    expect(histogram?.value).toBeCloseTo(0.7, 10);
  });

  it('a producer that fails does not stop the SDK instruments from being exported', async () => {
    const otel = startOtel(receiverConfig(receiver, { metricExportIntervalMillis: 60_000 }));
    otel.addMetricProducer({ collect: () => Promise.reject(new Error('broken producer')) });
    otel.meter.createCounter('orders_total').add(2);
    await otel.forceFlush();
    expect(receiver.metricPoints.find((p) => p.metric === 'orders_total')).toMatchObject({ value: 2 });
  });
});
