import { DefaultMetricNames, SloMetricNames } from '@dotmac/obs-config';
import { ALL_VALUE, type VariableSpec } from './dashboard-spec.js';
import { DashboardConfigError, DashboardErrorCode } from './errors.js';
import { SERVICE_LABEL, TENANT_LABEL } from './metric-names.js';
import type { CustomVariables } from './types.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set(['tenant', 'datasource']);
// Values go into PromQL label matchers and comma-separated option lists.
const UNSAFE_VALUE = /["\\,\n\r{}]/;

/** The variables every dashboard can use, resolved against the caller's `customVariables`. */
export interface ResolvedVariables {
  readonly tenant: VariableSpec;
  readonly service: VariableSpec;
  readonly slo: VariableSpec;
  /** Caller-defined variables, added to every dashboard. */
  readonly extra: readonly VariableSpec[];
}

function invalid(message: string): DashboardConfigError {
  return new DashboardConfigError(DashboardErrorCode.INVALID_OPTIONS, message);
}

function valuesOf(name: string, raw: string | readonly string[]): string[] {
  const values = typeof raw === 'string' ? [raw] : [...raw];
  if (values.length === 0) throw invalid(`customVariables.${name}: give at least one value.`);
  for (const value of values) {
    if (typeof value !== 'string' || value === '' || UNSAFE_VALUE.test(value)) {
      throw invalid(
        `customVariables.${name}: value ${JSON.stringify(value)} is not allowed; use non-empty strings ` +
          'without quotes, backslashes, commas, braces or newlines.',
      );
    }
  }
  return values;
}

function selectable(name: string, label: string, query: string, chosen: string[] | undefined): VariableSpec {
  return {
    name,
    label,
    values: [ALL_VALUE, ...(chosen ?? [])],
    current: chosen ?? [ALL_VALUE],
    includeAll: true,
    query,
  };
}

/**
 * Validates `customVariables` and resolves the tenant, service and SLO variables.
 * Throws a {@link DashboardConfigError} naming the offending variable.
 */
export function resolveVariables(tenantId: string, custom: CustomVariables = {}): ResolvedVariables {
  if (typeof custom !== 'object' || custom === null || Array.isArray(custom)) {
    throw invalid('customVariables must be an object of variable name → value or list of values.');
  }
  const chosen = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(custom)) {
    if (!NAME.test(name)) throw invalid(`customVariables.${name}: names are [A-Za-z_][A-Za-z0-9_]* (max 64).`);
    if (RESERVED.has(name)) {
      throw invalid(`customVariables.${name}: '${name}' is set by the package (the tenant comes from tenantId).`);
    }
    chosen.set(name, valuesOf(name, raw));
  }
  const tenantMatcher = `${TENANT_LABEL}="$tenant"`;
  const service = selectable(
    'service',
    'Service',
    `label_values(${DefaultMetricNames.HTTP_REQUESTS_TOTAL}{${tenantMatcher}}, ${SERVICE_LABEL})`,
    chosen.get('service'),
  );
  const slo = selectable(
    'slo',
    'SLO',
    `label_values(${SloMetricNames.OBJECTIVE}{${tenantMatcher}}, slo)`,
    chosen.get('slo'),
  );
  chosen.delete('service');
  chosen.delete('slo');
  const extra = [...chosen]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, values]): VariableSpec => ({ name, label: name, values, current: [values[0] ?? ''], includeAll: false }),
    );
  const tenant: VariableSpec = {
    name: 'tenant',
    label: 'Tenant',
    values: [tenantId],
    current: [tenantId],
    includeAll: false,
  };
  return { tenant, service, slo, extra };
}
