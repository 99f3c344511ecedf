import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packages, root, run } from './workspace.js';

/**
 * Installs the packed tarballs into fresh npm projects outside the workspace, as a user would,
 * and checks that they load from ESM and CommonJS, type-check, and bring no more than they should.
 */

/** Names each package must export at run time (the public API of ../shared/API.md, grown as packages land). */
const expectedRuntimeExports: Record<string, readonly string[]> = {
  '@dotmac/obs-config': [
    'ObservabilityError',
    'ConfigError',
    'createDefaultConfig',
    'defineOtelConfig',
    'loadEnvironmentSettings',
    'redactConfig',
    'Environment',
    'ExporterType',
    'DefaultMetricNames',
    'SloMetricNames',
  ],
  '@dotmac/obs-metrics': [
    'initializeMetricsRegistry',
    'MetricsRegistry',
    'MetricType',
    'DropReason',
    'MetricsError',
    'MetricsErrorCode',
    'createMetricsHandler',
    'DEFAULT_METRIC_DEFINITIONS',
    'DEFAULT_BUCKETS',
    'PROMETHEUS_CONTENT_TYPE',
    'OPENMETRICS_CONTENT_TYPE',
  ],
  '@dotmac/obs-health': [
    'getObservabilityHealth',
    'createHealthChecker',
    'createHealthEndpointHandler',
    'createLivenessHandler',
    'createReadinessHandler',
    'toHealthJson',
    'toVerboseText',
    'HealthConfigError',
    'DEFAULT_HEALTH_TIMEOUT_MS',
    'DEFAULT_HEALTH_CACHE_TTL_MS',
    'HEALTH_CONTENT_TYPES',
  ],
  '@dotmac/obs-dashboards': [
    'provisionPlatformDashboards',
    'buildPlatformDashboards',
    'exportDashboards',
    'DashboardConfigError',
    'DashboardErrorCode',
    'PLATFORM_DASHBOARD_KEYS',
    'ExtraMetricNames',
    'MANAGED_BY_TAG',
    'grafanaDashboardUid',
    'signozDashboardName',
  ],
  '@dotmac/obs-otel': [
    'initializeOtel',
    'getCurrentSpanContext',
    'withSpan',
    'OtelAlreadyInitializedError',
    'OtelExporterConfigError',
    'OtelExporterPackageMissingError',
    'PrometheusPullReader',
    'PROMETHEUS_CONTENT_TYPE',
    'toPrometheusText',
  ],
  '@dotmac/obs-slo': [
    'initializeTenantMetrics',
    'BusinessMetricType',
    'DEFAULT_BUSINESS_METRICS',
    'DEFAULT_BURN_RATE_ALERTS',
    'DEFAULT_RUNBOOK_URL',
    'SloError',
    'SloErrorCode',
    'generatePrometheusRules',
    'generatePrometheusRuleTests',
    'toOpenSlo',
    'fromOpenSlo',
  ],
  '@dotmac/observability': ['ObservabilityError'],
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dotmac-consumer-'));
const tarballs = new Map<string, string>();

function npmProject(name: string, dependencies: readonly string[], registryDeps: Record<string, string> = {}): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  const deps = {
    ...Object.fromEntries(dependencies.map((dep) => [dep, `file:${tarballs.get(dep)}`])),
    ...registryDeps,
  };
  // Internal dependencies resolve to the local tarballs too, never to the registry.
  const overrides = Object.fromEntries([...tarballs].map(([dep, file]) => [dep, `file:${file}`]));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, private: true, version: '1.0.0', dependencies: deps, overrides }, null, 2),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--legacy-peer-deps=false'],
    dir,
  );
  return dir;
}

/** Every package folder in node_modules (scoped ones as `@scope/name`), at any depth. */
function installedPackages(dir: string): string[] {
  const found: string[] = [];
  const walk = (modules: string, depth: number): void => {
    if (!fs.existsSync(modules) || depth > 8) return;
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? fs.readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        found.push(name);
        walk(path.join(modules, name, 'node_modules'), depth + 1);
      }
    }
  };
  walk(path.join(dir, 'node_modules'), 0);
  return found.sort();
}

