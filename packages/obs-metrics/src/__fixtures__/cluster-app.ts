// A node:cluster app for cluster.test.ts, run with `node --import tsx`: the primary forks two workers that
// serve HTTP on one shared port with the node:http middleware and each record a known count of jobs;
// the primary serves the aggregated metrics and prints `READY <metricsPort> <appPort>` once both workers are up.
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClusterMetrics, registerClusterWorker } from '../cluster.js';
import { initializeMetricsRegistry } from '../index.js';
import { withHttpMetrics } from '../node-http.js';

const WORKERS = 2;

if (cluster.isPrimary) {
  const clusterMetrics = createClusterMetrics();
  const appPorts: number[] = [];
  let metricsServer: Server | undefined;
  for (let i = 1; i <= WORKERS; i++) {
    cluster.fork({ WORKER_INDEX: String(i) }).on('message', (message: { port?: number }) => {
      if (typeof message.port !== 'number') return;
      appPorts.push(message.port);
      if (appPorts.length < WORKERS) return;
      const server = createServer(clusterMetrics.listener);
      metricsServer = server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        process.stdout.write(`READY ${port} ${appPorts[0]}\n`);
      });
    });
  }
  process.on('SIGTERM', () => {
    metricsServer?.close();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const index = Number(process.env.WORKER_INDEX);
  const registry = initializeMetricsRegistry('cluster-test');
  registerClusterWorker(registry);
  registry.registerMetric({ name: 'jobs_processed_total', type: 'counter', description: 'Jobs', labels: ['queue'] });
  registry.incrementCounter('jobs_processed_total', index * 10, { queue: 'email' });
  const app = withHttpMetrics(
    (_req, res) => {
      res.end(`worker ${index}`);
    },
    { registry, routes: ['/users/:id'] },
  );
  const server = createServer(app).listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on('disconnect', () => process.exit(0));
}
