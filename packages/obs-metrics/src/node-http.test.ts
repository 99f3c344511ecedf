import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
import { type NodeRequestListener, withHttpMetrics } from './node-http.js';

/** A router-less app answering the shared scenario; `/boom` rejects. */
async function app(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'GET' && /^\/(users|api\/items)\/[^/]+$/.test(path)) {
    res.end('{}');
  } else if (req.method === 'POST' && path === '/users') {
    res.writeHead(201).end();
  } else if (path === '/slow') {
    await pause();
    res.end('slow');
  } else if (path === '/boom') {
    throw new Error('boom');
  } else if (path === '/metrics') {
    res.end('metrics');
  } else {
    res.writeHead(404).end();
  }
}

describe('withHttpMetrics on a real node:http server', () => {
  const registry = createTestRegistry();
  const instrumented = withHttpMetrics(app, {
    registry,
    routes: ['/users/:id', '/users', '/api/items/:itemId', '/slow', '/boom'],
    ignorePaths: ['/metrics'],
  });
  const rethrown: string[] = [];
  let server: Server;

  beforeAll(async () => {
    // The application's own error handling: the wrapper must pass errors through unchanged.
    server = createServer((req, res) => {
      const fail = (error: unknown): void => {
        rethrown.push((error as Error).message);
        res.writeHead(500).end();
      };
      try {
        (instrumented(req, res) as Promise<void>).catch(fail);
      } catch (error) {
        fail(error);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = baseUrl(server.address());
    expect(await send(base, SCENARIO)).toEqual(SCENARIO_STATUSES);
    await until(() => instrumented.stats.recorded === 8);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('labels requests with the configured route templates, one unmatched endpoint and 500 for rejections', async () => {
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual(SCENARIO_COUNTS);
    expect(rethrown).toEqual(['boom']);
  });

  it('records one duration per request, at least as long as the listener took', async () => {
    const text = await registry.getPrometheusMetrics();
    expect(durationCounts(text)).toEqual(SCENARIO_DURATION_COUNTS);
    expect(durationSum(text, 'GET /slow')).toBeGreaterThanOrEqual((SLOW_MS - 2) / 1000);
  });

  it('counts recorded and ignored requests', () => {
    expect(instrumented.stats).toEqual({ recorded: 8, ignored: 1, failed: 0 });
  });
});

describe('withHttpMetrics with a synchronous listener that throws', () => {
  it('records 500 and re-throws the same error to the caller', async () => {
    const registry = createTestRegistry();
    const error = new Error('sync boom');
    const failing: NodeRequestListener = () => {
      throw error;
    };
    const instrumented = withHttpMetrics(failing, { registry, routes: ['/sync-boom'] });
    let caught: unknown;
    const server = createServer((req, res) => {
      try {
        instrumented(req, res);
      } catch (thrown) {
        caught = thrown;
        res.writeHead(503).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await send(baseUrl(server.address()), ['PUT /sync-boom'])).toEqual([503]);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(caught).toBe(error);
    expect(requestCounts(await registry.getPrometheusMetrics())).toEqual({ 'PUT /sync-boom 500': 1 });
  });
});
