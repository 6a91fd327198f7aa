/**
 * PostgreSQL backups go through PostgreSQL's own tools, pg_dump and pg_restore (the documented route: they
 * take a consistent snapshot of a live database and know every type). This module turns DATABASE_URL into
 * their exact command lines, runs them when they are on PATH, and otherwise says what to run.
 *
 * The password never goes on a command line (where `ps` shows it): it travels in PGPASSWORD. A schema named
 * in the URL (`?options=-c search_path=…`, as the README documents) limits the dump to that schema.
 */
import { spawn, spawnSync } from 'node:child_process';
import { BackupError } from './backup-sqlite.ts';

export interface PgCommand {
  program: 'pg_dump' | 'pg_restore';
  args: string[];
  /** Environment for the command: PGPASSWORD when the URL has a password. */
  env: Record<string, string>;
}

export interface PgTarget {
  /** The URL without its password, for libpq (pg_dump/pg_restore --dbname). */
  url: string;
  password: string | null;
  /** The schema named by search_path in the URL's `options`, or null (the whole database). */
  schema: string | null;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function pgTargetOf(databaseUrl: string): PgTarget {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.password = '';
  const options = url.searchParams.get('options') ?? '';
  const match = options.match(/search_path\s*=\s*([^\s,]+)/);
  const schema = match?.[1] ?? null;
  if (schema !== null && !SCHEMA_NAME.test(schema))
    throw new BackupError(`Unexpected schema name in DATABASE_URL: ${schema}`);
  // URLSearchParams writes a space as '+', which libpq does not decode: percent-encode the query again.
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  url.search = query;
  // libpq knows postgresql:// and postgres://; both work.
  return { url: url.toString(), password, schema };
}

/** `pg_dump --format=custom`: compressed, restorable table by table with pg_restore. */
export function pgDumpCommand(target: PgTarget, out: string): PgCommand {
  return {
    program: 'pg_dump',
    args: [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${out}`,
      ...(target.schema ? [`--schema=${target.schema}`] : []),
      `--dbname=${target.url}`,
    ],
    env: target.password ? { PGPASSWORD: target.password } : {},
  };
}

/**
 * `pg_restore` in one transaction that stops at the first error, so a failed restore changes nothing. With
 * `clean`, what the dump holds is dropped first (the target held data and --force was given).
 */
export function pgRestoreCommand(target: PgTarget, from: string, options: { clean: boolean }): PgCommand {
  return {
    program: 'pg_restore',
    args: [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...(options.clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.url}`,
      from,
    ],
    env: target.password ? { PGPASSWORD: target.password } : {},
  };
}

/** The command as a person would type it, quoted for a POSIX shell, the password left out. */
export function showCommand(command: PgCommand): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  const env = Object.keys(command.env).map((name) => `${name}=…`);
  return [...env, command.program, ...command.args.map(quote)].join(' ');
}

/** True when the program runs here (`--version` answers). */
export function onPath(program: PgCommand['program']): boolean {
  const result = spawnSync(program, ['--version'], { stdio: 'ignore' });
  return result.status === 0;
}

/** Runs the command with its stderr passed through; rejects with its exit code when it fails. */
export function runPgCommand(command: PgCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.program, command.args, {
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${command.program} failed (exit ${code}): ${stderr.trim().split('\n').slice(0, 3).join(' ')}`,
          ),
        );
    });
  });
}
