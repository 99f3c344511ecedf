// Benchmarks of @dotmac/obs-otel against the raw OpenTelemetry SDK, measured in one run (node bench/run.mjs).
// 1. span start + end through the bootstrap's tracer vs a NodeTracerProvider configured the same way;
// 2. cold import('@dotmac/obs-otel') vs importing the OpenTelemetry packages it needs, in fresh processes.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { defineOtelConfig } from '@dotmac/obs-config';
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import { createOtlpHttpExportDelegate, httpAgentFactoryFromOptions } from '@opentelemetry/otlp-exporter-base/node-http';
import { ProtobufTraceSerializer, TraceExporterMetricsHelper } from '@opentelemetry/otlp-transformer';
import { detectResources, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { initializeOtel } from '../dist/index.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n) => n.toFixed(1);

// A loopback sink so both pipelines really export.
const sink = http.createServer((req, res) => req.resume().on('end', () => res.end()));
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${sink.address().port}/v1/traces`;
// The queue holds one round, so every span is queued and exported (no drop path), as in a healthy app.
const batch = { maxExportBatchSize: 512, maxQueueSize: 32_768, scheduledDelayMillis: 200, exportTimeoutMillis: 10_000 };

const otel = initializeOtel(
  defineOtelConfig(
    {
      serviceName: 'bench',
      tracingExporters: [{ type: 'otlp_http', endpoint }],
      metricsExporters: [],
      loggingExporters: [],
      ...batch,
    },
    { env: {} },
  ),
);
const rawExporter = new OTLPExporterBase(
  createOtlpHttpExportDelegate(
    {
      url: endpoint,
      headers: async () => ({ 'Content-Type': 'application/x-protobuf' }),
      timeoutMillis: 10_000,
      concurrencyLimit: Math.ceil(batch.maxQueueSize / batch.maxExportBatchSize) + 2, // As obs-otel sets it.
      compression: 'none',
      agentFactory: httpAgentFactoryFromOptions({ keepAlive: true }),
    },
    ProtobufTraceSerializer,
    'otlp_http_span_exporter',
    TraceExporterMetricsHelper,
    undefined,
  ),
);
const raw = new NodeTracerProvider({
  resource: detectResources({ detectors: [hostDetector, processDetector] }).merge(
    resourceFromAttributes({ 'service.name': 'bench' }),
  ),
  sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(1) }),
  spanProcessors: [new BatchSpanProcessor(rawExporter, batch)],
});
const subjects = {
  'raw SDK': { tracer: raw.getTracer('bench'), flush: () => raw.forceFlush() },
  '@dotmac/obs-otel': { tracer: otel.tracer, flush: () => otel.tracerProvider.forceFlush() },
};

const SPANS = 20_000;
const ROUNDS = 60;
const samples = { 'raw SDK': [], '@dotmac/obs-otel': [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? Object.entries(subjects).reverse() : Object.entries(subjects);
  for (const [name, { tracer, flush }] of order) {
    const start = performance.now();
    for (let i = 0; i < SPANS; i++) tracer.startSpan('op').end();
    samples[name].push(((performance.now() - start) * 1e6) / SPANS); // ns per span
    await flush(); // Export outside the timed loop, so both start each round with an empty queue.
  }
}
await Promise.all([otel.shutdown(), raw.shutdown()]);
sink.close();

// The machine is shared: compare each round's back-to-back pair, and report the median of those ratios.
const pairRatios = (ours, ref) => ours.map((value, i) => value / ref[i]);
const spanRaw = median(samples['raw SDK'].slice(4));
const spanOurs = median(samples['@dotmac/obs-otel'].slice(4));
const spanRatio = median(pairRatios(samples['@dotmac/obs-otel'], samples['raw SDK']).slice(4));
console.log(`span start+end (median of ${ROUNDS - 4} rounds of ${SPANS} sampled spans, batch OTLP/HTTP exporter)`);
console.log(`  raw SDK           ${fmt(spanRaw)} ns`);
console.log(
  `  @dotmac/obs-otel  ${fmt(spanOurs)} ns   ratio ${spanRatio.toFixed(3)} (median of paired rounds; target <= 1.05)`,
);

// Cold imports in fresh processes.
const DIRECT = [
  '@opentelemetry/api',
  '@opentelemetry/api-logs',
  '@opentelemetry/core',
  '@opentelemetry/resources',
  '@opentelemetry/context-async-hooks',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/sdk-logs',
  '@opentelemetry/otlp-exporter-base',
  '@opentelemetry/otlp-exporter-base/node-http',
  '@opentelemetry/otlp-transformer',
];
const script = (specifiers) =>
  `const t = performance.now(); await Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s))); ` +
  'process.stdout.write(String(performance.now() - t));';
const coldImport = (specifiers) =>
  Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script(specifiers)], { cwd: import.meta.dirname }),
  );
const cold = { direct: [], ours: [] };
for (let r = 0; r < 21; r++) {
  if (r % 2) cold.ours.push(coldImport(['@dotmac/obs-otel']));
  cold.direct.push(coldImport(DIRECT));
  if (!(r % 2)) cold.ours.push(coldImport(['@dotmac/obs-otel']));
}
const importDirect = median(cold.direct);
const importOurs = median(cold.ours);
const importRatio = median(pairRatios(cold.ours, cold.direct));
console.log('cold import (median of 21 fresh processes each, alternating)');
console.log(`  OpenTelemetry packages directly  ${fmt(importDirect)} ms`);
console.log(
  `  import('@dotmac/obs-otel')       ${fmt(importOurs)} ms   ratio ${importRatio.toFixed(3)} (median of pairs; target <= 1.2)`,
);
