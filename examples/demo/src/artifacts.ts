import fs from 'node:fs/promises';
import path from 'node:path';
import {
  exportDashboards,
  generatePrometheusRules,
  generatePrometheusRuleTests,
  loadEnvironmentSettings,
  type PlatformType,
  provisionPlatformDashboards,
  type TenantMetrics,
} from '@dotmac/observability';
import { TENANTS } from './traffic.js';

/** Writes what the demo would provision: dashboards per platform and tenant, Prometheus rules and their tests. */
export async function writeArtifacts(dir: string, tenantMetrics: TenantMetrics): Promise<string[]> {
  const written: string[] = [];
  await fs.mkdir(dir, { recursive: true });
  for (const platformType of ['grafana', 'signoz'] as const) {
    for (const { tenantId } of TENANTS) {
      const folder = path.join(dir, 'dashboards', platformType, tenantId);
      written.push(
        ...(await exportDashboards(folder, { platformType, tenantId, customVariables: { service: 'dotmac-demo' } })),
      );
    }
  }
  const rules = path.join(dir, 'prometheus', 'slo-rules.yml');
  await fs.mkdir(path.dirname(rules), { recursive: true });
  await fs.writeFile(rules, generatePrometheusRules(tenantMetrics));
  const tests = path.join(dir, 'prometheus', 'slo-rules.test.yml');
  await fs.writeFile(tests, generatePrometheusRuleTests(tenantMetrics, { ruleFiles: ['slo-rules.yml'] }));
  written.push(rules, tests);
  return written;
}

/** Provisions the dashboards for real when GRAFANA_URL or SIGNOZ_URL is set; returns one summary line per run. */
export async function provisionIfConfigured(env: NodeJS.ProcessEnv): Promise<string[]> {
  const settings = loadEnvironmentSettings(env);
  const platforms: PlatformType[] = [];
  if (settings.grafanaUrl) platforms.push('grafana');
  if (settings.signozUrl) platforms.push('signoz');
  const lines: string[] = [];
  for (const platformType of platforms) {
    for (const { tenantId } of TENANTS) {
      const result = await provisionPlatformDashboards({ platformType, tenantId, env });
      lines.push(
        `${platformType} ${tenantId}: ${result.dashboardsCreated.length} created, ${result.dashboardsUpdated.length} updated, ` +
          `${result.dashboardsUnchanged.length} unchanged, ${result.errors.length} errors` +
          (result.errors[0] ? ` (first: ${result.errors[0].message})` : ''),
      );
    }
  }
  return lines;
}
