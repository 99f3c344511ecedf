import type { MetricState, Series } from './metric-state.js';
import { OVERFLOW_LABEL, ScalarSeries } from './metric-state.js';
import type { OtelAttributes, OtelMeter, OtelObservable, OtelObservableResult } from './otel-types.js';
import { MetricType } from './types.js';
import { isValidOtelName } from './validation.js';

/** The OpenTelemetry attributes of a series: its labels plus the registry's default labels (cached). */
export function attributesOf(series: Series, defaultLabels: Readonly<Record<string, string>>): OtelAttributes {
  if (series.attributes !== undefined) return series.attributes;
  const attributes: OtelAttributes = { ...series.labels, ...defaultLabels };
  if (series.labels[OVERFLOW_LABEL] !== undefined) {
    delete attributes[OVERFLOW_LABEL];
    attributes['otel.metric.overflow'] = true;
  }
  series.attributes = Object.freeze(attributes);
  return series.attributes;
}

/**
 * Exports the store through an OpenTelemetry meter. Counters, up-down counters and gauges become observable
 * instruments whose callbacks read the store at collection: nothing more happens on the recording path. The API has
 * no asynchronous histogram, so histograms and summaries also record into an OTel histogram while a meter is set.
 */
export class OtelBridge {
  private readonly meter: OtelMeter;
  private readonly defaultLabels: Readonly<Record<string, string>>;
  private readonly callbacks: Array<[OtelObservable, (result: OtelObservableResult) => void]> = [];
  private readonly histograms: MetricState[] = [];

  constructor(meter: OtelMeter, defaultLabels: Readonly<Record<string, string>>) {
    this.meter = meter;
    this.defaultLabels = defaultLabels;
  }

  /** Creates the instrument of one metric; returns false when OpenTelemetry refuses its name. */
  add(state: MetricState): boolean {
    const name = state.exportName;
    if (!isValidOtelName(name)) return false;
    const options = { description: state.def.description, unit: state.def.unit };
    if (state.type === MetricType.HISTOGRAM || state.type === MetricType.SUMMARY) {
      // A summary becomes a histogram of one bucket: its sum and count, as the metric producer exports it.
      const advice = { explicitBucketBoundaries: [...state.def.buckets] };
      state.otelHistogram = this.meter.createHistogram(name, { ...options, advice });
      this.histograms.push(state);
      return true;
    }
    const instrument =
      state.type === MetricType.COUNTER
        ? this.meter.createObservableCounter(name, options)
        : state.type === MetricType.UP_DOWN_COUNTER
          ? this.meter.createObservableUpDownCounter(name, options)
          : this.meter.createObservableGauge(name, options);
    const defaults = this.defaultLabels;
    const callback = (result: OtelObservableResult): void => {
      state.sample();
      for (const series of state.series) {
        if (series instanceof ScalarSeries) result.observe(series.value, attributesOf(series, defaults));
      }
    };
    instrument.addCallback(callback);
    this.callbacks.push([instrument, callback]);
    return true;
  }

  /** Detaches from the meter: callbacks removed, histograms no longer recorded. */
  dispose(): void {
    for (const [instrument, callback] of this.callbacks) instrument.removeCallback(callback);
    for (const state of this.histograms) state.otelHistogram = undefined;
    this.callbacks.length = 0;
    this.histograms.length = 0;
  }
}
