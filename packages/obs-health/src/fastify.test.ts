import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describeAdapter } from './__fixtures__/adapter-suite.js';
import { toFastifyHandler } from './fastify.js';

describeAdapter('Fastify', async (routes) => {
  const app = Fastify({ logger: false });
  for (const [path, handler] of Object.entries(routes)) app.get(path, toFastifyHandler(handler));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
});
