/**
 * Real child processes for the crash and multi-instance tests: TypeScript scripts run through tsx (as the
 * CLI runs the sources), their stdout read line by line, killed for real with SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDb } from '../helpers/databases.ts';

export const BIN = fileURLToPath(new URL('../../bin/verbeterpunt.js', import.meta.url));

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Resolves with the first stdout line (from the start) that matches; rejects on exit or timeout. */
  line(match: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Writes a line to the child's stdin. */
  send(line: string): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx <script> …args`, or `node <script>` for a .js file. */
export function startChild(script: string, args: string[], env: Record<string, string> = {}): Child {
  const argv = script.endsWith('.ts') ? ['--import', 'tsx', script, ...args] : [script, ...args];
  const child = spawn(process.execPath, argv, {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const text of complete) {
      lines.push(text);
      for (const waiter of [...waiters]) {
        const m = text.match(waiter.match);
        if (m) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(m);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const describe = () => `${script} ${args.join(' ')}\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`;
  return {
    process: child,
    pid: child.pid!,
    line(match, timeoutMs = 20_000) {
      for (const text of lines) {
        const m = text.match(match);
        if (m) return Promise.resolve(m);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No line ${match} within ${timeoutMs} ms from ${describe()}`)),
          timeoutMs,
        );
        exited.then(({ code, signal }) => {
          clearTimeout(timer);
          // A last line may have arrived with the exit.
          const m = lines.map((l) => l.match(match)).find(Boolean);
          if (m) resolve(m);
          else reject(new Error(`Exited (${code ?? signal}) without a line ${match}: ${describe()}`));
        });
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    send(line) {
      child.stdin!.write(`${line}\n`);
    },
    exited,
    stderr: () => stderr,
    kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The arguments the child scripts take to open the test database: its URL and its PostgreSQL schema or '-'. */
export const databaseArgs = (db: TestDb): string[] => [db.url, db.schema ?? '-'];

/** DATABASE_URL for the CLI: on PostgreSQL the test schema travels in the URL (as in test/cli). */
export function databaseUrlFor(db: TestDb): string {
  if (!db.schema) return db.url;
  const url = new URL(db.url);
  url.searchParams.set('options', `-c search_path=${db.schema}`);
  return url.toString();
}
