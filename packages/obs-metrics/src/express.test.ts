import type { Server } from 'node:http';
import express from 'express';
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
import { expressHttpMetrics } from './express.js';

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('expressHttpMetrics with a real Express 5 server', () => {
  const registry = createTestRegistry();
  const metrics = expressHttpMetrics({ registry, ignorePaths: ['/metrics'] });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(metrics);
    app.get('/users/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    app.post('/users', (_req, res) => {
      res.status(201).end();
    });
    app.get('/slow', async (_req, res) => {
      await pause();
      res.send('slow');
    });
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/metrics', async (_req, res) => {
      res.type(registry.prometheusContentType).send(await registry.getPrometheusMetrics());
    });
    const api = express.Router();
    api.get('/items/:itemId', (req, res) => {
      res.json({ id: req.params.itemId });
    });
    api.get('/fail', async () => {
      throw new Error('rejected in a sub-router');
    });
    app.use('/api', api);
    server = await listen(app);
    base = baseUrl(server.address());
    expect(await send(base, [...SCENARIO, 'GET /api/fail'])).toEqual([...SCENARIO_STATUSES, 500]);
    await until(() => metrics.stats.recorded === 9);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('labels requests with route templates, sub-router prefixes, one unmatched endpoint and 500 for throws and rejections', async () => {
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual({
      ...SCENARIO_COUNTS,
      'GET /api/fail 500': 1,
    });
  });

  it('records one duration per request, at least as long as the handler took', async () => {
    const text = await registry.getPrometheusMetrics();
    expect(durationCounts(text)).toEqual({ ...SCENARIO_DURATION_COUNTS, 'GET /api/fail': 1 });
    expect(durationSum(text, 'GET /slow')).toBeGreaterThanOrEqual((SLOW_MS - 2) / 1000);
  });

  it('counts recorded and ignored requests', () => {
    expect(metrics.stats).toEqual({ recorded: 9, ignored: 1, failed: 0 });
  });
});
