import { ObservabilityError } from '@dotmac/obs-config';
import type { DropReason } from './types.js';

/** Stable codes of the errors thrown by the metrics registry. */
export const MetricsErrorCode = Object.freeze({
  /** A definition breaks Prometheus naming rules or is incomplete. */
  INVALID_DEFINITION: 'METRICS_INVALID_DEFINITION',
  /** A metric of that name exists with a different definition. */
  DEFINITION_CONFLICT: 'METRICS_DEFINITION_CONFLICT',
  /** A sample was refused (unknown metric, wrong labels, bad value...). */
  INVALID_SAMPLE: 'METRICS_INVALID_SAMPLE',
} as const);
/** One of `MetricsErrorCode`'s values. */
export type MetricsErrorCode = (typeof MetricsErrorCode)[keyof typeof MetricsErrorCode];

/**
 * Thrown by the registry for invalid input when `onInvalid` is `'throw'` (the default in development and test).
 * `reason` says which rule was broken, `metric` which metric it concerned.
 */
export class MetricsError extends ObservabilityError {
  override readonly code: MetricsErrorCode;
  /** The broken rule, as counted in `health().details.droppedSamples`. */
  readonly reason: DropReason;
  /** The metric name involved (as given by the caller). */
  readonly metric: string;

  constructor(code: MetricsErrorCode, reason: DropReason, metric: string, message: string) {
    super(code, message);
    this.code = code;
    this.reason = reason;
    this.metric = metric;
  }
}
