import type { Context, MiddlewareHandler } from 'hono';
import { createHttpRecorder, type HttpMetricsOptions, type HttpMetricsStats, now } from './http-metrics.js';

export type { HttpMetricsStats, HttpMetricsTarget } from './http-metrics.js';
export { OTHER_METHOD, UNMATCHED_ENDPOINT } from './http-metrics.js';

/** Options of `honoHttpMetrics`. */
export type HonoHttpMetricsOptions = HttpMetricsOptions<Context>;

/** Hono middleware recording the default HTTP metrics, with its counts. */
export type HonoHttpMetrics = MiddlewareHandler & { readonly stats: HttpMetricsStats };

interface RouteInfo {
  readonly path: string;
  readonly method: string;
}

/** What this module reads of `c.req` (public in Hono 4, without loading `hono/route` at run time). */
interface RoutedRequest {
  readonly routeIndex: number;
  readonly matchedRoutes: readonly RouteInfo[];
}

/**
 * The template of the route that handled the request (`/api/users/:id`, base paths of `app.route()` included),
 * as `routePath(c)` of `hono/route` gives it in the last handler; `undefined` when only middleware ran.
 * `ownIndex` is the route index of the metrics middleware itself.
 */
export function honoRoute(c: Context, ownIndex = -1): string | undefined {
  const req = c.req as unknown as RoutedRequest;
  const index = req.routeIndex;
  const route = req.matchedRoutes[index];
  if (route === undefined || index === ownIndex) return undefined;
  // Another catch-all middleware ran last and nothing answered: still a 404 of no route.
  if (c.res.status === 404 && route.method === 'ALL' && route.path.endsWith('*')) return undefined;
  return route.path;
}

/**
 * Hono middleware (Hono 4, any runtime) that records `http_requests_total` and `http_request_duration_seconds`.
 * Install it first with `app.use('*', ...)`. Errors answered by `app.onError` are recorded with its status
 * (500 by default); an error that escapes Hono is recorded as 500 and re-thrown.
 *
 * @example
 * ```ts
 * import { honoHttpMetrics } from '@dotmac/obs-metrics/hono';
 *
 * app.use('*', honoHttpMetrics({ registry, ignorePaths: ['/metrics'] }));
 * ```
 */
export function honoHttpMetrics(options: HonoHttpMetricsOptions): HonoHttpMetrics {
  const recorder = createHttpRecorder(options);

  const middleware: MiddlewareHandler = async (c, next) => {
    if (recorder.ignores(c.req.path)) {
      await next();
      return;
    }
    const start = now();
    const ownIndex = (c.req as unknown as RoutedRequest).routeIndex;
    try {
      await next();
    } catch (error) {
      recorder.record(c, c.req.method, 500, start, () => honoRoute(c, ownIndex));
      throw error;
    }
    recorder.record(c, c.req.method, c.res.status, start, () => honoRoute(c, ownIndex));
  };

  return Object.assign(middleware, { stats: recorder.stats });
}
