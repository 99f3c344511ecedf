// A minimal OTLP/gRPC receiver for tests: a real HTTP/2 server on 127.0.0.1 that unframes gRPC messages,
// decodes them with the same protobuf schema as the HTTP receiver, and answers grpc-status 0.
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { collect, type ReceivedLog, type ReceivedMetricPoint, type ReceivedSpan } from './normalize.js';
import { decodeProtobufRequest, type OtlpSignal } from './otlp-proto.js';

const SIGNAL_OF_PATH: Record<string, OtlpSignal> = {
  '/opentelemetry.proto.collector.trace.v1.TraceService/Export': 'traces',
  '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export': 'metrics',
  '/opentelemetry.proto.collector.logs.v1.LogsService/Export': 'logs',
};

/** A running gRPC receiver; `url` is the endpoint to configure an `otlp_grpc` exporter with. */
export class OtlpGrpcReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly metricPoints: ReceivedMetricPoint[] = [];
  readonly logs: ReceivedLog[] = [];
  readonly metadata: http2.IncomingHttpHeaders[] = [];
  #server: http2.Http2Server | undefined;
  url = '';

  async start(): Promise<this> {
    const server = http2.createServer();
    server.on('stream', (stream, headers) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const signal = SIGNAL_OF_PATH[String(headers[':path'])];
        const body = Buffer.concat(chunks);
        if (signal && body.length >= 5) {
          // gRPC framing: 1 byte "compressed" flag, 4 bytes big-endian length, then the message.
          const message = body.subarray(5, 5 + body.readUInt32BE(1));
          collect(signal, decodeProtobufRequest(signal, body[0] === 1 ? gunzipSync(message) : message), this);
          this.metadata.push(headers);
        }
        stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
        stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': signal ? '0' : '12' }));
        stream.end(Buffer.alloc(5)); // One empty response message.
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
