/**
 * What every CLI command shares: configuration from the environment (and `.env`), a database opened (and
 * bootstrapped where the command needs the schema) for the command's duration, the exit-code contract and
 * plain-text tables.
 *
 * Exit codes: 0 success; 1 failure (the database is unreachable, a user exists already, …); 2 bad input
 * (a missing or malformed option, an invalid configuration variable). Errors are printed as one line.
 *
 * The CLI module graph is kept light: database drivers, the HTTP server and the working-day calendar are
 * imported by the command that needs them (`await import`), so `--help` or `deadline` does not load Fastify.
 */
import type { BootstrapReport } from '../commands/bootstrap.ts';
import type { CommandDeps } from '../commands/context.ts';
import { type Config, ConfigError, loadDotEnv, parseConfig } from '../config.ts';
import type { Db } from '../db/database.ts';

/** Bad input from the person at the keyboard: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure that is not a bug and needs no stack trace: exit code 1, the message only. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** The configuration, read once per process. A ConfigError is bad input (exit code 2). */
export function loadConfig(): Readonly<Config> {
  loadDotEnv();
  return parseConfig(process.env);
}

export interface DatabaseSession {
  db: Db;
  config: Readonly<Config>;
  deps: CommandDeps;
  /** What the bootstrap did (migrations applied, settings seeded); null when not bootstrapped. */
  report: BootstrapReport | null;
}

/**
 * Opens the configured database, bootstraps it (migrations + settings seed) unless told not to, runs `fn`,
 * and closes the database whatever happens.
 */
export async function withDatabase<T>(
  fn: (session: DatabaseSession) => Promise<T>,
  options: { bootstrap?: boolean; config?: Readonly<Config> } = {},
): Promise<T> {
  const config = options.config ?? loadConfig();
  const { openDatabase } = await import('../db/database.ts');
  const { bootstrap } = await import('../commands/bootstrap.ts');
  const { randomId, systemClock } = await import('../commands/context.ts');
  const db = await openDatabase(config.databaseUrl, {
    sqliteSynchronous: config.sqliteSynchronous,
    poolSize: config.databasePoolSize,
  });
  try {
    const report =
      options.bootstrap === false
        ? null
        : await bootstrap(db, config.organisationSettingsPath, systemClock());
    const deps: CommandDeps = { db, config, now: systemClock, newId: randomId };
    return await fn({ db, config, deps, report });
  } finally {
    await db.close();
  }
}

/** Writes one line to stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes one line to stderr (notes that must not pollute output meant for scripts). */
export function note(line = ''): void {
  process.stderr.write(`${line}\n`);
}

/** Left-aligned columns separated by two spaces, with a header row. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** One line for any error: config problems joined, everything else its message. */
export function oneLine(error: unknown): string {
  if (error instanceof ConfigError) return `invalid configuration: ${error.problems.join(' ')}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
