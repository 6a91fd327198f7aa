/**
 * A job that runs every so often in this process: runs never overlap, a failing run is logged and the next
 * one tried as usual, and stop() waits for a run in progress. Safety across processes is the job's own
 * business (claims for the outbox, unique reminder rows for the deadline watch); this only keeps time.
 */
import type { WorkerLogger } from './outbox-worker.ts';

export interface PeriodicJob<T> {
  /** One run now, after any run in progress. */
  runOnce(): Promise<T>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface PeriodicOptions<T> {
  /** For the log. */
  name: string;
  run: () => Promise<T>;
  intervalMs: number;
  /** Pause before the first run (default: one interval). */
  firstRunAfterMs?: number;
  logger?: WorkerLogger;
}

export function startPeriodic<T>(options: PeriodicOptions<T>): PeriodicJob<T> {
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOnce = (): Promise<T> => {
    const run = queue.then(() => options.run());
    queue = run.catch(() => {});
    return run;
  };
  const schedule = (delay: number) => {
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (error) {
        options.logger?.error(
          { job: options.name, error: error instanceof Error ? error.message : String(error) },
          `${options.name}: run failed`,
        );
      }
      if (!stopped) schedule(options.intervalMs);
    }, delay);
    // A timer alone must not keep the process alive (the server's socket does, while it listens).
    timer.unref();
  };
  schedule(options.firstRunAfterMs ?? options.intervalMs);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
    },
  };
}
