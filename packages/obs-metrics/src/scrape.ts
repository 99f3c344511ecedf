import type { Registry } from 'prom-client';
import type { PromMetricValues } from './exposition.js';
import { writeForeignMetric, writeMetric } from './exposition.js';
import { StoreCollector } from './prom-collector.js';

/**
 * The exposition of a whole prom-client registry: the store's metrics written straight from their series, other
 * prom-client metrics (runtime metrics, ones registered by hand) from their `get()`. Ends with `# EOF` in OpenMetrics.
 */
export async function scrape(
  promRegistry: Registry,
  defaultLabels: Readonly<Record<string, string>>,
  defaultLabelString: string,
  openMetrics: boolean,
): Promise<string> {
  let out = '';
  for (const metric of promRegistry.getMetricsAsArray() as unknown[]) {
    if (metric instanceof StoreCollector) {
      metric.state.sample();
      out += writeMetric(metric.state, openMetrics, defaultLabelString);
      continue;
    }
    try {
      const values = (await (metric as { get(): Promise<PromMetricValues> }).get()) as PromMetricValues;
      out += writeForeignMetric(values, defaultLabels, openMetrics);
    } catch {
      // A failing foreign collector loses its own family only.
    }
  }
  return openMetrics ? `${out}# EOF\n` : out;
}
