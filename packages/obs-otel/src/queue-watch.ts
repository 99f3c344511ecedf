import { type Context, TraceFlags } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ExportStats } from './export-stats.js';

/** Reads a batch processor's queue length, or undefined if this SDK version keeps it elsewhere. */
function queueReader(processor: object, field: '_finishedSpans' | '_finishedLogRecords'): () => number | undefined {
  const holder = processor as Record<string, unknown>;
  if (!Array.isArray(holder[field])) return () => undefined;
  return () => (holder[field] as unknown[]).length;
}

/**
 * Wraps a BatchSpanProcessor and counts the spans it drops because its queue is full
 * (the SDK only tells its diag logger, once).
 */
export class DropCountingSpanProcessor implements SpanProcessor {
  readonly #inner: SpanProcessor;
  readonly #stats: ExportStats;
  readonly #maxQueueSize: number;
  readonly #queueLength: () => number | undefined;
  #closed = false;

  constructor(inner: SpanProcessor, stats: ExportStats, maxQueueSize: number) {
    this.#inner = inner;
    this.#stats = stats;
    this.#maxQueueSize = maxQueueSize;
    this.#queueLength = queueReader(inner, '_finishedSpans');
  }

  /** Spans waiting in the queue, when the SDK lets us see it. */
  get queued(): number | undefined {
    return this.#queueLength();
  }

  onStart(span: Span, parentContext: Context): void {
    this.#inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (
      !this.#closed &&
      (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0 &&
      (this.#queueLength() ?? 0) >= this.#maxQueueSize
    ) {
      this.#stats.recordDrop();
    }
    this.#inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush();
  }

  shutdown(): Promise<void> {
    this.#closed = true;
    return this.#inner.shutdown();
  }
}

/** Wraps a BatchLogRecordProcessor and counts the records it drops because its queue is full. */
export class DropCountingLogProcessor implements LogRecordProcessor {
  readonly #inner: LogRecordProcessor;
  readonly #stats: ExportStats;
  readonly #maxQueueSize: number;
  readonly #queueLength: () => number | undefined;
  #closed = false;

  constructor(inner: LogRecordProcessor, stats: ExportStats, maxQueueSize: number) {
    this.#inner = inner;
    this.#stats = stats;
    this.#maxQueueSize = maxQueueSize;
    this.#queueLength = queueReader(inner, '_finishedLogRecords');
  }

  /** Records waiting in the queue, when the SDK lets us see it. */
  get queued(): number | undefined {
    return this.#queueLength();
  }

  onEmit(logRecord: SdkLogRecord, context?: Context): void {
    if (!this.#closed && (this.#queueLength() ?? 0) >= this.#maxQueueSize) this.#stats.recordDrop();
    this.#inner.onEmit(logRecord, context);
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush();
  }

  shutdown(): Promise<void> {
    this.#closed = true;
    return this.#inner.shutdown();
  }
}
