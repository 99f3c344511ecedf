import { ObservabilityError } from '@dotmac/obs-config';

/** Stable codes of the errors obs-slo throws. */
export const SloErrorCode = Object.freeze({
  INVALID_SPEC: 'SLO_INVALID_SPEC',
  DUPLICATE_METRIC: 'SLO_DUPLICATE_METRIC',
  UNKNOWN_METRIC: 'SLO_UNKNOWN_METRIC',
  INVALID_TENANT: 'SLO_INVALID_TENANT',
  INVALID_VALUE: 'SLO_INVALID_VALUE',
  INVALID_WINDOW: 'SLO_INVALID_WINDOW',
  IMPOSSIBLE_ALERT: 'SLO_IMPOSSIBLE_ALERT',
  INVALID_OPENSLO: 'SLO_INVALID_OPENSLO',
} as const);
/** One of the `SloErrorCode` values. */
export type SloErrorCode = (typeof SloErrorCode)[keyof typeof SloErrorCode];

/**
 * An error thrown by obs-slo: a bad spec, tenant id, value, window or rule option. Match on `code`.
 *
 * @example
 * ```ts
 * try { metrics.recordBusinessMetric('login_success_rate', 2, ctx) }
 * catch (e) { if (e instanceof SloError && e.code === 'SLO_INVALID_VALUE') { ... } }
 * ```
 */
export class SloError extends ObservabilityError {
  declare readonly code: SloErrorCode;

  constructor(code: SloErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
