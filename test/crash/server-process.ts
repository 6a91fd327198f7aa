/**
 * The real server (`node bin/verbeterpunt.js serve`) as a child process on a test database, on a free port,
 * with the configuration a deployment would give it. For the crash tests: killed with SIGKILL, started again.
 */
import type { TestDb } from '../helpers/databases.ts';
import { BIN, type Child, databaseUrlFor, startChild } from './processes.ts';

export interface ServerProcess {
  child: Child;
  url: string;
}

/** Starts `verbeterpunt serve` and resolves once it listens (it prints its address). */
export async function startServerProcess(
  db: TestDb,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = startChild(BIN, ['serve'], {
    DATABASE_URL: databaseUrlFor(db),
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: 'https://klachten.example.nl',
    ORGANISATION_SETTINGS: '/nonexistent/organisation.json',
    COOKIE_SECRET: 'crash-test-cookie-secret-of-at-least-32-characters',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    OUTBOX_WORKER: 'false',
    DEADLINE_WATCH: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const [, url] = await child.line(/^Verbeterpunt is running at (http:\/\/\S+)/, 60_000);
  return { child, url: url! };
}
