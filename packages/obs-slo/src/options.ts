import { DEFAULT_BURN_RATE_ALERTS, validateAlertRules } from './burn-rate.js';
import { SloError } from './errors.js';
import { isUsableLabel } from './spec.js';
import { tickClock } from './tenant-id.js';
import type { BurnRateAlertRule, OnInvalid, SloCounterRegistry, TenantMetricsOptions } from './types.js';

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly serviceName: string;
  readonly registry: SloCounterRegistry | undefined;
  readonly monitoring: boolean;
  readonly clock: () => number;
  readonly onInvalid: OnInvalid;
  readonly maxTenants: number;
  readonly tenantOverflow: 'overflow' | 'drop';
  readonly maxLabelSets: number;
  readonly counterLabels: readonly string[];
  readonly alerts: readonly BurnRateAlertRule[];
}

function positiveInt(v: number | undefined, fallback: number, field: string): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new SloError('SLO_INVALID_SPEC', `initializeTenantMetrics: ${field} must be a positive integer (got ${v}).`);
  }
  return v;
}

/** Validates the options of `initializeTenantMetrics` and fills the defaults. */
export function resolveOptions(o: TenantMetricsOptions): ResolvedOptions {
  if (typeof o.serviceName !== 'string' || o.serviceName.length === 0) {
    throw new SloError('SLO_INVALID_SPEC', 'initializeTenantMetrics: serviceName must be a non-empty string.');
  }
  const environment = o.environment ?? process.env.NODE_ENV ?? '';
  const strict = environment === 'development' || environment === 'test';
  const counterLabels = o.counterLabels ?? ['service', 'region'];
  for (const l of counterLabels) {
    if (!isUsableLabel(l) || l === 'tenant_id') {
      throw new SloError(
        'SLO_INVALID_SPEC',
        `initializeTenantMetrics: counterLabels entry "${l}" is not a usable label name.`,
      );
    }
  }
  if (o.onInvalid !== undefined && o.onInvalid !== 'throw' && o.onInvalid !== 'warn' && o.onInvalid !== 'drop') {
    throw new SloError('SLO_INVALID_SPEC', "initializeTenantMetrics: onInvalid must be 'throw', 'warn' or 'drop'.");
  }
  if (o.tenantOverflow !== undefined && o.tenantOverflow !== 'overflow' && o.tenantOverflow !== 'drop') {
    throw new SloError('SLO_INVALID_SPEC', "initializeTenantMetrics: tenantOverflow must be 'overflow' or 'drop'.");
  }
  return {
    serviceName: o.serviceName,
    registry: o.metricsRegistry,
    monitoring: o.enableSloMonitoring ?? true,
    clock: o.clock ?? tickClock,
    onInvalid: o.onInvalid ?? (strict ? 'throw' : 'warn'),
    maxTenants: positiveInt(o.maxTenantsPerMetric, 10_000, 'maxTenantsPerMetric'),
    tenantOverflow: o.tenantOverflow ?? 'overflow',
    maxLabelSets: positiveInt(o.maxLabelSetsPerTenant, 20, 'maxLabelSetsPerTenant'),
    counterLabels: Object.freeze([...counterLabels]),
    alerts: validateAlertRules(o.burnRateAlerts ?? DEFAULT_BURN_RATE_ALERTS, 'initializeTenantMetrics'),
  };
}
