// Per-request cost of the HTTP middleware's recording (labels, counter, histogram, monotonic clock) against the
// same two updates made straight on prom-client, in one run. Run after a build: `node bench/http-middleware.mjs`.
import client from 'prom-client';
import { createHttpRecorder, now } from '../dist/http-metrics.js';
import { initializeMetricsRegistry } from '../dist/index.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const ENDPOINTS = Array.from({ length: 20 }, (_, i) => `/resource${i}/:id`);
const STATUSES = [200, 404, 500];
const requests = [];
for (const method of METHODS)
  for (const endpoint of ENDPOINTS) for (const status of STATUSES) requests.push({ method, endpoint, status });

function measure(fn, iterations = 500_000, rounds = 7) {
  for (let i = 0; i < iterations; i++) fn(i);
  const results = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    results.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(rounds / 2)];
}

const registry = initializeMetricsRegistry('bench', { onInvalid: 'drop' });
const recorder = createHttpRecorder({ registry });
const ours = measure((i) => {
  const r = requests[i % requests.length];
  recorder.record(r, r.method, r.status, now(), () => r.endpoint);
});

const promRegistry = new client.Registry();
const counter = new client.Counter({
  name: 'http_requests_total',
  help: 'requests',
  labelNames: ['method', 'endpoint', 'status_code'],
  registers: [promRegistry],
});
const histogram = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'duration',
  labelNames: ['method', 'endpoint'],
  registers: [promRegistry],
});
const reference = measure((i) => {
  const r = requests[i % requests.length];
  const start = performance.now();
  counter.inc({ method: r.method, endpoint: r.endpoint, status_code: String(r.status) });
  histogram.observe({ method: r.method, endpoint: r.endpoint }, (performance.now() - start) / 1000);
});

console.log(`HTTP middleware recording, ${requests.length} label sets (ns per request, median of 7 runs)`);
console.log(`  @dotmac/obs-metrics recorder : ${ours.toFixed(0)} ns`);
console.log(`  prom-client counter+histogram: ${reference.toFixed(0)} ns`);
console.log(`  ratio: ${(ours / reference).toFixed(2)}x`);
