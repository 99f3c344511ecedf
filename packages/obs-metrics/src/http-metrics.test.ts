import { createServer, type IncomingMessage } from 'node:http';
import { baseUrl, createTestRegistry, requestCounts, send, until } from './__fixtures__/http-fixtures.js';
import { createHttpRecorder, errorStatus, methodLabel, now, pathOf, UNMATCHED_ENDPOINT } from './http-metrics.js';
import { compileRoutes } from './http-route-match.js';
import { initializeMetricsRegistry } from './index.js';
import { withHttpMetrics } from './node-http.js';

describe('HTTP middleware never breaks the host app', () => {
  it('answers normally and counts the failure when the registry refuses the sample', async () => {
    // No default metrics and onInvalid 'throw': every recording throws a MetricsError.
    const registry = initializeMetricsRegistry('strict', { registerDefaultMetrics: false, onInvalid: 'throw' });
    const errors: unknown[] = [];
    const instrumented = withHttpMetrics((_req, res) => res.end('ok'), {
      registry,
      onError: (error) => errors.push(error),
    });
    const server = createServer(instrumented);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await send(baseUrl(server.address()), ['GET /a', 'GET /b'])).toEqual([200, 200]);
    await until(() => instrumented.stats.failed === 2);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(instrumented.stats).toEqual({ recorded: 0, ignored: 0, failed: 2 });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ code: 'METRICS_INVALID_SAMPLE' });
  });

  it('warns once by default, and survives a throwing route resolver and a throwing onError', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const registry = createTestRegistry();
      const quiet = createHttpRecorder<string>({
        registry,
        resolveRoute: () => {
          throw new Error('resolver bug');
        },
      });
      quiet.record('req', 'GET', 200, now(), () => '/x');
      quiet.record('req', 'GET', 200, now(), () => '/x');
      expect(quiet.stats.failed).toBe(2);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[1]).toEqual({ code: 'DOTMAC_HTTP_METRICS_FAILED' });

      const loud = createHttpRecorder<string>({
        registry,
        resolveRoute: () => {
          throw new Error('resolver bug');
        },
        onError: () => {
          throw new Error('callback bug');
        },
      });
      expect(() => loud.record('req', 'GET', 200, now(), () => '/x')).not.toThrow();
      expect(loud.stats.failed).toBe(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('route resolution options', () => {
  it('prefers resolveRoute, falls back to the framework route, then to the unmatched endpoint', async () => {
    const registry = createTestRegistry();
    const recorder = createHttpRecorder<IncomingMessage | string>({
      registry,
      resolveRoute: (req) => (req === 'custom' ? '/custom/:id' : undefined),
      unmatchedEndpoint: 'other',
    });
    recorder.record('custom', 'GET', 200, now(), () => '/framework');
    recorder.record('plain', 'GET', 200, now(), () => '/framework');
    recorder.record('plain', 'GET', 404, now(), () => undefined);
    recorder.record('plain', 'GET', 404, now(), () => '');
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual({
      'GET /custom/:id 200': 1,
      'GET /framework 200': 1,
      'GET other 404': 2,
    });
    expect(UNMATCHED_ENDPOINT).toBe('__unmatched__');
  });

  it('ignores exact paths and paths matching a RegExp, and counts them', () => {
    const recorder = createHttpRecorder({ registry: createTestRegistry(), ignorePaths: ['/metrics', /^\/health/] });
    expect([
      recorder.ignores('/metrics'),
      recorder.ignores('/health/live'),
      recorder.ignores('/metrics/x'),
      recorder.ignores('/users'),
    ]).toEqual([true, true, false, false]);
    expect(recorder.stats.ignored).toBe(2);
  });
});

describe('label helpers', () => {
  it('upper-cases standard methods and folds unknown ones into _OTHER', () => {
    expect(['get', 'PATCH', 'PROPFIND', undefined].map(methodLabel)).toEqual(['GET', 'PATCH', '_OTHER', '_OTHER']);
  });

  it('takes a 4xx/5xx status from a thrown error, else 500', () => {
    expect(
      [{ status: 404 }, { statusCode: 503 }, { status: 200 }, { status: 404.5 }, 'text', null].map(errorStatus),
    ).toEqual([404, 503, 500, 500, 500, 500]);
  });

  it('strips query strings and fragments from paths', () => {
    expect(['/a?b=1', '/a#x', '/a', undefined].map(pathOf)).toEqual(['/a', '/a', '/a', '/']);
  });

  it('matches route templates segment by segment, first match wins', () => {
    const match = compileRoutes(['/users/me', '/users/:id', '/static/*']);
    expect(
      ['/users/me', '/users/7', '/users/7/', '/users/7/posts', '/users', '/static/a/b.css', '/other'].map(match),
    ).toEqual(['/users/me', '/users/:id', '/users/:id', undefined, undefined, '/static/*', undefined]);
  });
});
