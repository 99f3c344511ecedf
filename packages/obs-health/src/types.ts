import type { ComponentStatus, HealthReporter } from '@dotmac/obs-config/core';

/** The result of one check, as it appears in {@link ObservabilityHealth.checks}. */
export interface HealthCheck {
  /** The check's name: `otel`, `metrics`, `tenantMetrics` or the name of a custom check. */
  readonly name: string;
  readonly status: ComponentStatus;
  /** One sentence: what is wrong, or that all is well (secrets removed). */
  readonly message: string;
  /** How long the check took, in milliseconds (the timeout when it timed out). */
  readonly durationMs: number;
  /** Measurements reported by the component, with secrets replaced by `***`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Whether an `unhealthy` result makes the whole result `unhealthy` (otherwise only `degraded`). */
  readonly critical?: boolean;
}

/** How many checks ended in each status. `notConfigured` counts the missing components (reported `healthy`). */
export interface HealthSummary {
  readonly total: number;
  readonly healthy: number;
  readonly degraded: number;
  readonly unhealthy: number;
  readonly notConfigured: number;
}

/** The health of the observability stack: the seed's `ObservabilityHealth`. */
export interface ObservabilityHealth {
  /** `unhealthy` if a critical check is unhealthy; `degraded` if any check is degraded or a non-critical one unhealthy. */
  readonly status: ComponentStatus;
  readonly checks: readonly HealthCheck[];
  readonly summary: HealthSummary;
  /** When the evaluation finished, as an ISO 8601 string. */
  readonly timestamp: string;
}

/**
 * What a custom check may resolve to: `true`/`false`, nothing (= healthy), or a `{ status, message?, details? }`
 * object such as a `ComponentHealth`. Anything else is reported as an invalid result.
 */
export type CustomCheckResult =
  | boolean
  | undefined
  | {
      readonly status: ComponentStatus;
      readonly message?: string;
      readonly details?: Readonly<Record<string, unknown>>;
    };

/** A check of your own, run beside the observability components. */
export interface CustomHealthCheck {
  /** A unique name (also the key in `application/health+json` output and in `?verbose` text). */
  readonly name: string;
  /** The check. It may throw or hang: it then counts as `unhealthy`. */
  readonly check: () => CustomCheckResult | Promise<CustomCheckResult> | Promise<void>;
  /** Whether `unhealthy` here makes the whole result `unhealthy`. Default `true`. */
  readonly critical?: boolean;
  /** This check's own timeout in milliseconds. Default: the `timeoutMs` option. */
  readonly timeoutMs?: number;
}

/** The options form of {@link getObservabilityHealth}, {@link createHealthChecker} and the handlers. */
export interface HealthOptions {
  /** The OpenTelemetry bootstrap (from `initializeOtel`), or anything with `health()`. */
  readonly otel?: HealthReporter | undefined;
  /** The metrics registry (from `initializeMetricsRegistry`), or anything with `health()`. */
  readonly metrics?: HealthReporter | undefined;
  /** The tenant metrics (from `initializeTenantMetrics`), or anything with `health()`. */
  readonly tenantMetrics?: HealthReporter | undefined;
  /** More checks, run concurrently with the components. */
  readonly checks?: readonly CustomHealthCheck[] | undefined;
  /** Per-check timeout in milliseconds. Default 2000. */
  readonly timeoutMs?: number | undefined;
  /**
   * How long a result is reused, in milliseconds; concurrent callers also share one evaluation.
   * Default 0 for `getObservabilityHealth` (pass the same options object to benefit) and 1000 for the handlers.
   */
  readonly cacheTtlMs?: number | undefined;
}

/** The wire formats a handler can answer with. */
export type HealthFormat = 'json' | 'health+json';

/** Options of the HTTP handlers, on top of {@link HealthOptions}. */
export interface HealthHandlerOptions extends HealthOptions {
  /** Force one format. Default: `application/health+json` when the `Accept` header asks for it, JSON otherwise. */
  readonly format?: HealthFormat | undefined;
  /** `serviceId` of the `application/health+json` body. */
  readonly serviceId?: string | undefined;
  /** `description` of the `application/health+json` body. */
  readonly description?: string | undefined;
}

/** The part of an HTTP request the handlers look at. */
export interface HealthRequest {
  /** The request URL or path; `?verbose` selects the Kubernetes-style text output. */
  readonly url?: string | undefined;
  /** The request headers (names in any case); `accept` selects the format. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>> | undefined;
}

/** A framework-neutral HTTP response. */
export interface HealthResponse {
  /** 200 for healthy and degraded, 503 for unhealthy. */
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A framework-neutral health endpoint: give it the request, write what it returns. */
export type HealthHandler = (request?: HealthRequest) => Promise<HealthResponse>;

/** A readiness endpoint that can be switched to failing when the process begins to shut down. */
export interface ReadinessHandler extends HealthHandler {
  /** From now on, answer 503 at once without running any check. */
  beginShutdown(): void;
  /** Whether {@link ReadinessHandler.beginShutdown} was called or the shutdown signal aborted. */
  readonly shuttingDown: boolean;
}

/** Options of {@link createReadinessHandler}. */
export interface ReadinessHandlerOptions extends HealthHandlerOptions {
  /** When this signal aborts, readiness fails at once (same as `beginShutdown()`). */
  readonly signal?: AbortSignal | undefined;
}
