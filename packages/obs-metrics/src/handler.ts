import type { MetricsRegistry } from './registry.js';

/** Any request-ish object: Node's `IncomingMessage`, a Fetch `Request`, `{ headers: { accept } }`, or nothing. */
export type MetricsRequest =
  | {
      readonly headers?:
        | Readonly<Record<string, string | readonly string[] | undefined>>
        | { get(name: string): string | null };
    }
  | undefined;

/** A framework-neutral HTTP response. */
export interface MetricsResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function acceptOf(request: MetricsRequest): string {
  const headers = request?.headers;
  if (headers === undefined || headers === null) return '';
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get('accept') ?? '';
  }
  const value = (headers as Record<string, string | readonly string[] | undefined>).accept;
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
}

/**
 * A `/metrics` handler for any framework: negotiates OpenMetrics or the Prometheus text format from `Accept`,
 * never throws (a failure answers 500).
 *
 * @example
 * ```ts
 * const handle = createMetricsHandler(metrics);
 * app.get('/metrics', async (req, res) => {
 *   const { statusCode, headers, body } = await handle(req);
 *   res.writeHead(statusCode, headers).end(body);
 * });
 * ```
 */
export function createMetricsHandler(
  registry: MetricsRegistry,
): (request?: MetricsRequest) => Promise<MetricsResponse> {
  return async (request) => {
    if (!registry.prometheusEnabled) {
      return {
        statusCode: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'Prometheus exposition is disabled (enablePrometheus: false).\n',
      };
    }
    const openMetrics = acceptOf(request).includes('application/openmetrics-text');
    try {
      const body = await registry.getPrometheusMetrics({ openMetrics });
      return {
        statusCode: 200,
        headers: {
          'content-type': openMetrics ? registry.openMetricsContentType : registry.prometheusContentType,
          'cache-control': 'no-store',
        },
        body,
      };
    } catch {
      return {
        statusCode: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'Metrics collection failed.\n',
      };
    }
  };
}
