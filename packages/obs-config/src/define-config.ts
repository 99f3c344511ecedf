import * as v from 'valibot';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { ExporterType } from './constants.js';
import { EnvReader, type EnvSource } from './env-parse.js';
import { type OtlpEnvironment, readOtelEnvironment, type Signal } from './otel-env.js';
import { freezeRedacted } from './redact.js';
import { type ExporterConfig, type OTelConfig, type OTelConfigInput, OTelConfigSchema } from './schema.js';

/** Where the environment comes from and where warnings go; shared by every config entry point. */
export interface ConfigSourceOptions {
  /** The environment to read `OTEL_*` variables from. Default: `process.env`. Pass `{}` to ignore it. */
  readonly env?: EnvSource | undefined;
  /** Receives warnings (high-cardinality resource attributes). Default: `process.emitWarning`. */
  readonly onWarning?: ((message: string) => void) | undefined;
}

const OTLP_TYPES: readonly string[] = [ExporterType.OTLP_HTTP, ExporterType.OTLP_GRPC, ExporterType.JAEGER];
const SIGNAL_OF = { tracingExporters: 'traces', metricsExporters: 'metrics', loggingExporters: 'logs' } as const;

/**
 * Validates a configuration, fills defaults, applies `OTEL_*` environment variables beneath the explicit values,
 * and returns it deeply frozen. Throws `ConfigError` listing every problem.
 *
 * @example
 * ```ts
 * const config = defineOtelConfig({
 *   serviceName: 'advanced-service',
 *   environment: Environment.PRODUCTION,
 *   tracingExporters: [{ type: ExporterType.OTLP_HTTP, endpoint: 'https://otel.company.com/v1/traces' }],
 *   traceSamplerRatio: 0.1,
 * });
 * ```
 */
export function defineOtelConfig(input: OTelConfigInput, options: ConfigSourceOptions = {}): OTelConfig {
  return resolveConfig(input, undefined, options);
}

/** Merges preset < environment < explicit input, validates, resolves OTLP endpoints and freezes. */
export function resolveConfig(explicit: unknown, preset: object | undefined, options: ConfigSourceOptions): OTelConfig {
  const env = new EnvReader(options.env ?? process.env);
  const fromEnv = readOtelEnvironment(env);
  const code = isRecord(explicit) ? stripUndefined(explicit) : explicit;
  const merged = isRecord(code) ? mergeLayers(preset ?? {}, fromEnv.input, code) : code;
  const issues: ConfigIssue[] = [...env.issues, ...jaegerAgentIssues(merged)];
  const result = v.safeParse(OTelConfigSchema, merged);
  if (!result.success) {
    // A Jaeger agent endpoint already has its own, more useful message.
    const known = new Set(issues.map((issue) => issue.path));
    issues.push(...result.issues.map(toIssue).filter((issue) => !known.has(issue.path)));
  }
  if (issues.length > 0 || !result.success) throw new ConfigError(issues);

  const config = result.output;
  const explicitExporters = isRecord(code) ? code : {};
  for (const key of Object.keys(SIGNAL_OF) as (keyof typeof SIGNAL_OF)[]) {
    config[key] = config[key].map((exporter) =>
      resolveExporter(exporter, SIGNAL_OF[key], fromEnv.otlp, key in explicitExporters),
    );
  }
  warnHighCardinality(config.customResourceAttributes, options.onWarning ?? emitWarning);
  return freezeRedacted(config);
}

function mergeLayers(...layers: object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.assign({}, ...layers);
  const attributes = layers.map((layer) => (layer as { customResourceAttributes?: unknown }).customResourceAttributes);
  if (attributes.every((a) => a === undefined || isRecord(a))) {
    merged['customResourceAttributes'] = Object.assign({}, ...attributes.filter(Boolean));
  }
  return merged;
}

function resolveExporter(
  exporter: ExporterConfig,
  signal: Signal,
  otlp: OtlpEnvironment,
  fromCode: boolean,
): ExporterConfig {
  if (!OTLP_TYPES.includes(exporter.type)) return exporter;
  // The environment's protocol switches preset and environment exporters, never those written in code.
  const type =
    !fromCode && otlp.protocol === 'grpc' && exporter.type === ExporterType.OTLP_HTTP
      ? ExporterType.OTLP_GRPC
      : exporter.type;
  const grpc = type === ExporterType.OTLP_GRPC;
  const base = otlp.endpoint ?? (grpc ? 'http://localhost:4317' : 'http://localhost:4318');
  const endpoint =
    exporter.endpoint ?? otlp.signalEndpoints[signal] ?? (grpc ? base : `${base.replace(/\/+$/, '')}/v1/${signal}`);
  const headers = otlp.headers || exporter.headers ? { ...otlp.headers, ...exporter.headers } : undefined;
  const protocol = grpc ? undefined : (exporter.protocol ?? (otlp.protocol === 'grpc' ? undefined : otlp.protocol));
  const timeoutMillis = exporter.timeoutMillis ?? otlp.timeoutMillis;
  const compression = exporter.compression ?? otlp.compression;
  return stripUndefined({
    ...exporter,
    type,
    endpoint,
    headers,
    protocol,
    timeoutMillis,
    compression,
  }) as ExporterConfig;
}

/** The seed's Jaeger example used the Thrift agent port; say what works instead. */
function jaegerAgentIssues(input: unknown): ConfigIssue[] {
  if (!isRecord(input)) return [];
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(SIGNAL_OF)) {
    const list = input[key];
    if (!Array.isArray(list)) continue;
    list.forEach((exporter: unknown, index) => {
      if (!isRecord(exporter) || exporter['type'] !== ExporterType.JAEGER) return;
      const endpoint = exporter['endpoint'];
      const match = typeof endpoint === 'string' ? /^(?:[a-z]+:\/\/)?([^/:]+):683[12]\b/i.exec(endpoint) : null;
      if (!match) return;
      const host = match[1];
      issues.push({
        path: `${key}[${index}].endpoint`,
        message:
          `Jaeger's Thrift agent port (6831/6832) is not supported: Jaeger ingests OTLP natively. ` +
          `Use "http://${host}:4318/v1/traces" (OTLP/HTTP), or type otlp_grpc with "http://${host}:4317"`,
      });
    });
  }
  return issues;
}

function toIssue(issue: v.BaseIssue<unknown>): ConfigIssue {
  const path = (issue.path ?? [])
    .map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`))
    .join('');
  return { path, message: issue.message };
}

const HIGH_CARDINALITY_KEY = /(^|[._])(user|request|session|trace|span|transaction|correlation)[._]?id$/i;

function warnHighCardinality(attributes: Record<string, unknown>, warn: (message: string) => void): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (HIGH_CARDINALITY_KEY.test(key) || (typeof value === 'string' && value.length > 256)) {
      warn(
        `customResourceAttributes.${key} looks high-cardinality (a per-request or per-user value, or over 256 characters): ` +
          'resource attributes are attached to every span and metric; keep them to a small set of stable values',
      );
    }
  }
}

function emitWarning(message: string): void {
  process.emitWarning(message, { code: 'DOTMAC_OBS_HIGH_CARDINALITY' });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
