import type { OTelConfig } from '@dotmac/obs-config';
import { PROMETHEUS_CONTENT_TYPE } from '@dotmac/obs-config/core';
import { diag } from '@opentelemetry/api';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { disabledBootstrap } from './disabled.js';
import { claimGlobals, registerGlobals, releaseClaim, unregisterGlobals } from './globals.js';
import { otelHealth } from './health.js';
import { MetricProducerSet } from './metric-producers.js';
import { logPipeline, metricPipeline, spanPipeline } from './pipelines.js';
import { buildResource } from './resource.js';
import { installSignalHandlers } from './signals.js';
import type { InitializeOtelOptions, OtelBootstrap, OtelInstrumentation } from './types.js';

/**
 * Starts OpenTelemetry traces, metrics and logs for one service from an `OTelConfig`, and registers the providers,
 * W3C trace context + baggage propagation and the AsyncLocalStorage context manager globally.
 * With `sdkDisabled` it returns a no-op bootstrap that registers nothing. Throws `OtelAlreadyInitializedError`
 * while another bootstrap is live, and `OtelExporterConfigError` for an exporter type that cannot serve its signal.
 *
 * @example
 * ```ts
 * const otel = initializeOtel(createDefaultConfig('my-service', 'production'), { shutdownOnSignals: true });
 * otel.tracer.startActiveSpan('work', (span) => { ...; span.end(); });
 * ```
 */
export function initializeOtel(config: OTelConfig, options: InitializeOtelOptions = {}): OtelBootstrap {
  if (config.sdkDisabled) return disabledBootstrap(config);
  claimGlobals(config.serviceName);
  try {
    return start(config, options);
  } catch (error) {
    releaseClaim();
    throw error;
  }
}

function enableInstrumentations(instrumentations: readonly OtelInstrumentation[], bootstrap: OtelBootstrap): void {
  for (const instrumentation of instrumentations) {
    try {
      instrumentation.setTracerProvider(bootstrap.tracerProvider);
      instrumentation.setMeterProvider(bootstrap.meterProvider);
      instrumentation.setLoggerProvider?.(bootstrap.loggerProvider);
      if (!instrumentation.getConfig().enabled) instrumentation.enable();
    } catch (error) {
      diag.warn('@dotmac/obs-otel: an instrumentation failed to enable', error);
    }
  }
}

function start(config: OTelConfig, options: InitializeOtelOptions): OtelBootstrap {
  const resource = buildResource(config, options.detectResources ?? true);
  const producers = new MetricProducerSet(resource);
  const spans = spanPipeline(config);
  const metrics = metricPipeline(config, producers);
  const logs = logPipeline(config);
  const tracerProvider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.traceSamplerRatio) }),
    spanProcessors: spans.parts,
  });
  const meterProvider = new MeterProvider({ resource, readers: metrics.parts });
  const loggerProvider = new LoggerProvider({ resource, processors: logs.parts });
  const stopProviders = (): Promise<unknown> =>
    Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown(), loggerProvider.shutdown()]);
  try {
    registerGlobals({ tracerProvider, meterProvider, loggerProvider });
  } catch (error) {
    void stopProviders();
    throw error;
  }

  const instrumentations = options.instrumentations ?? [];
  const lazy = [...spans.lazy, ...metrics.lazy, ...logs.lazy];
  let state: 'running' | 'shut-down' = 'running';
  let shuttingDown: Promise<void> | undefined;
  let uninstallSignals: (() => void) | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      uninstallSignals?.();
      for (const instrumentation of instrumentations) {
        try {
          instrumentation.disable();
        } catch {
          // An instrumentation that cannot be disabled must not stop the flush.
        }
      }
      await stopProviders();
      unregisterGlobals();
      releaseClaim();
      state = 'shut-down';
    })();
    return shuttingDown;
  };

  const prometheus = metrics.prometheus;
  const bootstrap: OtelBootstrap = {
    config,
    resource,
    tracer: tracerProvider.getTracer(config.serviceName, config.serviceVersion),
    meter: meterProvider.getMeter(config.serviceName, config.serviceVersion),
    logger: loggerProvider.getLogger(config.serviceName, config.serviceVersion),
    tracerProvider,
    meterProvider,
    loggerProvider,
    enabled: true,
    addMetricProducer: (producer) => producers.add(producer),
    forceFlush: async () => {
      await Promise.allSettled([tracerProvider.forceFlush(), meterProvider.forceFlush(), loggerProvider.forceFlush()]);
    },
    shutdown,
    ready: async () => {
      await Promise.all(lazy.map((exporter) => exporter.ready()));
    },
    health: () =>
      otelHealth(
        {
          serviceName: config.serviceName,
          state,
          signals: {
            traces: { enabled: config.enableTracing, exporters: spans.stats },
            metrics: { enabled: config.enableMetrics, exporters: metrics.stats },
            logs: { enabled: config.enableLogging, exporters: logs.stats },
          },
        },
        options.healthThresholds,
      ),
    ...(prometheus && {
      prometheusMetrics: () => prometheus.text(),
      prometheusContentType: PROMETHEUS_CONTENT_TYPE,
    }),
  };
  enableInstrumentations(instrumentations, bootstrap);
  if (options.shutdownOnSignals) {
    const signalOptions = options.shutdownOnSignals === true ? {} : options.shutdownOnSignals;
    uninstallSignals = installSignalHandlers(shutdown, signalOptions);
  }
  return bootstrap;
}
