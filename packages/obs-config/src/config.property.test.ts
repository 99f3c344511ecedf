import { inspect } from 'node:util';
import fc from 'fast-check';
import { ConfigError } from './config-error.js';
import { createDefaultConfig } from './create-default-config.js';
import { defineOtelConfig } from './define-config.js';

/** Secrets are placed where secrets live (header values, OTEL_EXPORTER_OTLP_HEADERS, API-key fields). */
const SECRET = 'Zq7-SECRET-9xK';
const keys = fc.constantFrom('type', 'endpoint', 'headers', 'timeoutMillis', 'serviceName', 'traceSamplerRatio', 'x');
const exporter = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('otlp_http', 'otlp_grpc', 'console', 'jaeger', 'zipkin', 'prometheus', 'none'),
      fc.string(),
    ),
    endpoint: fc.oneof(fc.webUrl(), fc.string(), fc.constant(`https://u:${SECRET}@h.example.com/v1/traces`)),
    headers: fc.oneof(
      fc.dictionary(fc.string(), fc.constant(SECRET)),
      fc.constant({ Authorization: `Bearer ${SECRET}` }),
      fc.dictionary(fc.string(), fc.jsonValue()),
    ),
    timeoutMillis: fc.oneof(fc.integer(), fc.double()),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const input = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(keys, fc.jsonValue()),
  fc.record(
    {
      serviceName: fc.oneof(fc.string(), fc.jsonValue()),
      environment: fc.oneof(fc.constantFrom('development', 'staging', 'production', 'test'), fc.string()),
      tracingExporters: fc.oneof(fc.array(exporter, { maxLength: 3 }), fc.jsonValue()),
      metricsExporters: fc.array(exporter, { maxLength: 2 }),
      traceSamplerRatio: fc.oneof(fc.double(), fc.jsonValue()),
      maxExportBatchSize: fc.oneof(fc.integer(), fc.jsonValue()),
      maxQueueSize: fc.integer(),
      customResourceAttributes: fc.dictionary(fc.string(), fc.jsonValue()),
      enableTracing: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);
const envName = fc.constantFrom(
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_TRACES_EXPORTER',
  'OTEL_SDK_DISABLED',
  'OTEL_BSP_MAX_QUEUE_SIZE',
  'OTEL_METRIC_EXPORT_INTERVAL',
);
const env = fc.record({
  vars: fc.dictionary(envName, fc.oneof(fc.string(), fc.constantFrom('0.5', 'true', 'otlp,console', 'grpc', '100'))),
  headers: fc.option(fc.constantFrom(`Authorization=Bearer%20${SECRET}`, `x=${SECRET},broken${SECRET}`, SECRET)),
});

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error; // any other exception fails the property
  }
}

function assertValidOrConfigError(result: unknown): void {
  if (result instanceof ConfigError) {
    expect(result.code).toBe('CONFIG_INVALID');
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.message).not.toContain(SECRET);
    return;
  }
  const config = result as Record<string, unknown>;
  expect(Object.isFrozen(config)).toBe(true);
  expect(typeof config['serviceName']).toBe('string');
  const ratio = config['traceSamplerRatio'] as number;
  expect(ratio >= 0 && ratio <= 1).toBe(true);
  expect(config['maxExportBatchSize'] as number).toBeLessThanOrEqual(config['maxQueueSize'] as number);
  expect(JSON.stringify(config)).not.toContain(SECRET);
  expect(inspect(config, { depth: 10 })).not.toContain(SECRET);
}

describe('configuration parsing, for any input and any environment', () => {
  it('defineOtelConfig returns a valid frozen config or throws a ConfigError, never leaking a secret', () => {
    fc.assert(
      fc.property(input, env, (value, { vars, headers }) => {
        const environment = { ...vars, ...(headers ? { OTEL_EXPORTER_OTLP_HEADERS: headers } : {}) };
        assertValidOrConfigError(
          outcome(() => defineOtelConfig(value as { serviceName: string }, { env: environment, onWarning: () => {} })),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('createDefaultConfig does the same for any options object', () => {
    fc.assert(
      fc.property(input, env, (value, { vars, headers }) => {
        const environment = { ...vars, ...(headers ? { OTEL_EXPORTER_OTLP_HEADERS: headers } : {}) };
        const options = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
        assertValidOrConfigError(
          outcome(() => createDefaultConfig({ ...(options as object), env: environment, onWarning: () => {} })),
        );
      }),
      { numRuns: 400 },
    );
  });
});
