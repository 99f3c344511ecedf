import type { ComponentHealth, SloWindow } from '@dotmac/obs-config';

/** The kinds of business metric (the seed's `BusinessMetricType`); plain strings are accepted too. */
export const BusinessMetricType = Object.freeze({
  /** Each event is good (`1`/`true`) or bad (`0`/`false`); SLI = good / total; `sloTarget` is the minimum ratio. */
  SUCCESS_RATE: 'success_rate',
  /** Each event is an error (`1`/`true`) or not (`0`/`false`); `sloTarget` is the maximum error ratio. */
  ERROR_RATE: 'error_rate',
  /** Each event is a duration in ms; good = value ≤ the threshold; `sloTarget` is the threshold in ms. */
  LATENCY: 'latency',
  /** Each event is a count of events; `sloTarget` is the minimum events per second. */
  THROUGHPUT: 'throughput',
  /** Like `SUCCESS_RATE`: each event is an up (`1`) or down (`0`) probe. */
  AVAILABILITY: 'availability',
} as const);
/** One of the `BusinessMetricType` values. */
export type BusinessMetricType = (typeof BusinessMetricType)[keyof typeof BusinessMetricType];

/** A rolling window (`'30d'`, `'28d'`, `'7d'`, any `<n><ms|s|m|h|d|w>` duration). */
export interface RollingWindowSpec {
  readonly kind: 'rolling';
  readonly duration: string;
}
/** A calendar window (the current month or ISO week, starting Monday) in an IANA time zone (default `UTC`). */
export interface CalendarWindowSpec {
  readonly kind: 'calendar';
  readonly unit: 'month' | 'week';
  readonly timeZone?: string;
}
/** The SLO window: a spec object, or a duration string meaning a rolling window. Default `'30d'`. */
export type SloWindowSpec = RollingWindowSpec | CalendarWindowSpec | string;

/** One multiwindow burn-rate alert condition: fires when both windows burn faster than `factor`. */
export interface BurnRateAlertRule {
  readonly severity: 'page' | 'ticket';
  readonly longWindow: SloWindow;
  readonly shortWindow: SloWindow;
  /** Burn-rate factor: 1 spends exactly the whole budget over the SLO period. */
  readonly factor: number;
}

/** The definition of a business metric and its SLO (the seed's `BusinessMetricSpec`). */
export interface BusinessMetricSpec {
  /** Metric name: `[a-zA-Z_][a-zA-Z0-9_]*`, used as the `slo` label. */
  readonly name: string;
  readonly metricType: BusinessMetricType;
  readonly description: string;
  /**
   * The objective. SUCCESS_RATE/AVAILABILITY: minimum good ratio (0.99). ERROR_RATE: maximum error ratio (0.01).
   * LATENCY: threshold in ms (500 = "P95 ≤ 500 ms"). THROUGHPUT: minimum events per second.
   */
  readonly sloTarget: number;
  /**
   * Worse than this is critical. Ratios: SUCCESS_RATE/AVAILABILITY below it, ERROR_RATE above it.
   * LATENCY: the percentile in ms above it. THROUGHPUT: events per second below it.
   */
  readonly alertThreshold: number;
  /** Label names taken from the `TenantContext` (`tenant_id`, `service`, `region`, …). */
  readonly labels?: readonly string[];
  /** The SLO window (default rolling `'30d'`). */
  readonly window?: SloWindowSpec;
  /** LATENCY only: the good-event threshold in ms; defaults to `sloTarget`. */
  readonly latencyThresholdMs?: number;
  /** LATENCY only: the percentile as a ratio (default 0.95): at least this share of events ≤ threshold. */
  readonly percentile?: number;
  /** Burn-rate alerts for this metric (default: the instance's, themselves by default the SRE Workbook's). */
  readonly burnRateAlerts?: readonly BurnRateAlertRule[];
  /** A runbook URL for the generated alerts' `runbook_url` annotation. */
  readonly runbookUrl?: string;
}

/** Who an event belongs to (the seed's `TenantContext`); extra string fields can feed spec labels. */
export interface TenantContext {
  /** 1–128 characters of `[A-Za-z0-9._-]`, starting with a letter or digit. */
  readonly tenantId: string;
  readonly service?: string;
  readonly region?: string;
  readonly [label: string]: string | undefined;
}

/** Error budget over the SLO window. */
export interface ErrorBudget {
  /** The allowed bad-event ratio (1 − objective): 0.01 for a 99% SLO. */
  readonly total: number;
  /** Bad events allowed so far: `total × sampleCount`. */
  readonly allowedEvents: number;
  /** Bad events so far in the window. */
  readonly badEvents: number;
  /** Fraction of the budget spent (> 1 when overspent). */
  readonly consumed: number;
  /** `1 − consumed`: negative when overspent. */
  readonly remaining: number;
}

/** A burn-rate alert that fires now, with the two burn rates that made it fire. */
export interface FiringBurnRateAlert extends BurnRateAlertRule {
  readonly longBurnRate: number;
  readonly shortBurnRate: number;
}

