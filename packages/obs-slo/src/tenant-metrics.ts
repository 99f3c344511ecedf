import { type ComponentHealth, SloMetricNames } from '@dotmac/obs-config';
import { DEFAULT_BUSINESS_METRICS } from './default-metrics.js';
import { SloError, type SloErrorCode } from './errors.js';
import { evaluateMetric } from './evaluate.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { Series } from './series.js';
import { normalizeSpec, sameSpec } from './spec.js';
import { tenantHealth } from './tenant-health.js';
import { invalidTenantError, isValidTenantId, OVERFLOW_TENANT } from './tenant-id.js';
import { addEntry, type Entry, findEntry, type MetricState, TenantSeries } from './tenant-store.js';
import type {
  BusinessMetricSpec,
  SloCounterRegistry,
  SloEvaluation,
  TenantContext,
  TenantMetrics,
  TenantMetricsOptions,
} from './types.js';

/** Beyond this many metric+reason pairs warnings stop (counting goes on): unknown names cannot grow memory. */
const MAX_WARNED = 1000;

class TenantMetricsImpl implements TenantMetrics {
  readonly serviceName: string;
  private readonly o: ResolvedOptions;
  private readonly metrics = new Map<string, MetricState>();
  private readonly warned = new Set<string>();
  private invalid = 0;
  private dropped = 0;
  private overflowed = 0;
  private registryErrors = 0;

  constructor(o: ResolvedOptions) {
    this.o = o;
    this.serviceName = o.serviceName;
    const labels = ['tenant_id', 'slo', ...o.counterLabels];
    o.registry?.registerMetric({
      name: SloMetricNames.EVENTS_TOTAL,
      type: 'counter',
      description: 'Business SLO events, per tenant and SLO',
      labels,
    });
    o.registry?.registerMetric({
      name: SloMetricNames.GOOD_EVENTS_TOTAL,
      type: 'counter',
      description: 'Good business SLO events (latency: at or under the threshold), per tenant and SLO',
      labels,
    });
  }

  registerBusinessMetric(spec: BusinessMetricSpec): void {
    const def = normalizeSpec(spec, this.o.alerts);
    const existing = this.metrics.get(def.spec.name);
    if (existing) {
      if (sameSpec(existing.def.spec, def.spec)) return;
      throw new SloError(
        'SLO_DUPLICATE_METRIC',
        `Business metric "${def.spec.name}" is already registered with a different spec: use another name.`,
      );
    }
    const unknown = def.extraLabels.filter((l) => !this.o.counterLabels.includes(l));
    if (unknown.length > 0) {
      throw new SloError(
        'SLO_INVALID_SPEC',
        `Business metric "${def.spec.name}": labels ${unknown.join(', ')} are not counter labels: add them to counterLabels in initializeTenantMetrics options.`,
      );
    }
    this.metrics.set(def.spec.name, { def, tenants: new Map() });
  }

  getSpecs(): readonly BusinessMetricSpec[] {
    return [...this.metrics.values()].map((m) => Object.freeze({ ...m.def.spec, burnRateAlerts: m.def.alerts }));
  }

  private reject(code: SloErrorCode, metric: string, error: () => SloError): void {
    this.invalid++;
    if (this.o.onInvalid === 'throw') throw error();
    if (this.o.onInvalid !== 'warn') return;
    const key = `${metric}\u0000${code}`;
    if (this.warned.has(key) || this.warned.size >= MAX_WARNED) return;
    this.warned.add(key);
    process.emitWarning(`${error().message} (further ones are counted in health())`, { code });
  }

