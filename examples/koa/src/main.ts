// DotMac Observability on Koa 3 with @koa/router: `pnpm --filter @dotmac/example-koa start`.
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
import { koaHttpMetrics, toKoaMiddleware } from '@dotmac/observability/koa';
import Router from '@koa/router';
import Koa from 'koa';

const serviceName = 'example-koa';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;

// Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics.
const otel = initializeOtel(createDefaultConfig(serviceName, environment));
const metrics = initializeMetricsRegistry(serviceName);
metrics.setOtelMeter(otel.meter);
const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });

const components = { otel, metrics, tenantMetrics };
const readiness = createReadinessHandler(components);
const serveMetrics = createMetricsHandler(metrics);

const router = new Router();
router.get<object, { params: { id: string } }>('/users/:id', (ctx) => {
  const { id } = ctx.params;
  ctx.body = withSpan('load-user', (span) => {
    span.setAttribute('user.id', id);
    return { id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId };
  });
});
router.post<object, { params: { tenantId: string } }>('/tenants/:tenantId/orders', (ctx) => {
  const { tenantId } = ctx.params;
  tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
  ctx.status = 201;
  ctx.body = { tenantId, status: 'accepted' };
});
router.get('/metrics', async (ctx) => {
  const { statusCode, headers, body } = await serveMetrics(ctx.req);
  ctx.status = statusCode;
  ctx.set(headers);
  ctx.body = body;
});
router.get('/health/observability', toKoaMiddleware(createHealthEndpointHandler(components)));
router.get('/livez', toKoaMiddleware(createLivenessHandler()));
router.get('/readyz', toKoaMiddleware(readiness));

const app = new Koa();
// Before the router: every request is recorded, labelled with the route @koa/router matched (`/users/:id`).
app.use(koaHttpMetrics({ registry: metrics, ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'] }));
app.use(router.routes());
app.use(router.allowedMethods());

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
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
