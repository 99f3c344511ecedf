// Test harness shared by the examples' tests: starts an example as `pnpm start` would, as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const tsx = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

/** A running example. */
export interface ExampleRun {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  readonly output: () => string;
  /** Its base URL, from the `listening on http://…` line it prints; rejects if it exits first. */
  readonly url: Promise<string>;
  /** Its exit code (`null` when killed by a signal). */
  readonly exit: Promise<number | null>;
}

/**
 * Starts `src/main.ts` of the example in `exampleDir` with tsx, on a free port (`PORT=0`) and with
 * `NODE_ENV=test`, so that no telemetry leaves the process. Kill it in a `finally`.
 */
export function startExample(exampleDir: string): ExampleRun {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: exampleDir,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
  });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exit.then(() => reject(new Error(`the example exited before listening:\n${output}`)));
  });
  return { child, output: () => output, url, exit };
}

/**
 * Probes the routes every example serves: a parameterised route (inside a span), a tenant's business metric,
 * `/metrics` (route templates, not raw paths), `/health/observability`, `/livez` and `/readyz`.
 */
export async function probeExample(url: string): Promise<void> {
  const user = await fetch(`${url}/users/42`);
  expect(user.status).toBe(200);
  const body = (await user.json()) as { id: string; traceId?: string };
  expect(body.id).toBe('42');
  expect(body.traceId).toMatch(/^[0-9a-f]{32}$/); // the handler ran inside a span
  expect((await fetch(`${url}/users/43`)).status).toBe(200);
  expect((await fetch(`${url}/tenants/acme-corp/orders`, { method: 'POST' })).status).toBe(201);

  const scrape = await fetch(`${url}/metrics`);
  expect(scrape.status).toBe(200);
  expect(scrape.headers.get('content-type')).toContain('text/plain');
  const text = await scrape.text();
  expect(text).toMatch(/http_requests_total\{method="GET",endpoint="\/users\/:id",status_code="200"\} 2\n/);
  expect(text).toMatch(
    /http_requests_total\{method="POST",endpoint="\/tenants\/:tenantId\/orders",status_code="201"\} 1\n/,
  );
  expect(text).not.toContain('/users/42');
  expect(text).not.toMatch(/endpoint="\/(metrics|livez|readyz|health)/); // the probes are not recorded
  expect(text).toMatch(/dotmac_slo_good_events_total\{tenant_id="acme-corp",slo="api_request_success_rate"[^}]*\} 1\n/);

  const health = await fetch(`${url}/health/observability`);
  expect(health.status).toBe(200);
  expect(health.headers.get('content-type')).toContain('application/json');
  const report = (await health.json()) as { status: string; checks: { name: string; status: string }[] };
  expect(report.status).toBe('healthy');
  expect(report.checks.map((check) => check.name)).toEqual(['otel', 'metrics', 'tenantMetrics']);

  const livez = await fetch(`${url}/livez`);
  expect(livez.status).toBe(200);
  await livez.arrayBuffer();
  const readyz = await fetch(`${url}/readyz`);
  expect(readyz.status).toBe(200);
  await readyz.arrayBuffer();
}
