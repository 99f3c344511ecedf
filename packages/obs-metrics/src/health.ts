import type { ComponentHealth } from '@dotmac/obs-config';
import type { MetricState } from './metric-state.js';
import type { Refusals } from './refusals.js';

/** Builds the registry's `ComponentHealth`: degraded when a metric reached its cap or samples were refused. */
export function metricsHealth(
  metrics: readonly MetricState[],
  maxSeriesPerMetric: number,
  refusals: Refusals,
  otelExport: boolean,
): ComponentHealth {
  let series = 0;
  let overflowSamples = 0;
  let largest = 0;
  const atCap: string[] = [];
  for (const state of metrics) {
    series += state.seriesCount;
    largest = Math.max(largest, state.seriesCount);
    overflowSamples += state.overflowSamples;
    if (state.atCap) atCap.push(state.def.name);
  }
  const dropped = refusals.total();
  const problems: string[] = [];
  if (atCap.length > 0) {
    problems.push(`${atCap.length} metric(s) reached ${maxSeriesPerMetric} series (${atCap.slice(0, 5).join(', ')})`);
  }
  if (dropped > 0) problems.push(`${dropped} invalid sample(s) or definition(s) were refused`);
  return {
    name: 'metrics',
    status: problems.length > 0 ? 'degraded' : 'healthy',
    message:
      problems.length > 0
        ? `${problems.join('; ')}: see details and fix the labels or calls.`
        : `${metrics.length} metrics, ${series} series, nothing refused.`,
    details: {
      metricsRegistered: metrics.length,
      series,
      largestSeriesCount: largest,
      maxSeriesPerMetric,
      metricsAtCap: atCap,
      overflowSamples,
      droppedSamples: refusals.byReason(),
      droppedTotal: dropped,
      onInvalid: refusals.policy,
      otelExport,
    },
  };
}
