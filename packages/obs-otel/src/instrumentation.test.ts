import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';

const dist = path.join(__dirname, '..', 'dist', 'index.js');
const app = path.join(__dirname, '__fixtures__', 'http-app.mjs');

let receiver: OtlpReceiver;
beforeAll(async () => {
  if (!fs.existsSync(dist)) throw new Error('Build first: pnpm --filter @dotmac/obs-otel... build');
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

it('wires a real instrumentation (http): client and server spans continue a remote parent; middleware sees the server span', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [app, receiver.url('traces')]);
  const seen = JSON.parse(stdout) as { traceId: string; spanId: string; sampled: boolean; traceparent: string };
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const client = receiver.spans.find((s) => s.kind === 3); // SPAN_KIND_CLIENT
  const server = receiver.spans.find((s) => s.kind === 2); // SPAN_KIND_SERVER
  expect(client).toMatchObject({ traceId, parentSpanId: '00f067aa0ba902b7' });
  expect(server).toMatchObject({ traceId, parentSpanId: client?.spanId }); // traceparent injected and extracted
  expect(server?.resource['service.name']).toBe('http-app');
  expect(seen).toMatchObject({ traceId: server?.traceId, spanId: server?.spanId, sampled: true });
  expect(seen.traceparent).toBe(`00-${server?.traceId}-${server?.spanId}-01`);
});
