/**
 * PostgreSQL backups go through PostgreSQL's own tools, pg_dump and pg_restore (the documented route: they
 * take a consistent snapshot of a live database and know every type). This module turns DATABASE_URL into
 * their exact command lines, runs them when they are on PATH, and otherwise says what to run.
 *
 * The password never goes on a command line (where `ps` shows it): it travels in PGPASSWORD. A schema named
 * in the URL (`?options=-c search_path=…`, as the README documents) limits the dump to that schema; the
 * extensions its indexes need (pg_trgm) are then named explicitly, since a schema's dump leaves them out.
 * A restore creates those extensions first, if they are missing, and never drops them: other schemas of the
 * same database may use them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
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
  url.search = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  // libpq knows postgresql:// and postgres://; both work.
  return { url: url.toString(), password, schema };
}

const withPassword = (target: PgTarget): Record<string, string> =>
  target.password ? { PGPASSWORD: target.password } : {};

/** `pg_dump --format=custom`: compressed, restorable table by table with pg_restore. */
export function pgDumpCommand(target: PgTarget, out: string, extensions: readonly string[] = []): PgCommand {
  return {
    program: 'pg_dump',
    args: [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${out}`,
      ...(target.schema
        ? [`--schema=${target.schema}`, ...extensions.map((name) => `--extension=${name}`)]
        : []),
      `--dbname=${target.url}`,
    ],
    env: withPassword(target),
  };
}

/**
 * `pg_restore` in one transaction that stops at the first error, so a failed restore changes nothing. With
 * `clean`, what the dump holds is dropped first (the target held data and --force was given). `useList`
 * restores only the entries of that list (everything but the extensions, see restorePostgres).
 */
export function pgRestoreCommand(
  target: PgTarget,
  from: string,
  options: { clean: boolean; useList?: string },
): PgCommand {
  return {
    program: 'pg_restore',
    args: [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...(options.clean ? ['--clean', '--if-exists'] : []),
      ...(options.useList ? [`--use-list=${options.useList}`] : []),
      `--dbname=${target.url}`,
      from,
    ],
    env: withPassword(target),
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
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs the command with its stderr collected; resolves with its stdout, rejects with its exit code. */
export function runPgCommand(command: PgCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.program, command.args, {
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new BackupError(
            `${command.program} failed (exit ${code}): ${stderr.trim().split('\n').slice(0, 3).join(' ')}`,
          ),
        );
    });
  });
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The extensions installed in the database (plpgsql, always there, left out). */
export function installedExtensions(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) =>
    (
      await client.query<{ name: string }>(
        "select extname as name from pg_extension where extname <> 'plpgsql' order by 1",
      )
    ).rows.map((r) => r.name),
  );
}

/** True when the target (its schema in search_path) has the complaints table. */
export function postgresHoldsData(databaseUrl: string): Promise<boolean> {
  return withClient(
    databaseUrl,
    async (client) =>
      (await client.query("select to_regclass('complaints') as found")).rows[0]?.found != null,
  );
}

/** Dumps the database (or the URL's schema, with the extensions it needs) to `out`. */
export async function backupPostgres(
  databaseUrl: string,
  out: string,
  log: (line: string) => void,
): Promise<void> {
  const target = pgTargetOf(databaseUrl);
  const command = pgDumpCommand(target, out, target.schema ? await installedExtensions(databaseUrl) : []);
  log(`Running: ${showCommand(command)}`);
  await runPgCommand(command);
}

const EXTENSION_ENTRY = /^\d+; \d+ \d+ (EXTENSION|COMMENT) - (EXTENSION )?\S+/;

/**
 * Restores `from` into the database of the URL: first the dump's extensions (CREATE EXTENSION IF NOT EXISTS,
 * as dumped), then everything else in one transaction, with --clean when the target held data.
 */
export async function restorePostgres(
  databaseUrl: string,
  from: string,
  options: { clean: boolean; log: (line: string) => void },
): Promise<void> {
  const target = pgTargetOf(databaseUrl);
  const listing = await runPgCommand({ program: 'pg_restore', args: ['--list', from], env: {} });
  const entries = listing.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(';'));
  // The extensions themselves (not their comments, which only the extension's owner may set).
  const extensions = entries.filter((line) => / EXTENSION - \S+\s*$/.test(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-restore-'));
  try {
    if (extensions.length > 0) {
      writeFileSync(path.join(dir, 'extensions.list'), `${extensions.join('\n')}\n`);
      const script = await runPgCommand({
        program: 'pg_restore',
        args: [`--use-list=${path.join(dir, 'extensions.list')}`, '--file=-', from],
        env: {},
      });
      // Only the CREATE EXTENSION IF NOT EXISTS statements, as pg_dump wrote them (the script around them
      // has psql meta-commands, \restrict, that only psql runs).
      const statements = script
        .split('\n')
        .filter((line) => /^CREATE EXTENSION IF NOT EXISTS [^;]+;$/.test(line));
      options.log(
        `Creating the extensions the dump needs, where missing: ${extensions.map((e) => e.trim().split(' ').at(-1)).join(', ')}`,
      );
      await withClient(databaseUrl, async (client) => {
        for (const statement of statements) await client.query(statement);
      });
    }
    const rest = path.join(dir, 'objects.list');
    writeFileSync(rest, `${entries.filter((line) => !EXTENSION_ENTRY.test(line)).join('\n')}\n`);
    const command = pgRestoreCommand(target, from, { clean: options.clean, useList: rest });
    options.log(`Running: ${showCommand(command)}`);
    await runPgCommand(command);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
