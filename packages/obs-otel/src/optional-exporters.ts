import type { ExporterConfig, OTelConfig } from '@dotmac/obs-config';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import type { IExporterMetricsHelper, ISerializer } from '@opentelemetry/otlp-transformer';
import { OtelExporterPackageMissingError } from './errors.js';
import type { AnyExporter } from './export-stats.js';
import { OTLP_WIRE, type Signal, transportLimits } from './otlp-http.js';

/** Optional peer packages, loaded only when an exporter of their type is configured. */
export const OPTIONAL_PACKAGES = {
  grpc: { name: '@opentelemetry/otlp-grpc-exporter-base', version: '0.223.1' },
  zipkin: { name: '@opentelemetry/exporter-zipkin', version: '2.12.1' },
} as const;

type Module = Record<string, unknown>;

/** `import()` of a package by name, turning "not installed" into an error that names what to install. */
export async function importOptional(exporterType: string, pkg: { name: string; version: string }): Promise<Module> {
  try {
    return (await import(pkg.name)) as Module;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new OtelExporterPackageMissingError(exporterType, pkg.name, pkg.version, { cause: error });
    }
    throw error;
  }
}

/**
 * An exporter whose implementation is imported on first configuration. Exports issued while it loads wait
 * for it; if loading fails every export fails with that error (and health reports it), but nothing throws.
 */
export class LazyExporter<T> implements AnyExporter<T> {
  #inner: AnyExporter<T> | undefined;
  #error: Error | undefined;
  readonly #loading: Promise<void>;

  constructor(load: () => Promise<AnyExporter<T>>, onError: (error: Error) => void) {
    this.#loading = load().then(
      (inner) => {
        this.#inner = inner;
      },
      (error: unknown) => {
        this.#error = error instanceof Error ? error : new Error(String(error));
        onError(this.#error);
      },
    );
  }

  /** Settles when loading ended; rejects with the loading error. */
  async ready(): Promise<void> {
    await this.#loading;
    if (this.#error) throw this.#error;
  }

  export(items: T, resultCallback: (result: ExportResult) => void): void {
    if (this.#inner) {
      this.#inner.export(items, resultCallback);
    } else if (this.#error) {
      resultCallback({ code: ExportResultCode.FAILED, error: this.#error });
    } else {
      void this.#loading.then(() => this.export(items, resultCallback));
    }
  }

  async forceFlush(): Promise<void> {
    await this.#loading;
    await this.#inner?.forceFlush?.();
  }

  async shutdown(): Promise<void> {
    await this.#loading;
    await this.#inner?.shutdown();
  }
}

interface GrpcBase {
  createOtlpGrpcExportDelegate: (...args: unknown[]) => ConstructorParameters<typeof OTLPExporterBase>[0];
  createEmptyMetadata: () => { set(key: string, value: string): void };
  createInsecureCredentials: () => unknown;
  createSslCredentials: () => unknown;
}

/** An OTLP/gRPC exporter from `@opentelemetry/otlp-grpc-exporter-base`, configured only from `exporter`. */
export async function loadGrpcExporter<T>(
  signal: Signal,
  exporter: ExporterConfig,
  config: OTelConfig,
): Promise<AnyExporter<T>> {
  const base = (await importOptional('otlp_grpc', OPTIONAL_PACKAGES.grpc)) as unknown as GrpcBase;
  const wire = OTLP_WIRE[signal];
  const target = new URL(exporter.endpoint ?? 'http://localhost:4317');
  const credentials = target.protocol === 'https:' ? base.createSslCredentials() : base.createInsecureCredentials();
  const [grpcName, grpcPath] = wire.grpcName.split('|');
  const delegate = base.createOtlpGrpcExportDelegate(
    {
      url: target.host,
      metadata: () => {
        const metadata = base.createEmptyMetadata();
        for (const [key, value] of Object.entries(exporter.headers ?? {})) metadata.set(key, value);
        return metadata;
      },
      credentials: () => credentials,
      ...transportLimits(exporter, config),
      compression: exporter.compression ?? 'none',
    },
    wire.protobuf as ISerializer<T, unknown>,
    `otlp_grpc_${wire.component}`,
    wire.helper as IExporterMetricsHelper<T>,
    undefined,
    grpcName,
    grpcPath,
  );
  return new OTLPExporterBase<T>(delegate);
}

/** A Zipkin v2 exporter (traces only) from `@opentelemetry/exporter-zipkin`. */
export async function loadZipkinExporter<T>(exporter: ExporterConfig, serviceName: string): Promise<AnyExporter<T>> {
  const zipkin = await importOptional('zipkin', OPTIONAL_PACKAGES.zipkin);
  const ZipkinExporter = zipkin.ZipkinExporter as new (config: object) => AnyExporter<T>;
  return new ZipkinExporter({
    url: exporter.endpoint ?? 'http://localhost:9411/api/v2/spans',
    headers: { ...exporter.headers },
    serviceName,
  });
}
