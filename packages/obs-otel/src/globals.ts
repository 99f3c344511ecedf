import { context, type MeterProvider, metrics, propagation, type TracerProvider, trace } from '@opentelemetry/api';
import { type LoggerProvider, logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OtelAlreadyInitializedError } from './errors.js';

let liveServiceName: string | undefined;

/** Throws if a bootstrap is live; otherwise reserves the globals for `serviceName`. */
export function claimGlobals(serviceName: string): void {
  if (liveServiceName !== undefined) throw new OtelAlreadyInitializedError(liveServiceName);
  liveServiceName = serviceName;
}

/** Gives the globals back (after shutdown, or when initialization failed). */
export function releaseClaim(): void {
  liveServiceName = undefined;
}

/** The global providers of one bootstrap. */
export interface GlobalProviders {
  readonly tracerProvider: TracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
}

/**
 * Registers the AsyncLocalStorage context manager, W3C trace context + baggage propagation and the three
 * providers globally. If another SDK holds any of them, undoes its own steps and throws.
 */
export function registerGlobals(providers: GlobalProviders): void {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const propagator = new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  });
  const steps: [string, () => boolean, () => void][] = [
    ['context manager', () => context.setGlobalContextManager(contextManager), () => context.disable()],
    ['propagator', () => propagation.setGlobalPropagator(propagator), () => propagation.disable()],
    ['tracer provider', () => trace.setGlobalTracerProvider(providers.tracerProvider), () => trace.disable()],
    ['meter provider', () => metrics.setGlobalMeterProvider(providers.meterProvider), () => metrics.disable()],
    [
      'logger provider',
      () => logs.setGlobalLoggerProvider(providers.loggerProvider) === providers.loggerProvider,
      () => logs.disable(),
    ],
  ];
  const done: (() => void)[] = [];
  for (const [what, register, undo] of steps) {
    if (!register()) {
      for (const step of done.reverse()) step();
      contextManager.disable();
      throw new OtelAlreadyInitializedError(undefined, `a global ${what}`);
    }
    done.push(undo);
  }
}

/** Releases every global registered by `registerGlobals`, so a new bootstrap may start. */
export function unregisterGlobals(): void {
  trace.disable();
  metrics.disable();
  logs.disable();
  propagation.disable();
  context.disable();
}
