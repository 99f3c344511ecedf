import type { OTelConfig } from '@dotmac/obs-config';
import { createNoopMeter, ProxyTracerProvider } from '@opentelemetry/api';
import { createNoopLogger } from '@opentelemetry/api-logs';
import { emptyResource } from '@opentelemetry/resources';
import { otelHealth } from './health.js';
import type { OtelBootstrap } from './types.js';

/** The bootstrap of a disabled SDK: no-op tracer, meter and logger; nothing registered, nothing exported. */
export function disabledBootstrap(config: OTelConfig): OtelBootstrap {
  const tracerProvider = new ProxyTracerProvider(); // Never given a delegate: a no-op.
  const meter = createNoopMeter();
  const logger = createNoopLogger();
  const signal = { enabled: false, exporters: [] };
  return {
    config,
    resource: emptyResource(),
    tracer: tracerProvider.getTracer(config.serviceName, config.serviceVersion),
    meter,
    logger,
    tracerProvider,
    meterProvider: { getMeter: () => meter },
    loggerProvider: { getLogger: () => logger },
    enabled: false,
    addMetricProducer: () => {},
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
    ready: () => Promise.resolve(),
    health: () =>
      otelHealth({
        serviceName: config.serviceName,
        state: 'disabled',
        signals: { traces: signal, metrics: signal, logs: signal },
      }),
  };
}
