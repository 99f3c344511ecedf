import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { initializeMetricsRegistry } from '@dotmac/obs-metrics';
import { generatePrometheusRules } from './prometheus-rules.js';
import { initializeTenantMetrics } from './tenant-metrics.js';

/**
 * Parity: the same events, evaluated in process by evaluateSlos and by a real Prometheus running the generated rules
 * on the counters it scrapes, give the same error ratios and error budgets (tolerance 1e-9: floating-point only).
 */
const TOLERANCE = 1e-9;
const DEADLINE_MS = 45_000;

const registry = initializeMetricsRegistry('parity-app', {
  registerDefaultMetrics: false,
  collectRuntimeMetrics: false,
});
const tenantMetrics = initializeTenantMetrics('parity-app', registry);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-slo-parity-'));
let app: http.Server;
let prometheus: ChildProcess | undefined;
let promLog = '';
let promUrl = '';
let ticker: NodeJS.Timeout | undefined;

/** One tick of known outcomes: tenant a fails 1 login in 10, tenant b 3 in 8; latencies against 500 ms. */
function tick(): void {
  const a = { tenantId: 'tenant-a', service: 'auth', region: 'eu' };
  const a2 = { tenantId: 'tenant-a', service: 'web', region: 'us' };
  const b = { tenantId: 'tenant-b', service: 'auth', region: 'eu' };
  for (let i = 0; i < 10; i++)
    tenantMetrics.recordBusinessMetric('login_success_rate', i === 0 ? 0 : 1, i % 2 ? a : a2);
  for (let i = 0; i < 8; i++) tenantMetrics.recordBusinessMetric('login_success_rate', i < 3 ? 0 : 1, b);
  for (let i = 0; i < 20; i++)
    tenantMetrics.recordBusinessMetric('api_response_latency', i < 2 ? 900 : i === 2 ? 500 : 120, a);
  for (let i = 0; i < 10; i++) tenantMetrics.recordBusinessMetric('api_response_latency', i < 5 ? 500.5 : 80, b);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function query(expr: string): Promise<Map<string, number>> {
  const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as {
    data?: { result?: { metric: Record<string, string>; value: [number, string] }[] };
  };
  const out = new Map<string, number>();
  for (const r of body.data?.result ?? []) out.set(`${r.metric.tenant_id}/${r.metric.slo}`, Number(r.value[1]));
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  app = http.createServer(async (_req, res) => {
    res.setHeader('content-type', registry.prometheusContentType);
    res.end(await registry.getPrometheusMetrics());
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  const appPort = (app.address() as net.AddressInfo).port;
  const promPort = await freePort();
  promUrl = `http://127.0.0.1:${promPort}`;
  fs.writeFileSync(path.join(dir, 'rules.yml'), generatePrometheusRules(tenantMetrics));
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ["127.0.0.1:${appPort}"]\n`,
  );
  tick();
  ticker = setInterval(tick, 100);
  prometheus = spawn(
    '/usr/bin/prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  prometheus.stderr?.on('data', (d: Buffer) => {
    promLog = (promLog + d.toString()).slice(-4000);
  });
}, 20_000);

afterAll(async () => {
  if (ticker) clearInterval(ticker);
  if (prometheus && prometheus.exitCode === null) {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise((r) => prometheus?.once('exit', r));
    prometheus.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (prometheus.exitCode === null) prometheus.kill('SIGKILL');
  }
  app.closeAllConnections();
  await new Promise((r) => app.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
}, 15_000);

it('computes the same error ratios and budgets as evaluateSlos, for two tenants', async () => {
  const deadline = Date.now() + DEADLINE_MS;
  const rule = 'dotmac_slo:sli_error:ratio_rate5m';
  // Wait until Prometheus has several scrapes and rule evaluations for both tenants and both SLOs.
  let seen = 0;
  while (Date.now() < deadline) {
    await sleep(500);
    const r = await query(rule).catch(() => new Map<string, number>());
    if (r.size >= 4 && ++seen >= 6) break;
  }
  if (seen < 6) throw new Error(`Prometheus did not record ${rule} in time. Log:\n${promLog}`);
  // Stop recording, then let two more scrapes and evaluations see the final counters.
  clearInterval(ticker);
  ticker = undefined;
  await sleep(2500);
  const ratio5m = await query(rule);
  const ratioPeriod = await query('dotmac_slo:sli_error:ratio_rateperiod');
  const budget = await query('dotmac_slo:error_budget_remaining:ratio');
  const burn1h = await query('dotmac_slo:burn_rate:ratio_rate1h');
  const compared: string[] = [];
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    const slos = tenantMetrics.evaluateSlos(tenantId);
    for (const slo of ['login_success_rate', 'api_response_latency']) {
      const e = slos[slo];
      const key = `${tenantId}/${slo}`;
      expect(e?.sampleCount).toBeGreaterThan(0);
      expect(Math.abs((ratio5m.get(key) ?? Number.NaN) - (e?.errorRatios['5m'] ?? 0))).toBeLessThan(TOLERANCE);
      expect(Math.abs((ratioPeriod.get(key) ?? Number.NaN) - (1 - (e?.sli ?? 0)))).toBeLessThan(TOLERANCE);
      expect(Math.abs((budget.get(key) ?? Number.NaN) - (e?.errorBudget.remaining ?? 0))).toBeLessThan(TOLERANCE);
      expect(Math.abs((burn1h.get(key) ?? Number.NaN) - (e?.burnRates['1h'] ?? 0))).toBeLessThan(TOLERANCE);
      compared.push(`${key}=${ratio5m.get(key)}`);
    }
  }
  // The known outcomes: 1/10 and 3/8 of logins fail; 2/20 and 5/10 of requests are over 500 ms.
  const known: Record<string, number> = {
    'tenant-a/login_success_rate': 0.1,
    'tenant-b/login_success_rate': 0.375,
    'tenant-a/api_response_latency': 0.1,
    'tenant-b/api_response_latency': 0.5,
  };
  for (const [key, value] of Object.entries(known))
    expect(Math.abs((ratio5m.get(key) ?? 0) - value)).toBeLessThan(TOLERANCE);
  expect(compared).toHaveLength(4);
}, 60_000);
