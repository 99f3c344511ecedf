/** The three tenants of the demo and how each behaves over the run. */
export interface TenantProfile {
  readonly tenantId: string;
  readonly region: string;
  /** Chance that a request fails, given how far the run is (0 → 1). */
  readonly errorRate: (progress: number) => number;
  /** Typical latency in ms, given how far the run is. */
  readonly latencyMs: (progress: number) => number;
}

export const TENANTS: readonly TenantProfile[] = [
  { tenantId: 'acme-corp', region: 'us-east-1', errorRate: () => 0, latencyMs: () => 40 },
  { tenantId: 'globex', region: 'eu-west-1', errorRate: () => 0, latencyMs: () => 120 },
  // Healthy tenants fail no request, so the demo (and its smoke test) shows one tenant breaking, not noise.
  // Slowly breaking: errors and latency grow as the run goes on.
  {
    tenantId: 'initech',
    region: 'ap-south-1',
    errorRate: (p) => Math.min(0.3, 0.002 + 0.3 * p),
    latencyMs: (p) => 80 + 700 * p,
  },
];

const OPERATIONS = ['login', 'orders', 'provision'] as const;

/**
 * Sends real HTTP requests to the service on loopback, a few per tick for every tenant, until stopped.
 * Returns a function that stops it and resolves when the requests in flight have ended.
 */
export function startTraffic(baseUrl: string, progress: () => number, ratePerSecond = 60): () => Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const perTenantPerTick = Math.max(1, Math.round(ratePerSecond / 10 / TENANTS.length));
  const tick = setInterval(() => {
    for (const tenant of TENANTS) {
      for (let i = 0; i < perTenantPerTick; i++) {
        const operation = OPERATIONS[Math.floor(Math.random() * OPERATIONS.length)] ?? 'orders';
        const request = fetch(`${baseUrl}/api/${tenant.tenantId}/${operation}?p=${progress().toFixed(3)}`, {
          method: 'POST',
        })
          .then((response) => response.arrayBuffer())
          .then(
            () => undefined,
            () => undefined,
          )
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
    }
  }, 100);
  return async () => {
    clearInterval(tick);
    await Promise.all(inFlight);
  };
}

/** A lognormal-ish latency around `typical` ms. */
export function sampleLatency(typical: number): number {
  const u = Math.random() || 1e-9;
  return Math.max(1, typical * Math.exp(0.35 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random())));
}
