import type { ExporterConfig, OTelConfig } from '@dotmac/obs-config';
import { BatchLogRecordProcessor, ConsoleLogRecordExporter, type LogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  ConsoleMetricExporter,
  type IMetricReader,
  type MetricProducer,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OtelExporterConfigError } from './errors.js';
import { type AnyExporter, ExportStats, observeExporter } from './export-stats.js';
import { LazyExporter, loadGrpcExporter, loadZipkinExporter } from './optional-exporters.js';
import { createOtlpHttpExporter, type Signal } from './otlp-http.js';
import { PrometheusPullReader } from './prometheus-reader.js';
import { DropCountingLogProcessor, DropCountingSpanProcessor } from './queue-watch.js';

/** What one signal's pipeline consists of. */
export interface Pipeline<P> {
  readonly parts: P[];
  readonly stats: ExportStats[];
  readonly lazy: LazyExporter<unknown>[];
}

/** Per signal: the config field listing its exporters, and the exporter types that can serve it. */
const SIGNALS: Record<Signal, { readonly field: string; readonly types: readonly string[] }> = {
  traces: { field: 'tracingExporters', types: ['otlp_http', 'otlp_grpc', 'console', 'jaeger', 'zipkin', 'none'] },
  metrics: { field: 'metricsExporters', types: ['otlp_http', 'otlp_grpc', 'console', 'prometheus', 'none'] },
  logs: { field: 'loggingExporters', types: ['otlp_http', 'otlp_grpc', 'console', 'none'] },
};

function checkExporter(signal: Signal, exporter: ExporterConfig, index: number): void {
  const { field, types } = SIGNALS[signal];
  const where = `${field}[${index}]`;
  if (!types.includes(exporter.type)) {
    throw new OtelExporterConfigError(
      `${where}: exporter type "${exporter.type}" cannot export ${signal}; use one of ${types.join(', ')}`,
    );
  }
  const port = exporter.endpoint ? new URL(exporter.endpoint).port : '';
  if (exporter.type === 'jaeger' && (port === '6831' || port === '6832')) {
    throw new OtelExporterConfigError(
      `${where}: Jaeger's Thrift agent port ${port} is not supported; Jaeger ingests OTLP: ` +
        'use endpoint "http://<jaeger-host>:4318/v1/traces" (or type otlp_grpc with "http://<jaeger-host>:4317")',
    );
  }
}

/** Creates the exporter of one config entry, or undefined for `none` (and `prometheus`, handled as a reader). */
function createExporter<T>(
  signal: Signal,
  exporter: ExporterConfig,
  config: OTelConfig,
  stats: ExportStats,
  lazy: LazyExporter<unknown>[],
): AnyExporter<T> | undefined {
  const onError = (error: Error): void => stats.recordSetupError(error);
  switch (exporter.type) {
    case 'otlp_http':
    case 'jaeger':
      return createOtlpHttpExporter<T>(signal, exporter, config);
    case 'otlp_grpc': {
      const grpc = new LazyExporter<T>(() => loadGrpcExporter<T>(signal, exporter, config), onError);
      lazy.push(grpc as LazyExporter<unknown>);
      return grpc;
    }
    case 'zipkin': {
      const zipkin = new LazyExporter<T>(() => loadZipkinExporter<T>(exporter, config.serviceName), onError);
      lazy.push(zipkin as LazyExporter<unknown>);
      return zipkin;
    }
    case 'console':
      if (signal === 'traces') return new ConsoleSpanExporter() as unknown as AnyExporter<T>;
      if (signal === 'metrics') return new ConsoleMetricExporter() as unknown as AnyExporter<T>;
      return new ConsoleLogRecordExporter() as unknown as AnyExporter<T>;
    default:
      return undefined;
  }
}

function eachExporter(
  signal: Signal,
  exporters: readonly ExporterConfig[],
  build: (exporter: ExporterConfig, stats: ExportStats) => void,
): void {
  exporters.forEach((exporter, index) => {
    checkExporter(signal, exporter, index);
  });
  for (const exporter of exporters) {
    if (exporter.type === 'none') continue;
    build(exporter, new ExportStats(exporter.type, exporter.endpoint));
  }
}

