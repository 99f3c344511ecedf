import type { ComponentHealth, HealthReporter } from '@dotmac/obs-config';
import { DefaultMetricNames } from '@dotmac/obs-config';
import type { Metric } from 'prom-client';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { DEFAULT_METRIC_DEFINITIONS, defaultSamplers } from './default-metrics.js';
import { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from './exposition.js';
import { metricsHealth } from './health.js';
import type { Series } from './metric-state.js';
import { MetricState, type ScalarSeries } from './metric-state.js';
import { OtelBridge } from './otel-bridge.js';
import { createProducer } from './otel-producer.js';
import type { OtelMeter, OtelMetricProducer } from './otel-types.js';
import { StoreCollector } from './prom-collector.js';
import {
  accepts,
  BoundSeries,
  type Method,
  observeSeries,
  RefusedSeries,
  refuseDefinition,
  refuseLabels,
  refuseMetric,
  refuseValue,
  warnNotOtel,
  warnOverflow,
} from './recorder.js';
import { Refusals } from './refusals.js';
import { resolveOptions } from './registry-options.js';
import { scrape } from './scrape.js';
import type {
  ExpositionOptions,
  MetricDefinition,
  MetricLabels,
  MetricsRegistryInit,
  MetricsRegistryOptions,
  SeriesHandle,
} from './types.js';
import { MetricType } from './types.js';
import { normalizeDefinition, sameDefinition } from './validation.js';

/**
 * One metrics registry over prom-client and OpenTelemetry: samples are recorded once into an in-memory series store,
 * which prom-client reads at scrape time and OpenTelemetry at collection. Create it with `initializeMetricsRegistry`.
 */
export class MetricsRegistry implements HealthReporter {
  /** The service this registry belongs to. */
  readonly serviceName: string;
  /** The prom-client registry this registry owns (never the global one); it sees every metric of the store. */
  readonly promRegistry: Registry;
  /** Content type of `getPrometheusMetrics()`. */
  readonly prometheusContentType: string = PROMETHEUS_CONTENT_TYPE;
  /** Content type of `getPrometheusMetrics({ openMetrics: true })`. */
  readonly openMetricsContentType: string = OPENMETRICS_CONTENT_TYPE;
  /** Whether the Prometheus exposition is served. */
  readonly prometheusEnabled: boolean;
  /** Label sets kept per metric before the overflow series. */
  readonly maxSeriesPerMetric: number;
  private readonly prefix: string;
  private readonly defaultLabels: Readonly<Record<string, string>>;
  private readonly defaultLabelString: string;
  private readonly metrics = new Map<string, MetricState>();
  private readonly refusals: Refusals;
  private otel: OtelBridge | undefined;

  constructor(serviceName: string, options: MetricsRegistryOptions = {}) {
    this.serviceName = serviceName;
    const resolved = resolveOptions(options);
    this.refusals = new Refusals(resolved.policy, options.onWarning);
    this.prometheusEnabled = resolved.enablePrometheus;
    this.prefix = resolved.prefix;
    this.maxSeriesPerMetric = resolved.maxSeriesPerMetric;
    this.defaultLabels = resolved.defaultLabels;
    this.defaultLabelString = resolved.defaultLabelString;
    this.promRegistry = new Registry();
    this.promRegistry.setDefaultLabels({ ...this.defaultLabels });
    if (options.collectRuntimeMetrics === true) {
      collectDefaultMetrics({ register: this.promRegistry, prefix: this.prefix });
    }
    if (options.registerDefaultMetrics ?? true) this.registerDefaults();
    if (options.meter !== undefined) this.setOtelMeter(options.meter);
  }

  /** Registers a metric; the same definition again is a no-op, a different one under the same name is refused. */
  registerMetric(definition: MetricDefinition): void {
    const name = definition?.name;
    const normalized = normalizeDefinition(definition, Object.keys(this.defaultLabels));
    if (typeof normalized === 'string') {
      refuseDefinition(this.refusals, name, normalized);
      return;
    }
    const existing = this.metrics.get(normalized.name);
    if (existing !== undefined) {
      if (!sameDefinition(existing.def, normalized)) refuseDefinition(this.refusals, name, existing);
      return;
    }
    const state = new MetricState(normalized, this.prefix, this.maxSeriesPerMetric, (full) =>
      warnOverflow(this.refusals, full, this.maxSeriesPerMetric),
    );
    if (this.promRegistry.getSingleMetric(state.exportName) !== undefined) {
      refuseDefinition(this.refusals, name, 'prom-client');
      return;
    }
    const aggregator = normalized.name === DefaultMetricNames.SYSTEM_CPU_USAGE_PERCENT ? 'average' : 'sum';
    this.promRegistry.registerMetric(new StoreCollector(state, aggregator) as unknown as Metric);
    this.metrics.set(normalized.name, state);
    this.exportToOtel(state);
  }

  /** The definition of a registered metric (by its name without prefix). */
  getMetricDefinition(name: string): MetricDefinition | undefined {
    return this.metrics.get(name)?.def;
  }

  /** Adds `value` (default 1, finite, ≥ 0) to a counter. */
  incrementCounter(name: string, value = 1, labels?: MetricLabels): void {
    const state = this.metrics.get(name);
    if (state === undefined || state.type !== MetricType.COUNTER) this.refuseMetric(name, state, 'incrementCounter');
    else if (typeof value !== 'number' || !(value >= 0) || value === Infinity) refuseValue(this.refusals, state, value);
    else {
      const series = state.find(labels);
      if (typeof series === 'string') refuseLabels(this.refusals, state, series, labels);
      else (series as ScalarSeries).value += value;
    }
  }

  /** Sets a gauge. */
  setGauge(name: string, value: number, labels?: MetricLabels): void {
    const series = this.seriesFor(name, 'setGauge', value, labels);
    if (series !== undefined) (series as ScalarSeries).value = value;
  }

  /** Adds `value` (may be negative) to an up-down counter or a gauge. */
  addUpDownCounter(name: string, value: number, labels?: MetricLabels): void {
    const series = this.seriesFor(name, 'addUpDownCounter', value, labels);
    if (series !== undefined) (series as ScalarSeries).value += value;
  }

  /** Records one observation into a histogram. */
  observeHistogram(name: string, value: number, labels?: MetricLabels): void {
    const state = this.metrics.get(name);
    if (state === undefined || state.type !== MetricType.HISTOGRAM) this.refuseMetric(name, state, 'observeHistogram');
    else if (typeof value !== 'number' || !Number.isFinite(value)) refuseValue(this.refusals, state, value);
    else {
      const series = state.find(labels);
      if (typeof series === 'string') refuseLabels(this.refusals, state, series, labels);
      else observeSeries(state, series, value, this.defaultLabels);
    }
  }

  /** Records one observation into a summary. */
  observeSummary(name: string, value: number, labels?: MetricLabels): void {
    const series = this.seriesFor(name, 'observeSummary', value, labels);
    if (series !== undefined) observeSeries(this.metrics.get(name) as MetricState, series, value, this.defaultLabels);
  }

  /**
   * The series of `name` with `labels`, bound once for hot paths.
   *
   * @example
   * ```ts
   * const okGets = registry.series('http_requests_total', { method: 'GET', endpoint: '/users/:id', status_code: '200' });
   * okGets.inc();
   * ```
   */
  series(name: string, labels?: MetricLabels): SeriesHandle {
    const state = this.metrics.get(name);
    if (state === undefined) return new RefusedSeries(() => this.refuseMetric(name, undefined, 'inc'));
    const series = state.find(labels, false);
    if (typeof series === 'string') {
      return new RefusedSeries(() => refuseLabels(this.refusals, state, series, labels));
    }
    return new BoundSeries(state, series, this.refusals, this.defaultLabels);
  }

  /** The exposition of every metric (store and prom-client), Prometheus text by default or OpenMetrics. */
  async getPrometheusMetrics(options: ExpositionOptions = {}): Promise<string> {
    if (!this.prometheusEnabled) return '';
    return scrape(this.promRegistry, this.defaultLabels, this.defaultLabelString, options.openMetrics === true);
  }

  /** Exports through OpenTelemetry from now on (or stops, with `undefined`); replaces any previous meter. */
  setOtelMeter(meter: OtelMeter | undefined): void {
    this.otel?.dispose();
    this.otel = undefined;
    if (meter === undefined) return;
    this.otel = new OtelBridge(meter, this.defaultLabels);
    for (const state of this.metrics.values()) this.exportToOtel(state);
  }

  /**
   * An OpenTelemetry SDK `MetricProducer` over the store, for a reader's `metricProducers`: every type (histograms
   * included) is read at collection, nothing is recorded twice. Use it instead of `setOtelMeter`, not with it.
   *
   * @example
   * ```ts
   * const reader = new PeriodicExportingMetricReader({ exporter, metricProducers: [metrics.createOtelMetricProducer()] });
   * ```
   */
  createOtelMetricProducer(): OtelMetricProducer {
    return createProducer({
      metrics: () => this.metrics.values(),
      defaultLabels: this.defaultLabels,
      scopeName: '@dotmac/obs-metrics',
    });
  }

  /** The registry's health: metrics registered, series against the cap, refused samples by reason. */
  health(): ComponentHealth {
    return metricsHealth([...this.metrics.values()], this.maxSeriesPerMetric, this.refusals, this.otel !== undefined);
  }

  private exportToOtel(state: MetricState): void {
    if (this.otel !== undefined && !this.otel.add(state)) warnNotOtel(this.refusals, state);
  }

  private registerDefaults(): void {
    for (const definition of DEFAULT_METRIC_DEFINITIONS) this.registerMetric(definition);
    for (const [name, sampler] of defaultSamplers()) {
      const state = this.metrics.get(name);
      if (state !== undefined) state.sampler = sampler;
    }
  }

  private seriesFor(name: string, method: Method, value: number, labels?: MetricLabels): Series | undefined {
    const state = this.metrics.get(name);
    if (state === undefined || !accepts(state, method)) {
      this.refuseMetric(name, state, method);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      refuseValue(this.refusals, state, value);
      return undefined;
    }
    const series = state.find(labels);
    if (typeof series !== 'string') return series;
    refuseLabels(this.refusals, state, series, labels);
    return undefined;
  }

  private refuseMetric(name: string, state: MetricState | undefined, method: Method): void {
    refuseMetric(this.refusals, name, state, method);
  }
}

/**
 * Creates a metrics registry with its own prom-client registry and the seed's default metrics.
 *
 * @example
 * ```ts
 * const metrics = initializeMetricsRegistry('my-service', { enablePrometheus: true });
 * metrics.incrementCounter('http_requests_total', 1, { method: 'GET', endpoint: '/users', status_code: '200' });
 * ```
 */
export function initializeMetricsRegistry(serviceName: string, options?: MetricsRegistryOptions): MetricsRegistry;
export function initializeMetricsRegistry(init: MetricsRegistryInit): MetricsRegistry;
export function initializeMetricsRegistry(
  serviceOrInit: string | MetricsRegistryInit,
  options?: MetricsRegistryOptions,
): MetricsRegistry {
  if (typeof serviceOrInit === 'string') return new MetricsRegistry(serviceOrInit, options);
  const { serviceName, ...rest } = serviceOrInit;
  return new MetricsRegistry(serviceName, rest);
}
