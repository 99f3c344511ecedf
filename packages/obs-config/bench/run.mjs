// Benchmarks of @dotmac/obs-config against its targets: cold import <= 20 ms (median, fresh process),
// createDefaultConfig <= 50 µs. Run with `pnpm --filter @dotmac/obs-config bench` after a build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function coldImport(specifier, runs = 15) {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  }
  return median(times);
}

const importMs = coldImport(entry);
const valibotMs = coldImport('valibot');

const { createDefaultConfig } = await import(entry);
const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com', OTEL_RESOURCE_ATTRIBUTES: 'team=core' };
const samples = [];
for (let round = 0; round < 15; round++) {
  const n = 2000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) createDefaultConfig('svc', 'production', { env, serviceVersion: '1.0.0' });
  samples.push(Number(process.hrtime.bigint() - start) / n / 1000);
}
const createUs = median(samples);

const rows = [
  ['cold import("@dotmac/obs-config")', `${importMs.toFixed(2)} ms`, '<= 20 ms', importMs <= 20],
  ['  of which valibot alone', `${valibotMs.toFixed(2)} ms`, '', true],
  ['createDefaultConfig (production, env applied)', `${createUs.toFixed(1)} µs`, '<= 50 µs', createUs <= 50],
];
for (const [name, value, target, ok] of rows)
  console.log(`${name.padEnd(48)} ${value.padStart(10)}  ${target} ${target ? (ok ? 'ok' : 'MISSED') : ''}`);
