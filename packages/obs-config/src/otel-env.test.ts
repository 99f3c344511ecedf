import { ConfigError } from './config-error.js';
import { createDefaultConfig } from './create-default-config.js';
import { defineOtelConfig } from './define-config.js';

const fromEnv = (env: Record<string, string>, environment: 'production' | 'development' = 'production') =>
  createDefaultConfig({ serviceName: 'code-name', environment, env });

const problems = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('OTEL_* environment variables', () => {
  it('OTEL_SERVICE_NAME and OTEL_SERVICE_VERSION fill what code leaves out', () => {
    const config = createDefaultConfig({ env: { OTEL_SERVICE_NAME: 'env-svc', OTEL_SERVICE_VERSION: '3.0.0' } });
    expect(config.serviceName).toBe('env-svc');
    expect(config.serviceVersion).toBe('3.0.0');
  });

  it('code wins over the environment, which wins over the preset', () => {
    const env = { OTEL_SERVICE_NAME: 'env-svc', OTEL_TRACES_SAMPLER_ARG: '0.3', OTEL_BSP_MAX_QUEUE_SIZE: '9000' };
    const config = createDefaultConfig({ serviceName: 'code-svc', environment: 'production', env, maxQueueSize: 5000 });
    expect(config.serviceName).toBe('code-svc');
    expect(config.traceSamplerRatio).toBe(0.3); // env over the preset's 0.1
    expect(config.maxQueueSize).toBe(5000); // code over env
  });

  it('OTEL_RESOURCE_ATTRIBUTES is percent-decoded, and OTEL_SERVICE_NAME wins over its service.name', () => {
    const config = createDefaultConfig({
      env: {
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=attr-svc,team=core%20platform, region = eu%2Cwest ,service.version=9',
        OTEL_SERVICE_NAME: 'named-svc',
      },
    });
    expect(config.serviceName).toBe('named-svc');
    expect(config.serviceVersion).toBe('9');
    expect(config.customResourceAttributes).toEqual({ team: 'core platform', region: 'eu,west' });
  });

  it('takes service.name from OTEL_RESOURCE_ATTRIBUTES when OTEL_SERVICE_NAME is absent', () => {
    expect(createDefaultConfig({ env: { OTEL_RESOURCE_ATTRIBUTES: 'service.name=attr-svc' } }).serviceName).toBe(
      'attr-svc',
    );
  });

  it('merges resource attributes key by key: code over environment', () => {
    const config = createDefaultConfig({
      serviceName: 's',
      customResourceAttributes: { team: 'code' },
      env: { OTEL_RESOURCE_ATTRIBUTES: 'team=env,region=eu' },
    });
    expect(config.customResourceAttributes).toEqual({ team: 'code', region: 'eu' });
  });

  it('treats blank values as unset', () => {
    const config = fromEnv({ OTEL_SERVICE_NAME: '  ', OTEL_TRACES_SAMPLER_ARG: '', OTEL_TRACES_EXPORTER: ' ' });
    expect(config.serviceName).toBe('code-name');
    expect(config.traceSamplerRatio).toBe(0.1);
    expect(config.tracingExporters.map((e) => e.type)).toEqual(['otlp_http']);
  });

  it('OTEL_EXPORTER_OTLP_ENDPOINT is the base: each signal gets its /v1 path', () => {
    const config = fromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.company.com/' });
    expect(config.tracingExporters[0]?.endpoint).toBe('https://otel.company.com/v1/traces');
    expect(config.metricsExporters[0]?.endpoint).toBe('https://otel.company.com/v1/metrics');
    expect(config.loggingExporters[0]?.endpoint).toBe('https://otel.company.com/v1/logs');
  });

  it('per-signal endpoints are used as they are and win over the base', () => {
    const config = fromEnv({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://base.example.com',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/custom',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://metrics.example.com/m',
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'https://logs.example.com/l',
    });
    expect(config.tracingExporters[0]?.endpoint).toBe('https://traces.example.com/custom');
    expect(config.metricsExporters[0]?.endpoint).toBe('https://metrics.example.com/m');
    expect(config.loggingExporters[0]?.endpoint).toBe('https://logs.example.com/l');
  });

  it('an endpoint written in code wins over every environment endpoint', () => {
    const config = defineOtelConfig(
      { serviceName: 's', tracingExporters: [{ type: 'otlp_http', endpoint: 'https://code.example.com/v1/traces' }] },
      { env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://env.example.com/t' } },
    );
    expect(config.tracingExporters[0]?.endpoint).toBe('https://code.example.com/v1/traces');
  });

  it('OTEL_EXPORTER_OTLP_HEADERS are decoded and merged under the headers written in code', () => {
    const config = defineOtelConfig(
      { serviceName: 's', tracingExporters: [{ type: 'otlp_http', headers: { 'x-team': 'code' } }] },
      { env: { OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc,x-team=env' } },
    );
    expect({ ...config.tracingExporters[0]?.headers }).toEqual({ Authorization: 'Bearer abc', 'x-team': 'code' });
  });

  it('OTEL_EXPORTER_OTLP_PROTOCOL=grpc switches preset exporters to gRPC on port 4317', () => {
    const config = fromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
    expect(config.tracingExporters[0]).toEqual({ type: 'otlp_grpc', endpoint: 'http://localhost:4317' });
  });

  it('OTEL_EXPORTER_OTLP_PROTOCOL=http/json selects JSON for OTLP/HTTP exporters', () => {
    expect(fromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).tracingExporters[0]?.protocol).toBe('http/json');
  });

  it('OTEL_EXPORTER_OTLP_TIMEOUT and _COMPRESSION apply to OTLP exporters', () => {
    const exporter = fromEnv({ OTEL_EXPORTER_OTLP_TIMEOUT: '2500', OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip' })
      .tracingExporters[0];
    expect(exporter).toMatchObject({ timeoutMillis: 2500, compression: 'gzip' });
  });

  it.each([
    ['always_on', undefined, 1],
    ['always_off', undefined, 0],
    ['traceidratio', '0.25', 0.25],
    ['parentbased_traceidratio', '0.05', 0.05],
    ['parentbased_always_on', undefined, 1],
    ['parentbased_always_off', undefined, 0],
  ])('OTEL_TRACES_SAMPLER=%s (arg %s) gives ratio %d', (sampler, arg, ratio) => {
    const env: Record<string, string> = { OTEL_TRACES_SAMPLER: sampler };
    if (arg) env['OTEL_TRACES_SAMPLER_ARG'] = arg;
    expect(fromEnv(env).traceSamplerRatio).toBe(ratio);
  });

  it('OTEL_{TRACES,METRICS,LOGS}_EXPORTER pick exporters; none means no exporter', () => {
    const config = fromEnv(
      { OTEL_TRACES_EXPORTER: 'otlp,zipkin', OTEL_METRICS_EXPORTER: 'prometheus', OTEL_LOGS_EXPORTER: 'none' },
      'development',
    );
    expect(config.tracingExporters.map((e) => e.type)).toEqual(['otlp_http', 'zipkin']);
    expect(config.metricsExporters.map((e) => e.type)).toEqual(['prometheus']);
    expect(config.loggingExporters).toEqual([]);
  });

  it('OTEL_SDK_DISABLED=true disables the SDK; false leaves it enabled', () => {
    expect(fromEnv({ OTEL_SDK_DISABLED: 'TRUE' }).sdkDisabled).toBe(true);
    expect(fromEnv({ OTEL_SDK_DISABLED: 'false' }).sdkDisabled).toBe(false);
  });

  it('OTEL_BSP_* and OTEL_METRIC_EXPORT_INTERVAL set the batch and export settings', () => {
    const config = fromEnv({
      OTEL_BSP_SCHEDULE_DELAY: '250',
      OTEL_BSP_EXPORT_TIMEOUT: '7000',
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '50',
      OTEL_METRIC_EXPORT_INTERVAL: '15000',
    });
    expect(config).toMatchObject({
      scheduledDelayMillis: 250,
      exportTimeoutMillis: 7000,
      maxQueueSize: 100,
      maxExportBatchSize: 50,
      metricExportIntervalMillis: 15000,
    });
  });

  it('reports every malformed variable at once, with its name and value', () => {
    const found = problems(() =>
      fromEnv({
        OTEL_TRACES_SAMPLER_ARG: 'abc',
        OTEL_TRACES_SAMPLER: 'xray',
        OTEL_BSP_MAX_QUEUE_SIZE: '-5',
        OTEL_SDK_DISABLED: 'yes',
        OTEL_TRACES_EXPORTER: 'otlp,carrier-pigeon',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'udp',
        OTEL_RESOURCE_ATTRIBUTES: 'team=a,broken',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url',
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'OTEL_TRACES_SAMPLER_ARG: "abc": not a number',
        expect.stringMatching(/^OTEL_TRACES_SAMPLER: "xray" is not supported/),
        'OTEL_BSP_MAX_QUEUE_SIZE: "-5": must be a whole number of at least 1',
        'OTEL_SDK_DISABLED: "yes": must be "true" or "false"',
        expect.stringMatching(/^OTEL_TRACES_EXPORTER: "carrier-pigeon" is not an exporter/),
        expect.stringMatching(/^OTEL_EXPORTER_OTLP_PROTOCOL: "udp": use one of grpc/),
        expect.stringMatching(/^OTEL_RESOURCE_ATTRIBUTES: entry 2 \("broken"\) is not key=value/),
        'OTEL_EXPORTER_OTLP_ENDPOINT: "not a url": must be an absolute http(s) URL',
      ]),
    );
  });

  it('OTEL_TRACES_SAMPLER_ARG outside 0..1 is an error', () => {
    expect(problems(() => fromEnv({ OTEL_TRACES_SAMPLER_ARG: '1.5' }))).toEqual([
      'OTEL_TRACES_SAMPLER_ARG: "1.5": must be between 0 and 1',
    ]);
  });

  it('never prints OTEL_EXPORTER_OTLP_HEADERS values, even malformed ones', () => {
    const message = problems(() =>
      fromEnv({ OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20s3cr3t,s3cr3t-token' }),
    );
    expect(message.join('\n')).not.toMatch(/s3cr3t/);
    expect(message).toEqual(['OTEL_EXPORTER_OTLP_HEADERS: entry 2 is not key=value with percent-encoding']);
  });

  it('treats names of Object.prototype members as unknown samplers and exporters', () => {
    expect(problems(() => fromEnv({ OTEL_TRACES_SAMPLER: 'constructor', OTEL_TRACES_EXPORTER: '__proto__' }))).toEqual([
      expect.stringMatching(/^OTEL_TRACES_SAMPLER: "constructor" is not supported/),
      expect.stringMatching(/^OTEL_TRACES_EXPORTER: "__proto__" is not an exporter/),
    ]);
  });

  it('reads process.env by default', () => {
    process.env['OTEL_SERVICE_NAME'] = 'from-process-env';
    try {
      expect(createDefaultConfig({}).serviceName).toBe('from-process-env');
    } finally {
      delete process.env['OTEL_SERVICE_NAME'];
    }
  });
});
