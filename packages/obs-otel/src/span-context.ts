import {
  isSpanContextValid,
  type Span,
  type SpanOptions,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';

/** The active span's identity, ready to log or forward. */
export interface CurrentSpanContext {
  /** 32 lowercase hex characters. */
  readonly traceId: string;
  /** 16 lowercase hex characters. */
  readonly spanId: string;
  readonly traceFlags: number;
  /** True when the span is recorded and exported. */
  readonly sampled: boolean;
  /** The W3C `traceparent` header value of this span. */
  readonly traceparent: string;
}

/**
 * The active span's context, or `undefined` outside a (valid) span.
 *
 * @example
 * ```ts
 * app.use((req, res, next) => {
 *   const span = getCurrentSpanContext();
 *   if (span) res.setHeader('x-trace-id', span.traceId);
 *   next();
 * });
 * ```
 */
export function getCurrentSpanContext(): CurrentSpanContext | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return undefined;
  const { traceId, spanId, traceFlags } = spanContext;
  const flags = traceFlags.toString(16).padStart(2, '0');
  return {
    traceId,
    spanId,
    traceFlags,
    sampled: (traceFlags & TraceFlags.SAMPLED) !== 0,
    traceparent: `00-${traceId}-${spanId}-${flags}`,
  };
}

/** Options of `withSpan`: the usual span options, plus the tracer to use. */
export interface WithSpanOptions extends SpanOptions {
  /** Default: the global tracer named `@dotmac/obs-otel`. Pass `otel.tracer` to use the bootstrap's. */
  readonly tracer?: Tracer;
}

function recordFailure(span: Span, error: unknown): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  span.recordException(exception);
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
}

/**
 * Runs `fn` inside a new active span and ends it when `fn` returns or its promise settles. A thrown error or
 * rejection is recorded as an exception event with status ERROR and then rethrown; success leaves status UNSET.
 *
 * @example
 * ```ts
 * const user = await withSpan('load-user', async (span) => {
 *   span.setAttribute('user.id', id);
 *   return db.users.find(id);
 * });
 * ```
 */
export function withSpan<T>(name: string, fn: (span: Span) => T, options: WithSpanOptions = {}): T {
  // The options go to the tracer as they are (it reads only the span options): no copy per span.
  const tracer = options.tracer ?? trace.getTracer('@dotmac/obs-otel');
  return tracer.startActiveSpan(name, options, (span) => {
    let result: T;
    try {
      result = fn(span);
    } catch (error) {
      recordFailure(span, error);
      span.end();
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          recordFailure(span, error);
          span.end();
          throw error;
        },
      ) as T;
    }
    span.end();
    return result;
  });
}
