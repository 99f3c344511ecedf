import type { ComponentHealth } from '@dotmac/obs-config';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';
import { receiverConfig, resetOtel, startOtel } from './__fixtures__/config.js';
import type { OtelBootstrap } from './types.js';

let receiver: OtlpReceiver;
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(async () => {
  await resetOtel();
  await receiver.stop();
});

interface ExporterDetails {
  type: string;
  status: string;
  droppedItems: number;
  queuedItems: number | null;
  consecutiveFailures: number;
  exportedItems: number;
  lastSuccessAt: string | null;
}
function traces(health: ComponentHealth): { status: string; exporters: ExporterDetails[] } {
  const signals = health.details?.signals as { traces?: { status: string; exporters: ExporterDetails[] } } | undefined;
  if (!signals?.traces) throw new Error(`no traces in health details: ${health.message}`);
  return signals.traces;
}

/** Polls `health()` until `predicate` holds (bounded). */
async function healthUntil(otel: OtelBootstrap, predicate: (h: ComponentHealth) => boolean): Promise<ComponentHealth> {
  for (let i = 0; i < 200; i++) {
    const health = otel.health();
    if (predicate(health)) return health;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`health never matched; last: ${JSON.stringify(otel.health())}`);
}

it('is healthy while exports succeed, with counts per exporter', async () => {
  const otel = startOtel(receiverConfig(receiver));
  otel.tracer.startSpan('ok').end();
  await otel.forceFlush();
  const health = otel.health();
  expect(health).toMatchObject({ name: 'otel', status: 'healthy', message: 'OpenTelemetry is exporting normally' });
  expect(traces(health).exporters[0]).toMatchObject({
    type: 'otlp_http',
    exportedItems: 1,
    consecutiveFailures: 0,
    droppedItems: 0,
    lastSuccessAt: expect.any(String),
  });
});

it('survives an outage: no throw or block, bounded queue, drops counted, then recovery', async () => {
  const otel = startOtel(
    receiverConfig(receiver, {
      maxQueueSize: 100,
      maxExportBatchSize: 50,
      scheduledDelayMillis: 10,
      exportTimeoutMillis: 300,
      metricsExporters: [],
      loggingExporters: [],
    }),
    { healthThresholds: { unhealthyAfterMillis: 0, dropWindowMillis: 0 } },
  );
  await receiver.stop();
  for (let i = 0; i < 5000; i++) otel.tracer.startSpan('during-outage').end(); // Never throws.

  const down = await healthUntil(otel, (h) => (traces(h).exporters[0]?.consecutiveFailures ?? 0) > 0);
  expect(down.status).toBe('unhealthy');
  expect(down.message).toMatch(/traces via otlp_http: \d+ failed exports in a row/);
  const during = traces(down).exporters[0];
  expect(during?.droppedItems).toBeGreaterThanOrEqual(5000 - 100 - 2 * 50);
  expect(during?.queuedItems).toBeLessThanOrEqual(100);

  await receiver.start(); // Same port.
  for (let i = 0; i < 10; i++) otel.tracer.startSpan('after-recovery').end();
  await receiver.waitFor(() => receiver.spans.some((s) => s.name === 'after-recovery'), 10_000, 'recovered spans');
  // Exports still retrying from the outage may fail once more; the next successful export heals the signal.
  const up = await healthUntil(otel, (h) => {
    otel.tracer.startSpan('after-recovery').end();
    return h.status === 'healthy';
  });
  expect(traces(up).exporters[0]?.consecutiveFailures).toBe(0);
}, 30_000);

it('reports recent drops as degraded while exports succeed', async () => {
  const otel = startOtel(
    receiverConfig(receiver, { maxQueueSize: 10, maxExportBatchSize: 10, metricsExporters: [], loggingExporters: [] }),
  );
  for (let i = 0; i < 50; i++) otel.tracer.startSpan('burst').end();
  await otel.forceFlush();
  const health = otel.health();
  expect(health.status).toBe('degraded');
  expect(health.message).toContain('dropped because the export queue was full');
  const dropped = traces(health).exporters[0]?.droppedItems ?? 0;
  expect(dropped).toBeGreaterThan(0);
  expect(dropped + receiver.spans.length).toBe(50); // Every span is either delivered or counted as dropped.
});

it('is degraded (not yet unhealthy) when exports fail for less than the threshold', async () => {
  const otel = startOtel(receiverConfig(receiver, { metricsExporters: [], loggingExporters: [] }));
  receiver.failWith = 400; // A non-retryable rejection.
  otel.tracer.startSpan('rejected').end();
  await otel.forceFlush();
  const health = otel.health();
  expect(health.status).toBe('degraded');
  expect(traces(health).exporters[0]?.consecutiveFailures).toBe(1);
});
