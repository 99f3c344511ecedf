import { bin, packages, run } from './workspace.js';

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s as published', (_name, pkg) => {
  it('passes publint --strict', () => {
    expect(run(bin('publint'), ['--strict'], pkg.dir)).toMatch(/All good!/);
  });

  it('has correct types for ESM importers and for require(esm) on Node >= 20.19 (attw, esm-only profile)', () => {
    const report = JSON.parse(
      run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'json'], pkg.dir),
    ) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    // The esm-only profile ignores node10 and node16-cjs: CommonJS users load the package with require(esm).
    const problems = report.analysis.problems.filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
    expect(problems).toEqual([]);
  });

  it('declares what a publishable package needs', () => {
    const m = pkg.manifest;
    expect(m['type']).toBe('module');
    expect(m['sideEffects']).toBe(false);
    expect(m['license']).toBe('MIT');
    expect(m['engines']).toEqual({ node: '>=20.19' });
    expect(m['publishConfig']).toEqual({ access: 'public' });
    expect((m['repository'] as { directory: string }).directory).toBe(`packages/${pkg.dir.split('/').pop()}`);
    const exportsMap = m['exports'] as Record<string, Record<string, string> | string>;
    const main = exportsMap['.'] as Record<string, string>;
    expect(Object.keys(main)[0]).toBe('types');
    expect(m['files']).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']));
    expect(String(m['description']).length).toBeGreaterThan(20);
    expect(m['keywords']).toEqual(expect.arrayContaining(['observability']));
  });

  it('never depends on @opentelemetry/api directly (it is a peer, one copy per app)', () => {
    expect(Object.keys((pkg.manifest['dependencies'] as object | undefined) ?? {})).not.toContain('@opentelemetry/api');
  });
});
