// DotMac Observability on plain node:http: `pnpm --filter @dotmac/example-node-http start`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDefaultConfig,
  createHealthEndpointHandler,
  createLivenessHandler,
  createMetricsHandler,
  createReadinessHandler,
  type Environment,
  getCurrentSpanContext,
  initializeMetricsRegistry,
  initializeOtel,
  initializeTenantMetrics,
  withSpan,
} from '@dotmac/observability';
import { toNodeHttpHandler, withHttpMetrics } from '@dotmac/observability/node-http';

const serviceName = 'example-node-http';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;

// Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics.
const otel = initializeOtel(createDefaultConfig(serviceName, environment));
const metrics = initializeMetricsRegistry(serviceName);
metrics.setOtelMeter(otel.meter);
const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });

const components = { otel, metrics, tenantMetrics };
const readiness = createReadinessHandler(components);
const serveMetrics = createMetricsHandler(metrics);
const probes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/health/observability': toNodeHttpHandler(createHealthEndpointHandler(components)),
  '/livez': toNodeHttpHandler(createLivenessHandler()),
  '/readyz': toNodeHttpHandler(readiness),
};

function json(res: ServerResponse, statusCode: number, body: unknown): void {
  res.writeHead(statusCode, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// node:http has no router: match the paths here and give the same templates to withHttpMetrics below.
async function app(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const probe = probes[pathname];
  if (probe && req.method === 'GET') return probe(req, res);

  if (pathname === '/metrics' && req.method === 'GET') {
    const { statusCode, headers, body } = await serveMetrics(req);
    res.writeHead(statusCode, headers).end(body);
    return;
  }

  const user = /^\/users\/([^/]+)$/.exec(pathname);
  if (user?.[1] && req.method === 'GET') {
    const id = decodeURIComponent(user[1]);
    const body = withSpan('load-user', (span) => {
      span.setAttribute('user.id', id);
      return { id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId };
    });
    return json(res, 200, body);
  }

  const order = /^\/tenants\/([^/]+)\/orders$/.exec(pathname);
  if (order?.[1] && req.method === 'POST') {
    const tenantId = decodeURIComponent(order[1]);
    tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
    return json(res, 201, { tenantId, status: 'accepted' });
  }

  json(res, 404, { error: 'not found' });
}

const server = createServer(
  withHttpMetrics(app, {
    registry: metrics,
    routes: ['/users/:id', '/tenants/:tenantId/orders'],
    ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'],
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const { port: bound } = server.address() as AddressInfo;
  console.log(`${serviceName} listening on http://${host}:${bound}`);
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  readiness.beginShutdown(); // /readyz answers 503 from now on
  await new Promise<void>((resolve) => server.close(() => resolve())); // finish in-flight requests
  await otel.shutdown(); // flush pending spans, metrics and logs
  console.log(`${serviceName} stopped`);
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));
