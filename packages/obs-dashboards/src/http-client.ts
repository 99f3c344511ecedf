import { ObservabilityError, redactString } from '@dotmac/obs-config';
import ky, { HTTPError, type KyInstance, type RetryOptions, TimeoutError } from 'ky';

/** Connection settings of an {@link ApiClient}. */
export interface ApiClientOptions {
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  /** Environment variable names to mention when the server rejects the key. */
  readonly keyHint: string;
  /** Removed from every message (the API key). */
  readonly secret?: string;
}

/** A request that failed for good (after retries, or at once for answers not worth repeating), with what to check. */
export class ApiError extends ObservabilityError {
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super('DASHBOARDS_REQUEST_FAILED', message);
    this.status = status;
  }
}

/** Options of one request. */
export interface RequestOptions {
  readonly json?: unknown;
  readonly searchParams?: string | Record<string, string | number>;
  /** False for writes that must not be repeated after a timeout or network error (SigNoz v1 create). */
  readonly idempotent?: boolean;
}

/** The answer of a request: its status and parsed JSON body (undefined when empty). */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** A small JSON client over ky: per-request timeout, retries with backoff, errors that never hold the key. */
export interface ApiClient {
  request(method: 'get' | 'post' | 'put' | 'delete', path: string, options?: RequestOptions): Promise<ApiResponse>;
}

/** Answers worth another attempt (the server may succeed next time); any other answer fails at once. */
const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504];

const HINTS: Record<number, string> = {
  400: 'the server rejected the dashboard JSON: check that the platform version supports this dashboard model',
  403: 'the key lacks permission (Grafana: Editor on the folder; SigNoz: editor role) or a quota is reached',
  404: 'not found: check that baseUrl points at the platform root',
  409: 'conflict: an object with the same identifier exists',
  412: 'precondition failed (version mismatch): the dashboard changed meanwhile; run again',
  413: 'the dashboard is too large for the server',
};

function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } | string };
    const error = parsed.error;
    const message = typeof error === 'object' && error !== null ? error.message : (error ?? parsed.message);
    if (typeof message === 'string' && message) return message.slice(0, 200);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.slice(0, 200);
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Creates an {@link ApiClient} for one platform base URL. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  // Text that comes from elsewhere (server answers, network errors, the base URL) goes through obs-config's
  // redaction (URL credentials, bearer strings, key=value secrets); the key itself is then removed from the whole
  // message. Keys shorter than 4 characters are not searched for: masking them would garble every message.
  const withoutKey = (text: string): string =>
    options.secret && options.secret.length >= 4 ? text.split(options.secret).join('***') : text;
  const retry = (idempotent: boolean): RetryOptions => ({
    limit: options.retries,
    methods: ['get', 'put', 'delete', 'post'],
    statusCodes: RETRIED_STATUSES,
    afterStatusCodes: [429, 503],
    maxRetryAfter: 60_000,
    backoffLimit: 5_000,
    delay: (attempt) => options.retryDelayMs * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: idempotent,
    // A non-idempotent write is only repeated when the server answered (it did not apply it).
    ...(idempotent ? {} : { shouldRetry: ({ error }) => (error instanceof HTTPError ? undefined : false) }),
  });
  const client: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    headers: { Accept: 'application/json', ...options.headers },
    timeout: options.timeoutMs,
  });
  const attempts = `${options.retries + 1} attempt(s)`;

  return {
    async request(method, path, request = {}) {
      const what = `${method.toUpperCase()} /${path}`;
      const idempotent = request.idempotent ?? true;
      try {
        const response = await client(path, {
          method,
          retry: retry(idempotent),
          ...(request.json === undefined ? {} : { json: request.json }),
          ...(request.searchParams ? { searchParams: request.searchParams } : {}),
        });
        return { status: response.status, body: await parse(response) };
      } catch (error) {
        if (error instanceof HTTPError) {
          const status = error.response.status;
          const detail = redactString(serverMessage(await error.response.text().catch(() => '')));
          const hint =
            status === 401
              ? `the server rejected the credentials: check the API key (${options.keyHint})`
              : (HINTS[status] ??
                (RETRIED_STATUSES.includes(status)
                  ? `the server kept failing after ${attempts}`
                  : 'unexpected answer'));
          throw new ApiError(
            withoutKey(`${what} answered ${status} ${detail ? `(${detail}) ` : ''}— ${hint}.`),
            status,
          );
        }
        const tried = idempotent ? attempts : 'not retried: it may have been applied, the next run will find it';
        if (error instanceof TimeoutError) {
          throw new ApiError(
            `${what} got no answer within ${options.timeoutMs} ms (${tried}): check that the server is reachable and healthy, or raise timeoutMs.`,
          );
        }
        const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
        const why = typeof cause?.code === 'string' ? cause.code : cause?.message;
        const reason = redactString(
          `${error instanceof Error ? error.message : String(error)}${typeof why === 'string' ? `: ${why}` : ''}`,
        );
        throw new ApiError(
          withoutKey(
            `${what} failed (${reason}; ${tried}): check baseUrl ${redactString(options.baseUrl)} and the network.`,
          ),
        );
      }
    },
  };
}
