import type { Attributes } from '@opentelemetry/api';
import {
  DataPointType,
  type Histogram,
  type MetricData,
  MetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';

const sanitizeName = (name: string): string => name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/^(\d)/, '_$1');
const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** The `key="value"` pairs of a data point's attributes, sanitized and escaped. */
function labelPairs(attributes: Attributes): string[] {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${sanitizeName(key)}="${escapeLabel(String(value))}"`);
}

const braces = (pairs: readonly string[]): string => (pairs.length > 0 ? `{${pairs.join(',')}}` : '');
const labels = (attributes: Attributes): string => braces(labelPairs(attributes));

function samples(metric: MetricData, name: string): string[] {
  if (metric.dataPointType === DataPointType.HISTOGRAM) {
    return metric.dataPoints.flatMap((point) => {
      const histogram = point.value as Histogram;
      // The point's labels are rendered once, not once per bucket.
      const pairs = labelPairs(point.attributes);
      const bucket = (le: string): string => `${name}_bucket${braces([...pairs, `le="${le}"`])}`;
      let cumulative = 0;
      const lines = histogram.buckets.boundaries.map((bound, index) => {
        cumulative += histogram.buckets.counts[index] ?? 0;
        return `${bucket(formatValue(bound))} ${cumulative}`;
      });
      const plain = braces(pairs);
      lines.push(`${bucket('+Inf')} ${histogram.count}`);
      lines.push(`${name}_sum${plain} ${formatValue(histogram.sum ?? 0)}`);
      lines.push(`${name}_count${plain} ${histogram.count}`);
      return lines;
    });
  }
  if (metric.dataPointType === DataPointType.SUM || metric.dataPointType === DataPointType.GAUGE) {
    return metric.dataPoints.map((point) => `${name}${labels(point.attributes)} ${formatValue(point.value)}`);
  }
  return []; // Exponential histograms have no Prometheus text form.
}

/** Serializes collected metrics into the Prometheus text exposition format (0.0.4). */
export function toPrometheusText(resourceMetrics: ResourceMetrics): string {
  const blocks = new Map<string, { help: string; type: string; lines: string[] }>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      const counter = metric.dataPointType === DataPointType.SUM && metric.isMonotonic;
      const base = sanitizeName(metric.descriptor.name);
      const name = counter && !base.endsWith('_total') ? `${base}_total` : base;
      const type = counter ? 'counter' : metric.dataPointType === DataPointType.HISTOGRAM ? 'histogram' : 'gauge';
      const block = blocks.get(name) ?? { help: metric.descriptor.description, type, lines: [] };
      block.lines.push(...samples(metric, name));
      blocks.set(name, block);
    }
  }
  let text = '';
  for (const [name, block] of blocks) {
    if (block.lines.length === 0) continue;
    text += `# HELP ${name} ${escapeHelp(block.help || name)}\n`; // promtool wants help on every metric.
    text += `# TYPE ${name} ${block.type}\n${block.lines.join('\n')}\n`;
  }
  return text;
}

/**
 * A pull metric reader for the `prometheus` exporter type: it never opens a server; the app serves
 * `await reader.text()` (or the bootstrap's `prometheusMetrics()`) on its own `/metrics` route.
 */
export class PrometheusPullReader extends MetricReader {
  /** Collects every instrument now and returns the Prometheus text. */
  async text(): Promise<string> {
    const { resourceMetrics } = await this.collect();
    return toPrometheusText(resourceMetrics);
  }

  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}
