import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createHttpRecorder,
  type HttpMetricsOptions,
  type HttpMetricsStats,
  type HttpMetricsTarget,
  now,
  pathOf,
} from './http-metrics.js';
import { compileRoutes } from './http-route-match.js';

export { OTHER_METHOD, UNMATCHED_ENDPOINT } from './http-metrics.js';
export type { HttpMetricsOptions, HttpMetricsStats, HttpMetricsTarget };

/** A node:http request listener (its return value, e.g. a Promise, is passed through). */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Options of `withHttpMetrics`. */
export interface NodeHttpMetricsOptions extends HttpMetricsOptions<IncomingMessage> {
  /**
   * Route templates to label requests with, tried in order: `:name` matches one path segment, a final `*`
   * the rest (`['/users/:id', '/static/*']`). Paths matching none are labelled `unmatchedEndpoint`.
   */
  readonly routes?: readonly string[];
}

/** A request listener that records the default HTTP metrics, with the middleware's counts. */
export type InstrumentedListener<L extends NodeRequestListener> = L & { readonly stats: HttpMetricsStats };

/**
 * Wraps a node:http request listener so that every request records `http_requests_total` and
 * `http_request_duration_seconds` when its response finishes (or its connection closes).
 * If the listener throws or its Promise rejects before the response is finished, the request is recorded
 * with status 500 and the error is passed on unchanged (your own error handling still applies).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { withHttpMetrics } from '@dotmac/obs-metrics/node-http';
 *
 * createServer(withHttpMetrics(app, { registry, routes: ['/users/:id'], ignorePaths: ['/metrics'] }));
 * ```
 */
export function withHttpMetrics<L extends NodeRequestListener>(
  listener: L,
  options: NodeHttpMetricsOptions,
): InstrumentedListener<L> {
  const recorder = createHttpRecorder(options);
  const match = compileRoutes(options.routes ?? []);

  function instrumented(this: unknown, req: IncomingMessage, res: ServerResponse): unknown {
    const path = pathOf(req.url);
    if (recorder.ignores(path)) return listener.call(this, req, res);
    const start = now();
    let done = false;
    const finish = (status: number): void => {
      if (done) return;
      done = true;
      res.off('finish', onEnd);
      res.off('close', onEnd);
      recorder.record(req, req.method, status, start, () => match(path));
    };
    const onEnd = (): void => finish(res.statusCode);
    const onThrow = (): void => {
      if (!res.writableFinished) finish(res.headersSent ? res.statusCode : 500);
    };
    res.once('finish', onEnd);
    res.once('close', onEnd);

    let result: unknown;
    try {
      result = listener.call(this, req, res);
    } catch (error) {
      onThrow();
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(undefined, (error: unknown) => {
        onThrow();
        throw error;
      });
    }
    return result;
  }

  return Object.assign(instrumented as L, { stats: recorder.stats });
}