  recordBusinessMetric(name: string, value: number | boolean, context: TenantContext): void {
    const state = this.metrics.get(name);
    if (!state) {
      this.reject('SLO_UNKNOWN_METRIC', String(name), () => {
        return new SloError('SLO_UNKNOWN_METRIC', `Unknown business metric "${name}": register it first.`);
      });
      return;
    }
    const { def } = state;
    let good: number;
    let total = 1;
    let latency: number | undefined;
    if (def.type === 'latency') {
      if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
        this.badValue(name, value, 'a finite duration in ms ≥ 0');
        return;
      }
      latency = value;
      good = value <= def.thresholdMs ? 1 : 0;
    } else if (def.type === 'throughput') {
      const n = value === true ? 1 : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        this.badValue(name, value, 'an integer count ≥ 0');
        return;
      }
      good = total = n;
    } else {
      const bit = value === true || value === 1 ? 1 : value === false || value === 0 ? 0 : -1;
      if (bit < 0) {
        this.badValue(name, value, '1/true or 0/false');
        return;
      }
      good = def.type === 'error_rate' ? 1 - bit : bit;
    }
    const entry = this.entry(state, context);
    if (!entry) return;
    entry.series?.add(this.o.clock(), good, total, latency);
    const registry = this.o.registry;
    if (registry) this.count(registry, total, good, entry.labels);
  }

  private badValue(name: string, value: unknown, expected: string): void {
    this.reject('SLO_INVALID_VALUE', name, () => {
      const shown = typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
      return new SloError(
        'SLO_INVALID_VALUE',
        `Business metric "${name}": value ${shown} is invalid: record ${expected}.`,
      );
    });
  }

  private count(registry: SloCounterRegistry, total: number, good: number, labels: Record<string, string>): void {
    try {
      registry.incrementCounter(SloMetricNames.EVENTS_TOTAL, total, labels);
      if (good > 0) registry.incrementCounter(SloMetricNames.GOOD_EVENTS_TOTAL, good, labels);
    } catch {
      this.registryErrors++;
    }
  }

  /** Finds or creates the entry for the context's tenant and label set, applying the caps. */
  private entry(state: MetricState, context: TenantContext): Entry | undefined {
    let tenantId = context?.tenantId;
    let t = state.tenants.get(tenantId);
    if (!t) {
      if (!isValidTenantId(tenantId)) {
        this.reject('SLO_INVALID_TENANT', state.def.spec.name, () => invalidTenantError(tenantId));
        return undefined;
      }
      if (state.tenants.size >= this.o.maxTenants) {
        if (this.o.tenantOverflow === 'drop') {
          this.dropped++;
          return undefined;
        }
        this.overflowed++;
        tenantId = OVERFLOW_TENANT;
        t = state.tenants.get(tenantId);
      }
      if (!t) {
        t = new TenantSeries();
        state.tenants.set(tenantId, t);
      }
    }
    const labels = state.def.extraLabels;
    let entry = findEntry(t, labels, context);
    if (!entry) {
      if (t.entries.length >= this.o.maxLabelSets) {
        this.overflowed++;
        entry = t.overflow;
        if (!entry) {
          entry = this.newEntry(state, tenantId, context, true);
          t.overflow = entry;
          t.entries.push(entry);
        }
      } else {
        entry = this.newEntry(state, tenantId, context, false);
        addEntry(t, labels, context, entry);
      }
    }
    return entry;
  }

  private newEntry(state: MetricState, tenantId: string, context: TenantContext, overflow: boolean): Entry {
    const labels: Record<string, string> = { tenant_id: tenantId, slo: state.def.spec.name };
    for (const l of this.o.counterLabels) {
      const used = state.def.extraLabels.includes(l);
      labels[l] = !used ? '' : overflow ? OVERFLOW_TENANT : String(context[l] ?? '');
    }
    const registry = this.o.registry;
    if (registry) {
      // Create both series at 0, so that Prometheus sees the good one even when every event is bad.
      try {
        registry.incrementCounter(SloMetricNames.EVENTS_TOTAL, 0, labels);
        registry.incrementCounter(SloMetricNames.GOOD_EVENTS_TOTAL, 0, labels);
      } catch {
        this.registryErrors++;
      }
    }
    return { series: this.o.monitoring ? new Series(state.def) : undefined, labels };
  }

  evaluateSlos(context: TenantContext | string): Record<string, SloEvaluation> {
    const tenantId = typeof context === 'string' ? context : context?.tenantId;
    const result: Record<string, SloEvaluation> = {};
    if (!isValidTenantId(tenantId)) {
      this.reject('SLO_INVALID_TENANT', 'evaluateSlos', () => invalidTenantError(tenantId));
      return result;
    }
    if (!this.o.monitoring) return result;
    const now = this.o.clock();
    for (const [name, state] of this.metrics) {
      const series: Series[] = [];
      for (const entry of state.tenants.get(tenantId)?.entries ?? []) if (entry.series) series.push(entry.series);
      result[name] = evaluateMetric(state.def, series, now);
    }
    return result;
  }

  health(): ComponentHealth {
    return tenantHealth(this.serviceName, this.metrics.values(), {
      invalidRecords: this.invalid,
      droppedEvents: this.dropped,
      overflowEvents: this.overflowed,
      registryErrors: this.registryErrors,
      sloMonitoring: this.o.monitoring,
    });
  }
}

/**
 * Creates tenant-scoped business metrics with SLO evaluation; the seed's five default metrics are registered
 * unless `registerDefaultMetrics: false`.
 *
 * @example
 * ```ts
 * const tenantMetrics = initializeTenantMetrics('user-service', metrics);
 * tenantMetrics.recordBusinessMetric('login_success_rate', 1, { tenantId: 'acme-corp' });
 * const slos = tenantMetrics.evaluateSlos({ tenantId: 'acme-corp' });
 * ```
 */
export function initializeTenantMetrics(options: TenantMetricsOptions): TenantMetrics;
export function initializeTenantMetrics(
  serviceName: string,
  metricsRegistry?: SloCounterRegistry,
  options?: Omit<TenantMetricsOptions, 'serviceName' | 'metricsRegistry'>,
): TenantMetrics;
export function initializeTenantMetrics(
  first: string | TenantMetricsOptions,
  metricsRegistry?: SloCounterRegistry,
  options?: Omit<TenantMetricsOptions, 'serviceName' | 'metricsRegistry'>,
): TenantMetrics {
  const all: TenantMetricsOptions =
    typeof first === 'string' ? { ...options, serviceName: first, metricsRegistry } : (first ?? { serviceName: '' });
  const metrics = new TenantMetricsImpl(resolveOptions(all));
  if (all.registerDefaultMetrics ?? true)
    for (const spec of DEFAULT_BUSINESS_METRICS) metrics.registerBusinessMetric(spec);
  for (const spec of all.specs ?? []) metrics.registerBusinessMetric(spec);
  return metrics;
}
