import { SloError } from './errors.js';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The tenant id events of tenants past the cap are pooled under (never a valid tenant id). */
export const OVERFLOW_TENANT = '_overflow';

/** Whether `id` is a valid tenant id: 1–128 characters of `[A-Za-z0-9._-]`, starting with a letter or digit. */
export function isValidTenantId(id: unknown): id is string {
  return typeof id === 'string' && TENANT_ID.test(id);
}

/** The `SLO_INVALID_TENANT` error for a bad tenant id (the id itself is shown only shortened). */
export function invalidTenantError(id: unknown): SloError {
  const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) + (id.length > 40 ? '…' : '') : typeof id;
  return new SloError(
    'SLO_INVALID_TENANT',
    `Invalid tenantId ${shown}: use 1–128 characters of letters, digits, ".", "_" or "-", starting with a letter or digit.`,
  );
}

let cachedNow: number | undefined;
const forget = (): void => {
  cachedNow = undefined;
};

/**
 * The default clock: `Date.now()` read once per synchronous run of code (cached until the next microtask), so
 * that a burst of records pays for one clock read. Events of one run share its timestamp (buckets are ≥ 1 minute).
 */
export function tickClock(): number {
  if (cachedNow === undefined) {
    cachedNow = Date.now();
    queueMicrotask(forget);
  }
  return cachedNow;
}
