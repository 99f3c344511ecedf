import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '../../../tooling/otlp-receiver/receiver.js';

const dist = path.join(__dirname, '..', 'dist', 'index.js');
const app = path.join(__dirname, '__fixtures__', 'sigterm-app.mjs');

let receiver: OtlpReceiver;
beforeAll(async () => {
  if (!fs.existsSync(dist)) throw new Error('Build first: pnpm --filter @dotmac/obs-otel... build');
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

it('on SIGTERM with shutdownOnSignals, flushes all 5,000 pending spans, then exits by the signal', async () => {
  const child = spawn(process.execPath, [app, receiver.url('traces'), '5000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`fixture exited early: ${stderr}`)));
  });
  expect(receiver.spans).toHaveLength(0);
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  expect(stderr).toBe('');
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
  expect(new Set(receiver.spans.map((s) => s.name)).size).toBe(5000);
  expect(receiver.spans[0]?.resource['service.name']).toBe('sigterm-app');
});
