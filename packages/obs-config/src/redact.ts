/** What replaces a secret in anything printable. */
export const REDACTED = '***';

const SECRET_KEY = /authorization|api[-_]?key|token|secret|password|passwd|cookie|credential|signature/i;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s"']+@/gi;
const SECRET_QUERY = /([?&][^=&\s"']*(?:key|token|secret|password|auth|signature)[^=&\s"']*=)[^&\s"']*/gi;

/** Masks credentials in URLs (`https://user:pass@host` → `https://***@host`) and secret query parameters. */
export function redactText(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/** True for keys whose values are secrets: authorization, API keys, tokens, passwords, cookies. */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/**
 * A printable deep copy of a configuration or settings object: every header value, every value under a
 * secret-looking key and every URL credential replaced by `***`.
 *
 * @example
 * ```ts
 * console.log(redactConfig(config)); // headers: { Authorization: '***' }
 * ```
 */
export function redactConfig<T>(value: T): T {
  return redactValue(value, false) as T;
}

function redactValue(value: unknown, secret: boolean): unknown {
  if (typeof value === 'string') return secret ? REDACTED : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value === null || typeof value !== 'object') return secret && value !== undefined ? REDACTED : value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = redactValue(item, secret || key === 'headers' || isSecretKey(key));
  }
  return copy;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Deep-freezes a JSON-like value and gives every object in it `toJSON` and `util.inspect` hooks that print
 * the redacted copy, so that logging a config (or any part of it) never shows a secret.
 */
export function freezeRedacted<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const item of Object.values(value)) freezeRedacted(item);
  Object.defineProperties(value, {
    toJSON: { value: redactedCopy },
    [inspectSymbol]: { value: inspectRedacted },
  });
  return Object.freeze(value);
}

function redactedCopy(this: unknown): unknown {
  return redactConfig(this);
}

function inspectRedacted(
  this: unknown,
  _depth: number,
  options: unknown,
  inspect: (value: unknown, options: unknown) => string,
): string {
  return inspect(redactConfig(this), options);
}
