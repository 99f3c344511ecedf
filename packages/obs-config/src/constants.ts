/** Deployment environments; each selects a preset in `createDefaultConfig`. */
export const Environment = Object.freeze({
  DEVELOPMENT: 'development',
  STAGING: 'staging',
  PRODUCTION: 'production',
  TEST: 'test',
} as const);
/** One of `Environment`'s values: `'development' | 'staging' | 'production' | 'test'`. */
export type Environment = (typeof Environment)[keyof typeof Environment];

/** Where a signal's telemetry goes. */
export const ExporterType = Object.freeze({
  OTLP_HTTP: 'otlp_http',
  OTLP_GRPC: 'otlp_grpc',
  CONSOLE: 'console',
  /** Jaeger ingests OTLP natively (ports 4317/4318): this sends OTLP to it. */
  JAEGER: 'jaeger',
  ZIPKIN: 'zipkin',
  /** A pull reader for metrics whose text the app serves. */
  PROMETHEUS: 'prometheus',
  NONE: 'none',
} as const);
/** One of `ExporterType`'s values. */
export type ExporterType = (typeof ExporterType)[keyof typeof ExporterType];

/** OTLP wire encodings over HTTP. */
export const OtlpProtocol = Object.freeze({
  HTTP_PROTOBUF: 'http/protobuf',
  HTTP_JSON: 'http/json',
} as const);
/** One of `OtlpProtocol`'s values. */
export type OtlpProtocol = (typeof OtlpProtocol)[keyof typeof OtlpProtocol];
