// Benchmarks of @dotmac/obs-health (built dist/): cold import time and the cost of one evaluation.
// Run with `pnpm --filter @dotmac/obs-health bench` after a build. Targets: import ≤ 10 ms median, cached ≤ 50 µs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `await import(specifier)` in a fresh Node process, after importing `preload` untimed. */
function coldImport(specifier, preload) {
  const before = preload ? `await import(${JSON.stringify(preload)}); ` : '';
  const script = `${before}const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here })));
  }
  return median(times);
}

/** Mean time per call, in µs, of an async function (median of 7 batches). */
async function perCall(fn, iterations = 20_000) {
  for (let i = 0; i < 2_000; i += 1) await fn();
  const batches = [];
  for (let b = 0; b < 7; b += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) await fn();
    batches.push(Number(process.hrtime.bigint() - start) / 1e3 / iterations);
  }
  return median(batches);
}

const health = coldImport('@dotmac/obs-health');
// obs-health imports the light `@dotmac/obs-config/core` entry (no valibot), so that is the reference.
const config = coldImport('@dotmac/obs-config/core');
const own = coldImport('@dotmac/obs-health', '@dotmac/obs-config/core');
const trivialFile = join(mkdtempSync(join(tmpdir(), 'obs-health-bench-')), 'trivial.mjs');
writeFileSync(trivialFile, 'export const x = 1;\n');
const trivial = coldImport(trivialFile);

const { createHealthChecker, createHealthEndpointHandler } = await import('@dotmac/obs-health');
const component = (name) => ({ health: () => ({ name, status: 'healthy', message: 'ok', details: { series: 42 } }) });
const [otel, metrics, tenantMetrics] = [component('otel'), component('metrics'), component('tenantMetrics')];
const naive = () => Promise.all([otel.health(), metrics.health(), tenantMetrics.health()]);
const cached = createHealthChecker({ otel, metrics, tenantMetrics, cacheTtlMs: 60_000 });
const uncached = createHealthChecker({ otel, metrics, tenantMetrics });
const handler = createHealthEndpointHandler({ otel, metrics, tenantMetrics, cacheTtlMs: 60_000 });

const tNaive = await perCall(naive);
const tCached = await perCall(cached);
const tUncached = await perCall(uncached, 5_000);
const tHandler = await perCall(() => handler({ url: '/health', headers: { accept: 'application/json' } }));

const f = (n, unit) => `${n.toFixed(unit === 'ms' ? 2 : 3)} ${unit}`;
console.log(`@dotmac/obs-health benchmarks (Node ${process.version}, median of ${RUNS} fresh processes / 7 batches)`);
console.log(
  `cold import('@dotmac/obs-health')      ${f(health, 'ms')}  (target ≤ 10 ms; ${(health / config).toFixed(2)}× import('@dotmac/obs-config/core') alone = ${f(config, 'ms')})`,
);
console.log(
  `  reference: a one-line module          ${f(trivial, 'ms')}  (the floor of a fresh process on this machine now)`,
);
console.log(
  `  of which obs-health's own modules     ${f(own, 'ms')}  (obs-config already loaded; ${(own / health).toFixed(2)}× the full import)`,
);
console.log(
  `evaluation, 3 components, cached        ${f(tCached, 'µs')}  (target ≤ 50 µs; ${(tCached / tNaive).toFixed(2)}× naive Promise.all of health() = ${f(tNaive, 'µs')})`,
);
console.log(
  `evaluation, 3 components, no cache      ${f(tUncached, 'µs')}  (${(tUncached / tNaive).toFixed(1)}× naive; timeouts, redaction, aggregation)`,
);
console.log(`handler response (JSON), cached         ${f(tHandler, 'µs')}`);
