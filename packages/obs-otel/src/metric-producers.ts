import type { Resource } from '@opentelemetry/resources';
import type { CollectionResult, MetricCollectOptions, MetricProducer } from '@opentelemetry/sdk-metrics';

/**
 * The metric producers added after start (`bootstrap.addMetricProducer`), collected as one: every reader of the
 * bootstrap gets this set at construction, so a producer added later is exported by all of them.
 */
export class MetricProducerSet implements MetricProducer {
  readonly #producers: MetricProducer[] = [];
  readonly #resource: Resource;

  constructor(resource: Resource) {
    this.#resource = resource;
  }

  add(producer: MetricProducer): void {
    if (!this.#producers.includes(producer)) this.#producers.push(producer);
  }

  async collect(options?: MetricCollectOptions): Promise<CollectionResult> {
    const results = await Promise.all(
      this.#producers.map((producer) =>
        producer.collect(options).catch(
          (error: unknown): CollectionResult => ({
            resourceMetrics: { resource: this.#resource, scopeMetrics: [] },
            errors: [error],
          }),
        ),
      ),
    );
    return {
      resourceMetrics: {
        resource: this.#resource,
        scopeMetrics: results.flatMap((r) => r.resourceMetrics.scopeMetrics),
      },
      errors: results.flatMap((r) => r.errors),
    };
  }
}
