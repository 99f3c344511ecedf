/** What a secret is replaced with. */
export const REDACTED = '***';

// The words that make a key a secret, written once for the key test and the key=value rule of free text.
const SECRET_WORDS =
  'pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|authori[sz]ation';
const MORE_SECRET_WORDS = 'cookie|credential|signature|session[-_]?id';

/** Keys whose values are secrets. */
const SECRET_KEY = new RegExp(`${SECRET_WORDS}|^auth$|${MORE_SECRET_WORDS}|dsn`, 'i');
/** Keys whose every value is a header value (`headers: { 'x-api-key': ... }`). */
const HEADER_KEY = /^(?:(?:http|request|response|exporter)?[-_]?headers?|metadata)$/i;

const KEY_VALUE = new RegExp(
  String.raw`([\w-]*(?:${SECRET_WORDS}|auth|${MORE_SECRET_WORDS})[\w-]*["']?\s*[=:]\s*)` +
    String.raw`("[^"]*"|'[^']*'|(?:(?:bearer|basic|digest|negotiate)\s+)?[^\s&,;"'}\]]+)`,
  'gi',
);

const STRING_RULES: readonly (readonly [RegExp, string | ((match: string, ...groups: string[]) => string)])[] = [
  // scheme://user:password@host → scheme://***@host (greedy: the password may hold an unescaped '@').
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, `$1${REDACTED}@`],
  // key=value, key: value and "key": "value" pairs inside text, query strings and JSON (quotes are kept).
  [
    KEY_VALUE,
    (_match, key = '', value = '') => `${key}${/^["']/.test(value) ? `${value[0]}${REDACTED}${value[0]}` : REDACTED}`,
  ],
  // Authorization schemes: "Bearer abc", "Basic dXNlcjpw".
  [/\b(bearer|basic|digest|negotiate)(\s+)(?!\*\*\*)[^\s,;"'}\]]+/gi, `$1$2${REDACTED}`],
  // JSON Web Tokens.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED],
];

const MAX_STRING = 1000;
const MAX_DEPTH = 8;
const MAX_ENTRIES = 100;

/** Removes credentials, bearer tokens and `key=value` secrets from free text, and caps its length. */
export function redactString(text: string): string {
  let out = text.length > MAX_STRING * 4 ? text.slice(0, MAX_STRING * 4) : text;
  for (const [pattern, replacement] of STRING_RULES) out = out.replace(pattern, replacement as string);
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…` : out;
}

/**
 * Returns a JSON-safe copy of `details` with secrets replaced by `***`: values of secret-like keys
 * (apiKey, token, password, authorization, cookie…), every header value, credentials in URLs, bearer strings.
 * Cycles, deep nesting, getters that throw, bigints and functions are handled; the input is not modified.
 */
export function redactDetails(details: unknown): Record<string, unknown> | undefined {
  const out = walk(details, 0, new WeakSet(), false);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : undefined;
}

function walk(value: unknown, depth: number, seen: WeakSet<object>, secret: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (secret && typeof value !== 'boolean') return REDACTED;
  switch (typeof value) {
    case 'string':
      return redactString(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined; // functions and symbols are dropped, as JSON.stringify does
  }
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  try {
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
    if (object instanceof URL) return redactString(object.href);
    if (object instanceof Error) return { name: redactString(object.name), message: redactString(object.message) };
    if (typeof Headers === 'function' && object instanceof Headers) return blank(Object.fromEntries(object));
    if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) return `[binary ${object.byteLength} bytes]`;
    seen.add(object);
    try {
      if (Array.isArray(object) || object instanceof Set) return walkList([...object], depth, seen);
      if (object instanceof Map) return walkEntries([...object.keys()], (key) => object.get(key), depth, seen);
      const record = object as Record<string, unknown>;
      return walkEntries(Object.keys(object), (key) => record[key as string], depth, seen);
    } finally {
      seen.delete(object);
    }
  } catch {
    return '[Unreadable]';
  }
}

function walkList(items: readonly unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  const out = items.slice(0, MAX_ENTRIES).map((item) => walk(item, depth + 1, seen, false) ?? null);
  if (items.length > MAX_ENTRIES) out.push(`[${items.length - MAX_ENTRIES} more]`);
  return out;
}

function walkEntries(
  keys: readonly unknown[],
  read: (key: unknown) => unknown,
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rawKey of keys.slice(0, MAX_ENTRIES)) {
    const key = typeof rawKey === 'string' ? rawKey : String(rawKey);
    if (key === '__proto__') continue;
    let walked: unknown;
    try {
      const item = read(rawKey);
      walked = HEADER_KEY.test(key)
        ? walkHeaders(item, depth, seen)
        : walk(item, depth + 1, seen, SECRET_KEY.test(key));
    } catch {
      walked = '[Unreadable]';
    }
    if (walked !== undefined) out[redactString(key)] = walked;
  }
  if (keys.length > MAX_ENTRIES) out['…'] = `${keys.length - MAX_ENTRIES} more`;
  return out;
}

/** Header containers keep their names but every value is a secret. */
function walkHeaders(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return walk(value, depth + 1, seen, true);
  const walked = walk(value, depth + 1, seen, false);
  return blank(walked);
}

function blank(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(blank);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blank(item)]));
  }
  return REDACTED;
}

/** True for keys whose values are secrets: authorization, API keys, tokens, passwords, cookies. */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/**
 * A printable copy of a configuration or settings object: header values, values under secret-looking keys
 * and credentials in URLs replaced by `***` (the same rules as `redactDetails`).
 *
 * @example
 * ```ts
 * console.log(redactConfig(config)); // headers: { Authorization: '***' }
 * ```
 */
export function redactConfig<T>(value: T): T {
  return walk(value, 0, new WeakSet(), false) as T;
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
