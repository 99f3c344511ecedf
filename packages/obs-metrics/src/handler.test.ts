import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleValue } from './__fixtures__/parse-exposition.js';
import { createMetricsHandler } from './handler.js';
import { initializeMetricsRegistry } from './registry.js';

/** Serves `handler` from a real node:http server on 127.0.0.1. */
async function serve(
  handler: ReturnType<typeof createMetricsHandler>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const { statusCode, headers, body } = await handler(req);
    res.writeHead(statusCode, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('createMetricsHandler', () => {
  const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw' });
  registry.incrementCounter('http_requests_total', 2, { method: 'GET', endpoint: '/', status_code: '200' });

  it('serves the Prometheus text format over real HTTP', async () => {
    const server = await serve(createMetricsHandler(registry));
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(sampleValue(await response.text(), 'http_requests_total', { endpoint: '/' })).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('negotiates OpenMetrics from the Accept header, as Prometheus sends it', async () => {
    const server = await serve(createMetricsHandler(registry));
    try {
      const response = await fetch(server.url, {
        headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' },
      });
      expect(response.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
      expect((await response.text()).endsWith('# EOF\n')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('accepts a Fetch Request, a plain object or nothing', async () => {
    const handle = createMetricsHandler(registry);
    const fromRequest = await handle(
      new Request('http://x/metrics', { headers: { accept: 'application/openmetrics-text' } }),
    );
    expect(fromRequest.headers['content-type']).toContain('openmetrics');
    expect((await handle({ headers: { accept: 'text/plain' } })).headers['content-type']).toContain('text/plain');
    expect((await handle()).statusCode).toBe(200);
  });

  it('answers 404 when Prometheus is disabled and 500 (without throwing) when collection fails', async () => {
    const off = initializeMetricsRegistry('svc', { enablePrometheus: false });
    expect((await createMetricsHandler(off)(undefined)).statusCode).toBe(404);
    const broken = initializeMetricsRegistry('svc');
    broken.getPrometheusMetrics = () => Promise.reject(new Error('boom'));
    const response = await createMetricsHandler(broken)();
    expect(response).toMatchObject({ statusCode: 500, body: 'Metrics collection failed.\n' });
  });
});