beforeAll(() => {
  const packDir = path.join(work, 'tarballs');
  fs.mkdirSync(packDir);
  for (const pkg of packages) {
    run('pnpm', ['pack', '--pack-destination', packDir], pkg.dir);
  }
  for (const file of fs.readdirSync(packDir)) {
    const name = file.startsWith('dotmac-observability-')
      ? '@dotmac/observability'
      : `@dotmac/${file.replace(/^dotmac-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`;
    tarballs.set(name, path.join(packDir, file));
  }
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('every package installed from its tarball', () => {
  let app: string;
  const names = packages.map((pkg) => pkg.name);

  beforeAll(() => {
    expect([...tarballs.keys()].sort()).toEqual([...names].sort());
    // A TypeScript Node.js app has Node's types; the published declarations (and OpenTelemetry's) use them.
    app = npmProject('all-packages', names, { '@types/node': '^20.19.0' });
  });

  it.each(names)('%s loads with import() and exports its public names', (name) => {
    const script = `import(${JSON.stringify(name)}).then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
    const keys = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], app)) as string[];
    expect(keys).toEqual(expect.arrayContaining([...(expectedRuntimeExports[name] ?? [])]));
  });

  it.each(names)('%s loads with require() from a CommonJS file on Node >= 20.19', (name) => {
    const file = path.join(app, `require-${name.replace('/', '-')}.cjs`);
    fs.writeFileSync(
      file,
      `const m = require(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
    );
    const keys = JSON.parse(run(process.execPath, ['--no-warnings', file], app)) as string[];
    expect(keys).toEqual(expect.arrayContaining([...(expectedRuntimeExports[name] ?? [])]));
  });

  it('type-checks a TypeScript consumer against the published declarations', () => {
    const consumer = [
      "import { ObservabilityError } from '@dotmac/obs-config';",
      "import type { ComponentHealth } from '@dotmac/obs-health';",
      "import * as all from '@dotmac/observability';",
      "const health: ComponentHealth = { name: 'x', status: 'healthy', message: 'ok' };",
      "const error: ObservabilityError = new all.ObservabilityError('CODE', 'message');",
      'export const code: string = error.code + health.status;',
      "import { createDefaultConfig, initializeOtel, initializeTenantMetrics, type SloEvaluation } from '@dotmac/observability';",
      "import { initializeMetricsRegistry } from '@dotmac/obs-metrics';",
      "const otel = initializeOtel(createDefaultConfig('svc', 'test'));",
      "const metrics = initializeMetricsRegistry('svc');",
      'otel.addMetricProducer(metrics.createOtelMetricProducer());',
      "const slo = initializeTenantMetrics({ serviceName: 'svc', metricsRegistry: metrics });",
      "export const evaluation: SloEvaluation | undefined = slo.evaluateSlos({ tenantId: 't' })['login_success_rate'];",
      '// @ts-expect-error a status outside the union is rejected by the published types',
      "export const bad: ComponentHealth = { name: 'x', status: 'fine', message: 'ok' };",
    ].join('\n');
    fs.writeFileSync(path.join(app, 'consumer.ts'), consumer);
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
    );
    expect(run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app)).toBe(
      '',
    );
  });

  it('holds a single copy of @opentelemetry/api', () => {
    const copies = installedPackages(app).filter((name) => name === '@opentelemetry/api');
    expect(copies.length).toBeLessThanOrEqual(1);
  });
});

describe('installed trees stay minimal', () => {
  it('@dotmac/obs-config brings only valibot', () => {
    const dir = npmProject('config-only', ['@dotmac/obs-config']);
    expect(installedPackages(dir)).toEqual(['@dotmac/obs-config', 'valibot']);
  });

  it('@dotmac/obs-health brings nothing beyond obs-config', () => {
    const dir = npmProject('health-only', ['@dotmac/obs-health']);
    expect(installedPackages(dir)).toEqual(['@dotmac/obs-config', '@dotmac/obs-health', 'valibot']);
  });

  it('@dotmac/obs-dashboards pulls neither prom-client nor the OpenTelemetry SDK', () => {
    const dir = npmProject('dashboards-only', ['@dotmac/obs-dashboards']);
    const tree = installedPackages(dir);
    expect(tree).toContain('@dotmac/obs-dashboards');
    expect(tree.filter((name) => name === 'prom-client' || name.startsWith('@opentelemetry/'))).toEqual([]);
  });
});
