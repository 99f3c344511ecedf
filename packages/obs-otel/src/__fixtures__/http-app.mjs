// A small app for the instrumentation test: run with node against the built dist.
// argv: <traces endpoint>. Inside a remote parent's context (an incoming traceparent), calls its own server once,
// prints what the server's handler saw, exits.
import { createRequire } from 'node:module';
import { defineOtelConfig } from '@dotmac/obs-config';
import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { getCurrentSpanContext, initializeOtel } from '../../dist/index.js';

const otel = initializeOtel(
  defineOtelConfig(
    { serviceName: 'http-app', tracingExporters: [{ type: 'otlp_http', endpoint: process.argv[2] }] },
    { env: {} },
  ),
  { instrumentations: [new HttpInstrumentation()] },
);
// Loaded after initializeOtel, as an app would, so the instrumentation patches it.
const http = createRequire(import.meta.url)('node:http');

const server = http.createServer((_req, res) => {
  const span = getCurrentSpanContext(); // What a middleware sees.
  res.end(JSON.stringify(span ?? null));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const remote = propagation.extract(ROOT_CONTEXT, {
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
});
const seen = await new Promise((resolve, reject) => {
  const request = context.with(remote, () =>
    http.get(`http://127.0.0.1:${server.address().port}/orders`, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(JSON.parse(body)));
    }),
  );
  request.on('error', reject);
});
server.close();
await otel.shutdown();
process.stdout.write(JSON.stringify(seen));
