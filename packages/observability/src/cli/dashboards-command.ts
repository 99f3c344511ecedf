import path from 'node:path';
import {
  type DashboardProvisioningResult,
  exportDashboards,
  type PlatformType,
  provisionPlatformDashboards,
  type SignozApiVersion,
} from '@dotmac/obs-dashboards';
import { type Command, Option } from 'commander';
import { type CliIo, collectVariable, positiveInteger, table } from './io.js';

interface BuildOptions {
  readonly platform: PlatformType;
  readonly tenant: string;
  readonly var?: Record<string, string>;
  readonly out: string;
  readonly signozApi: SignozApiVersion;
}

interface ProvisionOptions {
  readonly platform: PlatformType;
  readonly tenant: string;
  readonly var?: Record<string, string>;
  readonly url?: string;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  readonly timeout?: number;
  readonly orgId?: number;
}

/** `dotmac-obs dashboards build|provision`. */
export function addDashboardCommands(program: Command, io: CliIo): { failed: () => boolean } {
  let failed = false;
  const dashboards = program.command('dashboards').description('Grafana and SigNoz dashboards as code');
  dashboards
    .command('build')
    .description('write the platform dashboards of a tenant as JSON files (no network)')
    .requiredOption('-t, --tenant <id>', 'tenant id')
    .addOption(platformOption().default('grafana'))
    .option('--var <key=value>', 'dashboard variable (repeatable)', collectVariable)
    .option('-o, --out <dir>', 'output folder', 'dashboards')
    .addOption(new Option('--signoz-api <version>', 'SigNoz API generation').choices(['v2', 'v1']).default('v2'))
    .action(async (options: BuildOptions) => {
      const files = await exportDashboards(path.resolve(io.cwd, options.out), {
        platformType: options.platform,
        tenantId: options.tenant,
        signozApiVersion: options.signozApi,
        ...(options.var ? { customVariables: options.var } : {}),
      });
      io.out(`${files.map((file) => `wrote ${path.relative(io.cwd, file)}`).join('\n')}\n`);
    });
  dashboards
    .command('provision')
    .description(
      'create or update the dashboards of a tenant in Grafana or SigNoz (API key from GRAFANA_API_KEY / SIGNOZ_API_KEY)',
    )
    .addOption(platformOption().makeOptionMandatory())
    .requiredOption('-t, --tenant <id>', 'tenant id')
    .option('--url <url>', 'base URL (default: GRAFANA_URL / SIGNOZ_URL)')
    .option('--var <key=value>', 'dashboard variable (repeatable)', collectVariable)
    .option('--dry-run', 'compare only: write nothing, report what would change')
    .option('--prune', 'delete dashboards we own for this tenant that are no longer defined')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', positiveInteger)
    .option('--org-id <id>', 'Grafana organisation id', positiveInteger)
    .action(async (options: ProvisionOptions) => {
      const result = await provisionPlatformDashboards({
        platformType: options.platform,
        tenantId: options.tenant,
        env: io.env,
        ...(options.url ? { baseUrl: options.url } : {}),
        ...(options.var ? { customVariables: options.var } : {}),
        ...(options.dryRun ? { dryRun: true } : {}),
        ...(options.prune ? { prune: true } : {}),
        ...(options.timeout ? { timeoutMs: options.timeout } : {}),
        ...(options.orgId ? { orgId: options.orgId } : {}),
        onProgress: (event) =>
          io.out(`${event.outcome.padEnd(9)} ${event.dashboard}${event.message ? `: ${event.message}` : ''}\n`),
      });
      io.out(`\n${summary(result)}\n`);
      failed = result.errors.length > 0;
    });
  return { failed: () => failed };
}

const platformOption = () =>
  new Option('-p, --platform <platform>', 'where the dashboards go').choices(['grafana', 'signoz']);

function summary(result: DashboardProvisioningResult): string {
  const rows = [
    ['created', 'updated', 'unchanged', 'deleted', 'errors'],
    [
      result.dashboardsCreated,
      result.dashboardsUpdated,
      result.dashboardsUnchanged,
      result.dashboardsDeleted,
      result.errors,
    ].map((list) => String(list.length)),
  ];
  return `${table(rows)}${result.dryRun ? '\n(dry run: nothing was written)' : ''}`;
}
