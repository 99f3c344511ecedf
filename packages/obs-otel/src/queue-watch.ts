import { type Context, TraceFlags } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ExportStats } from './export-stats.js';

/**
 * What both drop-counting processors share: the wrapped batch processor, its queue length (read from the SDK's
 * private queue, or undefined if this SDK version keeps it elsewhere), and the full-queue check that counts a drop
 * (the SDK only tells its diag logger, once).
 */
abstract class QueueWatch<P extends SpanProcessor | LogRecordProcessor> {
  protected readonly inner: P;
  readonly #stats: ExportStats;
  readonly #maxQueueSize: number;
  readonly #queueLength: () => number | undefined;
  #closed = false;

  constructor(inner: P, field: '_finishedSpans' | '_finishedLogRecords', stats: ExportStats, maxQueueSize: number) {
    this.inner = inner;
    this.#stats = stats;
    this.#maxQueueSize = maxQueueSize;
    const holder = inner as unknown as Record<string, unknown>;
    this.#queueLength = Array.isArray(holder[field]) ? () => (holder[field] as unknown[]).length : () => undefined;
  }

  /** Items waiting in the queue, when the SDK lets us see it. */
  get queued(): number | undefined {
    return this.#queueLength();
  }

  /** Counts a drop when the item about to be handed over will not fit in the queue. */
  protected countDropIfFull(): void {
    if (!this.#closed && (this.#queueLength() ?? 0) >= this.#maxQueueSize) this.#stats.recordDrop();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    this.#closed = true;
    return this.inner.shutdown();
  }
}

/** Wraps a BatchSpanProcessor and counts the sampled spans it drops because its queue is full. */
export class DropCountingSpanProcessor extends QueueWatch<SpanProcessor> implements SpanProcessor {
  constructor(inner: SpanProcessor, stats: ExportStats, maxQueueSize: number) {
    super(inner, '_finishedSpans', stats, maxQueueSize);
  }

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // The batch processor queues only sampled spans.
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) this.countDropIfFull();
    this.inner.onEnd(span);
  }
}

/** Wraps a BatchLogRecordProcessor and counts the records it drops because its queue is full. */
export class DropCountingLogProcessor extends QueueWatch<LogRecordProcessor> implements LogRecordProcessor {
  constructor(inner: LogRecordProcessor, stats: ExportStats, maxQueueSize: number) {
    super(inner, '_finishedLogRecords', stats, maxQueueSize);
  }

  onEmit(logRecord: SdkLogRecord, context?: Context): void {
    this.countDropIfFull();
    this.inner.onEmit(logRecord, context);
  }
}
