import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CUSTOM_SPECS } from './__fixtures__/specs.js';
import { DEFAULT_BUSINESS_METRICS } from './default-metrics.js';
import { SloError } from './errors.js';
import { generatePrometheusRuleTests } from './prometheus-rule-tests.js';
import { generatePrometheusRules } from './prometheus-rules.js';
import { initializeTenantMetrics } from './tenant-metrics.js';
import type { BusinessMetricSpec } from './types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-slo-rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `promtool check rules` on the text; returns its output (throws with it on failure). */
function promtoolCheck(yaml: string, name: string): string {
  const file = path.join(dir, `${name}.yml`);
  fs.writeFileSync(file, yaml);
  try {
    return execFileSync('/usr/bin/promtool', ['check', 'rules', file], { encoding: 'utf8', timeout: 20_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`promtool check rules failed:\n${err.stdout ?? ''}${err.stderr ?? ''}\n${yaml}`);
  }
}

describe('generatePrometheusRules', () => {
  it('passes promtool check rules for the default business metrics', () => {
    const yaml = generatePrometheusRules(DEFAULT_BUSINESS_METRICS);
    expect(promtoolCheck(yaml, 'defaults')).toMatch(/SUCCESS: 95 rules found/);
  });

  it('passes promtool check rules for custom specs, including latency and a calendar window', () => {
    const yaml = generatePrometheusRules(CUSTOM_SPECS);
    expect(promtoolCheck(yaml, 'custom')).toMatch(/SUCCESS: 57 rules found/);
    expect(yaml).toContain('# Skipped (THROUGHPUT has no error budget): jobs');
    expect(yaml).toContain('rate(dotmac_slo_events_total{slo=\\"probe_up\\"}[4w])');
    expect(yaml).toContain('Prometheus uses a rolling 30d instead');
    expect(yaml).not.toContain('{{x}}');
  });

  it('names rules after obs-config and writes exact decimals', () => {
    const yaml = generatePrometheusRules(CUSTOM_SPECS);
    for (const name of [
      'dotmac_slo:sli_error:ratio_rate5m',
      'dotmac_slo:sli_error:ratio_rate3d',
      'dotmac_slo:sli_error:ratio_rateperiod',
      'dotmac_slo:burn_rate:ratio_rate1h',
      'dotmac_slo:objective:ratio',
      'dotmac_slo:error_budget_remaining:ratio',
      'alert: DotmacSloBurnRatePage',
      'alert: DotmacSloBurnRateTicket',
      'severity: page',
      'severity: ticket',
      'runbook_url: "https://runbooks.example.com/search"',
    ]) {
      expect(yaml).toContain(name);
    }
    expect(yaml).toContain('dotmac_slo:sli_error:ratio_rate1h{slo=\\"checkout_errors\\"} / 0.001');
    expect(yaml).toContain('+ 0.999"');
    expect(yaml).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
  });

  it('takes the specs of a TenantMetrics, with its burn-rate alerts', () => {
    const m = initializeTenantMetrics({
      serviceName: 'svc',
      registerDefaultMetrics: false,
      burnRateAlerts: [{ severity: 'ticket', longWindow: '6h', shortWindow: '30m', factor: 2.5 }],
      specs: [CUSTOM_SPECS[0] as BusinessMetricSpec],
    });
    const yaml = generatePrometheusRules(m);
    expect(yaml).toContain('dotmac_slo:burn_rate:ratio_rate6h{slo=\\"checkout_errors\\"} > 2.5 and');
    expect(yaml).not.toContain('DotmacSloBurnRatePage');
    promtoolCheck(yaml, 'tenant-metrics');
  });

  it('rejects an alert that could never fire', () => {
    const spec: BusinessMetricSpec = {
      name: 'loose',
      metricType: 'success_rate',
      description: 'd',
      sloTarget: 0.9,
      alertThreshold: 0.5,
    };
    expect(() => generatePrometheusRules([spec])).toThrow(SloError);
    expect(() => generatePrometheusRules([spec])).toThrow(/14.4× over 1h\/5m can never fire .*error ratio of 1.44/);
    expect(() =>
      generatePrometheusRules([spec], {
        burnRateAlerts: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 9.9 }],
      }),
    ).not.toThrow();
  });
});

