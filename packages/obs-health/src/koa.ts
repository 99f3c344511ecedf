import type { HealthHandler, HealthRequest } from './types.js';

/** The parts of a Koa context the adapter uses (structural: Koa is not imported). */
export interface KoaLikeContext {
  readonly url: string;
  readonly headers: NonNullable<HealthRequest['headers']>;
  status: number;
  body: unknown;
  set(headers: Record<string, string>): void;
}

/**
 * Wraps a health handler as a Koa middleware that answers every request it sees; mount it on a path with a router
 * or a `ctx.path` test.
 *
 * @example
 * ```ts
 * import { toKoaMiddleware } from '@dotmac/obs-health/koa';
 * const health = toKoaMiddleware(createHealthEndpointHandler({ otel, metrics }));
 * app.use((ctx, next) => (ctx.path === '/health/observability' ? health(ctx) : next()));
 * ```
 */
export function toKoaMiddleware(handler: HealthHandler): (ctx: KoaLikeContext) => Promise<void> {
  return async (ctx) => {
    const { statusCode, headers, body } = await handler({ url: ctx.url, headers: ctx.headers });
    ctx.status = statusCode;
    ctx.body = body;
    ctx.set(headers);
  };
}
