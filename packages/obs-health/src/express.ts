import type { HealthHandler, HealthRequest } from './types.js';

/** The parts of an Express request the adapter reads (structural: Express is not imported). */
export interface ExpressLikeRequest {
  readonly originalUrl?: string;
  readonly url?: string;
  readonly headers: NonNullable<HealthRequest['headers']>;
}

/** The parts of an Express response the adapter writes. */
export interface ExpressLikeResponse {
  readonly headersSent?: boolean;
  status(code: number): unknown;
  set(headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/**
 * Wraps a health handler as an Express route handler (Express 4 and 5).
 *
 * @example
 * ```ts
 * import { toExpressHandler } from '@dotmac/obs-health/express';
 * app.get('/health/observability', toExpressHandler(createHealthEndpointHandler({ otel, metrics, tenantMetrics })));
 * app.get('/readyz', toExpressHandler(readyz));
 * ```
 */
export function toExpressHandler(
  handler: HealthHandler,
): (req: ExpressLikeRequest, res: ExpressLikeResponse, next?: (error?: unknown) => void) => void {
  return (req, res, next) => {
    handler({ url: req.originalUrl ?? req.url, headers: req.headers }).then(
      ({ statusCode, headers, body }) => {
        if (res.headersSent) return;
        res.status(statusCode);
        res.set(headers);
        res.end(body);
      },
      (error: unknown) => next?.(error),
    );
  };
}
