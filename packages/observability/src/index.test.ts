import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as config from '@dotmac/obs-config';
import * as dashboards from '@dotmac/obs-dashboards';
import * as health from '@dotmac/obs-health';
import * as healthExpress from '@dotmac/obs-health/express';
import * as healthFastify from '@dotmac/obs-health/fastify';
import * as healthHono from '@dotmac/obs-health/hono';
import * as healthKoa from '@dotmac/obs-health/koa';
import * as healthNodeHttp from '@dotmac/obs-health/node-http';
import * as metrics from '@dotmac/obs-metrics';
import * as metricsCluster from '@dotmac/obs-metrics/cluster';
import * as metricsExpress from '@dotmac/obs-metrics/express';
import * as metricsFastify from '@dotmac/obs-metrics/fastify';
import * as metricsHono from '@dotmac/obs-metrics/hono';
import * as metricsKoa from '@dotmac/obs-metrics/koa';
import * as metricsNodeHttp from '@dotmac/obs-metrics/node-http';
import * as otel from '@dotmac/obs-otel';
import * as slo from '@dotmac/obs-slo';
import * as meta from '@dotmac/observability';
import * as cluster from '@dotmac/observability/cluster';
import * as express from '@dotmac/observability/express';
import * as fastify from '@dotmac/observability/fastify';
import * as hono from '@dotmac/observability/hono';
import * as koa from '@dotmac/observability/koa';
import * as nodeHttp from '@dotmac/observability/node-http';

const packages = { config, otel, metrics, slo, dashboards, health };

describe('@dotmac/observability re-exports', () => {
  it.each(Object.entries(packages))('reaches every runtime export of obs-%s, as the same value', (_name, mod) => {
    const exported = Object.keys(mod);
    expect(exported.length).toBeGreaterThan(0);
    for (const name of exported) {
      expect([name, (meta as Record<string, unknown>)[name]]).toEqual([name, (mod as Record<string, unknown>)[name]]);
    }
  });

  it('has no name that two packages export with different values', () => {
    const owners = new Map<string, unknown>();
    for (const mod of Object.values(packages)) {
      for (const [name, value] of Object.entries(mod)) {
        if (owners.has(name)) expect([name, owners.get(name)]).toEqual([name, value]);
        owners.set(name, value);
      }
    }
  });

  it('exports nothing of its own: every name comes from a capability package', () => {
    const known = new Set(Object.values(packages).flatMap((mod) => Object.keys(mod)));
    expect(Object.keys(meta).filter((name) => !known.has(name))).toEqual([]);
  });

  it.each([
    ['node-http', nodeHttp, [metricsNodeHttp, healthNodeHttp]],
    ['express', express, [metricsExpress, healthExpress]],
    ['fastify', fastify, [metricsFastify, healthFastify]],
    ['koa', koa, [metricsKoa, healthKoa]],
    ['hono', hono, [metricsHono, healthHono]],
    ['cluster', cluster, [metricsCluster]],
  ] as const)('the %s subpath joins the metrics middleware and the health adapter', (_sub, joined, parts) => {
    const expected = Object.assign({}, ...parts.map((part) => ({ ...part })));
    expect({ ...joined }).toEqual(expected);
  });

  it('lists every export of the packages, types included (the generated files are up to date)', () => {
    const script = path.resolve(__dirname, '..', '..', '..', 'tooling', 'scripts', 'generate-meta-exports.mjs');
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toMatch(/^up to date/);
  });
});
