import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describeAdapter } from './__fixtures__/adapter-suite.js';
import { toHonoHandler } from './hono.js';

describeAdapter('Hono', async (routes) => {
  const app = new Hono();
  for (const [path, handler] of Object.entries(routes)) app.get(path, toHonoHandler(handler));
  let server: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server?.close(() => resolve())),
  };
});
