import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

/** What a route answers. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * Faults injected into a share of requests: `503`/`429` answers, `hang` (never answered, never applied) and
 * `lost` (applied, but the answer never arrives — the case that makes retried writes dangerous).
 */
export interface FaultOptions {
  /** Share of requests that fail (0–1). */
  readonly rate: number;
  /** Failure modes to pick from. */
  readonly modes: readonly ('503' | 'hang' | '429' | 'lost')[];
  /** Only requests this accepts can fail (default: all). */
  readonly only?: (request: SeenRequest) => boolean;
  /** Seed of the deterministic pseudo-random sequence. */
  readonly seed?: number;
  /** The same method + path never fails more than this many times in a row (so retries always converge). */
  readonly maxConsecutive?: number;
}

/** Options shared by the fake servers. */
export interface LoopbackOptions {
  readonly faults?: FaultOptions;
  /** Delay before every answer, in milliseconds (a slow server). */
  readonly delayMs?: number;
  /** Retry-After header sent with injected 503/429 answers. */
  readonly retryAfter?: string;
}

/** A running loopback server. */
export interface Loopback {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Counts of injected faults by mode. */
  readonly faults: Record<string, number>;
  close(): Promise<void>;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Starts an HTTP server on 127.0.0.1 (port 0) that answers with `route`, after injecting faults. */
export async function startLoopback(
  route: (request: SeenRequest, url: URL) => Answer | Promise<Answer>,
  options: LoopbackOptions = {},
): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const faults: Record<string, number> = {};
  const random = prng(options.faults?.seed ?? 42);
  const streak = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: req.headers,
      body: await readBody(req),
    };
    requests.push(seen);
    const fault = options.faults;
    const key = `${seen.method} ${url.pathname}`;
    const eligible = fault && (fault.only?.(seen) ?? true) && (streak.get(key) ?? 0) < (fault.maxConsecutive ?? 2);
    if (fault && eligible && random() < fault.rate) {
      streak.set(key, (streak.get(key) ?? 0) + 1);
      const mode = fault.modes[Math.floor(random() * fault.modes.length)] ?? '503';
      faults[mode] = (faults[mode] ?? 0) + 1;
      if (mode === 'hang') return; // never answers; the client's timeout must fire
      if (mode === 'lost') {
        await route(seen, url); // applied, then the answer is lost
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.retryAfter !== undefined) headers['retry-after'] = options.retryAfter;
      res.writeHead(Number(mode), headers).end(JSON.stringify({ message: 'injected fault' }));
      return;
    }
    streak.delete(key);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs).unref());
    const answer = await route(seen, url);
    const body =
      answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json';
    if (!res.destroyed) res.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
