import type { Context, Middleware } from 'koa';
import {
  createHttpRecorder,
  errorStatus,
  type HttpMetricsOptions,
  type HttpMetricsStats,
  now,
} from './http-metrics.js';

export type { HttpMetricsStats, HttpMetricsTarget } from './http-metrics.js';
export { OTHER_METHOD, UNMATCHED_ENDPOINT } from './http-metrics.js';

/** Options of `koaHttpMetrics`. */
export type KoaHttpMetricsOptions = HttpMetricsOptions<Context>;

/** Koa middleware recording the default HTTP metrics, with its counts. */
export type KoaHttpMetrics = Middleware & { readonly stats: HttpMetricsStats };

/**
 * The route template `@koa/router` matched (`ctx._matchedRoute`, prefixes of nested routers included),
 * else `ctx.routerPath`; `undefined` when no route matched.
 */
export function koaRoute(ctx: Context): string | undefined {
  const { _matchedRoute, routerPath } = ctx as { _matchedRoute?: unknown; routerPath?: unknown };
  if (typeof _matchedRoute === 'string') return _matchedRoute;
  return typeof routerPath === 'string' ? routerPath : undefined;
}

/**
 * Koa middleware (Koa 2 and 3) that records `http_requests_total` and `http_request_duration_seconds`.
 * Install it first so that it wraps the routers. A thrown error is recorded with its `status` when that is
 * a 4xx/5xx code (`ctx.throw(404)`), else 500, and re-thrown for Koa's error handling.
 *
 * @example
 * ```ts
 * import { koaHttpMetrics } from '@dotmac/obs-metrics/koa';
 *
 * app.use(koaHttpMetrics({ registry, ignorePaths: ['/metrics'] }));
 * app.use(router.routes());
 * ```
 */
export function koaHttpMetrics(options: KoaHttpMetricsOptions): KoaHttpMetrics {
  const recorder = createHttpRecorder(options);

  const middleware: Middleware = async (ctx, next) => {
    if (recorder.ignores(ctx.path)) {
      await next();
      return;
    }
    const start = now();
    try {
      await next();
    } catch (error) {
      recorder.record(ctx, ctx.method, errorStatus(error), start, () => koaRoute(ctx));
      throw error;
    }
    recorder.record(ctx, ctx.method, ctx.status, start, () => koaRoute(ctx));
  };

  return Object.assign(middleware, { stats: recorder.stats });
}
