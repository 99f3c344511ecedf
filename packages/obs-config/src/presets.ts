import { Environment, ExporterType } from './constants.js';
import type { ExporterConfig, OTelConfigInput } from './schema.js';

type Preset = Omit<OTelConfigInput, 'serviceName' | 'environment'>;

const all = (type: ExporterType): Pick<Preset, 'tracingExporters' | 'metricsExporters' | 'loggingExporters'> => {
  const list = (): ExporterConfig[] => [{ type }];
  return { tracingExporters: list(), metricsExporters: list(), loggingExporters: list() };
};

/**
 * The defaults each environment starts from, before environment variables and code override them.
 * development: console exporters, every trace sampled, quick flushes.
 * test: no exporter at all (nothing leaves the process), every trace sampled.
 * staging: OTLP/HTTP, half of the traces sampled.
 * production: OTLP/HTTP, 10% of the traces sampled (the seed's default), larger batches and queue.
 */
export const ENVIRONMENT_PRESETS: Readonly<Record<Environment, () => Preset>> = Object.freeze({
  [Environment.DEVELOPMENT]: () => ({
    ...all(ExporterType.CONSOLE),
    traceSamplerRatio: 1,
    scheduledDelayMillis: 1000,
    metricExportIntervalMillis: 10_000,
  }),
  [Environment.TEST]: () => ({
    tracingExporters: [],
    metricsExporters: [],
    loggingExporters: [],
    traceSamplerRatio: 1,
    scheduledDelayMillis: 500,
    metricExportIntervalMillis: 60_000,
  }),
  [Environment.STAGING]: () => ({
    ...all(ExporterType.OTLP_HTTP),
    traceSamplerRatio: 0.5,
    metricExportIntervalMillis: 30_000,
  }),
  [Environment.PRODUCTION]: () => ({
    ...all(ExporterType.OTLP_HTTP),
    traceSamplerRatio: 0.1,
    maxExportBatchSize: 1024,
    maxQueueSize: 4096,
    metricExportIntervalMillis: 60_000,
  }),
});
