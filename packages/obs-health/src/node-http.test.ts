import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeAdapter } from './__fixtures__/adapter-suite.js';
import { toNodeHttpHandler } from './node-http.js';

describeAdapter('node:http', async (routes) => {
  const listeners = new Map(Object.entries(routes).map(([path, handler]) => [path, toNodeHttpHandler(handler)]));
  const server = http.createServer((req, res) => {
    const listener = listeners.get((req.url ?? '/').split('?')[0] ?? '');
    if (listener) listener(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
