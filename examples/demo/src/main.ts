// The DotMac Observability demo: `pnpm demo` (Ctrl-C to stop) or `pnpm demo -- --duration 20s`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createDefaultConfig,
  initializeMetricsRegistry,
  initializeOtel,
  initializeTenantMetrics,
} from '@dotmac/observability';
import { provisionIfConfigured, writeArtifacts } from './artifacts.js';
import { startService } from './service.js';
import { renderSloTable } from './slo-table.js';
import { startTraffic } from './traffic.js';

const { values, durationMs, port } = readArguments(process.argv.slice(2));
const interactive = process.stdout.isTTY === true;

// Embedded defaults: no collector needed. Traces go to OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT says where.
const otlp = Boolean(process.env['OTEL_EXPORTER_OTLP_ENDPOINT']);
const config = createDefaultConfig({
  serviceName: 'dotmac-demo',
  environment: otlp ? 'production' : 'test',
  serviceVersion: '1.0.0',
  traceSamplerRatio: 1,
  customResourceAttributes: { 'deployment.mode': 'demo', team: 'platform' },
});
const otel = initializeOtel(config);
const metrics = initializeMetricsRegistry('dotmac-demo', { collectRuntimeMetrics: true, environment: 'production' });
otel.addMetricProducer(metrics.createOtelMetricProducer()); // record once, export to Prometheus and OTLP
const tenantMetrics = initializeTenantMetrics({ serviceName: 'dotmac-demo', metricsRegistry: metrics });

const service = await startService(otel, metrics, tenantMetrics, port);
const started = Date.now();
// How far initech has gone in breaking: over the run, or over two minutes when the demo runs until Ctrl-C.
const progress = () => Math.min(1, (Date.now() - started) / (durationMs || 120_000));
const stopTraffic = startTraffic(service.url, progress);

const outDir = path.resolve(values.out);
const written = await writeArtifacts(outDir, tenantMetrics);
console.log(`DotMac Observability demo on ${service.url}`);
console.log(`  ${service.url}/metrics  /health/observability  /livez  /readyz  /slo`);
console.log(
  `  wrote ${written.length} files (dashboards for Grafana and SigNoz, Prometheus rules and tests) to ${outDir}`,
);
for (const line of await provisionIfConfigured(process.env)) console.log(`  provisioned ${line}`);
console.log(durationMs ? `  running for ${values.duration}` : '  Ctrl-C to stop');

const table = setInterval(
  () => {
    const text = renderSloTable(tenantMetrics, (Date.now() - started) / 1000);
    process.stdout.write(interactive ? `\x1b[2J\x1b[H${text}\n\n${service.url} · Ctrl-C to stop\n` : `\n${text}\n`);
  },
  interactive ? 1000 : 5000,
);

let stopping = false;
async function stop(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(table);
  service.beginShutdown();
  await stopTraffic();
  await new Promise<void>((resolve) => service.server.close(() => resolve()));
  console.log(`\n${renderSloTable(tenantMetrics, (Date.now() - started) / 1000)}`);
  await writeArtifacts(outDir, tenantMetrics);
  await otel.shutdown(); // flushes every pending span, metric and log
  console.log(`\nDemo stopped (${reason}); telemetry flushed, files in ${outDir}.`);
}

process.once('SIGINT', () => void stop('Ctrl-C'));
process.once('SIGTERM', () => void stop('SIGTERM'));
if (durationMs) setTimeout(() => void stop(`${values.duration} elapsed`), durationMs);

/** The demo's flags; a bad one ends the demo with one line saying what is wrong (exit code 2). */
function readArguments(args: string[]) {
  try {
    const { values } = parseArgs({
      args: args.filter((arg) => arg !== '--'),
      options: {
        duration: { type: 'string' },
        port: { type: 'string', default: '8080' },
        out: { type: 'string', default: 'demo-output' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port expects 0 to 65535, got "${values.port}"`);
    return { values, port, durationMs: values.duration ? parseDuration(values.duration) : undefined };
  } catch (error) {
    console.error(`demo: ${(error as Error).message} (flags: --duration 20s, --port 8080, --out demo-output)`);
    process.exit(2);
  }
}

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`--duration expects a duration such as 20s or 2m, got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}
