import type { ComponentHealth, ComponentStatus } from '@dotmac/obs-config';
import type { ExportStats } from './export-stats.js';
import type { Signal } from './otlp-http.js';

/** When delivery problems turn a signal degraded or unhealthy. */
export interface HealthThresholds {
  /** A signal whose exports have all been failing for this long is unhealthy. Default 60 000 ms. */
  readonly unhealthyAfterMillis?: number;
  /**
   * A signal that dropped items (full queue) within this window is degraded. Default 60 000 ms. Drops are only
   * counted on the hot path, so the window starts at the `health()` call that first sees them.
   */
  readonly dropWindowMillis?: number;
}

/** What health() needs to know about a bootstrap. */
export interface HealthState {
  readonly serviceName: string;
  readonly state: 'running' | 'disabled' | 'shut-down';
  readonly signals: Record<Signal, { readonly enabled: boolean; readonly exporters: readonly ExportStats[] }>;
}

const RANK: Record<ComponentStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };
const worst = (statuses: ComponentStatus[]): ComponentStatus =>
  statuses.reduce<ComponentStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'healthy');
const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());

function exporterStatus(
  stats: ExportStats,
  now: number,
  limits: Required<HealthThresholds>,
): [ComponentStatus, string] {
  stats.noticeDrops(now);
  if (stats.setupError) return ['unhealthy', stats.setupError];
  if (stats.failingSince !== undefined) {
    const seconds = Math.round((now - stats.failingSince) / 1000);
    const problem = `${stats.consecutiveFailures} failed exports in a row over ${seconds}s (${stats.lastError})`;
    return [now - stats.failingSince >= limits.unhealthyAfterMillis ? 'unhealthy' : 'degraded', problem];
  }
  if (stats.lastDropAt !== undefined && now - stats.lastDropAt < limits.dropWindowMillis) {
    return ['degraded', `${stats.droppedItems} items dropped because the export queue was full`];
  }
  return ['healthy', 'exporting'];
}

/** Builds the `otel` ComponentHealth from the delivery statistics of every exporter. */
export function otelHealth(state: HealthState, thresholds: HealthThresholds = {}): ComponentHealth {
  const limits = { unhealthyAfterMillis: 60_000, dropWindowMillis: 60_000, ...thresholds };
  if (state.state === 'disabled') {
    return {
      name: 'otel',
      status: 'degraded',
      message: 'OpenTelemetry is disabled by configuration (sdkDisabled / OTEL_SDK_DISABLED): no telemetry is exported',
      details: { serviceName: state.serviceName, enabled: false },
    };
  }
  if (state.state === 'shut-down') {
    return {
      name: 'otel',
      status: 'unhealthy',
      message: 'OpenTelemetry is not initialized: this bootstrap was shut down',
      details: { serviceName: state.serviceName, enabled: false },
    };
  }
  const now = Date.now();
  const problems: string[] = [];
  const statuses: ComponentStatus[] = [];
  const signals: Record<string, unknown> = {};
  for (const [signal, { enabled, exporters }] of Object.entries(state.signals)) {
    const results = exporters.map((stats) => exporterStatus(stats, now, limits));
    const each = results.map(([status]) => status);
    // One failing exporter among working ones degrades the signal; all of them failing makes it unhealthy.
    const status = each.length > 0 && each.every((s) => s === 'unhealthy') ? 'unhealthy' : worst(each.map(soften));
    statuses.push(status);
    results.forEach(([exporterState, why], i) => {
      if (exporterState !== 'healthy') problems.push(`${signal} via ${exporters[i]?.type}: ${why}`);
    });
    signals[signal] = {
      enabled,
      status,
      exporters: exporters.map((stats, i) => ({
        type: stats.type,
        endpoint: stats.endpoint ?? null,
        status: results[i]?.[0],
        exportedItems: stats.exportedItems,
        failedItems: stats.failedItems,
        droppedItems: stats.droppedItems,
        queuedItems: stats.queued() ?? null,
        consecutiveFailures: stats.consecutiveFailures,
        lastSuccessAt: iso(stats.lastSuccessAt),
        lastFailureAt: iso(stats.lastFailureAt),
        lastError: stats.lastError ?? stats.setupError ?? null,
      })),
    };
  }
  const status = worst(statuses);
  const configured = Object.values(state.signals).some((signal) => signal.exporters.length > 0);
  const message =
    problems.length > 0
      ? problems.join('; ')
      : configured
        ? 'OpenTelemetry is exporting normally'
        : 'OpenTelemetry is running with no push exporter configured';
  return { name: 'otel', status, message, details: { serviceName: state.serviceName, enabled: true, signals } };
}

const soften = (status: ComponentStatus): ComponentStatus => (status === 'unhealthy' ? 'degraded' : status);
