import * as v from 'valibot';
import { Environment, ExporterType, OtlpProtocol } from './constants.js';
import { isHttpUrl } from './http-url.js';

const positiveInt = v.pipe(
  v.number('must be a number'),
  v.integer((issue) => `must be a whole number, got ${issue.input}`),
  v.minValue(1, (issue) => `must be at least 1, got ${issue.input}`),
);

const url = v.pipe(
  v.string('must be a string URL'),
  v.trim(),
  v.check(isHttpUrl, (issue) => `must be an absolute http(s) URL such as http://localhost:4318, got "${issue.input}"`),
);

/** Messages for objects: the wrong type, or an unknown key (never echoing a value, which may be a secret). */
const objectMessage = (what: string, required: string) => (issue: v.BaseIssue<unknown>) => {
  if (issue.expected === 'never') return `unknown option "${String(issue.input)}"`;
  return issue.expected?.startsWith('"') ? `is required${required}` : `must be ${what}`;
};

const ResourceValueSchema = v.union(
  [v.string(), v.pipe(v.number(), v.finite()), v.boolean()],
  'resource attribute values must be a string, a finite number or a boolean',
);

/** The schema of one exporter: where a signal goes, and how. */
export const ExporterConfigSchema = v.strictObject(
  {
    type: v.picklist(
      Object.values(ExporterType),
      (issue) =>
        `unknown exporter type ${JSON.stringify(issue.input)}; use one of ${Object.values(ExporterType).join(', ')}`,
    ),
    endpoint: v.optional(url),
    headers: v.optional(
      v.record(
        v.string('header names must be strings'),
        v.string('header values must be strings'),
        'must be an object of header names to string values',
      ),
    ),
    timeoutMillis: v.optional(positiveInt),
    compression: v.optional(v.picklist(['gzip', 'none'], 'compression must be "gzip" or "none"')),
    protocol: v.optional(
      v.picklist(
        Object.values(OtlpProtocol),
        'protocol must be "http/protobuf" or "http/json" (use type otlp_grpc for gRPC)',
      ),
    ),
  },
  objectMessage('an exporter object such as { type: "otlp_http", endpoint: "http://localhost:4318/v1/traces" }', ''),
);

const exporters = v.array(ExporterConfigSchema, 'must be a list of exporters');

/** The schema of a complete configuration; its output type is `OTelConfig`. */
export const OTelConfigSchema = v.pipe(
  v.strictObject(
    {
      serviceName: v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty')),
      serviceVersion: v.optional(
        v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty')),
        '0.0.0',
      ),
      environment: v.optional(
        v.picklist(
          Object.values(Environment),
          (issue) =>
            `unknown environment ${JSON.stringify(issue.input)}; use one of ${Object.values(Environment).join(', ')}`,
        ),
        Environment.DEVELOPMENT,
      ),
      tracingExporters: v.optional(exporters, () => []),
      metricsExporters: v.optional(exporters, () => []),
      loggingExporters: v.optional(exporters, () => []),
      traceSamplerRatio: v.optional(
        v.pipe(
          v.number('must be a number'),
          v.check(
            (n) => Number.isFinite(n) && n >= 0 && n <= 1,
            (issue) => `must be between 0 and 1, got ${issue.input}`,
          ),
        ),
        1,
      ),
      maxExportBatchSize: v.optional(positiveInt, 512),
      maxQueueSize: v.optional(positiveInt, 2048),
      scheduledDelayMillis: v.optional(positiveInt, 5000),
      exportTimeoutMillis: v.optional(positiveInt, 30000),
      metricExportIntervalMillis: v.optional(positiveInt, 60000),
      customResourceAttributes: v.optional(
        v.record(v.string(), ResourceValueSchema, 'must be an object of attribute names to values'),
        () => ({}),
      ),
      enableTracing: v.optional(v.boolean('must be true or false'), true),
      enableMetrics: v.optional(v.boolean('must be true or false'), true),
      enableLogging: v.optional(v.boolean('must be true or false'), true),
      sdkDisabled: v.optional(v.boolean('must be true or false'), false),
    },
    objectMessage('a configuration object with at least serviceName', ': set it in code or with OTEL_SERVICE_NAME'),
  ),
  v.forward(
    v.check(
      (c) => c.maxExportBatchSize <= c.maxQueueSize,
      (issue) =>
        `must not exceed maxQueueSize (${(issue.input as { maxQueueSize: number }).maxQueueSize}), got ${(issue.input as { maxExportBatchSize: number }).maxExportBatchSize}`,
    ),
    ['maxExportBatchSize'],
  ),
);

/** One exporter of a signal; `endpoint` is the full URL (for OTLP/HTTP, including `/v1/<signal>`). */
export type ExporterConfig = v.InferOutput<typeof ExporterConfigSchema>;
/** What `defineOtelConfig` accepts: every field but `serviceName` is optional. */
export type OTelConfigInput = v.InferInput<typeof OTelConfigSchema>;
/** A validated configuration with every default filled; deeply frozen. */
export type OTelConfig = Readonly<v.InferOutput<typeof OTelConfigSchema>>;
/** A resource attribute value. */
export type ResourceAttributeValue = v.InferOutput<typeof ResourceValueSchema>;
