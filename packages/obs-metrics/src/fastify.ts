import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { createHttpRecorder, type HttpMetricsOptions, type HttpMetricsStats, now, pathOf } from './http-metrics.js';

export type { HttpMetricsStats, HttpMetricsTarget } from './http-metrics.js';
export { OTHER_METHOD, UNMATCHED_ENDPOINT } from './http-metrics.js';

/** Options of `fastifyHttpMetrics`. */
export type FastifyHttpMetricsOptions = HttpMetricsOptions<FastifyRequest>;

/** A Fastify plugin recording the default HTTP metrics, with its counts. */
export type FastifyHttpMetrics = FastifyPluginCallback & { readonly stats: HttpMetricsStats };

/**
 * The route template Fastify matched, prefixes included (`request.routeOptions.url`, or `routerPath` on Fastify 4
 * versions without it); `undefined` for 404s.
 */
export function fastifyRoute(request: FastifyRequest): string | undefined {
  return request.routeOptions?.url ?? (request as { routerPath?: string }).routerPath;
}

/**
 * A Fastify plugin (Fastify 4 and 5) that records `http_requests_total` and `http_request_duration_seconds`
 * from `onRequest`/`onResponse` hooks. Like a `fastify-plugin` plugin it is not encapsulated, so it applies to
 * every route of the instance it is registered on, including those of prefixed child plugins. The endpoint
 * is `request.routeOptions.url` (prefix included, `/api/users/:id`); 404s share `unmatchedEndpoint`.
 *
 * @example
 * ```ts
 * import { fastifyHttpMetrics } from '@dotmac/obs-metrics/fastify';
 *
 * await app.register(fastifyHttpMetrics({ registry, ignorePaths: ['/metrics'] }));
 * ```
 */
export function fastifyHttpMetrics(options: FastifyHttpMetricsOptions): FastifyHttpMetrics {
  const recorder = createHttpRecorder(options);
  const starts = new WeakMap<FastifyRequest, number>();

  const plugin: FastifyPluginCallback = (instance, _opts, done) => {
    instance.addHook('onRequest', (request, _reply, next) => {
      if (!recorder.ignores(pathOf(request.url))) starts.set(request, now());
      next();
    });
    instance.addHook('onResponse', (request, reply, next) => {
      const start = starts.get(request);
      if (start !== undefined) {
        starts.delete(request);
        recorder.record(request, request.method, reply.statusCode, start, () => fastifyRoute(request));
      }
      next();
    });
    done();
  };

  // What `fastify-plugin` sets: the hooks apply outside this plugin's encapsulation context.
  Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: '@dotmac/obs-metrics',
    [Symbol.for('plugin-meta')]: { name: '@dotmac/obs-metrics', fastify: '>=4' },
  });
  return Object.assign(plugin, { stats: recorder.stats });
}
