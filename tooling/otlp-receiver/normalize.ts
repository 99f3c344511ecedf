// Turns decoded OTLP requests (from JSON or protobuf) into flat records that tests can assert on.
import type { OtlpSignal } from './otlp-proto.js';

/** An attribute map with plain JS values. */
export type Attributes = Record<string, unknown>;

/** A span as the receiver saw it. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Empty string for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Attributes;
  readonly status: { readonly code: number; readonly message: string };
  readonly events: readonly { readonly name: string; readonly attributes: Attributes }[];
  readonly resource: Attributes;
  readonly scope: string;
}

/** One metric data point (number or histogram) as the receiver saw it. */
export interface ReceivedMetricPoint {
  readonly metric: string;
  readonly type: 'sum' | 'gauge' | 'histogram';
  readonly attributes: Attributes;
  /** The number value, or the histogram's sum. */
  readonly value: number;
  /** Histogram only. */
  readonly count?: number;
  readonly resource: Attributes;
}

/** A log record as the receiver saw it. */
export interface ReceivedLog {
  readonly body: unknown;
  readonly severityText: string;
  readonly severityNumber: number;
  /** Empty string when the record was emitted outside a span. */
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: Attributes;
  readonly resource: Attributes;
}

type Obj = Record<string, unknown>;
const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const obj = (value: unknown): Obj => (value && typeof value === 'object' ? (value as Obj) : {});

/** Ids arrive as hex strings (OTLP/JSON) or byte arrays (protobuf); both become lowercase hex. */
export function toHex(value: unknown): string {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value) || value instanceof Uint8Array) return Buffer.from(value as number[]).toString('hex');
  return '';
}

/** Decodes an OTLP AnyValue. */
export function anyValue(value: unknown): unknown {
  const v = obj(value);
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('arrayValue' in v) return list(obj(v.arrayValue).values).map(anyValue);
  if ('kvlistValue' in v) return attributes(obj(v.kvlistValue).values);
  if ('bytesValue' in v) return toHex(v.bytesValue);
  return undefined;
}

/** Decodes a repeated KeyValue into a plain object. */
export function attributes(value: unknown): Attributes {
  return Object.fromEntries(list(value).map((kv) => [String(kv.key), anyValue(kv.value)]));
}

/** Every span of a traces request. */
export function spansOf(request: Obj): ReceivedSpan[] {
  return list(request.resourceSpans).flatMap((rs) => {
    const resource = attributes(obj(rs.resource).attributes);
    return list(rs.scopeSpans).flatMap((ss) =>
      list(ss.spans).map((s) => ({
        traceId: toHex(s.traceId),
        spanId: toHex(s.spanId),
        parentSpanId: toHex(s.parentSpanId),
        name: String(s.name ?? ''),
        kind: Number(s.kind ?? 0),
        attributes: attributes(s.attributes),
        status: { code: Number(obj(s.status).code ?? 0), message: String(obj(s.status).message ?? '') },
        events: list(s.events).map((e) => ({ name: String(e.name ?? ''), attributes: attributes(e.attributes) })),
        resource,
        scope: String(obj(ss.scope).name ?? ''),
      })),
    );
  });
}

/** Every metric data point of a metrics request. */
export function metricPointsOf(request: Obj): ReceivedMetricPoint[] {
  return list(request.resourceMetrics).flatMap((rm) => {
    const resource = attributes(obj(rm.resource).attributes);
    return list(rm.scopeMetrics).flatMap((sm) =>
      list(sm.metrics).flatMap((m): ReceivedMetricPoint[] => {
        const metric = String(m.name);
        if (m.histogram) {
          return list(obj(m.histogram).dataPoints).map((p) => ({
            metric,
            type: 'histogram' as const,
            attributes: attributes(p.attributes),
            value: Number(p.sum ?? 0),
            count: Number(p.count ?? 0),
            resource,
          }));
        }
        const type = m.sum ? ('sum' as const) : ('gauge' as const);
        return list(obj(m.sum ?? m.gauge).dataPoints).map((p) => ({
          metric,
          type,
          attributes: attributes(p.attributes),
          value: Number(p.asDouble ?? p.asInt ?? 0),
          resource,
        }));
      }),
    );
  });
}

/** Every log record of a logs request. */
export function logsOf(request: Obj): ReceivedLog[] {
  return list(request.resourceLogs).flatMap((rl) => {
    const resource = attributes(obj(rl.resource).attributes);
    return list(rl.scopeLogs).flatMap((sl) =>
      list(sl.logRecords).map((r) => ({
        body: anyValue(r.body),
        severityText: String(r.severityText ?? ''),
        severityNumber: Number(r.severityNumber ?? 0),
        traceId: toHex(r.traceId),
        spanId: toHex(r.spanId),
        attributes: attributes(r.attributes),
        resource,
      })),
    );
  });
}

/** What a receiver has kept so far, per signal. */
export interface ReceivedItems {
  readonly spans: ReceivedSpan[];
  readonly metricPoints: ReceivedMetricPoint[];
  readonly logs: ReceivedLog[];
}

/** Appends the spans, data points or log records of one decoded request to `into`; returns how many there were. */
export function collect(signal: OtlpSignal, request: Obj, into: ReceivedItems): number {
  const append = <T>(list: T[], items: T[]): number => {
    list.push(...items);
    return items.length;
  };
  if (signal === 'traces') return append(into.spans, spansOf(request));
  if (signal === 'metrics') return append(into.metricPoints, metricPointsOf(request));
  return append(into.logs, logsOf(request));
}
