import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHealthEndpointHandler,
  createLivenessHandler,
  createMetricsHandler,
  createReadinessHandler,
  getCurrentSpanContext,
  type MetricsRegistry,
  type OtelBootstrap,
  type TenantMetrics,
  withSpan,
} from '@dotmac/observability';
import { toNodeHttpHandler, withHttpMetrics } from '@dotmac/observability/node-http';
import { sampleLatency, TENANTS } from './traffic.js';

export interface DemoService {
  readonly server: Server;
  readonly url: string;
  readonly beginShutdown: () => void;
}

const OPERATION_SLO: Record<string, string> = {
  login: 'login_success_rate',
  provision: 'service_provisioning_success_rate',
};

/** The demo's multi-tenant service: a tiny API plus /metrics, /health/observability, /livez, /readyz and /slo. */
export async function startService(
  otel: OtelBootstrap,
  metrics: MetricsRegistry,
  tenantMetrics: TenantMetrics,
  port: number,
): Promise<DemoService> {
  const components = { otel, metrics, tenantMetrics };
  const health = toNodeHttpHandler(createHealthEndpointHandler(components));
  const livez = toNodeHttpHandler(createLivenessHandler());
  const readiness = createReadinessHandler(components);
  const readyz = toNodeHttpHandler(readiness);
  const metricsHandler = createMetricsHandler(metrics);

  async function app(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo');
    const route = url.pathname;
    if (route === '/metrics') {
      const answer = await metricsHandler({ headers: { accept: req.headers.accept ?? '' } });
      res.writeHead(answer.statusCode, answer.headers).end(answer.body);
    } else if (route === '/health/observability') await health(req, res);
    else if (route === '/livez') await livez(req, res);
    else if (route === '/readyz') await readyz(req, res);
    else if (route === '/slo') json(res, 200, sloView(tenantMetrics));
    else if (route.startsWith('/api/')) await apiCall(url, tenantMetrics, res);
    else json(res, 404, { error: 'not found' });
  }

  const server = createServer(
    withHttpMetrics(app, {
      registry: metrics,
      routes: ['/api/:tenant/:operation'],
      ignorePaths: ['/metrics', '/livez', '/readyz'],
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${bound}`, beginShutdown: () => readiness.beginShutdown() };
}

async function apiCall(url: URL, tenantMetrics: TenantMetrics, res: ServerResponse): Promise<void> {
  const [, , tenantId = '', operation = ''] = url.pathname.split('/');
  const tenant = TENANTS.find((t) => t.tenantId === tenantId);
  if (!tenant) return json(res, 404, { error: `unknown tenant ${tenantId}` });
  const progress = Number(url.searchParams.get('p') ?? 0);
  const context = { tenantId, service: 'demo-api', region: tenant.region };
  await withSpan(`POST /api/:tenant/${operation}`, async (span) => {
    span.setAttribute('tenant.id', tenantId);
    const latency = sampleLatency(tenant.latencyMs(progress));
    await new Promise((resolve) => setTimeout(resolve, latency / 25)); // time compressed 25×
    const ok = Math.random() >= tenant.errorRate(progress);
    tenantMetrics.recordBusinessMetric('api_request_success_rate', ok, context);
    tenantMetrics.recordBusinessMetric('api_response_latency', latency, context);
    tenantMetrics.recordBusinessMetric('database_query_latency', sampleLatency(latency / 8), context);
    const slo = OPERATION_SLO[operation];
    if (slo) tenantMetrics.recordBusinessMetric(slo, ok, context);
    json(res, ok ? 200 : 500, { ok, tenantId, operation, traceId: getCurrentSpanContext()?.traceId });
  });
}

/** Every tenant's SLO evaluations, as served on /slo. */
export function sloView(tenantMetrics: TenantMetrics): Record<string, unknown> {
  return Object.fromEntries(TENANTS.map((t) => [t.tenantId, tenantMetrics.evaluateSlos({ tenantId: t.tenantId })]));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
