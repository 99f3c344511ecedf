import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createMetricsHandler } from './handler.js';
import { initializeMetricsRegistry } from './registry.js';
import { MetricType } from './types.js';

/** A port that was free a moment ago (Prometheus needs one on its command line). */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(
  base: string,
  promql: string,
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as {
    data?: { result?: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data?.result ?? [];
}

describe('a real Prometheus scraping the handler', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-metrics-prom-'));
  const accepts: string[] = [];
  const registry = initializeMetricsRegistry('svc', { onInvalid: 'throw', defaultLabels: { service: 'svc' } });
  registry.registerMetric({ name: 'jobs_seconds', type: MetricType.SUMMARY, description: 'Jobs', labels: ['kind'] });
  registry.registerMetric({ name: 'queue_depth', type: MetricType.UP_DOWN_COUNTER, description: 'Depth' });
  registry.incrementCounter('http_requests_total', 7, { method: 'GET', endpoint: '/users/:id', status_code: '200' });
  for (const v of [0.02, 0.3, 0.3])
    registry.observeHistogram('http_request_duration_seconds', v, { method: 'GET', endpoint: '/' });
  for (let i = 1; i <= 10; i++) registry.observeSummary('jobs_seconds', i, { kind: 'mail' });
  registry.addUpDownCounter('queue_depth', -4);
  const handle = createMetricsHandler(registry);
  const server = http.createServer(async (req, res) => {
    accepts.push(String(req.headers.accept));
    const { statusCode, headers, body } = await handle(req);
    res.writeHead(statusCode, headers).end(body);
  });
  let prometheus: ChildProcess | undefined;

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ingests every type, negotiating OpenMetrics, with the values recorded', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const promPort = await freePort();
    const config = `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ['${target}']\n`;
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), config);
    prometheus = spawn(
      '/usr/bin/prometheus',
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
      ],
      { stdio: 'ignore' },
    );
    const base = `http://127.0.0.1:${promPort}`;
    const deadline = Date.now() + 30_000;
    let up: Awaited<ReturnType<typeof query>> = [];
    while (Date.now() < deadline) {
      up = await query(base, 'up{job="app"} == 1 and on() (count(http_requests_total) > 0)').catch(() => []);
      if (up.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(up).toHaveLength(1);
    expect(accepts.some((a) => a.includes('application/openmetrics-text'))).toBe(true);

    const value = async (promql: string) => Number((await query(base, promql))[0]?.value[1]);
    expect(await value('http_requests_total{endpoint="/users/:id",service="svc"}')).toBe(7);
    expect(await value('http_request_duration_seconds_bucket{le="0.25"}')).toBe(1);
    expect(await value('http_request_duration_seconds_count')).toBe(3);
    expect(await value('jobs_seconds{quantile="0.5"}')).toBe(5);
    expect(await value('queue_depth')).toBe(-4);
    expect(await value('system_memory_usage_bytes')).toBeGreaterThan(1_000_000);
    expect(await value('database_connections_active')).toBe(0); // label-less metrics start at 0, as in prom-client
    // 1 counter + 14 histogram + 3 gauges + 1 up-down counter + 5 summary samples
    expect(await value('scrape_samples_scraped{job="app"}')).toBe(24);
  }, 45_000);
});
