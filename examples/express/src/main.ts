// DotMac Observability on Express 5: `pnpm --filter @dotmac/example-express start`.
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
import { expressHttpMetrics, toExpressHandler } from '@dotmac/observability/express';
import express from 'express';

const serviceName = 'example-express';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;

// Tracing first, then the metrics registry (also exported through OpenTelemetry), then tenant SLO metrics.
const otel = initializeOtel(createDefaultConfig(serviceName, environment));
const metrics = initializeMetricsRegistry(serviceName);
metrics.setOtelMeter(otel.meter);
const tenantMetrics = initializeTenantMetrics({ serviceName, metricsRegistry: metrics });

const components = { otel, metrics, tenantMetrics };
const readiness = createReadinessHandler(components);
const serveMetrics = createMetricsHandler(metrics);

const app = express();
// First middleware: every request is recorded, labelled with the route template (`/users/:id`).
app.use(
  expressHttpMetrics({ registry: metrics, ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'] }),
);

app.get('/users/:id', (req, res) => {
  const { id } = req.params;
  const user = withSpan('load-user', (span) => {
    span.setAttribute('user.id', id);
    return { id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId };
  });
  res.json(user);
});

app.post('/tenants/:tenantId/orders', (req, res) => {
  const { tenantId } = req.params;
  tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
  res.status(201).json({ tenantId, status: 'accepted' });
});

app.get('/metrics', async (req, res) => {
  const { statusCode, headers, body } = await serveMetrics(req);
  res.status(statusCode).set(headers).send(body);
});
app.get('/health/observability', toExpressHandler(createHealthEndpointHandler(components)));
app.get('/livez', toExpressHandler(createLivenessHandler()));
app.get('/readyz', toExpressHandler(readiness));

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
