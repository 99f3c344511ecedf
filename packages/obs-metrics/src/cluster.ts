import cluster from 'node:cluster';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ObservabilityError } from '@dotmac/obs-config';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsResponse } from './handler.js';

export type { MetricsResponse } from './handler.js';

/** Thrown when the cluster helpers are used in the wrong process. */
export class ClusterMetricsError extends ObservabilityError {}

/** What the cluster helpers need from a registry: its own prom-client `Registry` (a `MetricsRegistry` fits). */
export interface ClusterMetricsSource {
  readonly promRegistry: Registry;
}

const workerRegistries: Registry[] = [];

/**
 * In a node:cluster worker, answers the primary's requests for metrics with this registry's series
 * (several registries may be added). Does nothing outside a worker, so it can be called unconditionally.
 * Returns whether the registry was added.
 *
 * @example
 * ```ts
 * const registry = initializeMetricsRegistry('api');
 * registerClusterWorker(registry);
 * ```
 */
export function registerClusterWorker(registry: ClusterMetricsSource): boolean {
  if (!cluster.isWorker) return false;
  if (!workerRegistries.includes(registry.promRegistry)) workerRegistries.push(registry.promRegistry);
  AggregatorRegistry.setRegistries(workerRegistries);
  // Constructing one installs prom-client's worker-side message listener (idempotent).
  new AggregatorRegistry();
  return true;
}

/** The aggregated metrics of every worker, served by the primary. */
export interface ClusterMetrics {
  /** The text exposition summed over all connected workers (`''` when none is connected). */
  metrics(): Promise<string>;
  /** The `Content-Type` of `metrics()`. */
  readonly contentType: string;
  /** A framework-neutral handler, like `createMetricsHandler`'s: never rejects (a failure answers 500). */
  handle(): Promise<MetricsResponse>;
  /** A node:http (and Express-compatible) request listener answering with `handle()`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * On the node:cluster primary, aggregates the metrics of all workers that called `registerClusterWorker`,
 * with prom-client's `AggregatorRegistry`: counters, histograms and gauges are summed by label set unless a
 * metric declares another aggregator. A worker that does not answer within prom-client's 5 s makes the
 * scrape fail (status 500) rather than return partial sums.
 * Only workers' registries are aggregated, not the primary's own.
 *
 * @example
 * ```ts
 * if (cluster.isPrimary) {
 *   const clusterMetrics = createClusterMetrics();
 *   http.createServer(clusterMetrics.listener).listen(9464);
 *   for (let i = 0; i < 4; i++) cluster.fork();
 * }
 * ```
 */
export function createClusterMetrics(): ClusterMetrics {
  if (!cluster.isPrimary) {
    throw new ClusterMetricsError(
      'METRICS_CLUSTER_NOT_PRIMARY',
      'createClusterMetrics() was called in a cluster worker; call it in the primary (cluster.isPrimary) and ' +
        'registerClusterWorker(registry) in each worker.',
    );
  }
  const aggregator = new AggregatorRegistry();
  const metrics = (): Promise<string> => aggregator.clusterMetrics();
  const contentType = aggregator.contentType;

  const handle = async (): Promise<MetricsResponse> => {
    try {
      const body = await metrics();
      return { statusCode: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' }, body };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        statusCode: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `Cluster metrics collection failed: ${reason}\n`,
      };
    }
  };
  const listener = (_req: IncomingMessage, res: ServerResponse): void => {
    void handle().then(({ statusCode, headers, body }) => {
      res.writeHead(statusCode, headers).end(body);
    });
  };
  return { metrics, contentType, handle, listener };
}
