import { SLO_WINDOWS, type SloWindow } from '@dotmac/obs-config';
import { exact, formatNumber } from './decimal.js';
import { SloError } from './errors.js';
import type { BurnRateAlertRule, FiringBurnRateAlert } from './types.js';

/**
 * The Google SRE Workbook's multiwindow, multi-burn-rate alerts (chapter 5, for a 30-day SLO): page at 14.4× over
 * 1h and 5m (2% of the budget in an hour) or 6× over 6h and 30m (5% in 6 hours); ticket at 3× over 1d and 2h
 * (10% in a day) or 1× over 3d and 6h (10% in 3 days).
 */
export const DEFAULT_BURN_RATE_ALERTS: readonly BurnRateAlertRule[] = Object.freeze([
  Object.freeze({ severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4 }),
  Object.freeze({ severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6 }),
  Object.freeze({ severity: 'ticket', longWindow: '1d', shortWindow: '2h', factor: 3 }),
  Object.freeze({ severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1 }),
] as const);

const isWindow = (w: unknown): w is SloWindow => (SLO_WINDOWS as readonly unknown[]).includes(w);

/** Validates burn-rate alert rules (windows among `SLO_WINDOWS`, factor > 0, severity page/ticket). */
export function validateAlertRules(rules: readonly BurnRateAlertRule[], where: string): readonly BurnRateAlertRule[] {
  for (const [i, r] of rules.entries()) {
    const ok =
      (r.severity === 'page' || r.severity === 'ticket') &&
      isWindow(r.longWindow) &&
      isWindow(r.shortWindow) &&
      Number.isFinite(r.factor) &&
      r.factor > 0;
    if (!ok) {
      throw new SloError(
        'SLO_INVALID_SPEC',
        `${where}: burnRateAlerts[${i}] is invalid: use { severity: 'page' | 'ticket', longWindow, shortWindow (one of ${SLO_WINDOWS.join(', ')}), factor > 0 }.`,
      );
    }
  }
  return Object.freeze(rules.map((r) => Object.freeze({ ...r })));
}

/** Throws `SLO_IMPOSSIBLE_ALERT` for a rule that could never fire: factor × budget ≥ 1. */
export function assertPossible(rules: readonly BurnRateAlertRule[], budget: number, name: string): void {
  for (const r of rules) {
    if (exact(r.factor * budget) >= 1) {
      throw new SloError(
        'SLO_IMPOSSIBLE_ALERT',
        `SLO "${name}": the ${r.severity} alert at ${formatNumber(r.factor)}× over ${r.longWindow}/${r.shortWindow} can never fire (needs an error ratio of ${formatNumber(r.factor * budget)} > 1 with an error budget of ${formatNumber(budget)}); lower its factor below ${formatNumber(1 / budget)} or tighten the objective.`,
      );
    }
  }
}

/** The alerts whose long and short burn rates both exceed the factor. */
export function firingAlerts(
  rules: readonly BurnRateAlertRule[],
  burnRates: Readonly<Record<SloWindow, number>>,
): FiringBurnRateAlert[] {
  const firing: FiringBurnRateAlert[] = [];
  for (const r of rules) {
    const longBurnRate = burnRates[r.longWindow];
    const shortBurnRate = burnRates[r.shortWindow];
    if (longBurnRate > r.factor && shortBurnRate > r.factor) firing.push({ ...r, longBurnRate, shortBurnRate });
  }
  return firing;
}
