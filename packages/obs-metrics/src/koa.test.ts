import type { Server } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
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
  until,
} from './__fixtures__/http-fixtures.js';
import { koaHttpMetrics } from './koa.js';

describe('koaHttpMetrics with a real Koa 3 server and @koa/router', () => {
  const registry = createTestRegistry();
  const metrics = koaHttpMetrics({ registry, ignorePaths: ['/metrics'] });
  let server: Server;

  beforeAll(async () => {
    const app = new Koa();
    app.silent = true;
    app.use(metrics);
    const router = new Router();
    router.get('/users/:id', (ctx) => {
      ctx.body = { id: ctx.params.id };
    });
    router.post('/users', (ctx) => {
      ctx.status = 201;
    });
    router.get('/slow', async (ctx) => {
      await pause();
      ctx.body = 'slow';
    });
    router.get('/boom', () => {
      throw new Error('boom');
    });
    router.get('/missing/:id', (ctx) => ctx.throw(404, 'no such thing'));
    router.get('/metrics', async (ctx) => {
      ctx.type = registry.prometheusContentType;
      ctx.body = await registry.getPrometheusMetrics();
    });
    const api = new Router();
    api.get('/items/:itemId', (ctx) => {
      ctx.body = { id: ctx.params.itemId };
    });
    router.use('/api', api.routes());
    app.use(router.routes());
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = baseUrl(server.address());
    expect(await send(base, [...SCENARIO, 'GET /missing/7'])).toEqual([...SCENARIO_STATUSES, 404]);
    await until(() => metrics.stats.recorded === 9);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('labels requests with route templates, nested router prefixes, one unmatched endpoint and error statuses', async () => {
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual({
      ...SCENARIO_COUNTS,
      'GET /missing/:id 404': 1,
    });
  });

  it('records one duration per request, at least as long as the handler took', async () => {
    const text = await registry.getPrometheusMetrics();
    expect(durationCounts(text)).toEqual({ ...SCENARIO_DURATION_COUNTS, 'GET /missing/:id': 1 });
    expect(durationSum(text, 'GET /slow')).toBeGreaterThanOrEqual((SLOW_MS - 2) / 1000);
  });

  it('counts recorded and ignored requests', () => {
    expect(metrics.stats).toEqual({ recorded: 9, ignored: 1, failed: 0 });
  });
});
