import { ConfigError } from './config-error.js';
import { Environment, ExporterType } from './constants.js';
import { createDefaultConfig } from './create-default-config.js';

const env = {};
const types = (list: readonly { type: string }[]) => list.map((exporter) => exporter.type);

describe('createDefaultConfig presets', () => {
  it('development: console exporters for every signal and every trace sampled', () => {
    const config = createDefaultConfig('my-service', 'development', { env });
    expect(config.environment).toBe('development');
    expect(types(config.tracingExporters)).toEqual([ExporterType.CONSOLE]);
    expect(types(config.metricsExporters)).toEqual([ExporterType.CONSOLE]);
    expect(types(config.loggingExporters)).toEqual([ExporterType.CONSOLE]);
    expect(config.traceSamplerRatio).toBe(1);
  });

  it('production: OTLP/HTTP exporters to the default collector and 10% sampling', () => {
    const config = createDefaultConfig('my-service', Environment.PRODUCTION, { env });
    expect(types(config.tracingExporters)).toEqual([ExporterType.OTLP_HTTP]);
    expect(config.tracingExporters[0]?.endpoint).toBe('http://localhost:4318/v1/traces');
    expect(config.metricsExporters[0]?.endpoint).toBe('http://localhost:4318/v1/metrics');
    expect(config.loggingExporters[0]?.endpoint).toBe('http://localhost:4318/v1/logs');
    expect(config.traceSamplerRatio).toBe(0.1);
    expect(config.maxExportBatchSize).toBeLessThanOrEqual(config.maxQueueSize);
  });

  it('staging: OTLP/HTTP with half the traces sampled', () => {
    const config = createDefaultConfig('my-service', 'staging', { env });
    expect(types(config.tracingExporters)).toEqual([ExporterType.OTLP_HTTP]);
    expect(config.traceSamplerRatio).toBe(0.5);
  });

  it('test: no exporter at all, so nothing leaves the process', () => {
    const config = createDefaultConfig('my-service', 'test', { env });
    expect([...config.tracingExporters, ...config.metricsExporters, ...config.loggingExporters]).toEqual([]);
    expect(config.traceSamplerRatio).toBe(1);
  });

  it('defaults to development when no environment is given', () => {
    expect(createDefaultConfig('my-service', undefined, { env }).environment).toBe('development');
  });
});

describe('createDefaultConfig overrides', () => {
  it('accepts the options-object form with the seed custom configuration', () => {
    const config = createDefaultConfig({
      serviceName: 'my-service',
      environment: 'production',
      serviceVersion: '2.1.0',
      customResourceAttributes: { 'deployment.mode': 'kubernetes', team: 'platform', region: 'us-west-2' },
      env,
    });
    expect(config.serviceVersion).toBe('2.1.0');
    expect(config.customResourceAttributes).toEqual({
      'deployment.mode': 'kubernetes',
      team: 'platform',
      region: 'us-west-2',
    });
  });

  it('lets code override every preset field', () => {
    const config = createDefaultConfig('svc', 'production', {
      env,
      traceSamplerRatio: 0.25,
      maxExportBatchSize: 64,
      maxQueueSize: 128,
      scheduledDelayMillis: 100,
      exportTimeoutMillis: 1000,
      metricExportIntervalMillis: 2000,
      tracingExporters: [{ type: 'console' }],
      enableLogging: false,
      sdkDisabled: true,
    });
    expect(config).toMatchObject({
      traceSamplerRatio: 0.25,
      maxExportBatchSize: 64,
      maxQueueSize: 128,
      scheduledDelayMillis: 100,
      exportTimeoutMillis: 1000,
      metricExportIntervalMillis: 2000,
      enableLogging: false,
      sdkDisabled: true,
    });
    expect(types(config.tracingExporters)).toEqual(['console']);
  });

  it('takes the service name from OTEL_SERVICE_NAME when code gives none', () => {
    expect(createDefaultConfig({ env: { OTEL_SERVICE_NAME: 'from-env' } }).serviceName).toBe('from-env');
  });

  it('reports a missing service name as a ConfigError with its path', () => {
    expect(() => createDefaultConfig({ env })).toThrow(ConfigError);
    expect(() => createDefaultConfig({ env })).toThrow(
      /serviceName: is required: set it in code or with OTEL_SERVICE_NAME/,
    );
  });

  it('rejects an unknown environment and names the valid ones', () => {
    expect(() => createDefaultConfig('svc', 'prod' as Environment, { env })).toThrow(
      /environment: unknown environment "prod"; use one of development, staging, production, test/,
    );
  });

  it('reports an environment named like an Object.prototype member as unknown, and nothing else', () => {
    expect(() => createDefaultConfig('svc', 'toString' as Environment, { env })).toThrow(
      /\(1 problem\):\n {2}- environment: unknown environment "toString"/,
    );
  });

  it('returns a deeply frozen configuration', () => {
    const config = createDefaultConfig('svc', 'production', { env });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.tracingExporters)).toBe(true);
    expect(Object.isFrozen(config.tracingExporters[0])).toBe(true);
    expect(Object.isFrozen(config.customResourceAttributes)).toBe(true);
  });

  it('builds independent configurations (no shared default objects)', () => {
    const a = createDefaultConfig('a', 'test', { env, customResourceAttributes: { team: 'a' } });
    const b = createDefaultConfig('b', 'test', { env });
    expect(a.customResourceAttributes).toEqual({ team: 'a' });
    expect(b.customResourceAttributes).toEqual({});
  });
});
