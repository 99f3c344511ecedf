import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPlatformDashboards } from './build.js';
import { exportDashboards } from './export.js';

describe('exportDashboards', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboards-export-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one Grafana JSON file per dashboard, named by uid, equal to the built model', async () => {
    const options = { platformType: 'grafana', tenantId: 'acme' } as const;
    const files = await exportDashboards(path.join(dir, 'grafana', 'acme'), options);
    const built = buildPlatformDashboards(options);
    expect(files.map((f) => path.basename(f))).toEqual(built.map((d) => `${d.id}.json`));
    for (const [index, file] of files.entries()) {
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(built[index]?.json);
    }
  });

  it('writes SigNoz v2 bodies by name and v1 data by tenant and key', async () => {
    const v2 = await exportDashboards(dir, { platformType: 'signoz', tenantId: 'acme', dashboards: ['runtime'] });
    expect(path.basename(v2[0] ?? '')).toMatch(/^dotmac-runtime-acme-[0-9a-f]{8}\.json$/);
    const v1 = await exportDashboards(dir, { platformType: 'signoz', tenantId: 'acme', signozApiVersion: 'v1' });
    expect(v1.map((f) => path.basename(f))).toContain('acme-tenant-slos.json');
    expect(JSON.parse(fs.readFileSync(v1[0] ?? '', 'utf8')).tags).toContain('tenant:acme');
  });

  it('writes nothing for invalid options', async () => {
    await expect(
      exportDashboards(path.join(dir, 'x'), { platformType: 'grafana', tenantId: '../etc' }),
    ).rejects.toThrow(/tenantId/);
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});