const batchOptions = (config: OTelConfig) => ({
  maxExportBatchSize: config.maxExportBatchSize,
  maxQueueSize: config.maxQueueSize,
  scheduledDelayMillis: config.scheduledDelayMillis,
  exportTimeoutMillis: config.exportTimeoutMillis,
});

/** One BatchSpanProcessor per tracing exporter, each watched for results and drops. */
export function spanPipeline(config: OTelConfig): Pipeline<SpanProcessor> {
  const pipeline: Pipeline<SpanProcessor> = { parts: [], stats: [], lazy: [] };
  if (!config.enableTracing) return pipeline;
  eachExporter('traces', config.tracingExporters, (exporter, stats) => {
    const inner = createExporter<unknown[]>('traces', exporter, config, stats, pipeline.lazy);
    if (!inner) return;
    const observed = observeExporter<unknown[], AnyExporter<unknown[]>>(inner, stats, (spans) => spans.length);
    const processor = new DropCountingSpanProcessor(
      new BatchSpanProcessor(observed as never, batchOptions(config)),
      stats,
      config.maxQueueSize,
    );
    stats.queued = () => processor.queued;
    pipeline.parts.push(processor);
    pipeline.stats.push(stats);
  });
  return pipeline;
}

/** One BatchLogRecordProcessor per logging exporter, each watched for results and drops. */
export function logPipeline(config: OTelConfig): Pipeline<LogRecordProcessor> {
  const pipeline: Pipeline<LogRecordProcessor> = { parts: [], stats: [], lazy: [] };
  if (!config.enableLogging) return pipeline;
  eachExporter('logs', config.loggingExporters, (exporter, stats) => {
    const inner = createExporter<unknown[]>('logs', exporter, config, stats, pipeline.lazy);
    if (!inner) return;
    const observed = observeExporter<unknown[], AnyExporter<unknown[]>>(inner, stats, (records) => records.length);
    const processor = new DropCountingLogProcessor(
      new BatchLogRecordProcessor({ exporter: observed as never, ...batchOptions(config) }),
      stats,
      config.maxQueueSize,
    );
    stats.queued = () => processor.queued;
    pipeline.parts.push(processor);
    pipeline.stats.push(stats);
  });
  return pipeline;
}

const countPoints = (metrics: ResourceMetrics): number =>
  metrics.scopeMetrics.reduce(
    (n, scope) => n + scope.metrics.reduce((m, metric) => m + metric.dataPoints.length, 0),
    0,
  );

/** A periodic reader per metrics exporter; the `prometheus` type gives one pull reader instead. */
export function metricPipeline(
  config: OTelConfig,
  producers: MetricProducer,
): Pipeline<IMetricReader> & { prometheus?: PrometheusPullReader } {
  const pipeline: Pipeline<IMetricReader> & { prometheus?: PrometheusPullReader } = { parts: [], stats: [], lazy: [] };
  if (!config.enableMetrics) return pipeline;
  eachExporter('metrics', config.metricsExporters, (exporter, stats) => {
    if (exporter.type === 'prometheus') {
      if (pipeline.prometheus) return; // One pull reader serves every scrape.
      pipeline.prometheus = new PrometheusPullReader({ metricProducers: [producers] });
      pipeline.parts.push(pipeline.prometheus);
      return;
    }
    const inner = createExporter<ResourceMetrics>('metrics', exporter, config, stats, pipeline.lazy);
    if (!inner) return;
    const observed = observeExporter(inner, stats, countPoints) as unknown as PushMetricExporter;
    pipeline.parts.push(
      new PeriodicExportingMetricReader({
        exporter: observed,
        exportIntervalMillis: config.metricExportIntervalMillis,
        exportTimeoutMillis: Math.min(config.exportTimeoutMillis, config.metricExportIntervalMillis),
        metricProducers: [producers],
      }),
    );
    pipeline.stats.push(stats);
  });
  return pipeline;
}
