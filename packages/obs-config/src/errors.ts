/**
 * The base class of every error thrown on purpose by a DotMac Observability package.
 * `code` is stable across versions: match on it, not on the message.
 *
 * @example
 * ```ts
 * try { defineOtelConfig(input) } catch (error) {
 *   if (error instanceof ObservabilityError && error.code === 'CONFIG_INVALID') { ... }
 * }
 * ```
 */
export class ObservabilityError extends Error {
  /** A stable, machine-readable identifier such as `CONFIG_INVALID`. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
