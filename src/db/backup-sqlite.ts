/**
 * Online backup and restore of a SQLite database file. The backup uses SQLite's backup API (through
 * better-sqlite3) on a connection of its own, so it may run while the server writes: in WAL mode the copy
 * reads one committed snapshot (the WAL included) and never blocks the writer. A restore checks the backup
 * first (integrity, a Verbeterpunt schema, no migration this version does not know) and replaces the target
 * file in one rename, so a failed restore leaves the target as it was.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrationsFor } from './migrations/index.ts';

/** What a database file holds, as checked after a backup and before a restore. */
export interface SqliteInspection {
  file: string;
  bytes: number;
  /** 'ok', or the problems `PRAGMA integrity_check` found. */
  integrity: 'ok' | string[];
  /** The migrations applied to it, by name. */
  migrations: string[];
  /** Rows per table (every table but SQLite's own). */
  rows: Record<string, number>;
}

/** The file of a `sqlite:` DATABASE_URL, resolved as database.ts resolves it; null for other URLs. */
export function sqliteFileOf(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith('sqlite:')) return null;
  const location = databaseUrl.slice('sqlite:'.length);
  const file = location.startsWith('//') ? location.slice(2) : location;
  if (file === '' || file === ':memory:')
    throw new BackupError('An in-memory SQLite database cannot be backed up or restored.');
  return path.resolve(file);
}

/** A refusal with a message for the person at the keyboard (the CLI prints it on one line). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * Copies the live database at `source` to `out` (which must not exist unless `overwrite`), then checks the
 * copy. In one step (all pages at once), so a write by the server during the copy cannot make SQLite restart
 * it over and over: the step reads one snapshot.
 */
export async function backupSqlite(
  source: string,
  out: string,
  options: { overwrite?: boolean } = {},
): Promise<SqliteInspection> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  const target = path.resolve(out);
  if (existsSync(target) && !options.overwrite) {
    throw new BackupError(`${target} exists already; choose another file or pass --force to overwrite it.`);
  }
  if (!existsSync(path.dirname(target)))
    throw new BackupError(`The directory ${path.dirname(target)} does not exist.`);
  // A temporary name first: a backup that fails half-way never looks like a finished one.
  const partial = `${target}.partial-${process.pid}`;
  await copyDatabase(source, partial, { readonly: false });
  const inspection = inspectSqlite(partial);
  if (inspection.integrity !== 'ok' || inspection.migrations.length === 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`The copy of ${source} failed its check: ${describeProblems(inspection)}`);
  }
  renameSync(partial, target);
  return { ...inspection, file: target };
}

/**
 * Copies `source` to the new file `dest` with SQLite's backup API, all pages in one step (one snapshot, so a
 * write by the server during the copy cannot make SQLite start over again and again), and turns the copy into
 * a self-contained file: the journal mode DELETE, so no -wal or -shm file belongs beside it.
 */
async function copyDatabase(source: string, dest: string, options: { readonly: boolean }): Promise<void> {
  const database = new SqliteDatabase(source, { readonly: options.readonly, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(dest, { progress: () => 0x7fffffff });
    const copy = new SqliteDatabase(dest, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${dest}${suffix}`, { force: true });
    throw error;
  } finally {
    database.close();
  }
}

/** Opens a database file read-only and reports its integrity, migrations and row counts. */
export function inspectSqlite(file: string): SqliteInspection {
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    let integrity: SqliteInspection['integrity'];
    try {
      const lines = database.pragma('integrity_check', { simple: false }) as Array<{
        integrity_check: string;
      }>;
      const problems = lines.map((line) => line.integrity_check);
      integrity = problems.length === 1 && problems[0] === 'ok' ? 'ok' : problems;
    } catch (error) {
      // A file that is not a database at all ("file is not a database").
      integrity = [(error as Error).message];
    }
    if (integrity !== 'ok') return { file, bytes: statSync(file).size, integrity, migrations: [], rows: {} };
    const tables = (
      database
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
        .all() as Array<{
        name: string;
      }>
    ).map((row) => row.name);
    const rows: Record<string, number> = {};
    for (const table of tables) {
      rows[table] = (
        database.prepare(`select count(*) as n from "${table.replaceAll('"', '""')}"`).get() as { n: number }
      ).n;
    }
    const migrations = tables.includes('kysely_migration')
      ? (
          database.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>
        ).map((r) => r.name)
      : [];
    return { file, bytes: statSync(file).size, integrity, migrations, rows };
  } finally {
    database.close();
  }
}

