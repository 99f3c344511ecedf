import type { HealthReporter } from '@dotmac/obs-config/core';
import { aggregate } from './aggregate.js';
import { HEALTH_CONTENT_TYPES, respond } from './format.js';
import { createHealthChecker, resolveArgs } from './observability-health.js';
import type {
  HealthCheck,
  HealthHandler,
  HealthHandlerOptions,
  HealthResponse,
  ObservabilityHealth,
  ReadinessHandler,
  ReadinessHandlerOptions,
} from './types.js';

/** Default result cache of the handlers, in milliseconds. */
export const DEFAULT_HEALTH_CACHE_TTL_MS = 1000;

const FALLBACK: HealthResponse = Object.freeze({
  statusCode: 503,
  headers: Object.freeze({ 'content-type': HEALTH_CONTENT_TYPES.text, 'cache-control': 'no-store' }),
  body: 'health evaluation failed\n',
});

/**
 * A framework-neutral health endpoint over the observability components: `(request?) => Promise<{ statusCode,
 * headers, body }>`, 200 when healthy or degraded, 503 when unhealthy. JSON in the seed's shape by default,
 * `application/health+json` when the `Accept` header asks for it, Kubernetes-style text with `?verbose`.
 * Results are cached for `cacheTtlMs` (default 1000 ms) so that probe storms run the checks once.
 *
 * @example
 * ```ts
 * const handler = createHealthEndpointHandler({ otel, metrics, tenantMetrics });
 * http.createServer(async (req, res) => {
 *   const { statusCode, headers, body } = await handler({ url: req.url, headers: req.headers });
 *   res.writeHead(statusCode, headers).end(body);
 * });
 * ```
 */
export function createHealthEndpointHandler(options: HealthHandlerOptions): HealthHandler;
export function createHealthEndpointHandler(
  otel?: HealthReporter,
  metrics?: HealthReporter,
  tenantMetrics?: HealthReporter,
  options?: HealthHandlerOptions,
): HealthHandler;
export function createHealthEndpointHandler(...args: unknown[]): HealthHandler {
  return buildHandler(resolveArgs<HealthHandlerOptions>(args), 'healthz', () => undefined);
}

/**
 * A readiness endpoint (`/readyz`): the same checks as {@link createHealthEndpointHandler}, but once
 * `beginShutdown()` is called or `options.signal` aborts it answers 503 at once, so load balancers stop routing.
 *
 * @example
 * ```ts
 * const readyz = createReadinessHandler({ otel, metrics });
 * process.once('SIGTERM', () => readyz.beginShutdown());
 * ```
 */
export function createReadinessHandler(options: ReadinessHandlerOptions): ReadinessHandler;
export function createReadinessHandler(
  otel?: HealthReporter,
  metrics?: HealthReporter,
  tenantMetrics?: HealthReporter,
  options?: ReadinessHandlerOptions,
): ReadinessHandler;
export function createReadinessHandler(...args: unknown[]): ReadinessHandler {
  const options = resolveArgs<ReadinessHandlerOptions>(args);
  let shuttingDown = options.signal?.aborted === true;
  options.signal?.addEventListener('abort', () => (shuttingDown = true), { once: true });
  const shutdown: HealthCheck = {
    name: 'shutdown',
    status: 'unhealthy',
    message: 'the process is shutting down',
    durationMs: 0,
    critical: true,
  };
  const handler = buildHandler(options, 'readyz', () => (shuttingDown ? aggregate([shutdown]) : undefined));
  return Object.defineProperties(handler, {
    beginShutdown: {
      value: () => {
        shuttingDown = true;
      },
    },
    shuttingDown: { get: () => shuttingDown },
  }) as ReadinessHandler;
}

/**
 * A liveness endpoint (`/livez`): never checks dependencies, answers 200 while the process can serve HTTP
 * (`[+]ping ok` with `?verbose`). Restarting a pod because a telemetry backend is down would not fix anything.
 */
export function createLivenessHandler(
  options: Pick<HealthHandlerOptions, 'format' | 'serviceId' | 'description'> = {},
): HealthHandler {
  const ping: HealthCheck = { name: 'ping', status: 'healthy', message: 'ok', durationMs: 0, critical: true };
  return async (request) => {
    try {
      return respond(aggregate([ping]), request, options, 'livez');
    } catch {
      return FALLBACK;
    }
  };
}

function buildHandler(
  options: HealthHandlerOptions,
  label: string,
  gate: () => ObservabilityHealth | undefined,
): HealthHandler {
  const check = createHealthChecker({ ...options, cacheTtlMs: options.cacheTtlMs ?? DEFAULT_HEALTH_CACHE_TTL_MS });
  return async (request) => {
    try {
      return respond(gate() ?? (await check()), request, options, label);
    } catch {
      return FALLBACK;
    }
  };
}
