// DotMac Observability on Hono 4 with @hono/node-server: `pnpm --filter @dotmac/example-hono start`.

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
import { honoHttpMetrics, toHonoHandler } from '@dotmac/observability/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const serviceName = 'example-hono';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;

// Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics.
const otel = initializeOtel(createDefaultConfig(serviceName, environment));
const metrics = initializeMetricsRegistry(serviceName);
metrics.setOtelMeter(otel.meter);
const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });

const components = { otel, metrics, tenantMetrics };
const readiness = createReadinessHandler(components);
const serveMetrics = createMetricsHandler(metrics);

const app = new Hono();
// First middleware: every request is recorded, labelled with the route that answered (`/users/:id`).
app.use(
  '*',
  honoHttpMetrics({ registry: metrics, ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'] }),
);

app.get('/users/:id', (c) => {
  const id = c.req.param('id');
  return withSpan('load-user', (span) => {
    span.setAttribute('user.id', id);
    return c.json({ id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId });
  });
});

app.post('/tenants/:tenantId/orders', (c) => {
  const tenantId = c.req.param('tenantId');
  tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
  return c.json({ tenantId, status: 'accepted' }, 201);
});

app.get('/metrics', async (c) => {
  const { statusCode, headers, body } = await serveMetrics(c.req.raw);
  return new Response(body, { status: statusCode, headers });
});
app.get('/health/observability', toHonoHandler(createHealthEndpointHandler(components)));
app.get('/livez', toHonoHandler(createLivenessHandler()));
app.get('/readyz', toHonoHandler(readiness));

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`${serviceName} listening on http://${hostname}:${info.port}`);
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
