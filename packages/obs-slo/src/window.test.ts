import { tickClock } from './tenant-id.js';
import { initializeTenantMetrics } from './tenant-metrics.js';
import type { SloWindowSpec } from './types.js';
import { calendarStart } from './window.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function metricsAt(clock: { now: number }, window: SloWindowSpec) {
  return initializeTenantMetrics({
    serviceName: 'svc',
    registerDefaultMetrics: false,
    clock: () => clock.now,
    specs: [
      {
        name: 'checkout',
        metricType: 'success_rate',
        description: 'Checkout success',
        sloTarget: 0.99,
        alertThreshold: 0.95,
        window,
      },
    ],
  });
}

describe('rolling windows with an injected clock', () => {
  it('keeps an event until exactly window length after it, then drops it', () => {
    const clock = { now: Date.UTC(2026, 0, 10) };
    const m = metricsAt(clock, '7d');
    m.recordBusinessMetric('checkout', 0, { tenantId: 'acme' });
    const t0 = clock.now;
    clock.now = t0 + 7 * DAY - 1;
    expect(m.evaluateSlos('acme').checkout?.sampleCount).toBe(1);
    clock.now = t0 + 7 * DAY;
    expect(m.evaluateSlos('acme').checkout?.sampleCount).toBe(0);
    expect(m.evaluateSlos('acme').checkout?.status).toBe('no_data');
  });

  it('expires events from each burn-rate window exactly at its edge', () => {
    const clock = { now: Date.UTC(2026, 0, 10) };
    const m = metricsAt(clock, '30d');
    m.recordBusinessMetric('checkout', 0, { tenantId: 'acme' });
    const t0 = clock.now;
    for (const [w, ms] of [
      ['5m', 5 * MIN],
      ['30m', 30 * MIN],
      ['1h', HOUR],
      ['2h', 2 * HOUR],
      ['6h', 6 * HOUR],
      ['1d', DAY],
      ['3d', 3 * DAY],
    ] as const) {
      clock.now = t0 + ms - 1;
      expect([w, m.evaluateSlos('acme').checkout?.errorRatios[w]]).toEqual([w, 1]);
      clock.now = t0 + ms;
      expect([w, m.evaluateSlos('acme').checkout?.errorRatios[w]]).toEqual([w, 0]);
    }
    clock.now = t0 + 30 * DAY - 1;
    expect(m.evaluateSlos('acme').checkout?.sampleCount).toBe(1);
    clock.now = t0 + 30 * DAY;
    expect(m.evaluateSlos('acme').checkout?.sampleCount).toBe(0);
  });
});

describe('calendar windows in a time zone', () => {
  it('computes month and ISO-week starts in the zone, across DST', () => {
    // 2026-03-31 12:00 UTC is 14:00 in Paris (CEST): the month began 2026-03-01 00:00 CET = 2026-02-28 23:00 UTC.
    expect(new Date(calendarStart(Date.UTC(2026, 2, 31, 12), 'month', 'Europe/Paris')).toISOString()).toBe(
      '2026-02-28T23:00:00.000Z',
    );
    // Thursday 2026-11-05 in New York: the week began Monday 2026-11-02 00:00 EST (05:00 UTC), after the DST end.
    expect(new Date(calendarStart(Date.UTC(2026, 10, 5, 15), 'week', 'America/New_York')).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    // Half-hour offsets: Kolkata is UTC+05:30.
    expect(new Date(calendarStart(Date.UTC(2026, 5, 15), 'month', 'Asia/Kolkata')).toISOString()).toBe(
      '2026-05-31T18:30:00.000Z',
    );
  });

  it('starts a new month at local midnight: events before it no longer count', () => {
    // Europe/Paris, November 2026 (CET, UTC+1): the month starts 2026-10-31T23:00:00Z.
    const boundary = Date.UTC(2026, 9, 31, 23);
    const clock = { now: boundary - HOUR };
    const m = metricsAt(clock, { kind: 'calendar', unit: 'month', timeZone: 'Europe/Paris' });
    m.recordBusinessMetric('checkout', 0, { tenantId: 'acme' });
    clock.now = boundary - 1;
    const october = m.evaluateSlos('acme').checkout;
    expect(october?.sampleCount).toBe(1);
    expect(october?.window.periodMs).toBe(31 * DAY + HOUR); // October has 31 days and the DST hour back.
    clock.now = boundary;
    m.recordBusinessMetric('checkout', 1, { tenantId: 'acme' });
    const november = m.evaluateSlos('acme').checkout;
    expect(november?.sampleCount).toBe(1);
    expect(november?.sli).toBe(1);
    expect(november?.window.start).toBe(boundary);
    expect(november?.window.periodMs).toBe(30 * DAY);
    expect(november?.window.label).toBe('month');
  });

  it('rejects an unknown time zone with a clear error', () => {
    expect(() => metricsAt({ now: 0 }, { kind: 'calendar', unit: 'week', timeZone: 'Mars/Olympus' })).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });
});

describe('the default clock', () => {
  it('reads the time once per synchronous run and again after it', async () => {
    const first = tickClock();
    expect(tickClock()).toBe(first);
    await new Promise((r) => setTimeout(r, 5));
    expect(tickClock()).toBeGreaterThan(first);
    expect(Math.abs(tickClock() - Date.now())).toBeLessThan(1000);
  });
});
