import {
  DefaultMetricNames,
  SLO_WINDOWS,
  SloMetricNames,
  sloBurnRateRule,
  sloErrorRatioRule,
} from '@dotmac/obs-config';
import { everyRendering, expressions } from './__fixtures__/walk.js';
import { ExtraMetricNames } from './metric-names.js';

/** Series names selected by an expression: identifiers directly followed by a label matcher. */
const selected = (expr: string): string[] =>
  [...expr.matchAll(/([A-Za-z_:][A-Za-z0-9_:]*)\{/g)].map((m) => (m[1] ?? '').replace(/_(bucket|count|sum)$/, ''));

describe('metric names used by the dashboards', () => {
  const exported = new Set<string>([
    ...Object.values(DefaultMetricNames),
    SloMetricNames.EVENTS_TOTAL,
    SloMetricNames.GOOD_EVENTS_TOTAL,
    SloMetricNames.OBJECTIVE,
    SloMetricNames.ERROR_BUDGET_REMAINING,
    ...SLO_WINDOWS.flatMap((window) => [sloErrorRatioRule(window), sloBurnRateRule(window)]),
    ...Object.values(ExtraMetricNames),
  ]);
  const used = new Set(
    everyRendering().flatMap(({ dashboards }) => dashboards.flatMap((d) => expressions(d).flatMap(selected))),
  );

  it('are all exported by @dotmac/obs-config (or listed in ExtraMetricNames)', () => {
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('cover every default metric and every SLO series', () => {
    const expected = [
      ...Object.values(DefaultMetricNames),
      SloMetricNames.EVENTS_TOTAL,
      SloMetricNames.GOOD_EVENTS_TOTAL,
      SloMetricNames.OBJECTIVE,
      SloMetricNames.ERROR_BUDGET_REMAINING,
      ...SLO_WINDOWS.map((window) => sloBurnRateRule(window)),
      ExtraMetricNames.NODEJS_EVENTLOOP_LAG_SECONDS,
      ExtraMetricNames.ALERTS,
    ];
    expect(expected.filter((name) => !used.has(name))).toEqual([]);
  });

  it('select SLO alerts by the shared alert name prefix', () => {
    const exprs = everyRendering()[0]?.dashboards.flatMap(expressions) ?? [];
    expect(exprs.some((e) => e.includes(`alertname=~"${SloMetricNames.ALERT_PREFIX}.*"`))).toBe(true);
  });
});
