import { ExporterType, OtlpProtocol } from './constants.js';
import type { EnvReader } from './env-parse.js';
import type { ExporterConfig, OTelConfigInput } from './schema.js';

/** A signal, as named in `OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT`. */
export type Signal = 'traces' | 'metrics' | 'logs';

/** OTLP settings from the environment, applied to OTLP exporters that do not set them in code. */
export interface OtlpEnvironment {
  readonly endpoint?: string;
  readonly signalEndpoints: Partial<Record<Signal, string>>;
  readonly headers?: Record<string, string>;
  readonly protocol?: 'grpc' | OtlpProtocol;
  readonly timeoutMillis?: number;
  readonly compression?: 'gzip' | 'none';
}

const SAMPLERS: Record<string, number | 'arg'> = {
  always_on: 1,
  always_off: 0,
  traceidratio: 'arg',
  parentbased_always_on: 1,
  parentbased_always_off: 0,
  parentbased_traceidratio: 'arg',
};

const EXPORTER_NAMES: Record<string, ExporterType | undefined> = {
  otlp: ExporterType.OTLP_HTTP,
  console: ExporterType.CONSOLE,
  zipkin: ExporterType.ZIPKIN,
  jaeger: ExporterType.JAEGER,
  prometheus: ExporterType.PROMETHEUS,
  none: undefined,
};

/** Reads the standard `OTEL_*` variables into configuration fields (env precedence sits below code). */
export function readOtelEnvironment(env: EnvReader): { input: Partial<OTelConfigInput>; otlp: OtlpEnvironment } {
  const input: Record<string, unknown> = {};
  const set = (key: keyof OTelConfigInput, value: unknown): void => {
    if (value !== undefined) input[key] = value;
  };

  const resource = env.keyValues('OTEL_RESOURCE_ATTRIBUTES', false);
  if (resource) {
    const { 'service.name': name, 'service.version': version, ...rest } = resource;
    set('serviceName', name);
    set('serviceVersion', version);
    set('customResourceAttributes', rest);
  }
  set('serviceName', env.string('OTEL_SERVICE_NAME'));
  set('serviceVersion', env.string('OTEL_SERVICE_VERSION'));
  set('sdkDisabled', env.boolean('OTEL_SDK_DISABLED'));
  set('traceSamplerRatio', samplerRatio(env));
  set('scheduledDelayMillis', env.number('OTEL_BSP_SCHEDULE_DELAY'));
  set('exportTimeoutMillis', env.number('OTEL_BSP_EXPORT_TIMEOUT'));
  set('maxQueueSize', env.number('OTEL_BSP_MAX_QUEUE_SIZE'));
  set('maxExportBatchSize', env.number('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'));
  set('metricExportIntervalMillis', env.number('OTEL_METRIC_EXPORT_INTERVAL'));

  const protocol = env.string('OTEL_EXPORTER_OTLP_PROTOCOL');
  const protocols = ['grpc', ...Object.values(OtlpProtocol)];
  if (protocol !== undefined && !protocols.includes(protocol)) {
    env.issues.push({
      path: 'OTEL_EXPORTER_OTLP_PROTOCOL',
      message: `${JSON.stringify(protocol)}: use one of ${protocols.join(', ')}`,
    });
  }
  const otlpType = protocol === 'grpc' ? ExporterType.OTLP_GRPC : ExporterType.OTLP_HTTP;
  set('tracingExporters', exporters(env, 'OTEL_TRACES_EXPORTER', otlpType));
  set('metricsExporters', exporters(env, 'OTEL_METRICS_EXPORTER', otlpType));
  set('loggingExporters', exporters(env, 'OTEL_LOGS_EXPORTER', otlpType));

  const compression = env.string('OTEL_EXPORTER_OTLP_COMPRESSION');
  const validCompression: 'gzip' | 'none' | undefined =
    compression === 'gzip' || compression === 'none' ? compression : undefined;
  if (compression !== undefined && !validCompression) {
    env.issues.push({
      path: 'OTEL_EXPORTER_OTLP_COMPRESSION',
      message: `${JSON.stringify(compression)}: use gzip or none`,
    });
  }
  const otlp: OtlpEnvironment = {
    ...optional('endpoint', env.url('OTEL_EXPORTER_OTLP_ENDPOINT')),
    signalEndpoints: {
      ...optional('traces', env.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')),
      ...optional('metrics', env.url('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT')),
      ...optional('logs', env.url('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT')),
    },
    ...optional('headers', env.keyValues('OTEL_EXPORTER_OTLP_HEADERS', true)),
    ...optional('protocol', protocols.includes(protocol ?? '') ? (protocol as OtlpEnvironment['protocol']) : undefined),
    ...optional('timeoutMillis', env.number('OTEL_EXPORTER_OTLP_TIMEOUT')),
    ...optional('compression', validCompression),
  };
  return { input: input as Partial<OTelConfigInput>, otlp };
}

function samplerRatio(env: EnvReader): number | undefined {
  const sampler = env.string('OTEL_TRACES_SAMPLER')?.toLowerCase();
  const arg = env.number('OTEL_TRACES_SAMPLER_ARG', (n) => (n >= 0 && n <= 1 ? undefined : 'must be between 0 and 1'));
  if (sampler === undefined) return arg;
  const ratio = Object.hasOwn(SAMPLERS, sampler) ? SAMPLERS[sampler] : undefined;
  if (ratio === undefined) {
    env.issues.push({
      path: 'OTEL_TRACES_SAMPLER',
      message: `${JSON.stringify(sampler)} is not supported; use one of ${Object.keys(SAMPLERS).join(', ')}`,
    });
    return undefined;
  }
  return ratio === 'arg' ? (arg ?? 1) : ratio;
}

function exporters(env: EnvReader, name: string, otlpType: ExporterType): ExporterConfig[] | undefined {
  const names = env.list(name);
  if (names === undefined) return undefined;
  const result: ExporterConfig[] = [];
  for (const item of names) {
    if (!Object.hasOwn(EXPORTER_NAMES, item)) {
      env.issues.push({
        path: name,
        message: `${JSON.stringify(item)} is not an exporter; use ${Object.keys(EXPORTER_NAMES).join(', ')}`,
      });
      continue;
    }
    const type = item === 'otlp' ? otlpType : EXPORTER_NAMES[item];
    if (type !== undefined) result.push({ type });
  }
  return names.includes('none') ? [] : result;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
