import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlatformDashboards } from './build.js';
import type { BuildDashboardsOptions } from './types.js';

/**
 * Writes the platform dashboards of one tenant as JSON files into `dir` (created when missing), one file per
 * dashboard named after its stable id: `<uid>.json` for Grafana (ready for Grafana file provisioning),
 * `<name>.json` for SigNoz v2 and `<tenant>-<key>.json` for SigNoz v1. Returns the written paths.
 *
 * @example
 * ```ts
 * await exportDashboards('./grafana/dashboards/acme', { platformType: 'grafana', tenantId: 'acme' });
 * ```
 */
export async function exportDashboards(dir: string, options: BuildDashboardsOptions): Promise<string[]> {
  const dashboards = buildPlatformDashboards(options);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const dashboard of dashboards) {
    const base =
      options.platformType === 'signoz' && options.signozApiVersion === 'v1'
        ? `${options.tenantId}-${dashboard.key}`
        : dashboard.id;
    const file = path.join(dir, `${base}.json`);
    await writeFile(file, `${JSON.stringify(dashboard.json, null, 2)}\n`);
    written.push(file);
  }
  return written;
}
