import { MetricsError, MetricsErrorCode } from './errors.js';
import type { InvalidInputPolicy } from './types.js';
import { DropReason } from './types.js';

/** Beyond this many metric+reason pairs, warnings stop (the counts go on): bounded memory under attack. */
const MAX_WARNED = 1000;

function defaultWarning(message: string): void {
  process.emitWarning(message, { code: 'DOTMAC_METRICS_INVALID' });
}

/** A name as text, without calling a caller's `toString` (which could throw). */
export function nameOf(name: unknown): string {
  return typeof name === 'string' ? name : Object.prototype.toString.call(name);
}

/** Shown names are cut short: a refused name may be arbitrary input. */
export function shown(name: unknown): string {
  const text = nameOf(name);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
}

/**
 * Applies the `onInvalid` policy: counts every refused sample or definition by reason, then throws a
 * `MetricsError`, warns once per metric and reason, or does nothing more.
 */
export class Refusals {
  readonly policy: InvalidInputPolicy;
  private readonly counts = new Map<DropReason, number>();
  private readonly warned = new Set<string>();
  private readonly onWarning: (message: string) => void;

  constructor(policy: InvalidInputPolicy, onWarning?: (message: string) => void) {
    this.policy = policy;
    this.onWarning = onWarning ?? defaultWarning;
  }

  /** Counts one refusal; `message` is only built when it is thrown or warned. */
  refuse(metric: unknown, reason: DropReason, message: () => string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (this.policy === 'drop') return;
    const name = nameOf(metric);
    if (this.policy === 'throw') {
      const code =
        reason === DropReason.INVALID_DEFINITION
          ? MetricsErrorCode.INVALID_DEFINITION
          : reason === DropReason.CONFLICTING_DEFINITION
            ? MetricsErrorCode.DEFINITION_CONFLICT
            : MetricsErrorCode.INVALID_SAMPLE;
      throw new MetricsError(code, reason, name, message());
    }
    this.warnOnce(`${name}\u0000${reason}`, message);
  }

  /** Warns once for `key` (unless the policy is `drop`); never throws. */
  warnOnce(key: string, message: () => string): void {
    if (this.policy === 'drop' || this.warned.has(key) || this.warned.size >= MAX_WARNED) return;
    this.warned.add(key);
    try {
      this.onWarning(`${message()} (further occurrences are only counted, see health())`);
    } catch {
      // A failing warning sink must not take the service down.
    }
  }

  /** Refused samples and definitions by reason. */
  byReason(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** All refusals. */
  total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
}
