import { ObservabilityError } from '@dotmac/obs-config/core';

/**
 * Thrown by `initializeOtel` while another bootstrap (or another OpenTelemetry SDK) owns the global providers.
 * Call `shutdown()` on the live bootstrap first, or reuse it.
 */
export class OtelAlreadyInitializedError extends ObservabilityError {
  /** The service name of the live bootstrap, when it is one of ours. */
  readonly liveServiceName: string | undefined;

  constructor(liveServiceName: string | undefined, detail?: string) {
    const owner = liveServiceName
      ? `OpenTelemetry is already initialized for service "${liveServiceName}"`
      : `Another OpenTelemetry SDK already registered ${detail ?? 'the global providers'}`;
    super(
      'OTEL_ALREADY_INITIALIZED',
      `${owner}. Reuse that bootstrap, or await its shutdown() before calling initializeOtel() again.`,
    );
    this.liveServiceName = liveServiceName;
  }
}

/** Reported when an exporter type needs an optional package that is not installed. */
export class OtelExporterPackageMissingError extends ObservabilityError {
  /** The npm package to install. */
  readonly packageName: string;

  constructor(exporterType: string, packageName: string, version: string, options?: ErrorOptions) {
    super(
      'OTEL_EXPORTER_PACKAGE_MISSING',
      `Exporter type "${exporterType}" needs the optional package ${packageName}, which is not installed. ` +
        `Install it next to @dotmac/obs-otel: npm install ${packageName}@${version}`,
      options,
    );
    this.packageName = packageName;
  }
}

/** Thrown when an exporter type cannot serve a signal (e.g. `prometheus` for traces) or an endpoint is unusable. */
export class OtelExporterConfigError extends ObservabilityError {
  constructor(message: string) {
    super('OTEL_EXPORTER_INVALID', message);
  }
}
