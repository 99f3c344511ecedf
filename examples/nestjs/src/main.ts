// DotMac Observability on NestJS 11 (Express platform): `pnpm --filter @dotmac/example-nestjs start`.
import 'reflect-metadata';
import type { Environment } from '@dotmac/observability';
import { expressHttpMetrics } from '@dotmac/observability/express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { initializeObservability } from './observability.js';

const serviceName = 'example-nestjs';
const environment = (process.env.NODE_ENV ?? 'development') as Environment;
const observability = initializeObservability(serviceName, environment);

const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(observability), {
  logger: ['error', 'warn'],
});
// Global Express middleware, ahead of Nest's routes: every request is recorded with its route template.
app.use(
  expressHttpMetrics({
    registry: observability.metrics,
    ignorePaths: ['/metrics', '/health/observability', '/livez', '/readyz'],
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
// On SIGTERM/SIGINT Nest runs the hooks of ObservabilityShutdown around closing the server, then exits with 0.
app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });

await app.listen(port, host);
const address = app.getHttpServer().address();
console.log(`${serviceName} listening on http://${host}:${typeof address === 'object' ? address?.port : port}`);
