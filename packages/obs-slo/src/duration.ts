import { SloError } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const DURATION = /^(?:\d+(?:ms|[smhdw]))+$/;
const PART = /(\d+)(ms|[smhdw])/g;

/** Parses a Prometheus-style duration (`'30d'`, `'1h30m'`) into ms; throws `SLO_INVALID_WINDOW` otherwise. */
export function parseDuration(text: string): number {
  if (!DURATION.test(text)) {
    throw new SloError('SLO_INVALID_WINDOW', `Invalid duration "${text}": use e.g. "30d", "28d", "7d" or "1h30m".`);
  }
  let ms = 0;
  for (const match of text.matchAll(PART)) ms += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  if (ms <= 0) throw new SloError('SLO_INVALID_WINDOW', `Duration "${text}" must be longer than zero.`);
  return ms;
}

/** Formats ms as a Prometheus duration in the largest exact unit (`2592000000` → `'30d'`). */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit] ?? 1;
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
