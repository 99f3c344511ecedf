// A real OTLP/HTTP receiver for tests: listens on 127.0.0.1, decodes JSON and protobuf (gzip or not),
// and keeps what real exporters sent. It also accepts Zipkin v2 JSON on /api/v2/spans.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { collect, type ReceivedLog, type ReceivedMetricPoint, type ReceivedSpan } from './normalize.js';
import { decodeProtobufRequest, type OtlpSignal } from './otlp-proto.js';

export type { ReceivedLog, ReceivedMetricPoint, ReceivedSpan } from './normalize.js';

/** One export request as it arrived. */
export interface ReceivedRequest {
  readonly signal: OtlpSignal | 'zipkin';
  readonly encoding: 'json' | 'protobuf';
  readonly gzip: boolean;
  readonly headers: http.IncomingHttpHeaders;
  /** Spans, data points or log records in this request. */
  readonly items: number;
}

const SIGNAL_OF_PATH: Record<string, OtlpSignal> = {
  '/v1/traces': 'traces',
  '/v1/metrics': 'metrics',
  '/v1/logs': 'logs',
};

/** A running receiver; `url(signal)` gives the endpoint to configure an exporter with. */
export class OtlpReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly spans: ReceivedSpan[] = [];
  readonly metricPoints: ReceivedMetricPoint[] = [];
  readonly logs: ReceivedLog[] = [];
  readonly zipkinSpans: Record<string, unknown>[] = [];
  /** Answer every request with this status instead of 200 (e.g. 503 to simulate an overloaded collector). */
  failWith: number | undefined;
  #server: http.Server | undefined;
  #sockets = new Set<Socket>();
  #port = 0;
  #waiters = new Set<() => void>();

  /** Starts listening (on a free port the first time, on the same port after `stop()`). */
  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.#handle(req, res));
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  /** Stops listening and cuts open connections, as a crashed collector would. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get port(): number {
    return this.#port;
  }

  /** The full endpoint URL of a signal, e.g. `http://127.0.0.1:PORT/v1/traces`. */
  url(signal: OtlpSignal | 'zipkin'): string {
    return `http://127.0.0.1:${this.#port}${signal === 'zipkin' ? '/api/v2/spans' : `/v1/${signal}`}`;
  }

  /** Resolves when `predicate` holds, re-checked after every request; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`OtlpReceiver: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
    });
  }

  /** Forgets everything received so far. */
  clear(): void {
    for (const array of [this.requests, this.spans, this.metricPoints, this.logs, this.zipkinSpans]) array.length = 0;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        this.#record(req, Buffer.concat(chunks), res);
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
      for (const waiter of [...this.#waiters]) waiter();
    });
  }

  #record(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (this.failWith !== undefined) {
      res.writeHead(this.failWith).end();
      return;
    }
    const gzip = req.headers['content-encoding'] === 'gzip';
    const body = gzip ? gunzipSync(raw) : raw;
    const json = String(req.headers['content-type'] ?? '').includes('json');
    if (path === '/api/v2/spans') {
      const spans = JSON.parse(body.toString('utf8')) as Record<string, unknown>[];
      this.zipkinSpans.push(...spans);
      this.requests.push({ signal: 'zipkin', encoding: 'json', gzip, headers: req.headers, items: spans.length });
      res.writeHead(202).end();
      return;
    }
    const signal = SIGNAL_OF_PATH[path];
    if (!signal) {
      res.writeHead(404).end();
      return;
    }
    const decoded = json
      ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>)
      : decodeProtobufRequest(signal, body);
    const items = collect(signal, decoded, this);
    this.requests.push({ signal, encoding: json ? 'json' : 'protobuf', gzip, headers: req.headers, items });
    res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    res.end(json ? '{}' : Buffer.alloc(0));
  }
}

/** Starts a receiver on 127.0.0.1 and a free port. */
export function startOtlpReceiver(): Promise<OtlpReceiver> {
  return new OtlpReceiver().start();
}
