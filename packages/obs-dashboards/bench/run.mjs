// Benchmarks of @dotmac/obs-dashboards (run `pnpm build` first): building one tenant's dashboards, and
// provisioning 100 tenants against a loopback Grafana with bounded concurrency.
import { performance } from 'node:perf_hooks';
import { buildPlatformDashboards, provisionPlatformDashboards } from '../dist/index.js';
import { startGrafana } from './grafana-server.mjs';

const BUILD_TARGET_MS = 20;
const TENANTS = 100;
const TENANT_CONCURRENCY = 8;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

function measure(fn, iterations) {
  for (let i = 0; i < 20; i++) fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;

function benchBuild() {
  const cold = performance.now();
  buildPlatformDashboards({ platformType: 'grafana', tenantId: 'cold-tenant' });
  const coldMs = performance.now() - cold;
  console.log(`build, first call in the process (includes lazy module work): ${fmt(coldMs)}`);
  for (const [label, options] of [
    ['grafana', { platformType: 'grafana' }],
    ['signoz v2', { platformType: 'signoz' }],
    ['signoz v1', { platformType: 'signoz', signozApiVersion: 'v1' }],
  ]) {
    const build = measure(
      (i) => buildPlatformDashboards({ ...options, tenantId: `tenant-${i}`, customVariables: { service: 'api' } }),
      300,
    );
    const built = buildPlatformDashboards({ ...options, tenantId: 'ref' });
    const reference = measure(() => JSON.parse(JSON.stringify(built.map((d) => d.json))), 300);
    console.log(
      `build all 4 dashboards, ${label}: median ${fmt(build.median)}, p95 ${fmt(build.p95)} ` +
        `(target ${BUILD_TARGET_MS} ms: ${(build.p95 / BUILD_TARGET_MS).toFixed(3)}x of budget; ` +
        `reference JSON round trip of the same output ${fmt(reference.median)}, ratio ${(build.median / reference.median).toFixed(1)}x)`,
    );
  }
}

async function pool(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

async function benchProvision() {
  const token = 'bench-token';
  const grafana = await startGrafana(token);
  const tenants = Array.from({ length: TENANTS }, (_, i) => `tenant-${String(i).padStart(3, '0')}`);
  try {
    for (const pass of ['first pass (all created)', 'second pass (all unchanged)']) {
      const before = grafana.requests();
      const totals = { created: 0, updated: 0, unchanged: 0, errors: 0 };
      const start = performance.now();
      await pool(tenants, TENANT_CONCURRENCY, async (tenantId) => {
        const result = await provisionPlatformDashboards({
          platformType: 'grafana',
          tenantId,
          baseUrl: grafana.url,
          apiKey: token,
          concurrency: 4,
        });
        totals.created += result.dashboardsCreated.length;
        totals.updated += result.dashboardsUpdated.length;
        totals.unchanged += result.dashboardsUnchanged.length;
        totals.errors += result.errors.length;
      });
      const ms = performance.now() - start;
      const dashboards = TENANTS * 4;
      console.log(
        `provision ${TENANTS} tenants x 4 dashboards, ${pass}, ${TENANT_CONCURRENCY} tenants x 4 dashboards at a time: ` +
          `${ms.toFixed(0)} ms, ${(dashboards / (ms / 1000)).toFixed(0)} dashboards/s, ${(ms / TENANTS).toFixed(1)} ms/tenant, ` +
          `${grafana.requests() - before} requests; ${JSON.stringify(totals)}`,
      );
    }
  } finally {
    await grafana.close();
  }
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
benchBuild();
await benchProvision();
