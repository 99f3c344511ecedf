import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthHandler, HealthResponse } from './types.js';

// handlers.ts has the same answer; sharing it would put a common chunk under every import('@dotmac/obs-health').
const FAILED: HealthResponse = {
  statusCode: 503,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: 'health evaluation failed\n',
};

/**
 * Wraps a health handler as a `node:http` request listener (also usable as a `connect` middleware).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createHealthEndpointHandler } from '@dotmac/obs-health';
 * import { toNodeHttpHandler } from '@dotmac/obs-health/node-http';
 *
 * const health = toNodeHttpHandler(createHealthEndpointHandler({ otel, metrics, tenantMetrics }));
 * createServer((req, res) => (req.url?.startsWith('/health') ? health(req, res) : app(req, res))).listen(8080);
 * ```
 */
export function toNodeHttpHandler(handler: HealthHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler({ url: req.url, headers: req.headers }).then(
      (response) => write(res, response),
      () => write(res, FAILED),
    );
  };
}

function write(res: ServerResponse, { statusCode, headers, body }: HealthResponse): void {
  if (res.headersSent) return;
  res.writeHead(statusCode, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
