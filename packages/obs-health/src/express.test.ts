import type { AddressInfo } from 'node:net';
import express from 'express';
import { describeAdapter } from './__fixtures__/adapter-suite.js';
import { toExpressHandler } from './express.js';

describeAdapter('Express', async (routes) => {
  const app = express();
  for (const [path, handler] of Object.entries(routes)) app.get(path, toExpressHandler(handler));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
