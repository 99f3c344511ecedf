import type { ConfigIssue } from './config-error.js';
import { isHttpUrl } from './http-url.js';

/** An environment to read from: `process.env` or any map of strings. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Reads environment variables, collecting problems instead of throwing. Blank values count as unset. */
export class EnvReader {
  readonly issues: ConfigIssue[] = [];
  readonly #env: EnvSource;

  constructor(env: EnvSource) {
    this.#env = env;
  }

  string(name: string): string | undefined {
    const value = this.#env[name]?.trim();
    return value ? value : undefined;
  }

  number(name: string, check: (n: number) => string | undefined = positiveInteger): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    const problem = Number.isFinite(value) ? check(value) : 'not a number';
    if (problem) {
      this.issues.push({ path: name, message: `${JSON.stringify(raw)}: ${problem}` });
      return undefined;
    }
    return value;
  }

  /** An absolute http(s) URL. */
  url(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined || isHttpUrl(raw)) return raw;
    this.issues.push({ path: name, message: `${JSON.stringify(raw)}: must be an absolute http(s) URL` });
    return undefined;
  }

  /** The spec's boolean: only `true` (any case) is true; other non-`false` values are reported. */
  boolean(name: string): boolean | undefined {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return undefined;
    if (raw !== 'true' && raw !== 'false') {
      this.issues.push({ path: name, message: `${JSON.stringify(raw)}: must be "true" or "false"` });
      return undefined;
    }
    return raw === 'true';
  }

  /** A `k=v,k2=v2` list with percent-decoded keys and values (W3C Baggage format, as the spec says). */
  keyValues(name: string, secretValues: boolean): Record<string, string> | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const result: Record<string, string> = {};
    raw.split(',').forEach((entry, index) => {
      if (!entry.trim()) return;
      const eq = entry.indexOf('=');
      const key = eq > 0 ? decode(entry.slice(0, eq).trim()) : undefined;
      const value = eq > 0 ? decode(entry.slice(eq + 1).trim()) : undefined;
      if (!key || value === undefined) {
        const shown = secretValues ? '' : ` (${JSON.stringify(entry.trim())})`;
        this.issues.push({ path: name, message: `entry ${index + 1}${shown} is not key=value with percent-encoding` });
        return;
      }
      result[key] = value;
    });
    return result;
  }

  list(name: string): string[] | undefined {
    return this.string(name)
      ?.split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  }
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const positiveInteger = (n: number): string | undefined =>
  Number.isInteger(n) && n >= 1 ? undefined : 'must be a whole number of at least 1';
