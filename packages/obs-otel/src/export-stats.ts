import { redactString } from '@dotmac/obs-config/core';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';

/** Delivery statistics of one exporter: results, failures, and items dropped before it. */
export class ExportStats {
  readonly type: string;
  readonly endpoint: string | undefined;
  /** Reads the queue length of the exporter's batch processor, when there is one. */
  queued: () => number | undefined = () => undefined;
  exportedItems = 0;
  failedItems = 0;
  droppedItems = 0;
  consecutiveFailures = 0;
  lastSuccessAt: number | undefined;
  lastFailureAt: number | undefined;
  /** When the current run of failures started; undefined after a success. */
  failingSince: number | undefined;
  /** When health() first saw drops that were not there at its previous call. */
  lastDropAt: number | undefined;
  lastError: string | undefined;
  /** Why the exporter could not be created (e.g. a missing optional package); set by `recordSetupError`. */
  setupError: string | undefined;

  constructor(type: string, endpoint: string | undefined) {
    this.type = type;
    this.endpoint = endpoint === undefined ? undefined : redactString(endpoint);
  }

  recordResult(result: ExportResult, items: number): void {
    const now = Date.now();
    if (result.code === ExportResultCode.SUCCESS) {
      this.exportedItems += items;
      this.consecutiveFailures = 0;
      this.failingSince = undefined;
      this.lastSuccessAt = now;
      return;
    }
    this.failedItems += items;
    this.consecutiveFailures += 1;
    this.failingSince ??= now;
    this.lastFailureAt = now;
    this.lastError = printable(result.error?.message ?? 'export failed');
  }

  /** Records why the exporter could not be created; health reports it (redacted) as unhealthy. */
  recordSetupError(error: Error): void {
    this.setupError = printable(error.message);
  }

  /** Called on the hot path, so it only counts; `noticeDrops()` timestamps them when health is read. */
  recordDrop(): void {
    this.droppedItems += 1;
  }

  #droppedAtLastNotice = 0;

  /** Sets `lastDropAt` to now if items were dropped since the previous call. */
  noticeDrops(now: number): void {
    if (this.droppedItems === this.#droppedAtLastNotice) return;
    this.#droppedAtLastNotice = this.droppedItems;
    this.lastDropAt = now;
  }
}

/** An error message as health may show it: without credentials, and short. */
const printable = (message: string): string => redactString(message).slice(0, 300);

/** The shape shared by span, log record and push metric exporters. */
export interface AnyExporter<T> {
  export(items: T, resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

/**
 * Wraps an exporter so every export result lands in `stats`. A throwing exporter is turned into a failed
 * result: telemetry must never crash the host app.
 */
export function observeExporter<T, E extends AnyExporter<T>>(
  inner: E,
  stats: ExportStats,
  countItems: (items: T) => number,
): E {
  const observed: AnyExporter<T> = {
    export(items, resultCallback) {
      const count = countItems(items);
      let done = false;
      const finish = (result: ExportResult): void => {
        if (done) return;
        done = true;
        stats.recordResult(result, count);
        resultCallback(result);
      };
      try {
        inner.export(items, finish);
      } catch (error) {
        finish({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
      }
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
  // Metric exporters also choose temporality and aggregation: forward those, bound to the real exporter.
  const extras = inner as unknown as Record<string, unknown>;
  for (const name of ['selectAggregationTemporality', 'selectAggregation']) {
    const member = extras[name];
    if (typeof member === 'function') (observed as unknown as Record<string, unknown>)[name] = member.bind(inner);
  }
  return observed as E;
}
