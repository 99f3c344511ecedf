import type { BusinessMetricSpec } from '../types.js';

/** Custom specs for the rule tests: error rate, calendar-window latency, 28d availability, throughput. */
export const CUSTOM_SPECS: readonly BusinessMetricSpec[] = [
  {
    name: 'checkout_errors',
    metricType: 'error_rate',
    description: 'Checkout "errors" {{x}}',
    sloTarget: 0.001,
    alertThreshold: 0.01,
  },
  {
    name: 'search_latency',
    metricType: 'latency',
    description: 'Search P99 under 250 ms',
    sloTarget: 250,
    alertThreshold: 400,
    percentile: 0.99,
    window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Paris' },
    runbookUrl: 'https://runbooks.example.com/search',
  },
  {
    name: 'probe_up',
    metricType: 'availability',
    description: 'Probe',
    sloTarget: 0.999,
    alertThreshold: 0.99,
    window: '28d',
  },
  { name: 'jobs', metricType: 'throughput', description: 'Jobs per second', sloTarget: 5, alertThreshold: 1 },
];
