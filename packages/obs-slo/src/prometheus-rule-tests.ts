import { SLO_WINDOWS, SloMetricNames, type SloWindow } from '@dotmac/obs-config';
import { firingAlerts } from './burn-rate.js';
import { exact, formatNumber } from './decimal.js';
import { parseDuration } from './duration.js';
import {
  alertAnnotations,
  counterNames,
  expandTenant,
  type PrometheusRuleOptions,
  quote,
  ruleDefs,
} from './rule-input.js';
import type { MetricDef } from './spec.js';
import type { BusinessMetricSpec, TenantMetrics } from './types.js';

/** Options of `generatePrometheusRuleTests`. */
export interface PrometheusRuleTestOptions extends PrometheusRuleOptions {
  /** The rule files the test loads, relative to the test file (default `['slo-rules.yml']`). */
  readonly ruleFiles?: readonly string[];
}

/** Events per 5-minute step in every synthetic series; scenarios last 3 days (864 steps), alerts are checked at the end. */
const PER_STEP = 10_000;
const STEP_MINUTES = 5;
const STEPS = (3 * 24 * 60) / STEP_MINUTES;
const END = `${STEPS * STEP_MINUTES}m`;

/** A scenario: consecutive segments of `steps` with `bad` bad events per step. */
interface Scenario {
  readonly tenant: string;
  readonly segments: readonly { steps: number; bad: number }[];
}

function scenarios(def: MetricDef): Scenario[] {
  const steady = (tenant: string, bad: number): Scenario => ({ tenant, segments: [{ steps: STEPS, bad }] });
  const factors = [...new Set(def.alerts.map((a) => a.factor))].sort((a, b) => a - b);
  const out = [steady('healthy', 0)];
  const below = Math.floor(0.8 * (factors[0] ?? 1) * def.budget * PER_STEP);
  if (below > 0) out.push(steady('below-all-factors', below));
  for (const f of factors) {
    let bad = Math.min(PER_STEP, Math.ceil(1.2 * f * def.budget * PER_STEP));
    if (factors.includes(exact(bad / PER_STEP / def.budget))) bad = Math.min(PER_STEP, bad + 1);
    out.push(steady(`burn-${formatNumber(f)}x`.replace('.', '_'), bad));
  }
  // An hour-long outage that ended 35 minutes ago: the 5m and 30m windows are clean, so it no longer pages.
  out.push({
    tenant: 'recovered',
    segments: [
      { steps: STEPS - 19, bad: 0 },
      { steps: 12, bad: PER_STEP },
      { steps: 7, bad: 0 },
    ],
  });
  return out;
}

/** Bad events in the last `steps` of the scenario. */
function badInLast(s: Scenario, steps: number): number {
  let bad = 0;
  let end = STEPS;
  for (const seg of [...s.segments].reverse()) {
    const start = end - seg.steps;
    bad += seg.bad * Math.max(0, end - Math.max(start, STEPS - steps));
    end = start;
  }
  return bad;
}

/** promtool's expanding notation for a counter growing by the given amounts per step. */
function values(segments: readonly { steps: number; perStep: number }[]): string {
  let cum = 0;
  const parts: string[] = [];
  segments.forEach((seg, i) => {
    const first = i === 0 ? 0 : cum + seg.perStep;
    parts.push(`${first}+${seg.perStep}x${i === 0 ? seg.steps : seg.steps - 1}`);
    cum += seg.perStep * seg.steps;
  });
  return parts.join(' ');
}

function expectedAlerts(def: MetricDef, s: Scenario) {
  const burnRates = {} as Record<SloWindow, number>;
  for (const w of SLO_WINDOWS) {
    const steps = parseDuration(w) / 60_000 / STEP_MINUTES;
    burnRates[w] = badInLast(s, steps) / (steps * PER_STEP) / def.budget;
  }
  const near = def.alerts.some((a) =>
    [burnRates[a.longWindow], burnRates[a.shortWindow]].some((b) => Math.abs(b - a.factor) < 1e-9 * a.factor),
  );
  return near ? undefined : new Set(firingAlerts(def.alerts, burnRates).map((a) => a.severity));
}

