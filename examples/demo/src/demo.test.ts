import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const demoDir = path.resolve(__dirname, '..');
const tsx = path.resolve(demoDir, '..', '..', 'node_modules', '.bin', 'tsx');

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly url: Promise<string>;
  readonly exit: Promise<number | null>;
}

function startDemo(args: readonly string[], out: string): Run {
  const child = spawn(tsx, ['src/main.ts', '--port', '0', '--out', out, ...args], {
    cwd: demoDir,
    env: { ...process.env, GRAFANA_URL: '', SIGNOZ_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /demo on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`demo exited before listening:\n${output}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, url, exit };
}

describe('pnpm demo', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dotmac-demo-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('serves its endpoints, breaks one tenant, writes what it would provision and ends by itself', async () => {
    const run = startDemo(['--duration', '20s'], out);
    try {
      const url = await run.url;
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/http_requests_total\{[^}]*endpoint="\/api\/:tenant\/:operation"/);
      expect(metrics).toMatch(/dotmac_slo_events_total\{[^}]*tenant_id="initech"/);
      const health = await fetch(`${url}/health/observability`);
      const report = (await health.json()) as { status: string; checks: { name: string }[] };
      expect(report.checks.map((check) => check.name)).toEqual(['otel', 'metrics', 'tenantMetrics']);
      expect(health.status).toBe(report.status === 'unhealthy' ? 503 : 200);
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const slo = (await (await fetch(`${url}/slo`)).json()) as Record<string, Record<string, { sampleCount: number }>>;
      expect(Object.keys(slo)).toEqual(['acme-corp', 'globex', 'initech']);
      expect(slo['acme-corp']?.['api_request_success_rate']?.sampleCount).toBeGreaterThan(0);

      expect(await run.exit).toBe(0);
      const output = run.output();
      expect(output).toMatch(/initech\s+api_request_success_rate\s+critical/);
      expect(output).toMatch(/acme-corp\s+api_request_success_rate\s+healthy/);
      expect(output).toMatch(/page \(1h\/5m\)/);
      expect(output).toContain('telemetry flushed');
      expect(fs.existsSync(path.join(out, 'prometheus', 'slo-rules.yml'))).toBe(true);
      expect(fs.readdirSync(path.join(out, 'dashboards', 'grafana', 'initech'))).toHaveLength(4);
      expect(fs.readdirSync(path.join(out, 'dashboards', 'signoz', 'acme-corp'))).toHaveLength(4);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on Ctrl-C (SIGINT), flushing telemetry', async () => {
    const run = startDemo([], path.join(out, 'sigint'));
    try {
      await run.url;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      expect(run.output()).toMatch(/Demo stopped \(Ctrl-C\); telemetry flushed/);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
