import type { ComponentStatus } from '@dotmac/obs-config/core';
import { redactDetails, redactString } from '@dotmac/obs-config/core';
import type { HealthCheck } from './types.js';

/** One check ready to run: what `getObservabilityHealth` builds from components and custom checks. */
export interface CheckSpec {
  readonly name: string;
  readonly run: () => unknown;
  readonly critical: boolean;
  readonly timeoutMs: number;
  /** Custom checks may also resolve to a boolean or to nothing; component `health()` must return an object. */
  readonly lenient: boolean;
}

const STATUSES: ReadonlySet<unknown> = new Set<ComponentStatus>(['healthy', 'degraded', 'unhealthy']);
const TIMED_OUT = Symbol('timed out');

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Runs one check with its own timeout. Never rejects: a throw, a rejection, a hang or a malformed result becomes
 * an `unhealthy` entry that says so. A rejection arriving after the timeout is swallowed.
 */
export async function runCheck(spec: CheckSpec): Promise<HealthCheck> {
  const started = performance.now();
  let pending: Promise<unknown>;
  try {
    pending = Promise.resolve(spec.run());
  } catch (error) {
    pending = Promise.reject(error);
  }
  const settled = pending.then(
    (value): Outcome => ({ ok: true, value }),
    (error: unknown): Outcome => ({ ok: false, error }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, spec.timeoutMs, TIMED_OUT);
  });
  const outcome = await Promise.race([settled, timeout]);
  clearTimeout(timer);
  const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  const result: Pick<HealthCheck, 'status' | 'message' | 'details'> =
    outcome === TIMED_OUT
      ? { status: 'unhealthy', message: `timed out after ${spec.timeoutMs} ms` }
      : outcome.ok
        ? normalize(outcome.value, spec.lenient)
        : { status: 'unhealthy', message: `check failed: ${describeError(outcome.error)}` };
  const { status, message, details } = result;
  return details === undefined
    ? { name: spec.name, status, message, durationMs, critical: spec.critical }
    : { name: spec.name, status, message, durationMs, details, critical: spec.critical };
}

function normalize(value: unknown, lenient: boolean): Pick<HealthCheck, 'status' | 'message' | 'details'> {
  if (lenient && (value === undefined || value === true)) return { status: 'healthy', message: 'ok' };
  if (lenient && value === false) return { status: 'unhealthy', message: 'check returned false' };
  try {
    if (value !== null && typeof value === 'object') {
      const { status, message, details } = value as Record<string, unknown>;
      if (STATUSES.has(status)) {
        const text = typeof message === 'string' && message !== '' ? redactString(message) : String(status);
        const clean = details === undefined ? undefined : redactDetails(details);
        return clean === undefined
          ? { status: status as ComponentStatus, message: text }
          : { status: status as ComponentStatus, message: text, details: clean };
      }
    }
  } catch {
    // A getter that throws is as bad as garbage.
  }
  return {
    status: 'unhealthy',
    message: "returned an invalid result (expected { status: 'healthy' | 'degraded' | 'unhealthy', message })",
  };
}

function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return redactString(text) || 'unknown error';
  } catch {
    return 'unknown error';
  }
}
