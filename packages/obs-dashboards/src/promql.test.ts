import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { everyRendering, expressions } from './__fixtures__/walk.js';
import { resolveVariables } from './variables.js';

const PROMTOOL = '/usr/bin/promtool';
const TENANT = 'acme-corp';
const SUBSTITUTIONS: Record<string, string> = { tenant: TENANT, service: '.*', slo: '.*', region: 'eu' };

/** Substitutes `$name` template variables the way Grafana does for a single selected value. */
const substitute = (expr: string): string =>
  expr.replace(/\$(\w+)/g, (whole, name: string) => SUBSTITUTIONS[name] ?? whole);

/** Writes the expressions as recording rules and runs `promtool check rules` on the file. */
function checkRules(exprs: readonly string[]): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboards-promql-'));
  const file = path.join(dir, 'rules.yml');
  const rules = exprs.map(
    (expr, index) => `      - record: dashboard:check_${index}:expr\n        expr: ${JSON.stringify(expr)}`,
  );
  fs.writeFileSync(file, `groups:\n  - name: dashboards\n    rules:\n${rules.join('\n')}\n`);
  try {
    return { ok: true, output: execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('PromQL of the generated dashboards', () => {
  const all = everyRendering(TENANT).flatMap(({ platform, dashboards }) =>
    dashboards.flatMap((dashboard) => expressions(dashboard).map((expr) => ({ platform, expr }))),
  );

  it('covers every panel query of every platform', () => {
    expect(all.length).toBeGreaterThan(3 * 20);
    expect(new Set(all.map((e) => e.platform))).toEqual(new Set(['grafana', 'signoz-v2', 'signoz-v1']));
  });

  it('parses with promtool once the template variables are substituted', () => {
    const unique = [...new Set(all.map((e) => substitute(e.expr)))];
    for (const expr of unique) expect(expr).not.toMatch(/\$/);
    const result = checkRules(unique);
    expect(result.output).toContain(`SUCCESS: ${unique.length} rules found`);
    expect(result.ok).toBe(true);
  });

  it('also parses the selectors of the dynamic variables', () => {
    const variables = resolveVariables(TENANT);
    const selectors = [variables.service, variables.slo].map((v) =>
      substitute(/^label_values\((.*), \w+\)$/.exec(v.query ?? '')?.[1] ?? 'missing('),
    );
    expect(checkRules(selectors).ok).toBe(true);
  });

  it('fails on a broken expression (the check can fail)', () => {
    const result = checkRules(['sum(rate(http_requests_total{tenant_id="x"}[5m])']);
    expect(result.ok).toBe(false);
  });
});
