import type { HealthHandler, HealthRequest } from './types.js';

/** The parts of a Fastify request the adapter reads (structural: Fastify is not imported). */
export interface FastifyLikeRequest {
  readonly url: string;
  readonly headers: NonNullable<HealthRequest['headers']>;
}

/** The parts of a Fastify reply the adapter writes. */
export interface FastifyLikeReply {
  code(statusCode: number): unknown;
  headers(values: Record<string, string>): unknown;
  send(payload: string): unknown;
}

/**
 * Wraps a health handler as a Fastify route handler.
 *
 * @example
 * ```ts
 * import { toFastifyHandler } from '@dotmac/obs-health/fastify';
 * fastify.get('/health/observability', toFastifyHandler(createHealthEndpointHandler({ otel, metrics })));
 * ```
 */
export function toFastifyHandler(
  handler: HealthHandler,
): (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown> {
  return async (request, reply) => {
    const { statusCode, headers, body } = await handler({ url: request.url, headers: request.headers });
    reply.code(statusCode);
    reply.headers(headers);
    return reply.send(body);
  };
}
