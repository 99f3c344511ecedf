import type { HealthHandler } from './types.js';

/** The parts of a Hono context the adapter reads (structural: Hono is not imported). */
export interface HonoLikeContext {
  readonly req: {
    readonly url: string;
    header(): Record<string, string>;
  };
}

/**
 * Wraps a health handler as a Hono route handler returning a web `Response` (any runtime Hono runs on).
 *
 * @example
 * ```ts
 * import { toHonoHandler } from '@dotmac/obs-health/hono';
 * app.get('/health/observability', toHonoHandler(createHealthEndpointHandler({ otel, metrics })));
 * ```
 */
export function toHonoHandler(handler: HealthHandler): (c: HonoLikeContext) => Promise<Response> {
  return async (c) => {
    const { statusCode, headers, body } = await handler({ url: c.req.url, headers: c.req.header() });
    return new Response(body, { status: statusCode, headers });
  };
}
