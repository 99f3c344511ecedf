import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  baseUrl,
  createTestRegistry,
  durationCounts,
  durationSum,
  pause,
  requestCounts,
  SCENARIO,
  SCENARIO_COUNTS,
  SCENARIO_DURATION_COUNTS,
  SCENARIO_STATUSES,
  SLOW_MS,
  send,
} from './__fixtures__/http-fixtures.js';
import { honoHttpMetrics } from './hono.js';

describe('honoHttpMetrics with a real Hono 4 app on @hono/node-server', () => {
  const registry = createTestRegistry();
  const metrics = honoHttpMetrics({ registry, ignorePaths: ['/metrics'] });
  let server: ServerType;

  beforeAll(async () => {
    const app = new Hono();
    app.use('*', metrics);
    // A second catch-all middleware after ours: 404s must still share the unmatched endpoint.
    app.use('*', async (_c, next) => {
      await next();
    });
    app.get('/users/:id', (c) => c.json({ id: c.req.param('id') }));
    app.post('/users', (c) => c.body(null, 201));
    app.get('/slow', async (c) => {
      await pause();
      return c.text('slow');
    });
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/metrics', async (c) =>
      c.body(await registry.getPrometheusMetrics(), 200, { 'Content-Type': registry.prometheusContentType }),
    );
    const api = new Hono();
    api.get('/items/:itemId', (c) => c.json({ id: c.req.param('itemId') }));
    app.route('/api', api);
    app.onError((_error, c) => c.text('internal error', 500));
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = baseUrl(server.address());
    expect(await send(base, SCENARIO)).toEqual(SCENARIO_STATUSES);
  });

  afterAll(async () => {
    (server as Server).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('labels requests with route templates, app.route() prefixes, one unmatched endpoint and 500 for throws', async () => {
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual(SCENARIO_COUNTS);
  });

  it('records one duration per request, at least as long as the handler took', async () => {
    const text = await registry.getPrometheusMetrics();
    expect(durationCounts(text)).toEqual(SCENARIO_DURATION_COUNTS);
    expect(durationSum(text, 'GET /slow')).toBeGreaterThanOrEqual((SLOW_MS - 2) / 1000);
  });

  it('counts recorded and ignored requests', () => {
    expect(metrics.stats).toEqual({ recorded: 8, ignored: 1, failed: 0 });
  });
});
