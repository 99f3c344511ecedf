import type { ComponentHealth, HealthReporter, OTelConfig } from '@dotmac/obs-config';
import type { Meter, MeterProvider, Tracer, TracerProvider } from '@opentelemetry/api';
import type { Logger, LoggerProvider } from '@opentelemetry/api-logs';
import type { Resource } from '@opentelemetry/resources';
import type { MetricProducer } from '@opentelemetry/sdk-metrics';
import type { HealthThresholds } from './health.js';
import type { ShutdownOnSignalsOptions } from './signals.js';

/**
 * An OpenTelemetry instrumentation (`@opentelemetry/instrumentation-http`, `-express`, …), described by the
 * members `initializeOtel` uses; every `InstrumentationBase` fits.
 */
export interface OtelInstrumentation {
  setTracerProvider(tracerProvider: TracerProvider): void;
  setMeterProvider(meterProvider: MeterProvider): void;
  setLoggerProvider?(loggerProvider: LoggerProvider): void;
  enable(): void;
  disable(): void;
  getConfig(): { enabled?: boolean };
}

/** Options of `initializeOtel`. */
export interface InitializeOtelOptions {
  /** Instrumentations to wire to the new providers and enable (they are disabled again on shutdown). */
  readonly instrumentations?: readonly OtelInstrumentation[];
  /** Flush and shut down on SIGTERM/SIGINT, then exit as the process would have. Default `false`. */
  readonly shutdownOnSignals?: boolean | ShutdownOnSignalsOptions;
  /** When delivery problems make `health()` degraded or unhealthy. */
  readonly healthThresholds?: HealthThresholds;
  /** Run the host and process resource detectors. Default `true`. */
  readonly detectResources?: boolean;
}

/** What `initializeOtel` returns: the providers of the three signals and their lifecycle. */
export interface OtelBootstrap extends HealthReporter {
  /** The configuration it was built from. */
  readonly config: OTelConfig;
  /** The resource shared by traces, metrics and logs. */
  readonly resource: Resource;
  /** A tracer named after the service. */
  readonly tracer: Tracer;
  /** A meter named after the service. */
  readonly meter: Meter;
  /** A logger named after the service; records carry the active span's trace and span ids. */
  readonly logger: Logger;
  readonly tracerProvider: TracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
  /** False for the no-op bootstrap returned when the SDK is disabled. */
  readonly enabled: boolean;
  /**
   * Adds a metric producer whose metrics every metrics exporter of this bootstrap then exports at each collection,
   * such as `metrics.createOtelMetricProducer()` of `@dotmac/obs-metrics` (record once, export twice).
   *
   * @example
   * ```ts
   * otel.addMetricProducer(metrics.createOtelMetricProducer());
   * ```
   */
  addMetricProducer(producer: MetricProducer): void;
  /** Exports everything pending in every signal. Never rejects. */
  forceFlush(): Promise<void>;
  /** Flushes everything pending, stops the exporters and releases the globals. Idempotent; never rejects. */
  shutdown(): Promise<void>;
  /** Delivery health of every signal: exporters, last success, consecutive failures, dropped items. */
  health(): ComponentHealth;
  /**
   * Resolves once optional exporters (gRPC, Zipkin) are loaded; rejects with `OtelExporterPackageMissingError`
   * naming the package to install when one is missing.
   */
  ready(): Promise<void>;
  /** Present when a `prometheus` metrics exporter is configured: the text exposition for a `/metrics` route. */
  prometheusMetrics?(): Promise<string>;
  /** The content type to serve `prometheusMetrics()` with. */
  readonly prometheusContentType?: string;
}
