import { defineOtelConfig, type OTelConfig, type OTelConfigInput } from '@dotmac/obs-config';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import type { OtlpReceiver } from '../../../../tooling/otlp-receiver/receiver.js';
import { initializeOtel } from '../initialize.js';
import type { InitializeOtelOptions, OtelBootstrap } from '../types.js';

/** A validated config whose three signals go to `receiver` over OTLP/HTTP, with short test delays. */
export function receiverConfig(receiver: OtlpReceiver, input: Partial<OTelConfigInput> = {}): OTelConfig {
  return defineOtelConfig(
    {
      serviceName: 'checkout',
      serviceVersion: '1.2.3',
      environment: 'test',
      tracingExporters: [{ type: 'otlp_http', endpoint: receiver.url('traces') }],
      metricsExporters: [{ type: 'otlp_http', endpoint: receiver.url('metrics') }],
      loggingExporters: [{ type: 'otlp_http', endpoint: receiver.url('logs') }],
      scheduledDelayMillis: 20,
      metricExportIntervalMillis: 100,
      exportTimeoutMillis: 2000,
      ...input,
    },
    { env: {} },
  );
}

const live: OtelBootstrap[] = [];

/** `initializeOtel`, remembering the bootstrap so `resetOtel()` shuts it down after the test. */
export function startOtel(config: OTelConfig, options?: InitializeOtelOptions): OtelBootstrap {
  const otel = initializeOtel(config, options);
  live.push(otel);
  return otel;
}

/** Shuts down every bootstrap a test started and clears the OpenTelemetry globals. */
export async function resetOtel(): Promise<void> {
  await Promise.all(live.splice(0).map((otel) => otel.shutdown()));
  trace.disable();
  metrics.disable();
  logs.disable();
  propagation.disable();
  context.disable();
}
