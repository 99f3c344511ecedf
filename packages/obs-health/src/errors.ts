import { ObservabilityError } from '@dotmac/obs-config/core';

/**
 * Thrown (or rejected) when health options are invalid: a bad timeout, a custom check without a name or function,
 * or two checks with the same name. `code` is `HEALTH_CONFIG_INVALID`.
 */
export class HealthConfigError extends ObservabilityError {
  constructor(message: string) {
    super('HEALTH_CONFIG_INVALID', message);
  }
}
