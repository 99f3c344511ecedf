import { parseDuration } from './duration.js';
import { SloError } from './errors.js';
import type { EvaluatedWindow, SloWindowSpec } from './types.js';

const DAY = 86_400_000;

/** A validated SLO window that can say where it starts at any instant. */
export interface ResolvedWindow {
  readonly kind: 'rolling' | 'calendar';
  /** `'30d'`, `'month'`, `'week'`. */
  readonly label: string;
  /** The longest the window can be (31 days for a calendar month). */
  readonly maxPeriodMs: number;
  /** The nominal length used where a fixed one is needed (Prometheus rules): 30d for a month. */
  readonly nominalPeriodMs: number;
  readonly timeZone?: string;
  at(now: number): EvaluatedWindow;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  /** Local wall-clock time as if it were UTC, in ms. */
  wall: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function zoned(t: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(t)) parts[p.type] = p.value;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const wall = Date.UTC(year, month - 1, day, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { year, month, day, weekday: WEEKDAYS.indexOf(parts.weekday ?? ''), wall };
}

/** The UTC instant of a local wall-clock time (`wall` as if UTC) in `timeZone`. */
function fromWall(wall: number, timeZone: string): number {
  let t = wall;
  for (let i = 0; i < 3; i++) {
    const offset = zoned(t, timeZone).wall - Math.floor(t / 1000) * 1000;
    const next = wall - offset;
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Start of the calendar month or ISO week containing `now`, in `timeZone`. */
export function calendarStart(now: number, unit: 'month' | 'week', timeZone: string): number {
  const z = zoned(now, timeZone);
  const wall =
    unit === 'month' ? Date.UTC(z.year, z.month - 1, 1) : Date.UTC(z.year, z.month - 1, z.day) - z.weekday * DAY;
  return fromWall(wall, timeZone);
}

/** Start of the next calendar month or ISO week after `start`, in `timeZone`. */
export function calendarNext(start: number, unit: 'month' | 'week', timeZone: string): number {
  const z = zoned(start, timeZone);
  const wall = unit === 'month' ? Date.UTC(z.year, z.month, 1) : Date.UTC(z.year, z.month - 1, z.day + 7);
  return fromWall(wall, timeZone);
}

function checkTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch (cause) {
    throw new SloError(
      'SLO_INVALID_WINDOW',
      `Unknown time zone "${timeZone}": use an IANA name such as "Europe/Paris".`,
      {
        cause,
      },
    );
  }
}

/** Validates a window spec (default rolling 30 days). */
export function resolveWindow(spec: SloWindowSpec | undefined): ResolvedWindow {
  const w = spec ?? '30d';
  if (typeof w === 'string' || w.kind === 'rolling') {
    const label = typeof w === 'string' ? w : w.duration;
    const ms = parseDuration(label);
    return {
      kind: 'rolling',
      label,
      maxPeriodMs: ms,
      nominalPeriodMs: ms,
      at: (now) => ({ kind: 'rolling', label, start: now - ms, end: now, periodMs: ms }),
    };
  }
  if (w.kind !== 'calendar' || (w.unit !== 'month' && w.unit !== 'week')) {
    throw new SloError(
      'SLO_INVALID_WINDOW',
      'Invalid window: use "30d", { kind: "rolling", duration } or { kind: "calendar", unit: "month" | "week", timeZone }.',
    );
  }
  const timeZone = w.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const unit = w.unit;
  return {
    kind: 'calendar',
    label: unit,
    timeZone,
    maxPeriodMs: (unit === 'month' ? 31 * DAY : 7 * DAY) + 3_600_000,
    nominalPeriodMs: unit === 'month' ? 30 * DAY : 7 * DAY,
    at: (now) => {
      const start = calendarStart(now, unit, timeZone);
      return { kind: 'calendar', label: unit, start, end: now, periodMs: calendarNext(start, unit, timeZone) - start };
    },
  };
}
