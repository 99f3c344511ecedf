// A tiny app for the shutdownOnSignals test: run with node against the built dist.
// argv: <traces endpoint> <span count>. Prints "ready" once the spans are pending, then idles until a signal.
import { defineOtelConfig } from '@dotmac/obs-config';
import { initializeOtel } from '../../dist/index.js';

const [endpoint, count] = process.argv.slice(2);
const otel = initializeOtel(
  defineOtelConfig(
    {
      serviceName: 'sigterm-app',
      tracingExporters: [{ type: 'otlp_http', endpoint }],
      scheduledDelayMillis: 600_000,
      maxQueueSize: 8192,
    },
    { env: {} },
  ),
  { shutdownOnSignals: true },
);
for (let i = 0; i < Number(count); i++) otel.tracer.startSpan(`pending-${i}`).end();
setInterval(() => {}, 1000);
process.stdout.write('ready\n');
