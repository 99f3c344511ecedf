// DotMac Observability on Fastify 5: `pnpm --filter @dotmac/example-fastify start`.
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
import { fastifyHttpMetrics, toFastifyHandler } from '@dotmac/observability/fastify';
import Fastify from 'fastify';

const serviceName = 'example-fastify';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;

// Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics.
const otel = initializeOtel(createDefaultConfig(serviceName, environment));
const metrics = initializeMetricsRegistry(serviceName);
metrics.setOtelMeter(otel.meter);
const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });

const components = { otel, metrics, tenantMetrics };
const readiness = createReadinessHandler(components);
const serveMetrics = createMetricsHandler(metrics);

const app = Fastify();
// Not encapsulated: covers every route of this instance, labelled with its template (`/users/:id`).
await app.register(
  fastifyHttpMetrics({ registry: metrics, ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'] }),
);

app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
  const { id } = request.params;
  return withSpan('load-user', (span) => {
    span.setAttribute('user.id', id);
    return { id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId };
  });
});

app.post<{ Params: { tenantId: string } }>('/tenants/:tenantId/orders', async (request, reply) => {
  const { tenantId } = request.params;
  tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
  return reply.code(201).send({ tenantId, status: 'accepted' });
});

app.get('/metrics', async (request, reply) => {
  const { statusCode, headers, body } = await serveMetrics(request);
  return reply.code(statusCode).headers(headers).send(body);
});
app.get('/health/observability', toFastifyHandler(createHealthEndpointHandler(components)));
app.get('/livez', toFastifyHandler(createLivenessHandler()));
app.get('/readyz', toFastifyHandler(readiness));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const address = await app.listen({ port, host });
console.log(`${serviceName} listening on ${address}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  readiness.beginShutdown(); // /readyz answers 503 from now on
  await app.close(); // finish in-flight requests
  await otel.shutdown(); // flush pending spans, metrics and logs
  console.log(`${serviceName} stopped`);
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));
