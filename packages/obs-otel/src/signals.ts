/** How `shutdownOnSignals` behaves. */
export interface ShutdownOnSignalsOptions {
  /** Default `['SIGTERM', 'SIGINT']`. */
  readonly signals?: readonly NodeJS.Signals[];
  /** The most time spent flushing before the process goes on exiting. Default 10 000 ms. */
  readonly timeoutMillis?: number;
}

/**
 * On the first of `signals`, flushes and shuts down within a deadline, then lets the process exit as it would
 * have without us: the signal is raised again when no other listener handles it. Returns the uninstaller.
 */
export function installSignalHandlers(
  shutdown: () => Promise<void>,
  options: ShutdownOnSignalsOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const timeoutMillis = options.timeoutMillis ?? 10_000;
  const uninstall = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  const handler = (signal: NodeJS.Signals): void => {
    uninstall();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMillis);
    });
    void Promise.race([shutdown().catch(() => undefined), deadline]).then(() => {
      clearTimeout(timer);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  for (const signal of signals) process.on(signal, handler);
  return uninstall;
}
