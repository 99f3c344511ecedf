import Fastify, { type FastifyInstance } from 'fastify';
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
import { fastifyHttpMetrics } from './fastify.js';

describe('fastifyHttpMetrics with a real Fastify 5 server', () => {
  const registry = createTestRegistry();
  const metrics = fastifyHttpMetrics({ registry, ignorePaths: ['/metrics'] });
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    // Registered as a plugin: its hooks must still see routes declared outside it and in prefixed children.
    await app.register(metrics);
    app.get('/users/:id', async (request) => ({ id: (request.params as { id: string }).id }));
    app.post('/users', async (_request, reply) => reply.code(201).send());
    app.get('/slow', async () => {
      await pause();
      return 'slow';
    });
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    app.get('/metrics', async (_request, reply) =>
      reply.type(registry.prometheusContentType).send(await registry.getPrometheusMetrics()),
    );
    await app.register(
      async (api) => {
        api.get('/items/:itemId', async (request) => ({ id: (request.params as { itemId: string }).itemId }));
      },
      { prefix: '/api' },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = baseUrl(app.server.address());
    expect(await send(base, SCENARIO)).toEqual(SCENARIO_STATUSES);
    await until(() => metrics.stats.recorded === 8);
  });

  afterAll(() => app.close());

  it('labels requests with route templates, plugin prefixes, one unmatched endpoint and 500 for throws', async () => {
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
