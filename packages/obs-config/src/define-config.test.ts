import { inspect } from 'node:util';
import { ConfigError } from './config-error.js';
import { Environment, ExporterType } from './constants.js';
import { defineOtelConfig } from './define-config.js';
import { ObservabilityError } from './errors.js';
import { redactConfig } from './redact.js';

const env = {};
const issuesOf = (input: unknown): string[] => {
  try {
    defineOtelConfig(input as Parameters<typeof defineOtelConfig>[0], { env, onWarning: () => {} });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('defineOtelConfig (the seed advanced configuration)', () => {
  const advanced = () =>
    defineOtelConfig(
      {
        serviceName: 'advanced-service',
        serviceVersion: '1.0.0',
        environment: Environment.PRODUCTION,
        tracingExporters: [
          {
            type: ExporterType.OTLP_HTTP,
            endpoint: 'https://otel.company.com/v1/traces',
            headers: { Authorization: 'Bearer token' },
          },
          { type: ExporterType.JAEGER, endpoint: 'http://jaeger.company.com:4318/v1/traces' },
        ],
        traceSamplerRatio: 0.1,
        maxExportBatchSize: 1024,
        customResourceAttributes: { 'service.namespace': 'dotmac', 'service.instance.id': 'pod-7' },
      },
      { env },
    );

  it('validates, fills every default and keeps what was given', () => {
    const config = advanced();
    expect(config).toMatchObject({
      serviceName: 'advanced-service',
      environment: 'production',
      traceSamplerRatio: 0.1,
      maxExportBatchSize: 1024,
      maxQueueSize: 2048,
      scheduledDelayMillis: 5000,
      exportTimeoutMillis: 30000,
      metricExportIntervalMillis: 60000,
      enableTracing: true,
      enableMetrics: true,
      enableLogging: true,
      sdkDisabled: false,
      metricsExporters: [],
      loggingExporters: [],
    });
    expect(config.tracingExporters[0]?.headers?.['Authorization']).toBe('Bearer token');
    expect(config.customResourceAttributes).toEqual({ 'service.namespace': 'dotmac', 'service.instance.id': 'pod-7' });
  });

  it('is deeply frozen: mutation attempts throw in strict mode and change nothing', () => {
    const config = advanced();
    expect(() => {
      (config as { traceSamplerRatio: number }).traceSamplerRatio = 1;
    }).toThrow(TypeError);
    expect(() => {
      (config.tracingExporters[0]?.headers as Record<string, string>)['Authorization'] = 'x';
    }).toThrow(TypeError);
    expect(config.traceSamplerRatio).toBe(0.1);
  });

  it('never shows header values in JSON, util.inspect or redactConfig, while the values stay usable', () => {
    const config = advanced();
    for (const printed of [
      JSON.stringify(config),
      JSON.stringify(config.tracingExporters),
      inspect(config, { depth: 10 }),
      inspect(config.tracingExporters[0]?.headers),
      JSON.stringify(redactConfig(config)),
    ]) {
      expect(printed).not.toContain('Bearer token');
      expect(printed).toContain('***');
    }
    expect(config.tracingExporters[0]?.headers?.['Authorization']).toBe('Bearer token');
  });

  it('redacts credentials in endpoint URLs when printed', () => {
    const config = defineOtelConfig(
      {
        serviceName: 's',
        tracingExporters: [
          { type: 'otlp_http', endpoint: 'https://user:hunter2@otel.example.com/v1/traces?api_key=k3y' },
        ],
      },
      { env },
    );
    const printed = JSON.stringify(config);
    expect(printed).toContain('https://***@otel.example.com/v1/traces?api_key=***');
    expect(printed).not.toMatch(/hunter2|k3y/);
  });
});

describe('validation errors', () => {
  it('is a ConfigError, an ObservabilityError with code CONFIG_INVALID', () => {
    let error: unknown;
    try {
      defineOtelConfig({ serviceName: '' }, { env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(ObservabilityError);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    expect((error as ConfigError).message).toBe(
      'Invalid observability configuration (1 problem):\n  - serviceName: must not be empty',
    );
  });

  it('lists every problem at once, each with its path and the fix', () => {
    expect(
      issuesOf({
        serviceName: '  ',
        traceSamplerRatio: 1.5,
        tracingExporters: [
          { type: 'otlp_http' },
          { type: 'otlp_http', endpoint: 'otel.company.com' },
          { type: 'kafka' },
        ],
        metricsExporters: [{ type: 'otlp_http', timeoutMillis: 0 }],
        exportTimeoutMillis: -1,
        scheduledDelayMillis: 2.5,
        customResourceAttributes: { ok: 'yes', nested: { no: true }, list: [1] },
        unknownOption: true,
      }),
    ).toEqual([
      'serviceName: must not be empty',
      'tracingExporters[1].endpoint: must be an absolute http(s) URL such as http://localhost:4318, got "otel.company.com"',
      'tracingExporters[2].type: unknown exporter type "kafka"; use one of otlp_http, otlp_grpc, console, jaeger, zipkin, prometheus, none',
      'metricsExporters[0].timeoutMillis: must be at least 1, got 0',
      'traceSamplerRatio: must be between 0 and 1, got 1.5',
      'scheduledDelayMillis: must be a whole number, got 2.5',
      'exportTimeoutMillis: must be at least 1, got -1',
      'customResourceAttributes.nested: resource attribute values must be a string, a finite number or a boolean',
      'customResourceAttributes.list: resource attribute values must be a string, a finite number or a boolean',
      'unknownOption: unknown option "unknownOption"',
    ]);
  });

  it('rejects a batch size larger than the queue', () => {
    expect(issuesOf({ serviceName: 's', maxExportBatchSize: 4096, maxQueueSize: 1024 })).toEqual([
      'maxExportBatchSize: must not exceed maxQueueSize (1024), got 4096',
    ]);
  });

  it("answers the seed's Jaeger agent endpoint (port 6831) with what to use instead", () => {
    expect(
      issuesOf({ serviceName: 's', tracingExporters: [{ type: 'jaeger', endpoint: 'jaeger.company.com:6831' }] }),
    ).toEqual([
      `tracingExporters[0].endpoint: Jaeger's Thrift agent port (6831/6832) is not supported: Jaeger ingests OTLP natively. ` +
        'Use "http://jaeger.company.com:4318/v1/traces" (OTLP/HTTP), or type otlp_grpc with "http://jaeger.company.com:4317"',
    ]);
  });

  it('never echoes a header value or an API key, whatever its shape', () => {
    const printed = issuesOf({
      serviceName: 's',
      tracingExporters: [
        { type: 'otlp_http', headers: 'Bearer sekrit-1' },
        { type: 'otlp_http', headers: { a: 42 } },
      ],
      metricsExporters: [{ type: 'otlp_http', endpoint: 'ftp://user:sekrit-2@host/x' }],
    }).join('\n');
    expect(printed).not.toMatch(/sekrit/);
    expect(printed).toContain('tracingExporters[0].headers: must be an object of header names to string values');
  });

  it('rejects input that is not an object', () => {
    expect(issuesOf('svc')).toEqual([': must be a configuration object with at least serviceName']);
  });
});

describe('high-cardinality resource attributes', () => {
  it('warns (does not fail) for per-request or per-user attributes and very long values', () => {
    const warnings: string[] = [];
    const config = defineOtelConfig(
      {
        serviceName: 's',
        customResourceAttributes: { 'user.id': 'u-1', request_id: 'r', note: 'x'.repeat(300), team: 'core' },
      },
      { env, onWarning: (message) => warnings.push(message) },
    );
    expect(config.customResourceAttributes['team']).toBe('core');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/customResourceAttributes\.user\.id looks high-cardinality/);
  });

  it('emits a process warning with a code by default', () => {
    const emit = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      defineOtelConfig({ serviceName: 's', customResourceAttributes: { 'session.id': 'abc' } }, { env });
      expect(emit).toHaveBeenCalledWith(expect.stringMatching(/session\.id/), { code: 'DOTMAC_OBS_HIGH_CARDINALITY' });
    } finally {
      emit.mockRestore();
    }
  });
});
