import net from 'node:net';
import type { ComponentHealth, ComponentStatus, HealthReporter } from '@dotmac/obs-config/core';

/** A component with a fixed answer that counts its calls. */
export interface FakeComponent extends HealthReporter {
  calls: number;
  answer: ComponentHealth;
}

export function fakeComponent(
  name: string,
  status: ComponentStatus = 'healthy',
  details?: Record<string, unknown>,
): FakeComponent {
  const answer: ComponentHealth = { name, status, message: `${name} is ${status}`, ...(details ? { details } : {}) };
  const fake: FakeComponent = {
    calls: 0,
    answer,
    health() {
      fake.calls += 1;
      return fake.answer;
    },
  };
  return fake;
}

/** A loopback port with nothing listening (bound then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Stands in for the OTel bootstrap until @dotmac/obs-otel lands: health() probes the exporter's receiver
 * with a TCP connect and reports `degraded` when it is down, as the real bootstrap does.
 */
export function otelStandIn(endpoint: string): HealthReporter {
  return {
    async health() {
      const url = new URL(endpoint);
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = net.connect(Number(url.port), url.hostname);
        socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
        socket.setTimeout(500, () => resolve(false));
        socket.unref();
      });
      return reachable
        ? { name: 'otel', status: 'healthy', message: 'exporters reachable', details: { endpoint } }
        : {
            name: 'otel',
            status: 'degraded',
            message: `exporter receiver unreachable at ${endpoint}`,
            details: { endpoint },
          };
    },
  };
}

/** Stands in for the metrics registry until @dotmac/obs-metrics lands: degraded at its cardinality cap. */
export function metricsStandIn(cap: number): HealthReporter & { series: number } {
  const registry = {
    series: 0,
    health(): ComponentHealth {
      const atCap = registry.series >= cap;
      return {
        name: 'metrics',
        status: atCap ? 'degraded' : 'healthy',
        message: atCap ? `cardinality cap of ${cap} series reached; new series are dropped` : 'ok',
        details: { series: registry.series, cap },
      };
    },
  };
  return registry;
}
