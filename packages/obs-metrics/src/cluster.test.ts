import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { parseSamples, send } from './__fixtures__/http-fixtures.js';
import { createClusterMetrics, registerClusterWorker } from './cluster.js';
import { initializeMetricsRegistry } from './index.js';

const fixture = path.join(__dirname, '__fixtures__', 'cluster-app.ts');

/** Starts the fixture's primary; resolves with its metrics and app ports. */
function startCluster(): Promise<{ primary: ChildProcess; metricsPort: number; appPort: number }> {
  const primary = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    primary.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    primary.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\d+) (\d+)/.exec(out);
      if (match) resolve({ primary, metricsPort: Number(match[1]), appPort: Number(match[2]) });
    });
    primary.once('exit', (code) => reject(new Error(`cluster fixture exited with ${code}: ${err}`)));
  });
}

describe('cluster aggregation with a real node:cluster of two workers', () => {
  let primary: ChildProcess | undefined;
  let text = '';
  let response: Response;

  beforeAll(async () => {
    const started = await startCluster();
    primary = started.primary;
    const statuses = await send(
      `http://127.0.0.1:${started.appPort}`,
      Array.from({ length: 10 }, (_, i) => `GET /users/${i}`),
    );
    expect(statuses).toEqual(Array(10).fill(200));
    response = await fetch(`http://127.0.0.1:${started.metricsPort}/metrics`);
    text = await response.text();
  }, 60_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      const exited = new Promise((resolve) => primary?.once('exit', resolve));
      primary.kill('SIGTERM');
      await exited;
    }
  });

  it('serves the sum of every worker’s counters on the primary', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const jobs = parseSamples(text).filter((s) => s.name === 'jobs_processed_total');
    // Worker 1 recorded 10 jobs and worker 2 recorded 20.
    expect(jobs.map((s) => [s.labels.queue, s.value])).toEqual([['email', 30]]);
  });

  it('sums the HTTP metrics the workers recorded, whichever worker served each request', () => {
    const requests = parseSamples(text).filter((s) => s.name === 'http_requests_total');
    expect(requests.map((s) => [s.labels.method, s.labels.endpoint, s.labels.status_code, s.value])).toEqual([
      ['GET', '/users/:id', '200', 10],
    ]);
    const counts = parseSamples(text).filter((s) => s.name === 'http_request_duration_seconds_count');
    expect(counts.map((s) => [s.labels.endpoint, s.value])).toEqual([['/users/:id', 10]]);
  });
});

describe('cluster helpers outside a cluster', () => {
  it('registerClusterWorker does nothing in a process that is not a worker', () => {
    expect(registerClusterWorker(initializeMetricsRegistry('not-a-worker'))).toBe(false);
  });

  it('the primary answers an empty exposition when no worker is connected', async () => {
    const clusterMetrics = createClusterMetrics();
    await expect(clusterMetrics.metrics()).resolves.toBe('');
    const response = await clusterMetrics.handle();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(clusterMetrics.contentType);
  });
});