/** The window an evaluation covers. */
export interface EvaluatedWindow {
  readonly kind: 'rolling' | 'calendar';
  /** `'30d'`, `'month'` or `'week'`. */
  readonly label: string;
  /** Start of the window (ms since the epoch) and now. */
  readonly start: number;
  readonly end: number;
  /** The full SLO period in ms (for calendar windows: the whole month or week). */
  readonly periodMs: number;
}

/** The health of one SLO for one tenant. */
export type SloStatus = 'healthy' | 'warning' | 'critical' | 'no_data';

/** The result of evaluating one business metric for one tenant. */
export interface SloEvaluation {
  readonly name: string;
  readonly metricType: BusinessMetricType;
  /** Ratio types: the good (or error) ratio; LATENCY: the percentile in ms; THROUGHPUT: events per second. */
  readonly currentValue: number;
  readonly sloTarget: number;
  readonly alertThreshold: number;
  /** `currentValue` is worse than `alertThreshold`. */
  readonly isCritical: boolean;
  readonly isMeetingSlo: boolean;
  readonly status: SloStatus;
  readonly sampleCount: number;
  /** The good-event ratio the SLO requires (0.99; for LATENCY the percentile). */
  readonly objective: number;
  /** Good events / total events over the window (1 when empty). */
  readonly sli: number;
  readonly window: EvaluatedWindow;
  readonly errorBudget: ErrorBudget;
  /** Bad-event ratio per window (0 without events). */
  readonly errorRatios: Readonly<Record<SloWindow, number>>;
  /** Error ratio / (1 − objective) per window. */
  readonly burnRates: Readonly<Record<SloWindow, number>>;
  readonly firingAlerts: readonly FiringBurnRateAlert[];
  /** Estimated ms until the budget is spent at the 1h burn rate; 0 when spent, `null` when not burning. */
  readonly timeToExhaustionMs: number | null;
}

/** What to do with a bad input (unknown metric, bad tenant id, bad value). */
export type OnInvalid = 'throw' | 'warn' | 'drop';

/** The part of `@dotmac/obs-metrics`' `MetricsRegistry` that obs-slo uses. */
export interface SloCounterRegistry {
  registerMetric(definition: {
    name: string;
    type: 'counter';
    description: string;
    labels?: readonly string[];
  }): unknown;
  incrementCounter(name: string, value?: number, labels?: Record<string, string>): unknown;
}

/** Options of `initializeTenantMetrics`. */
export interface TenantMetricsOptions {
  readonly serviceName: string;
  /** Where the `dotmac_slo_events_total` / `dotmac_slo_good_events_total` counters go. */
  readonly metricsRegistry?: SloCounterRegistry | undefined;
  /** Keep windows in process and evaluate SLOs (default true); off = counters only. */
  readonly enableSloMonitoring?: boolean;
  /** Register the seed's five default business metrics (default true). */
  readonly registerDefaultMetrics?: boolean;
  /** More specs to register at once. */
  readonly specs?: readonly BusinessMetricSpec[];
  /** Current time in ms since the epoch (default `Date.now`). */
  readonly clock?: () => number;
  /** Default: `'throw'` when `environment` is development or test, else `'warn'` (once per metric and reason). */
  readonly onInvalid?: OnInvalid;
  /** Default: `process.env.NODE_ENV`. */
  readonly environment?: string;
  /** Tenants kept per metric (default 10,000). */
  readonly maxTenantsPerMetric?: number;
  /** Past the cap: `'overflow'` (default) pools new tenants as `tenant_id="_overflow"`; `'drop'` drops their events. */
  readonly tenantOverflow?: 'overflow' | 'drop';
  /** Label sets kept per tenant and metric (default 20); more pool into one `_overflow` label set. */
  readonly maxLabelSetsPerTenant?: number;
  /** Context labels the Prometheus counters carry besides `tenant_id` and `slo` (default `service`, `region`). */
  readonly counterLabels?: readonly string[];
  /** Default burn-rate alerts (default `DEFAULT_BURN_RATE_ALERTS`). */
  readonly burnRateAlerts?: readonly BurnRateAlertRule[];
}

/** Tenant-scoped business metrics with SLO evaluation (the seed's `TenantMetrics`). */
export interface TenantMetrics {
  readonly serviceName: string;
  /** Registers a spec; the same spec twice is a no-op, a different one under the same name is an error. */
  registerBusinessMetric(spec: BusinessMetricSpec): void;
  /** Records one event; never throws unless `onInvalid` is `'throw'`. */
  recordBusinessMetric(name: string, value: number | boolean, context: TenantContext): void;
  /** Evaluates every registered SLO for the context's tenant only. */
  evaluateSlos(context: TenantContext | string): Record<string, SloEvaluation>;
  /** The registered specs, each with its effective `burnRateAlerts`. */
  getSpecs(): readonly BusinessMetricSpec[];
  health(): ComponentHealth;
}
