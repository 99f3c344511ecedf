import os from 'node:os';
import { DefaultMetricNames } from '@dotmac/obs-config';
import type { MetricDefinition } from './types.js';
import { MetricType } from './types.js';

/** The seed's default metrics, registered by `initializeMetricsRegistry` unless `registerDefaultMetrics: false`. */
export const DEFAULT_METRIC_DEFINITIONS: readonly MetricDefinition[] = Object.freeze([
  {
    name: DefaultMetricNames.HTTP_REQUESTS_TOTAL,
    type: MetricType.COUNTER,
    description: 'Total HTTP requests',
    labels: ['method', 'endpoint', 'status_code'],
  },
  {
    name: DefaultMetricNames.HTTP_REQUEST_DURATION_SECONDS,
    type: MetricType.HISTOGRAM,
    description: 'HTTP request duration',
    labels: ['method', 'endpoint'],
    unit: 's',
  },
  {
    name: DefaultMetricNames.SYSTEM_MEMORY_USAGE_BYTES,
    type: MetricType.GAUGE,
    description: 'Memory usage (resident set size of the process), sampled at collection',
    unit: 'By',
  },
  {
    name: DefaultMetricNames.SYSTEM_CPU_USAGE_PERCENT,
    type: MetricType.GAUGE,
    description: 'CPU usage of the process since the previous collection, in percent of all cores',
    unit: '%',
  },
  {
    name: DefaultMetricNames.DATABASE_CONNECTIONS_ACTIVE,
    type: MetricType.GAUGE,
    description: 'Active DB connections',
  },
  {
    name: DefaultMetricNames.DATABASE_QUERY_DURATION_SECONDS,
    type: MetricType.HISTOGRAM,
    description: 'DB query duration',
    labels: ['operation', 'table'],
    unit: 's',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  },
]);

/** Samples process CPU usage as a percentage of all cores over the time since the previous sample. */
export function createCpuSampler(): () => number {
  const cores = Math.max(1, os.availableParallelism());
  let lastUsage = process.cpuUsage();
  let lastTime = process.hrtime.bigint();
  return () => {
    const usage = process.cpuUsage();
    const now = process.hrtime.bigint();
    const elapsedMicros = Number(now - lastTime) / 1000;
    const usedMicros = usage.user - lastUsage.user + (usage.system - lastUsage.system);
    lastUsage = usage;
    lastTime = now;
    if (elapsedMicros <= 0) return 0;
    return Math.min(100, Math.max(0, (usedMicros / elapsedMicros / cores) * 100));
  };
}

/** Samples the resident set size of the process, in bytes. */
export function sampleMemoryBytes(): number {
  return process.memoryUsage.rss();
}

/** The default gauges sampled at collection time, with a fresh sampler each (the CPU one keeps its last reading). */
export function defaultSamplers(): Array<[string, () => number]> {
  return [
    [DefaultMetricNames.SYSTEM_MEMORY_USAGE_BYTES, sampleMemoryBytes],
    [DefaultMetricNames.SYSTEM_CPU_USAGE_PERCENT, createCpuSampler()],
  ];
}
