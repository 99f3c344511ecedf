// Side-by-side benchmark: @dotmac/obs-metrics vs prom-client and the OpenTelemetry SDK, in one run.
// Run with `pnpm --filter @dotmac/obs-metrics bench` after a build (it imports dist/).
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import client from 'prom-client';
import { initializeMetricsRegistry, MetricType } from '../dist/index.js';

const gc = globalThis.gc ?? (() => {});

/** ns/op of `fn(i)`: median of `rounds` runs of `iterations` calls, after a warm-up. */
function measure(fn, iterations = 1_000_000, rounds = 7) {
  for (let i = 0; i < iterations; i++) fn(i);
  const results = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    results.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(rounds / 2)];
}

async function measureAsync(fn, rounds = 9) {
  await fn();
  const results = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await fn();
    results.push(Number(process.hrtime.bigint() - start));
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(rounds / 2)];
}

class NoopReader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

const rows = [];
function report(name, ours, reference, referenceName, target) {
  const ratio = ours / reference;
  rows.push({ name, ours, reference, referenceName, ratio, target });
}
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${ns.toFixed(1)} ns`);

// 300 label sets: 3 methods x 20 routes x 5 status codes.
const labelSets = [];
for (const method of ['GET', 'POST', 'PUT']) {
  for (let r = 0; r < 20; r++) {
    for (const status of ['200', '201', '400', '404', '500']) {
      labelSets.push({ method, route: `/api/v1/resource${r}/:id`, status_code: status });
    }
  }
}
const counterDef = {
  name: 'bench_requests_total',
  type: MetricType.COUNTER,
  description: 'Requests',
  labels: ['method', 'route', 'status_code'],
};

// --- ours, with Prometheus and OpenTelemetry export enabled
const reader = new NoopReader();
const provider = new MeterProvider({ readers: [reader] });
const rawReader = new NoopReader();
const rawProvider = new MeterProvider({ readers: [rawReader] });
const ours = initializeMetricsRegistry('bench', { registerDefaultMetrics: false, onInvalid: 'drop' });
ours.setOtelMeter(provider.getMeter('bench'));
ours.registerMetric(counterDef);
const promRegistry = new client.Registry();
const promCounter = new client.Counter({
  name: counterDef.name,
  help: 'Requests',
  labelNames: counterDef.labels,
  registers: [promRegistry],
});
const otelCounter = rawProvider.getMeter('raw').createCounter('raw_requests_total');

const n = labelSets.length;
const promInc = measure((i) => promCounter.inc(labelSets[i % n]));
const oursInc = measure((i) => ours.incrementCounter('bench_requests_total', 1, labelSets[i % n]));
const otelInc = measure((i) => otelCounter.add(1, labelSets[i % n]));
report(
  'incrementCounter, 300 label sets (Prometheus + OTel on)',
  oursInc,
  promInc,
  'prom-client counter.inc(labels)',
  0.5,
);
report('incrementCounter vs OTel SDK counter.add', oursInc, otelInc, 'OTel SDK counter.add(1, attrs)', null);

// --- OpenTelemetry collection of those 300 series: observable callbacks reading the store vs the SDK's own counter
const oursCollect = await measureAsync(() => reader.collect(), 50);
const rawCollect = await measureAsync(() => rawReader.collect(), 50);
report(
  'OTel reader.collect(), 300 counter series (setOtelMeter)',
  oursCollect,
  rawCollect,
  'OTel SDK counter, same series',
  null,
);
const producer = ours.createOtelMetricProducer();
const producerCollect = await measureAsync(() => producer.collect(), 50);
report(
  'OTel collect, 300 counter series (metric producer)',
  producerCollect,
  rawCollect,
  'OTel SDK counter, same series',
  null,
);
// One export interval at 1,000 samples/s and 60 s: recording cost plus one collection, per sample.
const perInterval = 60_000;
report(
  'record 60,000 samples + 1 OTel collection, per sample (setOtelMeter)',
  oursInc + oursCollect / perInterval,
  otelInc + rawCollect / perInterval,
  'OTel SDK counter',
  null,
);

// --- bound handle
const handle = ours.series('bench_requests_total', labelSets[0]);
const promChild = promCounter.labels(labelSets[0]);
const oursBound = measure(() => handle.inc(), 5_000_000);
const promChildInc = measure(() => promChild.inc(), 5_000_000);
report('bound series handle.inc()', oursBound, promInc, 'prom-client counter.inc(labels)', 0.1);
report(
  'bound series handle.inc() vs prom-client child',
  oursBound,
  promChildInc,
  'prom-client counter.labels(...).inc()',
  null,
);

// --- histogram, 2 labels, 11 buckets
const histLabels = [];
for (const method of ['GET', 'POST', 'PUT', 'DELETE'])
  for (let r = 0; r < 25; r++) histLabels.push({ method, endpoint: `/r${r}` });
const hn = histLabels.length;
const values = Array.from({ length: 1024 }, (_, i) => ((i * 7919) % 1000) / 200);
ours.registerMetric({
  name: 'bench_duration_seconds',
  type: MetricType.HISTOGRAM,
  description: 'Duration',
  labels: ['method', 'endpoint'],
});
const promHist = new client.Histogram({
  name: 'bench_duration_seconds',
  help: 'Duration',
  labelNames: ['method', 'endpoint'],
  registers: [promRegistry],
});
const promObs = measure((i) => promHist.observe(histLabels[i % hn], values[i & 1023]));
const promOnly = initializeMetricsRegistry('bench', { registerDefaultMetrics: false, onInvalid: 'drop' });
promOnly.registerMetric({
  name: 'bench_duration_seconds',
  type: MetricType.HISTOGRAM,
  description: 'Duration',
  labels: ['method', 'endpoint'],
});
const oursObs = measure((i) =>
  promOnly.observeHistogram('bench_duration_seconds', values[i & 1023], histLabels[i % hn]),
);
const oursObsOtel = measure((i) =>
  ours.observeHistogram('bench_duration_seconds', values[i & 1023], histLabels[i % hn]),
);
report('observeHistogram, 2 labels, 11 buckets', oursObs, promObs, 'prom-client histogram.observe(labels, v)', 0.6);
report(
  'observeHistogram with OTel export on (records twice)',
  oursObsOtel,
  promObs,
  'prom-client histogram.observe(labels, v)',
  null,
);

// --- exposition, 10,000 series
const scrapeOurs = initializeMetricsRegistry('bench', { registerDefaultMetrics: false, maxSeriesPerMetric: 10_000 });
scrapeOurs.registerMetric({ ...counterDef, name: 'scrape_requests_total' });
const scrapeRegistry = new client.Registry();
const scrapeCounter = new client.Counter({
  name: 'scrape_requests_total',
  help: 'Requests',
  labelNames: counterDef.labels,
  registers: [scrapeRegistry],
});
for (let i = 0; i < 10_000; i++) {
  const labels = {
    method: ['GET', 'POST', 'PUT', 'DELETE'][i % 4],
    route: `/api/v1/resource${i % 500}/:id`,
    status_code: String(200 + (i % 5)),
  };
  labels.route += `/${Math.floor(i / 500)}`;
  scrapeOurs.incrementCounter('scrape_requests_total', i, labels);
  scrapeCounter.inc(labels, i);
}
const a = await scrapeOurs.getPrometheusMetrics();
const b = await scrapeRegistry.metrics();
if (a.split('\n').length !== b.split('\n').length)
  throw new Error(`exposition sizes differ: ${a.length} vs ${b.length}`);
// Buffer.byteLength flattens the string, as writing it to a socket would.
const promScrape = await measureAsync(async () => Buffer.byteLength(await scrapeRegistry.metrics()));
const oursScrape = await measureAsync(async () => Buffer.byteLength(await scrapeOurs.getPrometheusMetrics()));
report('getPrometheusMetrics(), 10,000 series', oursScrape, promScrape, 'prom-client registry.metrics()', 1.0);

// --- memory per series: 50,000 counter series built from fresh label objects
function heapAfter(build) {
  gc();
  gc();
  // heapUsed plus off-heap ArrayBuffer memory, so that typed arrays are counted too.
  const total = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = total();
  const kept = build();
  gc();
  gc();
  const used = total() - before;
  return { kept, used };
}
const SERIES = 50_000;
const labelOf = (i) => ({
  method: ['GET', 'POST', 'PUT', 'DELETE'][i % 4],
  route: `/api/v1/resource${i % 2500}/:id`,
  status_code: String(200 + Math.floor(i / 10_000)),
});
const buildOurs = () => {
  const r = initializeMetricsRegistry('mem', { registerDefaultMetrics: false, maxSeriesPerMetric: SERIES });
  r.registerMetric({ ...counterDef, name: 'mem_requests_total' });
  for (let i = 0; i < SERIES; i++) r.incrementCounter('mem_requests_total', 1, labelOf(i));
  return r;
};
const buildProm = () => {
  const reg = new client.Registry();
  const c = new client.Counter({
    name: 'mem_requests_total',
    help: 'Requests',
    labelNames: counterDef.labels,
    registers: [reg],
  });
  for (let i = 0; i < SERIES; i++) c.inc(labelOf(i));
  return reg;
};
// Alternate three times and keep each side's smallest figure (GC noise only ever adds).
const mineMem = { used: Infinity };
const promMem = { used: Infinity };
for (let t = 0; t < 3; t++) {
  mineMem.used = Math.min(mineMem.used, heapAfter(buildOurs).used);
  promMem.used = Math.min(promMem.used, heapAfter(buildProm).used);
}
const HSERIES = 10_000;
const histLabelOf = (i) => ({ method: ['GET', 'POST', 'PUT', 'DELETE'][i % 4], endpoint: `/r${i % 2500}/:id` });
const buildOursHist = () => {
  const r = initializeMetricsRegistry('mem', { registerDefaultMetrics: false, maxSeriesPerMetric: HSERIES });
  r.registerMetric({
    name: 'mem_seconds',
    type: MetricType.HISTOGRAM,
    description: 'D',
    labels: ['method', 'endpoint'],
  });
  for (let i = 0; i < HSERIES; i++) r.observeHistogram('mem_seconds', 0.1, histLabelOf(i));
  return r;
};
const buildPromHist = () => {
  const reg = new client.Registry();
  const h = new client.Histogram({
    name: 'mem_seconds',
    help: 'D',
    labelNames: ['method', 'endpoint'],
    registers: [reg],
  });
  for (let i = 0; i < HSERIES; i++) h.observe(histLabelOf(i), 0.1);
  return reg;
};
const mineHist = { used: Infinity };
const promHistMem = { used: Infinity };
for (let t = 0; t < 3; t++) {
  mineHist.used = Math.min(mineHist.used, heapAfter(buildOursHist).used);
  promHistMem.used = Math.min(promHistMem.used, heapAfter(buildPromHist).used);
}
if (globalThis.gc) {
  report(
    'memory per histogram series, 11 buckets (bytes)',
    mineHist.used / HSERIES,
    promHistMem.used / HSERIES,
    'prom-client',
    1.0,
  );
}
if (globalThis.gc)
  report('memory per counter series (bytes)', mineMem.used / SERIES, promMem.used / SERIES, 'prom-client', 1.0);
else console.log('(run with --expose-gc for the memory comparison)');

console.log(`Node ${process.version}, prom-client ${'15.x'}, @opentelemetry/sdk-metrics 2.12.1\n`);
for (const row of rows) {
  const unit = row.name.startsWith('memory') ? (v) => `${v.toFixed(0)} B` : fmt;
  const verdict =
    row.target === null
      ? ''
      : row.ratio <= row.target
        ? `  (target <= ${row.target}x: met)`
        : `  (target <= ${row.target}x: MISSED)`;
  console.log(
    `${row.name}\n  ours ${unit(row.ours)}  vs ${row.referenceName} ${unit(row.reference)}  ratio ${row.ratio.toFixed(3)}x${verdict}`,
  );
}
await provider.shutdown();
await rawProvider.shutdown();