/**
 * Checks that `inspection` is a sound Verbeterpunt database this version can run: integrity ok, migrated,
 * and no migration newer than this code knows (that backup needs a newer Verbeterpunt).
 */
export function checkRestorable(inspection: SqliteInspection): void {
  if (inspection.integrity !== 'ok') {
    throw new BackupError(`${inspection.file} is damaged: ${describeProblems(inspection)}`);
  }
  if (inspection.migrations.length === 0 || !('complaints' in inspection.rows)) {
    throw new BackupError(
      `${inspection.file} is not a Verbeterpunt database (no migrations or no complaints table).`,
    );
  }
  const known = new Set(Object.keys(migrationsFor('sqlite')));
  const unknown = inspection.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `${inspection.file} was made by a newer version of Verbeterpunt (unknown migrations: ${unknown.join(', ')}); restore it with that version.`,
    );
  }
}

export interface RestoreResult {
  restored: SqliteInspection;
  /** Where the database that was replaced was saved (with --force on a database that held data). */
  previousSavedAs: string | null;
}

/**
 * Restores the backup `from` as the database `target`. A target that holds any table is refused unless
 * `force`; with force its current content is first saved beside it (`<target>.before-restore-<time>`). The
 * server must be stopped: a running server keeps the replaced file open and would go on writing to it.
 */
export async function restoreSqlite(
  from: string,
  target: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const source = path.resolve(from);
  if (!existsSync(source)) throw new BackupError(`There is no backup at ${source}.`);
  const backup = inspectSqlite(source);
  checkRestorable(backup);
  if (path.resolve(target) === source) throw new BackupError('The backup and the target are the same file.');

  let previousSavedAs: string | null = null;
  if (existsSync(target) && statSync(target).size > 0) {
    const current = inspectSqlite(target);
    const tables = Object.keys(current.rows);
    if (tables.length > 0) {
      if (!options.force) {
        const complaints = current.rows.complaints ?? 0;
        throw new BackupError(
          `${target} is not empty (${tables.length} tables, ${complaints} complaints); pass --force to replace it (its content is saved beside it first).`,
        );
      }
      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
      previousSavedAs = `${target}.before-restore-${stamp}`;
      await backupSqlite(target, previousSavedAs);
    }
  }

  if (!existsSync(path.dirname(target)))
    throw new BackupError(`The directory ${path.dirname(target)} does not exist.`);
  const partial = `${target}.restoring-${process.pid}`;
  await copyDatabase(source, partial, { readonly: true });
  // The old database's WAL and shared-memory index belong to the old file: left beside the new one, SQLite
  // would replay the old WAL's pages into it.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(partial, target);
  return { restored: inspectSqlite(target), previousSavedAs };
}

export function describeProblems(inspection: SqliteInspection): string {
  if (inspection.integrity !== 'ok') return inspection.integrity.slice(0, 5).join('; ');
  if (inspection.migrations.length === 0) return 'no migrations applied';
  return 'none';
}

/** A one-line summary: size, migrations and the main tables' row counts. */
export function summarise(inspection: SqliteInspection): string {
  const megabytes = (inspection.bytes / (1024 * 1024)).toFixed(1);
  const count = (table: string) => inspection.rows[table] ?? 0;
  return (
    `${megabytes} MB, integrity ok, ${inspection.migrations.length} migrations, ${count('complaints')} complaints, ` +
    `${count('complaint_events')} history events, ${count('attachments')} attachments, ${count('letters')} letters, ` +
    `${count('email_outbox')} mails, ${count('users')} users`
  );
}
