/** The status a component reports about itself. */
export type ComponentStatus = 'healthy' | 'degraded' | 'unhealthy';

/**
 * What every component's `health()` returns: the OTel bootstrap, the metrics registry,
 * the tenant metrics, or any custom component that obs-health should watch.
 */
export interface ComponentHealth {
  /** A short component name, such as `otel` or `metrics`. */
  readonly name: string;
  readonly status: ComponentStatus;
  /** One human-readable sentence: what is wrong, or that all is well. */
  readonly message: string;
  /** Measurements worth showing (never secrets). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Anything obs-health can ask for its health. */
export interface HealthReporter {
  health(): ComponentHealth | Promise<ComponentHealth>;
}
