import type { ExporterConfig, OTelConfig } from '@dotmac/obs-config';
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import { createOtlpHttpExportDelegate, httpAgentFactoryFromOptions } from '@opentelemetry/otlp-exporter-base/node-http';
import {
  type IExporterMetricsHelper,
  type ISerializer,
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  LogsExporterMetricsHelper,
  MetricsExporterMetricsHelper,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
  TraceExporterMetricsHelper,
} from '@opentelemetry/otlp-transformer';

/** The three OpenTelemetry signals. */
export type Signal = 'traces' | 'metrics' | 'logs';

interface SignalWire {
  readonly path: string;
  readonly component: string;
  readonly json: ISerializer<never, unknown>;
  readonly protobuf: ISerializer<never, unknown>;
  readonly helper: IExporterMetricsHelper<never>;
  readonly grpcName: string;
}

/** How each signal travels over OTLP (shared with the gRPC exporter). */
export const OTLP_WIRE: Record<Signal, SignalWire> = {
  traces: {
    path: 'v1/traces',
    component: 'span_exporter',
    json: JsonTraceSerializer,
    protobuf: ProtobufTraceSerializer,
    helper: TraceExporterMetricsHelper,
    grpcName: 'TraceExportService|/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  },
  metrics: {
    path: 'v1/metrics',
    component: 'metric_exporter',
    json: JsonMetricsSerializer,
    protobuf: ProtobufMetricsSerializer,
    helper: MetricsExporterMetricsHelper,
    grpcName: 'MetricsExportService|/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
  },
  logs: {
    path: 'v1/logs',
    component: 'log_exporter',
    json: JsonLogsSerializer,
    protobuf: ProtobufLogsSerializer,
    helper: LogsExporterMetricsHelper,
    grpcName: 'LogsExportService|/opentelemetry.proto.collector.logs.v1.LogsService/Export',
  },
};

/**
 * The timeout of one export (the exporter's own, capped by the processor's export timeout) and how many exports
 * may be in flight: a flush sends the whole queue at once in batches, so the limit must fit a full queue.
 */
export function transportLimits(
  exporter: ExporterConfig,
  config: OTelConfig,
): { timeoutMillis: number; concurrencyLimit: number } {
  return {
    timeoutMillis: Math.min(exporter.timeoutMillis ?? 10_000, config.exportTimeoutMillis),
    concurrencyLimit: Math.max(30, Math.ceil(config.maxQueueSize / config.maxExportBatchSize) + 2),
  };
}

/**
 * An OTLP/HTTP exporter (protobuf, or JSON when `protocol` is `http/json`) built from the resolved config only:
 * url, headers, timeout and compression are passed explicitly and no `OTEL_*` variable is read a second time.
 */
export function createOtlpHttpExporter<T>(
  signal: Signal,
  exporter: ExporterConfig,
  config: OTelConfig,
): OTLPExporterBase<T> {
  const wire = OTLP_WIRE[signal];
  const json = exporter.protocol === 'http/json';
  const headers = {
    ...exporter.headers,
    'Content-Type': json ? 'application/json' : 'application/x-protobuf',
  };
  const delegate = createOtlpHttpExportDelegate(
    {
      url: exporter.endpoint ?? `http://localhost:4318/${wire.path}`,
      headers: () => Promise.resolve(headers),
      ...transportLimits(exporter, config),
      compression: exporter.compression ?? 'none',
      agentFactory: httpAgentFactoryFromOptions({ keepAlive: true }),
    },
    (json ? wire.json : wire.protobuf) as ISerializer<T, unknown>,
    `otlp_http_${wire.component}`,
    wire.helper as IExporterMetricsHelper<T>,
    undefined,
  );
  return new OTLPExporterBase<T>(delegate);
}
