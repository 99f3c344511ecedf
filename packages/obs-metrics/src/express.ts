import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHttpRecorder, type HttpMetricsOptions, type HttpMetricsStats, now, pathOf } from './http-metrics.js';

export type { HttpMetricsStats, HttpMetricsTarget } from './http-metrics.js';
export { OTHER_METHOD, UNMATCHED_ENDPOINT } from './http-metrics.js';

/** Options of `expressHttpMetrics`. */
export type ExpressHttpMetricsOptions = HttpMetricsOptions<Request>;

/** Express middleware recording the default HTTP metrics, with its counts. */
export type ExpressHttpMetrics = RequestHandler & { readonly stats: HttpMetricsStats };

function template(baseUrl: string | undefined, route: unknown): string | undefined {
  const path = (route as { path?: unknown } | undefined)?.path;
  if (path === undefined) return undefined;
  return `${baseUrl ?? ''}${typeof path === 'string' ? path : String(path)}` || '/';
}

/**
 * The route template Express matched: the mount path of the (sub-)router plus the route's path
 * (`req.baseUrl + req.route.path`, e.g. `/api/users/:id`); `undefined` when no route matched.
 * A router mounted on a path with parameters (`/orgs/:org`) shows its concrete value in `baseUrl`:
 * give such apps a `resolveRoute`.
 */
export function expressRoute(req: Request): string | undefined {
  return template(req.baseUrl, (req as { route?: unknown }).route);
}

/**
 * Remembers the template when the router sets `req.route`, while `req.baseUrl` is still the mount path of
 * the router that matched (Express resets it when an error leaves a sub-router).
 */
function captureRoute(req: Request): () => string | undefined {
  let route: unknown = (req as { route?: unknown }).route;
  let captured: string | undefined;
  try {
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set: (value: unknown) => {
        route = value;
        captured = template(req.baseUrl, value);
      },
    });
  } catch {
    // Not redefinable here: fall back to reading req.route at the end.
  }
  return () => captured ?? expressRoute(req);
}

/**
 * Express middleware (Express 4 and 5) that records `http_requests_total` and `http_request_duration_seconds`
 * when each response finishes. Install it first, with `app.use`, so that it sees every request; errors
 * that Express turns into a 500 are recorded as 500.
 *
 * @example
 * ```ts
 * import { expressHttpMetrics } from '@dotmac/obs-metrics/express';
 *
 * app.use(expressHttpMetrics({ registry, ignorePaths: ['/metrics', '/health'] }));
 * ```
 */
export function expressHttpMetrics(options: ExpressHttpMetricsOptions): ExpressHttpMetrics {
  const recorder = createHttpRecorder(options);

  const middleware: RequestHandler = (req: Request, res: Response, next: NextFunction): void => {
    if (recorder.ignores(pathOf(req.originalUrl))) {
      next();
      return;
    }
    const start = now();
    const route = captureRoute(req);
    let done = false;
    const onEnd = (): void => {
      if (done) return;
      done = true;
      res.off('finish', onEnd);
      res.off('close', onEnd);
      recorder.record(req, req.method, res.statusCode, start, route);
    };
    res.once('finish', onEnd);
    res.once('close', onEnd);
    next();
  };

  return Object.assign(middleware, { stats: recorder.stats });
}
