import { SloMetricNames } from '@dotmac/obs-config';
import { assertPossible, DEFAULT_BURN_RATE_ALERTS } from './burn-rate.js';
import { SloError } from './errors.js';
import { type MetricDef, normalizeSpec, specsOf } from './spec.js';
import type { BurnRateAlertRule, BusinessMetricSpec, TenantMetrics } from './types.js';

/** Options shared by `generatePrometheusRules` and `generatePrometheusRuleTests`. */
export interface PrometheusRuleOptions {
  /** Alerts for specs that set none (default `DEFAULT_BURN_RATE_ALERTS`). */
  readonly burnRateAlerts?: readonly BurnRateAlertRule[];
  /** The `runbook_url` annotation for specs without `runbookUrl`. */
  readonly runbookUrl?: string;
  /** The metrics registry's `prefix`, if it has one: the counters are then `<prefix>dotmac_slo_events_total`. */
  readonly metricPrefix?: string;
}

/** The exposed names of the two counters, with the registry's prefix. */
export function counterNames(options: PrometheusRuleOptions): { total: string; good: string } {
  const prefix = options.metricPrefix ?? '';
  if (!/^[a-zA-Z_:]?[a-zA-Z0-9_:]*$/.test(prefix)) {
    throw new SloError('SLO_INVALID_SPEC', `metricPrefix "${prefix}" is not a valid metric name prefix.`);
  }
  return { total: `${prefix}${SloMetricNames.EVENTS_TOTAL}`, good: `${prefix}${SloMetricNames.GOOD_EVENTS_TOTAL}` };
}

/** The default `runbook_url` annotation. */
export const DEFAULT_RUNBOOK_URL =
  'https://github.com/dotmac-framework/dotmac-observability-ts/blob/main/docs/guides/slo.md#burn-rate-alerts';

/** The ratio SLOs to write rules for (THROUGHPUT has no error budget and gets none), validated. */
export function ruleDefs(
  input: readonly BusinessMetricSpec[] | Pick<TenantMetrics, 'getSpecs'>,
  options: PrometheusRuleOptions = {},
): { defs: MetricDef[]; skipped: string[] } {
  const defs: MetricDef[] = [];
  const skipped: string[] = [];
  for (const spec of specsOf(input)) {
    const def = normalizeSpec(spec, options.burnRateAlerts ?? DEFAULT_BURN_RATE_ALERTS);
    if (def.type === 'throughput') {
      skipped.push(def.spec.name);
      continue;
    }
    assertPossible(def.alerts, def.budget, def.spec.name);
    defs.push(def);
  }
  return { defs, skipped };
}

/** A double-quoted YAML (and PromQL) string. */
export const quote = (text: string): string => JSON.stringify(text);

/** Keeps `{{` out of user text placed in alert templates. */
export const untemplated = (text: string): string => text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');

/** The annotations of a burn-rate alert: `$labels.tenant_id` is expanded by Prometheus. */
export function alertAnnotations(def: MetricDef, severity: 'page' | 'ticket', options: PrometheusRuleOptions) {
  const name = def.spec.name;
  const pace = severity === 'page' ? 'fast enough to page' : 'faster than budgeted';
  return {
    summary: `SLO ${name} of tenant {{ $labels.tenant_id }} burns its error budget ${pace}`,
    description: `${untemplated(def.spec.description)}: objective ${def.objective} over ${def.window.label}; the error budget of tenant {{ $labels.tenant_id }} is being spent ${pace}.`,
    runbook_url: def.spec.runbookUrl ?? options.runbookUrl ?? DEFAULT_RUNBOOK_URL,
  };
}

/** Expands `{{ $labels.tenant_id }}` as Prometheus would, for expected alerts in rule tests. */
export const expandTenant = (text: string, tenantId: string): string =>
  text.replace(/\{\{ \$labels\.tenant_id \}\}/g, tenantId);
