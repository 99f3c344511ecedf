import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BUSINESS_METRICS, fromOpenSlo } from '@dotmac/obs-slo';
import { type FakeGrafana, startFakeGrafana } from '../../../obs-dashboards/src/__fixtures__/fake-grafana.js';
import { runCli } from './program.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dotmac-cli-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env, cwd: work });
  return { code, out, err };
}

const promtool = (...args: string[]) => execFileSync('promtool', args, { cwd: work, encoding: 'utf8' });

describe('dotmac-obs', () => {
  it.each([
    [[]],
    [['config']],
    [['slo', 'rules']],
    [['slo', 'test-rules']],
    [['slo', 'openslo']],
    [['dashboards', 'build']],
    [['dashboards', 'provision']],
  ])('%j --help prints usage and exits 0', async (command) => {
    const { code, out } = await cli([...command, '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: dotmac-obs/);
  });

  it.each([[[]], [['config']], [['dashboards']]])(
    '%j without a subcommand prints usage on stderr, exit code 2',
    async (command) => {
      const { code, out, err } = await cli(command);
      expect([code, out]).toEqual([2, '']);
      expect(err).toMatch(/^Usage: dotmac-obs/);
    },
  );

  it('answers a usage error with exit code 2', async () => {
    const { code, err } = await cli(['dashboards', 'build', '--tenant', 'a', '--platform', 'datadog']);
    expect(code).toBe(2);
    expect(err).toMatch(/Allowed choices are grafana, signoz/);
  });

  it('answers a --var that is not key=value with exit code 2', async () => {
    const { code, err } = await cli(['dashboards', 'build', '--tenant', 'a', '--var', 'service']);
    expect(code).toBe(2);
    expect(err).toMatch(/option '--var <key=value>' argument 'service' is invalid\. expected key=value\./);
  });

  it('answers a --timeout that is not a whole number with exit code 2, naming the flag', async () => {
    const { code, err } = await cli(['dashboards', 'provision', '-p', 'grafana', '-t', 'a', '--timeout', 'abc']);
    expect(code).toBe(2);
    expect(err).toMatch(/option '--timeout <ms>' argument 'abc' is invalid\. expected a whole number of at least 1\./);
  });

  it('config show prints the resolved configuration with secrets redacted', async () => {
    const env = {
      OTEL_SERVICE_NAME: 'billing',
      OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20otlp-secret',
      GRAFANA_URL: 'http://grafana:3000',
      GRAFANA_API_KEY: 'glsa_grafana-secret',
    };
    const { code, out } = await cli(['config', 'show', '--environment', 'production'], env);
    expect(code).toBe(0);
    expect(out).not.toMatch(/secret/);
    const shown = JSON.parse(out) as { otel: Record<string, unknown>; settings: Record<string, unknown> };
    expect(shown.otel).toMatchObject({ serviceName: 'billing', environment: 'production', traceSamplerRatio: 0.1 });
    expect(shown.settings).toEqual({ grafanaUrl: 'http://grafana:3000', grafanaApiKey: '***' });
  });

  it('config show answers an unknown --environment with exit code 2, listing the presets', async () => {
    const { code, err } = await cli(['config', 'show', '-s', 'svc', '-e', 'prod']);
    expect(code).toBe(2);
    expect(err).toMatch(/Allowed choices are development, staging, production, test/);
  });

  it('config show reports an invalid environment variable in one line, exit code 1', async () => {
    const { code, err } = await cli(['config', 'show', '-s', 'svc'], { OTEL_TRACES_SAMPLER_ARG: 'abc' });
    expect(code).toBe(1);
    expect(err).toBe('dotmac-obs: invalid configuration: OTEL_TRACES_SAMPLER_ARG: "abc": not a number\n');
  });

  it('slo rules and slo test-rules write files that promtool checks and whose tests pass', async () => {
    expect((await cli(['slo', 'rules', '--out', 'rules/slo-rules.yml'])).code).toBe(0);
    expect((await cli(['slo', 'test-rules', '--out', 'rules/slo-rules.test.yml'])).code).toBe(0);
    expect(promtool('check', 'rules', 'rules/slo-rules.yml')).toMatch(/SUCCESS/);
    expect(promtool('test', 'rules', 'rules/slo-rules.test.yml')).toMatch(/SUCCESS/);
  });

  it('slo openslo writes OpenSLO v1 SLO documents that import back to the same specs', async () => {
    const { code, out } = await cli(['slo', 'openslo', '--service', 'user-service']);
    expect(code).toBe(0);
    const documents = out
      .split(/^---$/m)
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => JSON.parse(text) as { apiVersion: string; kind: string; spec: { service: string } });
    expect(documents.map((d) => [d.apiVersion, d.kind, d.spec.service])).toEqual(
      Array(5).fill(['openslo/v1', 'SLO', 'user-service']),
    );
    expect(fromOpenSlo(documents).map((spec) => spec.name)).toEqual(DEFAULT_BUSINESS_METRICS.map((spec) => spec.name));
  });

  it('slo rules reads specs from a JSON file', async () => {
    const spec = [
      {
        name: 'checkout_success_rate',
        metricType: 'success_rate',
        description: 'Checkout success rate',
        sloTarget: 0.999,
        alertThreshold: 0.99,
      },
    ];
    fs.writeFileSync(path.join(work, 'specs.json'), JSON.stringify(spec));
    const { code, out } = await cli(['slo', 'rules', '--spec', 'specs.json']);
    expect(code).toBe(0);
    expect(out).toContain('checkout_success_rate');
    expect(out).not.toContain('login_success_rate');
  });

  it('slo rules rejects a spec file that is not JSON in one line', async () => {
    fs.writeFileSync(path.join(work, 'broken.json'), '{ nope');
    const { code, err } = await cli(['slo', 'rules', '--spec', 'broken.json']);
    expect(code).toBe(1);
    expect(err).toMatch(/^dotmac-obs: broken\.json is not valid JSON/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('dashboards build writes the four platform dashboards of a tenant', async () => {
    const { code, out } = await cli([
      'dashboards',
      'build',
      '--tenant',
      'acme-corp',
      '--out',
      'dash',
      '--var',
      'service=api',
    ]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(4);
    const files = fs.readdirSync(path.join(work, 'dash'));
    expect(files).toHaveLength(4);
    const first = JSON.parse(fs.readFileSync(path.join(work, 'dash', files[0] ?? ''), 'utf8')) as { tags: string[] };
    expect(first.tags).toEqual(expect.arrayContaining(['managed-by:dotmac-observability', 'tenant:acme-corp']));
  });

  describe('dashboards provision against a loopback Grafana', () => {
    let grafana: FakeGrafana;
    beforeAll(async () => {
      grafana = await startFakeGrafana('glsa_token');
    });
    afterAll(() => grafana.close());

    it('creates, then finds everything unchanged, printing progress and a summary', async () => {
      const env = { GRAFANA_URL: grafana.url, GRAFANA_API_KEY: 'glsa_token' };
      const first = await cli(['dashboards', 'provision', '-p', 'grafana', '-t', 'acme-corp'], env);
      expect(first.code).toBe(0);
      expect(first.out.match(/^created +.+ · acme-corp$/gm)).toHaveLength(4);
      expect(first.out).toMatch(/created\s+updated\s+unchanged\s+deleted\s+errors\n4\s+0\s+0\s+0\s+0/);
      const second = await cli(['dashboards', 'provision', '-p', 'grafana', '-t', 'acme-corp', '--dry-run'], env);
      expect(second.code).toBe(0);
      expect(second.out).toMatch(/0\s+0\s+4\s+0\s+0\n\(dry run: nothing was written\)/);
    });

    it('exits 1 when the key is refused, without printing the key', async () => {
      const env = { GRAFANA_URL: grafana.url, GRAFANA_API_KEY: 'glsa_wrong-key-123' };
      const { code, out, err } = await cli(['dashboards', 'provision', '-p', 'grafana', '-t', 'globex'], env);
      expect(code).toBe(1);
      expect(out).toMatch(/^error /m);
      expect(out + err).not.toContain('wrong-key-123');
    });
  });
});
