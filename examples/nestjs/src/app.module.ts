import {
  createHealthEndpointHandler,
  createLivenessHandler,
  createMetricsHandler,
  getCurrentSpanContext,
  withSpan,
} from '@dotmac/observability';
import { toExpressHandler } from '@dotmac/observability/express';
import {
  type BeforeApplicationShutdown,
  Controller,
  type DynamicModule,
  Get,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { OBSERVABILITY, type Observability } from './observability.js';

@Controller('users')
export class UsersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return withSpan('load-user', (span) => {
      span.setAttribute('user.id', id);
      return { id, name: `User ${id}`, traceId: getCurrentSpanContext()?.traceId };
    });
  }
}

@Controller('tenants/:tenantId/orders')
export class OrdersController {
  readonly #observability: Observability;

  constructor(@Inject(OBSERVABILITY) observability: Observability) {
    this.#observability = observability;
  }

  @Post() // 201 Created, Nest's default for POST
  create(@Param('tenantId') tenantId: string) {
    this.#observability.tenantMetrics.recordBusinessMetric('api_request_success_rate', true, { tenantId });
    return { tenantId, status: 'accepted' };
  }
}

/** `/metrics` and the health probes, answered on the Express response (`@Res()`). */
@Controller()
export class ObservabilityController {
  readonly #metrics: ReturnType<typeof createMetricsHandler>;
  readonly #health: ReturnType<typeof toExpressHandler>;
  readonly #livez = toExpressHandler(createLivenessHandler());
  readonly #readyz: ReturnType<typeof toExpressHandler>;

  constructor(@Inject(OBSERVABILITY) { otel, metrics, tenantMetrics, readiness }: Observability) {
    this.#metrics = createMetricsHandler(metrics);
    this.#health = toExpressHandler(createHealthEndpointHandler({ otel, metrics, tenantMetrics }));
    this.#readyz = toExpressHandler(readiness);
  }

  @Get('metrics')
  async metrics(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { statusCode, headers, body } = await this.#metrics(req);
    res.status(statusCode).set(headers).send(body);
  }

  @Get('health/observability')
  health(@Req() req: Request, @Res() res: Response): void {
    this.#health(req, res);
  }

  @Get('livez')
  livez(@Req() req: Request, @Res() res: Response): void {
    this.#livez(req, res);
  }

  @Get('readyz')
  readyz(@Req() req: Request, @Res() res: Response): void {
    this.#readyz(req, res);
  }
}

/** Nest's shutdown hooks: /readyz fails first, then the server closes, then telemetry is flushed. */
@Injectable()
export class ObservabilityShutdown implements BeforeApplicationShutdown, OnApplicationShutdown {
  readonly #observability: Observability;

  constructor(@Inject(OBSERVABILITY) observability: Observability) {
    this.#observability = observability;
  }

  beforeApplicationShutdown(signal?: string): void {
    console.log(`${signal ?? 'close'} received, shutting down`);
    this.#observability.readiness.beginShutdown(); // /readyz answers 503 from now on
  }

  async onApplicationShutdown(): Promise<void> {
    const { otel } = this.#observability;
    await otel.shutdown(); // runs after Nest closed the server: flush pending spans, metrics and logs
    console.log(`${otel.config.serviceName} stopped`);
  }
}

@Module({})
// biome-ignore lint/complexity/noStaticOnlyClass: a Nest module is a class, configured by a static forRoot()
export class AppModule {
  /** The application module, with the service's {@link Observability} as a provider. */
  static forRoot(observability: Observability): DynamicModule {
    return {
      module: AppModule,
      controllers: [UsersController, OrdersController, ObservabilityController],
      providers: [{ provide: OBSERVABILITY, useValue: observability }, ObservabilityShutdown],
    };
  }
}
