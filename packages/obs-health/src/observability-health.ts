import type { HealthReporter } from '@dotmac/obs-config/core';
import { aggregate, NOT_CONFIGURED } from './aggregate.js';
import { HealthConfigError } from './errors.js';
import { type CheckSpec, runCheck } from './run-check.js';
import type { HealthCheck, HealthOptions, ObservabilityHealth } from './types.js';

/** Default per-check timeout, in milliseconds. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 2000;

/** Evaluates the configured checks (or returns the cached result); never rejects. */
export type HealthChecker = () => Promise<ObservabilityHealth>;

const COMPONENTS = ['otel', 'metrics', 'tenantMetrics'] as const;

/**
 * Builds a reusable health evaluation over the components and custom checks, validated once.
 * With `cacheTtlMs > 0`, results are reused for that long and concurrent callers share one evaluation.
 *
 * @throws {HealthConfigError} when an option is invalid.
 * @example
 * ```ts
 * const health = createHealthChecker({ otel, metrics, tenantMetrics, cacheTtlMs: 1000 });
 * const { status } = await health();
 * ```
 */
export function createHealthChecker(options: HealthOptions = {}): HealthChecker {
  const timeoutMs = positive(options.timeoutMs, DEFAULT_HEALTH_TIMEOUT_MS, 'timeoutMs');
  const ttl = positive(options.cacheTtlMs, 0, 'cacheTtlMs', true);
  const plan = buildPlan(options, timeoutMs);
  const evaluate = async (): Promise<ObservabilityHealth> =>
    aggregate(await Promise.all(plan.map((item) => ('run' in item ? runCheck(item) : item))));
  if (ttl === 0) return evaluate;
  let cached: ObservabilityHealth | undefined;
  let expires = 0;
  let inflight: Promise<ObservabilityHealth> | undefined;
  return () => {
    if (cached !== undefined && performance.now() < expires) return Promise.resolve(cached);
    inflight ??= evaluate()
      .then((result) => {
        cached = result;
        expires = performance.now() + ttl;
        return result;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}

const checkers = new WeakMap<HealthOptions, HealthChecker>();

/**
 * Reports the health of the OpenTelemetry bootstrap, the metrics registry, the tenant metrics and any custom check,
 * each run concurrently with its own timeout (default 2000 ms). Missing components are reported as not configured.
 * With `cacheTtlMs`, pass the same options object on every call to reuse results (or use {@link createHealthChecker}).
 *
 * @example
 * ```ts
 * const health = await getObservabilityHealth(otel, metrics, tenantMetrics);
 * if (health.status !== 'healthy') for (const c of health.checks) console.log(c.name, c.message);
 * ```
 */
export function getObservabilityHealth(options: HealthOptions): Promise<ObservabilityHealth>;
export function getObservabilityHealth(
  otel?: HealthReporter,
  metrics?: HealthReporter,
  tenantMetrics?: HealthReporter,
): Promise<ObservabilityHealth>;
export async function getObservabilityHealth(...args: unknown[]): Promise<ObservabilityHealth> {
  const options = resolveArgs(args);
  if (!options.cacheTtlMs || args[0] !== options) return createHealthChecker(options)();
  let checker = checkers.get(options);
  if (checker === undefined) {
    checker = createHealthChecker(options);
    checkers.set(options, checker);
  }
  return checker();
}

/** Accepts `(otel?, metrics?, tenantMetrics?, extraOptions?)` or a single options object. */
export function resolveArgs<T extends HealthOptions>(args: readonly unknown[]): T {
  const [first, metrics, tenantMetrics, extra] = args;
  if (first !== null && typeof first === 'object' && !isReporter(first)) return first as T;
  return { ...(extra as T | undefined), otel: first, metrics, tenantMetrics } as T;
}

function isReporter(value: unknown): value is HealthReporter {
  return value !== null && typeof value === 'object' && typeof (value as HealthReporter).health === 'function';
}

function buildPlan(options: HealthOptions, timeoutMs: number): (CheckSpec | HealthCheck)[] {
  const plan: (CheckSpec | HealthCheck)[] = [];
  const names = new Set<string>();
  for (const name of COMPONENTS) {
    const component: unknown = options[name];
    names.add(name);
    if (component === undefined || component === null) {
      const details = NOT_CONFIGURED;
      plan.push({ name, status: 'healthy', message: 'not configured', durationMs: 0, details, critical: false });
    } else if (isReporter(component)) {
      plan.push({ name, run: () => component.health(), critical: true, timeoutMs, lenient: false });
    } else {
      throw new HealthConfigError(`${name} must be an object with a health() method (got ${typeof component}).`);
    }
  }
  for (const [index, custom] of (options.checks ?? []).entries()) {
    if (typeof custom?.name !== 'string' || custom.name === '' || typeof custom.check !== 'function') {
      throw new HealthConfigError(`checks[${index}] must be { name: string, check: () => Promise<...> }.`);
    }
    if (names.has(custom.name)) {
      throw new HealthConfigError(
        `checks[${index}].name "${custom.name}" is already used; give each check a unique name.`,
      );
    }
    names.add(custom.name);
    const own = positive(custom.timeoutMs, timeoutMs, `checks[${index}].timeoutMs`);
    const check = custom.check;
    plan.push({
      name: custom.name,
      run: () => check(),
      critical: custom.critical ?? true,
      timeoutMs: own,
      lenient: true,
    });
  }
  return plan;
}

function positive(value: number | undefined, fallback: number, name: string, zeroOk = false): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > 2 ** 31 - 1 ||
    (value === 0 && !zeroOk)
  ) {
    throw new HealthConfigError(
      `${name} must be a ${zeroOk ? 'non-negative' : 'positive'} number of milliseconds (got ${String(value)}).`,
    );
  }
  return value;
}
