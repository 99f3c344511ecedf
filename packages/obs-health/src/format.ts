import type { ComponentStatus } from '@dotmac/obs-config/core';
import { NOT_CONFIGURED } from './aggregate.js';
import type {
  HealthFormat,
  HealthHandlerOptions,
  HealthRequest,
  HealthResponse,
  ObservabilityHealth,
} from './types.js';

/** Media types of the three outputs. */
export const HEALTH_CONTENT_TYPES = Object.freeze({
  json: 'application/json; charset=utf-8',
  'health+json': 'application/health+json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
});

const IETF_STATUS: Readonly<Record<ComponentStatus, 'pass' | 'warn' | 'fail'>> = {
  healthy: 'pass',
  degraded: 'warn',
  unhealthy: 'fail',
};

/** Turns a health result into an HTTP response, choosing JSON, `application/health+json` or `?verbose` text. */
export function respond(
  health: ObservabilityHealth,
  request: HealthRequest | undefined,
  options: HealthHandlerOptions,
  label: string,
): HealthResponse {
  const statusCode = health.status === 'unhealthy' ? 503 : 200;
  const send = (type: string, body: string): HealthResponse => ({
    statusCode,
    headers: { 'content-type': type, 'cache-control': 'no-store' },
    body,
  });
  if (isVerbose(request?.url)) return send(HEALTH_CONTENT_TYPES.text, toVerboseText(health, label));
  const format: HealthFormat =
    options.format ?? (header(request, 'accept').includes('application/health+json') ? 'health+json' : 'json');
  return format === 'health+json'
    ? send(HEALTH_CONTENT_TYPES['health+json'], JSON.stringify(toHealthJson(health, options)))
    : send(HEALTH_CONTENT_TYPES.json, JSON.stringify(health));
}

/**
 * The `application/health+json` body (draft-inadarei-api-health-check): `pass | warn | fail`, and `checks` keyed
 * `component:measurement` (here `<check>:responseTime`, observed in ms) with one entry per key.
 */
export function toHealthJson(health: ObservabilityHealth, options: HealthHandlerOptions = {}): Record<string, unknown> {
  const checks: Record<string, unknown[]> = {};
  for (const check of health.checks) {
    const status = IETF_STATUS[check.status];
    checks[`${check.name}:responseTime`] = [
      {
        componentId: check.name,
        componentType: 'component',
        status,
        time: health.timestamp,
        observedValue: check.durationMs,
        observedUnit: 'ms',
        ...(status !== 'pass' || check.details === NOT_CONFIGURED ? { output: check.message } : {}),
        ...(check.details === undefined ? {} : { details: check.details }),
      },
    ];
  }
  const { summary } = health;
  return {
    status: IETF_STATUS[health.status],
    ...(options.serviceId === undefined ? {} : { serviceId: options.serviceId }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(health.status === 'healthy'
      ? {}
      : { output: `${summary.unhealthy} unhealthy and ${summary.degraded} degraded of ${summary.total} checks` }),
    checks,
  };
}

/** Kubernetes-style `?verbose` text: `[+]name ok`, `[-]name failed: reason`, then `<label> check passed|failed`. */
export function toVerboseText(health: ObservabilityHealth, label: string): string {
  const lines = health.checks.map((check) => {
    if (check.status === 'healthy') return `[+]${check.name} ok`;
    if (check.status === 'degraded') return `[+]${check.name} degraded: ${oneLine(check.message)}`;
    return `[-]${check.name} failed: ${oneLine(check.message)}`;
  });
  lines.push(`${label} check ${health.status === 'unhealthy' ? 'failed' : 'passed'}`);
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function isVerbose(url: string | undefined): boolean {
  const query = url?.split('?', 2)[1];
  if (!query) return false;
  const value = new URLSearchParams(query.split('#', 1)[0]).get('verbose');
  return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

/** One request header, case-insensitively, joined when repeated; '' when absent. */
function header(request: HealthRequest | undefined, name: string): string {
  const headers = request?.headers;
  if (!headers) return '';
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const value = headers[key];
    return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  }
  return '';
}