describe('generatePrometheusRuleTests', () => {
  function promtoolTest(specs: readonly BusinessMetricSpec[], name: string): string {
    fs.writeFileSync(path.join(dir, `${name}-rules.yml`), generatePrometheusRules(specs));
    const tests = generatePrometheusRuleTests(specs, { ruleFiles: [`${name}-rules.yml`] });
    const file = path.join(dir, `${name}-rules.test.yml`);
    fs.writeFileSync(file, tests);
    try {
      return execFileSync('/usr/bin/promtool', ['test', 'rules', file], {
        encoding: 'utf8',
        timeout: 120_000,
        cwd: dir,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`promtool test rules failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
  }

  it('passes promtool test rules for the default business metrics', () => {
    expect(promtoolTest(DEFAULT_BUSINESS_METRICS, 'defaults')).toMatch(/SUCCESS/);
  }, 120_000);

  it('passes promtool test rules for custom specs, including latency', () => {
    expect(promtoolTest(CUSTOM_SPECS, 'custom')).toMatch(/SUCCESS/);
  }, 120_000);

  it('follows a registry prefix in rules and rule tests', () => {
    const specs = [CUSTOM_SPECS[0] as BusinessMetricSpec];
    const rules = generatePrometheusRules(specs, { metricPrefix: 'billing_' });
    expect(rules).toContain('rate(billing_dotmac_slo_events_total{slo=');
    fs.writeFileSync(path.join(dir, 'prefixed-rules.yml'), rules);
    const file = path.join(dir, 'prefixed.test.yml');
    fs.writeFileSync(
      file,
      generatePrometheusRuleTests(specs, { metricPrefix: 'billing_', ruleFiles: ['prefixed-rules.yml'] }),
    );
    expect(
      execFileSync('/usr/bin/promtool', ['test', 'rules', file], { encoding: 'utf8', cwd: dir, timeout: 60_000 }),
    ).toMatch(/SUCCESS/);
    expect(() => generatePrometheusRules(specs, { metricPrefix: 'bad prefix' })).toThrow(/metricPrefix "bad prefix"/);
  }, 60_000);

  it('asserts both firing and quiet alerts', () => {
    const tests = generatePrometheusRuleTests(DEFAULT_BUSINESS_METRICS);
    expect(tests).toContain('tenant_id=\\"healthy\\"');
    expect(tests).not.toContain('tenant_id: "healthy"');
    const page = tests.slice(
      tests.indexOf('alertname: DotmacSloBurnRatePage'),
      tests.indexOf('alertname: DotmacSloBurnRateTicket'),
    );
    expect(page).not.toContain('tenant_id: "recovered"');
    expect(tests.slice(tests.indexOf('alertname: DotmacSloBurnRateTicket'))).toContain('tenant_id: "recovered"');
    expect(tests).toMatch(/tenant_id: "burn-14_4x"/);
    expect(tests).toContain(
      'summary: "SLO login_success_rate of tenant burn-14_4x burns its error budget fast enough to page"',
    );
  });

  it('fails promtool when a rule is broken (the tests can fail)', () => {
    const specs = [DEFAULT_BUSINESS_METRICS[0] as BusinessMetricSpec];
    fs.writeFileSync(
      path.join(dir, 'broken-rules.yml'),
      generatePrometheusRules(specs)
        .replace(/> 14\.4 and/g, '> 140 and')
        .replace(/> 6 and/g, '> 60 and'),
    );
    const file = path.join(dir, 'broken.test.yml');
    fs.writeFileSync(file, generatePrometheusRuleTests(specs, { ruleFiles: ['broken-rules.yml'] }));
    expect(() =>
      execFileSync('/usr/bin/promtool', ['test', 'rules', file], { cwd: dir, stdio: 'pipe', timeout: 60_000 }),
    ).toThrow();
  }, 60_000);
});
