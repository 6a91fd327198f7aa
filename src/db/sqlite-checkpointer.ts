/**
 * SQLite WAL checkpoints off the request path.
 *
 * In WAL mode every commit appends pages to the -wal file; a checkpoint copies them back into the database
 * file and fsyncs it. By default SQLite checkpoints inside the commit that takes the WAL past 1 000 pages, so
 * every few dozen registrations one of them pays for a checkpoint, fsync included, on the event loop. Measured
 * on these machines that was about half of a registration's cost (1.3 ms of a commit's 1.3 ms average;
 * docs/performance.md). The server therefore turns automatic checkpoints off on its connection and runs them
 * in a worker thread with its own connection, which waits for the disk while the event loop goes on.
 *
 * Durability is unchanged: a commit is in the WAL when it returns, whoever checkpoints it later. A PASSIVE
 * checkpoint never blocks the writer or readers; it copies what no reader still needs, and SQLite starts the
 * WAL from the beginning again at the next write after a complete checkpoint, so the file stays bounded.
 * Short-lived processes (CLI, tests) keep SQLite's automatic checkpoints.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints; a commit adds some 30 pages, so this keeps the WAL to a few MB. */
export const CHECKPOINT_INTERVAL_MS = 200;

// The worker is CommonJS evaluated from a string, so that it needs no loader for TypeScript (tsx) and no file
// of its own next to a compiled build. It loads the same better-sqlite3 as the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // SQLITE_BUSY (another checkpoint, e.g. by a CLI process) or a transient error: the next tick retries.
    if (error && error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') parentPort.postMessage(String(error));
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  /** Checkpoints once more and closes the worker's connection; call before closing the main connection. */
  stop(): Promise<void>;
}

/**
 * Starts the checkpointing worker for a database file. The caller must already have set `wal_autocheckpoint`
 * to 0 on its own connection. Errors other than "busy" are reported through `onError` (logged by the caller);
 * they never stop the server, since SQLite's own checkpoint on closing catches up.
 */
export function startCheckpointer(
  filename: string,
  onError: (message: string) => void = (message) => process.emitWarning(message),
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename, driver, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  // A checkpointer must never keep a process alive on its own.
  worker.unref();
  let stopped: Promise<void> | null = null;
  let closed = () => {};
  worker.on('message', (message: string) => {
    if (message === 'closed') closed();
    else onError(`SQLite background checkpoint: ${message}`);
  });
  worker.on('error', (error) => onError(`SQLite background checkpoint worker: ${error.message}`));
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        closed = () => void worker.terminate().then(() => resolve());
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
