import { DefaultMetricNames } from '@dotmac/obs-config';

/** The `endpoint` label of every request that matched no route (404s, unknown paths): one shared series. */
export const UNMATCHED_ENDPOINT = '__unmatched__';

/** The `method` label of requests whose method is not a standard HTTP one (keeps the label bounded). */
export const OTHER_METHOD = '_OTHER';

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
]);

/**
 * What the HTTP middleware needs from a metrics registry: a `MetricsRegistry` from `initializeMetricsRegistry`
 * (with the default metrics registered) fits.
 */
export interface HttpMetricsTarget {
  incrementCounter(name: string, value?: number, labels?: Readonly<Record<string, string>>): void;
  observeHistogram(name: string, value: number, labels?: Readonly<Record<string, string>>): void;
}

/** Counts kept by one middleware instance, readable at any time (`middleware.stats`). */
export interface HttpMetricsStats {
  /** Requests recorded. */
  readonly recorded: number;
  /** Requests skipped because their path is in `ignorePaths`. */
  readonly ignored: number;
  /** Recordings that failed (the registry or a route resolver threw); the request itself is never affected. */
  readonly failed: number;
}

/** Options shared by every HTTP middleware; `Req` is the framework's request (or context) object. */
export interface HttpMetricsOptions<Req> {
  /** Where to record `http_requests_total` and `http_request_duration_seconds`. */
  readonly registry: HttpMetricsTarget;
  /** Paths not recorded: a string matches the path (without query string) exactly, a RegExp is tested on it. */
  readonly ignorePaths?: readonly (string | RegExp)[];
  /**
   * Returns the route template of a request (`/users/:id`), tried before the framework's own; `undefined` falls
   * back to the framework's route, then to `UNMATCHED_ENDPOINT`. Never return raw paths (unbounded cardinality).
   */
  readonly resolveRoute?: (req: Req) => string | undefined;
  /** The `endpoint` label of unmatched requests (default `UNMATCHED_ENDPOINT`, `'__unmatched__'`). */
  readonly unmatchedEndpoint?: string;
  /** Told of each failed recording (default: one `process.emitWarning`, code `DOTMAC_HTTP_METRICS_FAILED`). */
  readonly onError?: (error: unknown) => void;
}

/** Monotonic clock in milliseconds (available on Node, Bun, Deno and edge runtimes). */
export const now = (): number => performance.now();

/** The method label: upper-cased, `_OTHER` when not a standard method. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : OTHER_METHOD;
}

/** The path of a URL without its query string or fragment. */
export function pathOf(url: string | undefined): string {
  const value = url ?? '/';
  const end = value.search(/[?#]/);
  return end === -1 ? value : value.slice(0, end);
}

/** The HTTP status of a thrown error when it carries a valid 4xx/5xx one (`http-errors`), else 500. */
export function errorStatus(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
    const code = typeof status === 'number' ? status : statusCode;
    if (typeof code === 'number' && Number.isInteger(code) && code >= 400 && code < 600) return code;
  }
  return 500;
}

/** The internal recorder each adapter wraps. */
export interface HttpRecorder<Req> {
  readonly stats: HttpMetricsStats;
  /** Whether the request path is in `ignorePaths`. */
  ignores(path: string): boolean;
  /**
   * Records one finished request; `frameworkRoute` is called lazily after the custom resolver.
   * Never throws.
   */
  record(req: Req, method: string | undefined, status: number, startMs: number, frameworkRoute: () => unknown): void;
}

let warned = false;
const warnOnce = (error: unknown): void => {
  if (warned) return;
  warned = true;
  const reason = error instanceof Error ? error.message : String(error);
  const message = `HTTP metrics could not be recorded (further failures are only counted): ${reason}`;
  // Hono may run where there is no `process` (edge runtimes).
  if (typeof process === 'object' && typeof process.emitWarning === 'function') {
    process.emitWarning(message, { code: 'DOTMAC_HTTP_METRICS_FAILED' });
  } else {
    console.warn(message);
  }
};

/** Builds the recorder shared by the framework adapters. */
export function createHttpRecorder<Req>(options: HttpMetricsOptions<Req>): HttpRecorder<Req> {
  const { registry, resolveRoute, onError = warnOnce } = options;
  const unmatched = options.unmatchedEndpoint ?? UNMATCHED_ENDPOINT;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of options.ignorePaths ?? []) {
    if (typeof entry === 'string') exact.add(entry);
    else patterns.push(entry);
  }
  const stats = { recorded: 0, ignored: 0, failed: 0 };

  return {
    stats,
    ignores(path) {
      const hit = exact.has(path) || patterns.some((pattern) => pattern.test(path));
      if (hit) stats.ignored++;
      return hit;
    },
    record(req, method, status, startMs, frameworkRoute) {
      try {
        const seconds = Math.max(0, now() - startMs) / 1000;
        const custom = resolveRoute?.(req);
        const route = custom ?? frameworkRoute();
        const endpoint = typeof route === 'string' && route !== '' ? route : unmatched;
        const methodValue = methodLabel(method);
        registry.incrementCounter(DefaultMetricNames.HTTP_REQUESTS_TOTAL, 1, {
          method: methodValue,
          endpoint,
          status_code: String(status),
        });
        registry.observeHistogram(DefaultMetricNames.HTTP_REQUEST_DURATION_SECONDS, seconds, {
          method: methodValue,
          endpoint,
        });
        stats.recorded++;
      } catch (error) {
        stats.failed++;
        try {
          onError(error);
        } catch {
          // A failing error callback must not reach the host app either.
        }
      }
    },
  };
}
