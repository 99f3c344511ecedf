import type { AddressInfo } from 'node:net';
import { initializeMetricsRegistry, type MetricsRegistry } from '../index.js';

/** A real registry with the default metrics, strict about invalid input. */
export function createTestRegistry(): MetricsRegistry {
  return initializeMetricsRegistry('http-test', { onInvalid: 'throw' });
}

/** One sample line of a text exposition. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses the sample lines of a Prometheus text exposition. */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Request counts by `METHOD endpoint status` from `http_requests_total`. */
export function requestCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of parseSamples(text)) {
    if (s.name !== 'http_requests_total') continue;
    counts[`${s.labels.method} ${s.labels.endpoint} ${s.labels.status_code}`] = s.value;
  }
  return counts;
}

/** The `_count` of `http_request_duration_seconds` by `METHOD endpoint`. */
export function durationCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of parseSamples(text)) {
    if (s.name !== 'http_request_duration_seconds_count') continue;
    counts[`${s.labels.method} ${s.labels.endpoint}`] = s.value;
  }
  return counts;
}

/** The `_sum` of `http_request_duration_seconds` for one `METHOD endpoint`. */
export function durationSum(text: string, key: string): number | undefined {
  return parseSamples(text).find(
    (s) => s.name === 'http_request_duration_seconds_sum' && `${s.labels.method} ${s.labels.endpoint}` === key,
  )?.value;
}

/** The base URL of a server listening on 127.0.0.1. */
export function baseUrl(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** Sends the requests one after the other; returns the status codes. */
export async function send(base: string, requests: readonly string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const entry of requests) {
    const [method, path] = entry.split(' ') as [string, string];
    const response = await fetch(`${base}${path}`, { method });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** Resolves once `predicate` holds (checked every 5 ms), or rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The slow route's delay; its recorded duration must be at least this. */
export const SLOW_MS = 30;

/**
 * The requests every adapter test sends to an app that has: `GET /users/:id`, `POST /users`, `GET /slow`,
 * `GET /boom` (throws), `GET /metrics`, and a sub-router mounted at `/api` with `GET /items/:itemId`.
 */
export const SCENARIO = [
  'GET /users/1',
  'GET /users/2?expand=true',
  'POST /users',
  'GET /api/items/42',
  'GET /slow',
  'GET /boom',
  'GET /nope',
  'DELETE /no/such/path',
  'GET /metrics',
] as const;

/** The statuses the scenario's requests answer with. */
export const SCENARIO_STATUSES = [200, 200, 201, 200, 200, 500, 404, 404, 200];

/** The `http_requests_total` samples the scenario records (`/metrics` is ignored). */
export const SCENARIO_COUNTS = {
  'GET /users/:id 200': 2,
  'POST /users 201': 1,
  'GET /api/items/:itemId 200': 1,
  'GET /slow 200': 1,
  'GET /boom 500': 1,
  'GET __unmatched__ 404': 1,
  'DELETE __unmatched__ 404': 1,
};

/** The `http_request_duration_seconds_count` samples the scenario records. */
export const SCENARIO_DURATION_COUNTS = {
  'GET /users/:id': 2,
  'POST /users': 1,
  'GET /api/items/:itemId': 1,
  'GET /slow': 1,
  'GET /boom': 1,
  'GET __unmatched__': 1,
  'DELETE __unmatched__': 1,
};

/** Waits `SLOW_MS`. */
export const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SLOW_MS));