function testGroup(def: MetricDef, options: PrometheusRuleOptions): string {
  const slo = def.spec.name;
  const series: string[] = [];
  const firing = { page: [] as string[], ticket: [] as string[] };
  const names = counterNames(options);
  for (const s of scenarios(def)) {
    const expected = expectedAlerts(def, s);
    if (!expected) continue;
    const labels = `{tenant_id=${quote(s.tenant)},slo=${quote(slo)}}`;
    const good = values(s.segments.map((g) => ({ steps: g.steps, perStep: PER_STEP - g.bad })));
    series.push(`${names.total}${labels}`, values([{ steps: STEPS, perStep: PER_STEP }]));
    series.push(`${names.good}${labels}`, good);
    for (const severity of expected) firing[severity].push(s.tenant);
  }
  let out = `  - name: ${quote(`${slo}: burn-rate alerts fire exactly when both windows burn too fast`)}\n    interval: ${STEP_MINUTES}m\n    input_series:\n`;
  for (let i = 0; i < series.length; i += 2) {
    out += `      - series: ${quote(series[i] ?? '')}\n        values: ${quote(series[i + 1] ?? '')}\n`;
  }
  out += '    alert_rule_test:\n';
  for (const severity of ['page', 'ticket'] as const) {
    if (!def.alerts.some((a) => a.severity === severity)) continue;
    out += `      - eval_time: ${END}\n        alertname: ${SloMetricNames.ALERT_PREFIX}BurnRate${severity === 'page' ? 'Page' : 'Ticket'}\n`;
    out += firing[severity].length === 0 ? '        exp_alerts: []\n' : '        exp_alerts:\n';
    for (const tenant of firing[severity]) {
      out += `          - exp_labels:\n              severity: ${severity}\n              slo: ${slo}\n              tenant_id: ${quote(tenant)}\n            exp_annotations:\n`;
      for (const [k, v] of Object.entries(alertAnnotations(def, severity, options))) {
        out += `              ${k}: ${quote(expandTenant(v, tenant))}\n`;
      }
    }
  }
  const healthy = `{slo=${quote(slo)},tenant_id="healthy"}`;
  out += '    promql_expr_test:\n';
  for (const [name, value] of [
    [SloMetricNames.OBJECTIVE, def.objective],
    [SloMetricNames.ERROR_BUDGET_REMAINING, 1],
  ] as const) {
    out += `      - expr: ${quote(`${name}${healthy}`)}\n        eval_time: ${END}\n        exp_samples:\n`;
    out += `          - labels: ${quote(`${name}${healthy}`)}\n            value: ${formatNumber(value)}\n`;
  }
  return out;
}

/**
 * Generates a `promtool test rules` file for the rules of `generatePrometheusRules`: per SLO, three days of
 * synthetic traffic for a healthy tenant, one burning just under every factor, one just over each factor and one
 * that recovered from an hour-long outage, asserting which alerts fire and which stay quiet.
 *
 * @example
 * ```ts
 * fs.writeFileSync('slo-rules.yml', generatePrometheusRules(specs));
 * fs.writeFileSync('slo-rules.test.yml', generatePrometheusRuleTests(specs));
 * // promtool test rules slo-rules.test.yml
 * ```
 */
export function generatePrometheusRuleTests(
  specsOrTenantMetrics: readonly BusinessMetricSpec[] | Pick<TenantMetrics, 'getSpecs'>,
  options: PrometheusRuleTestOptions = {},
): string {
  const { defs } = ruleDefs(specsOrTenantMetrics, options);
  const files = options.ruleFiles ?? ['slo-rules.yml'];
  let out = '# Generated by @dotmac/obs-slo: run with `promtool test rules <this file>`.\nrule_files:\n';
  for (const f of files) out += `  - ${quote(f)}\n`;
  out += 'evaluation_interval: 1h\n';
  out += defs.length === 0 ? 'tests: []\n' : `tests:\n${defs.map((d) => testGroup(d, options)).join('')}`;
  return out;
}
