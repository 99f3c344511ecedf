import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { describeAdapter } from './__fixtures__/adapter-suite.js';
import { toKoaMiddleware } from './koa.js';

describeAdapter('Koa', async (routes) => {
  const app = new Koa();
  const middlewares = new Map(Object.entries(routes).map(([path, handler]) => [path, toKoaMiddleware(handler)]));
  app.use(async (ctx, next) => {
    const middleware = middlewares.get(ctx.path);
    if (middleware) await middleware(ctx);
    else await next();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
