import { SLO_WINDOWS, type SloWindow } from '@dotmac/obs-config';
import { firingAlerts } from './burn-rate.js';
import type { Counts } from './count-ring.js';
import { type DDSketch, quantileOf } from './dd-sketch.js';
import type { Series } from './series.js';
import type { MetricDef } from './spec.js';
import type { EvaluatedWindow, SloEvaluation, SloStatus } from './types.js';

function ratesOf(def: MetricDef, series: readonly Series[], now: number) {
  const errorRatios = {} as Record<SloWindow, number>;
  const burnRates = {} as Record<SloWindow, number>;
  const counts: Counts[] = SLO_WINDOWS.map(() => ({ good: 0, total: 0 }));
  for (const s of series) s.sumBurnWindows(now, counts);
  for (const [j, w] of SLO_WINDOWS.entries()) {
    const c = counts[j] as Counts;
    const ratio = c.total > 0 ? (c.total - c.good) / c.total : 0;
    errorRatios[w] = ratio;
    burnRates[w] = def.budget > 0 ? ratio / def.budget : 0;
  }
  return { errorRatios, burnRates };
}

function currentValueOf(def: MetricDef, series: readonly Series[], c: Counts, window: EvaluatedWindow): number {
  if (c.total === 0) return Number.NaN;
  const sli = c.good / c.total;
  switch (def.type) {
    case 'error_rate':
      return 1 - sli;
    case 'latency': {
      const sketches: DDSketch[] = [];
      for (const s of series) s.collectSketches(window, sketches);
      return quantileOf(sketches, def.percentile);
    }
    case 'throughput': {
      const first = Math.min(...series.map((s) => s.firstSeen));
      return c.total / (Math.max(1000, window.end - Math.max(window.start, first)) / 1000);
    }
    default:
      return sli;
  }
}

function isWorse(def: MetricDef, value: number, bound: number): boolean {
  if (Number.isNaN(value)) return false;
  return def.type === 'error_rate' || def.type === 'latency' ? value > bound : value < bound;
}

/** Evaluates one metric for one tenant from the tenant's series (all its label sets). */
export function evaluateMetric(def: MetricDef, series: readonly Series[], now: number): SloEvaluation {
  const window = def.window.at(now);
  const c: Counts = { good: 0, total: 0 };
  for (const s of series) s.sumPeriod(window, c);
  const { spec } = def;
  const sli = c.total > 0 ? c.good / c.total : 1;
  const currentValue = currentValueOf(def, series, c, window);
  const isCritical = isWorse(def, currentValue, spec.alertThreshold);
  const isMeetingSlo =
    def.type === 'throughput' ? !isWorse(def, currentValue, spec.sloTarget) : sli >= def.objective - 1e-12;
  const { errorRatios, burnRates } = ratesOf(def, series, now);
  const badEvents = c.total - c.good;
  const consumed = def.budget > 0 && c.total > 0 ? badEvents / c.total / def.budget : 0;
  const remaining = 1 - consumed;
  const alerts = firingAlerts(def.alerts, burnRates);
  let status: SloStatus = 'healthy';
  if (c.total === 0) status = 'no_data';
  else if (isCritical || alerts.some((a) => a.severity === 'page')) status = 'critical';
  else if (!isMeetingSlo || alerts.length > 0) status = 'warning';
  const burn1h = burnRates['1h'];
  let timeToExhaustionMs: number | null = null;
  if (def.budget > 0 && c.total > 0) {
    if (remaining <= 0) timeToExhaustionMs = 0;
    else if (burn1h > 0) timeToExhaustionMs = Math.round((remaining * window.periodMs) / burn1h);
  }
  return {
    name: spec.name,
    metricType: def.type,
    currentValue,
    sloTarget: spec.sloTarget,
    alertThreshold: spec.alertThreshold,
    isCritical,
    isMeetingSlo,
    status,
    sampleCount: c.total,
    objective: def.objective,
    sli,
    window,
    errorBudget: {
      total: def.budget,
      allowedEvents: Math.round(def.budget * c.total * 1e9) / 1e9,
      badEvents,
      consumed,
      remaining,
    },
    errorRatios,
    burnRates,
    firingAlerts: alerts,
    timeToExhaustionMs,
  };
}
