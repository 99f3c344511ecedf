import { initializeMetrics, initializeOtel } from '@dotmac/observability/legacy';

describe('@dotmac/observability/legacy', () => {
  const warnings: { message: string; type?: string; code?: string }[] = [];
  let emit: jest.SpyInstance;
  beforeEach(() => {
    emit = jest.spyOn(process, 'emitWarning').mockImplementation(((
      message: string,
      options?: { type?: string; code?: string },
    ) => {
      warnings.push({ message, ...options });
    }) as typeof process.emitWarning);
  });
  afterEach(() => emit.mockRestore());

  it('initializeOtel(serviceName, environment) warns once with a code, then delegates to the new API', async () => {
    const first = initializeOtel('legacy-service', 'test');
    await first.shutdown();
    const second = initializeOtel('legacy-service-2', 'test');
    try {
      expect(first.config.serviceName).toBe('legacy-service');
      expect(first.config.environment).toBe('test');
      expect(second.config.serviceName).toBe('legacy-service-2');
      const otelWarnings = warnings.filter((w) => w.code === 'DOTMAC_OBS_LEGACY_INITIALIZE_OTEL');
      expect(otelWarnings).toHaveLength(1);
      expect(otelWarnings[0]).toMatchObject({ type: 'DeprecationWarning' });
      expect(otelWarnings[0]?.message).toMatch(/initializeOtel\(createDefaultConfig\(serviceName, environment\)\)/);
    } finally {
      await second.shutdown();
    }
  });

  it('initializeMetrics(serviceName) warns once, then returns a metrics registry with the default metrics', async () => {
    const registry = initializeMetrics('legacy-metrics');
    initializeMetrics('legacy-metrics-2');
    expect(warnings.filter((w) => w.code === 'DOTMAC_OBS_LEGACY_INITIALIZE_METRICS')).toHaveLength(1);
    registry.incrementCounter('http_requests_total', 1, { method: 'GET', endpoint: '/', status_code: '200' });
    expect(await registry.getPrometheusMetrics()).toMatch(/http_requests_total\{[^}]*method="GET"[^}]*\} 1/);
  });
});
