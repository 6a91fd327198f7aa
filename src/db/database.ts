/**
 * Opens the database named by a URL: SQLite (better-sqlite3) or PostgreSQL (pg), both behind one Kysely type.
 * Everything dialect-specific about connections lives here; repositories see `DbExecutor` only.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** What repositories take first: the database, or the caller's transaction. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size (default 10). Ignored for SQLite, which has one connection. */
  poolSize?: number;
  /** PostgreSQL only: the schema to work in (sets `search_path` on every pooled connection). Used by tests. */
  schema?: string;
  /** SQLite only: `synchronous` in WAL mode (default normal; see docs/adr/0002-sqlite-durability.md). */
  sqliteSynchronous?: 'normal' | 'full';
  /**
   * SQLite only: 'background' checkpoints the WAL in a worker thread instead of inside commits (the server;
   * see sqlite-checkpointer.ts). Default 'automatic': SQLite's own, for short-lived processes.
   */
  sqliteCheckpoints?: 'automatic' | 'background';
}

/**
 * Opens `sqlite:<path>` (relative to the cwd or absolute; `sqlite::memory:` for an in-memory database)
 * or `postgres://…` / `postgresql://…`. Nothing is migrated here; see migrate.ts.
 *
 * SQLite: open one Db per file per process and share it. better-sqlite3 waits for a lock synchronously, so a
 * second connection in the same process waiting for the first would block the event loop the first needs to
 * finish (until busy_timeout, then SQLITE_BUSY). Separate processes (server, CLI) are fine.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  if (url.startsWith('sqlite:')) {
    return openSqlite(
      url.slice('sqlite:'.length),
      options.sqliteSynchronous ?? 'normal',
      options.sqliteCheckpoints ?? 'automatic',
    );
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options);
  throw new Error(`Unsupported database URL (expected sqlite:<path> or postgres://…): ${redact(url)}`);
}

function openSqlite(
  location: string,
  synchronous: 'normal' | 'full',
  checkpoints: 'automatic' | 'background',
): Db {
  // Accept `sqlite:///abs/path` and `sqlite://rel/path` too, as people copy them from other tools.
  const file = location.startsWith('//') ? location.slice(2) : location;
  if (file === '') throw new Error('The sqlite: URL needs a path, or :memory:');
  let filename = ':memory:';
  if (file !== ':memory:') {
    filename = path.resolve(file);
    mkdirSync(path.dirname(filename), { recursive: true });
  }
  const database = new SqliteDatabase(filename);
  database.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a crash of the process (the WAL is written before commit returns);
  // only a power loss or OS crash may lose the last transactions. FULL also fsyncs the WAL on every commit and
  // survives those, at a measured price (docs/adr/0002-sqlite-durability.md, docs/performance.md).
  database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma('foreign_keys = ON');
  // Other processes (CLI, a second worker) may hold the write lock briefly; wait instead of failing at once.
  database.pragma('busy_timeout = 5000');
  // The planner chooses between the list's indexes by their statistics (a rare state through its own index,
  // a common one along the date index); without them it guesses. SQLite's advice for long-lived connections:
  // `optimize` on opening and every few hours, with a limit so that it samples instead of reading every row.
  database.pragma('analysis_limit = 1000');
  database.pragma('optimize = 0x10002');
  const optimizer = setInterval(() => database.pragma('optimize'), 6 * 3_600_000).unref();
  let checkpointer: Checkpointer | null = null;
  if (checkpoints === 'background' && filename !== ':memory:') {
    database.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(filename);
  }
  const kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }),
  });
  const close = async () => {
    clearInterval(optimizer);
    // The worker's connection closes first, so that the main one is the last and SQLite checkpoints and
    // removes the WAL as it closes.
    await checkpointer?.stop();
    await kysely.destroy();
  };
  return { kysely, dialect: 'sqlite', close };
}

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing costs more than running most of our
 * statements (about a tenth of a registration's CPU, docs/performance.md). Statements are kept by their SQL
 * text and reused; SQLite re-prepares a kept statement by itself after a schema change. Reuse is safe because
 * the driver runs one query at a time on its single connection (a stream holds the connection until done).
 * Bounded: SQL with a varying number of parameters (multi-row inserts, `in` lists) would grow it without end.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Kysely's SQLite driver starts transactions with a deferred `begin`. A deferred transaction that reads and
 * then writes fails with SQLITE_BUSY at once (no busy wait) when another process wrote in between; `begin
 * immediate` takes the write lock up front, so busy_timeout applies. Within this process Kysely's driver already
 * serialises everything over its single connection with a mutex, so transactions never interleave.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely runs SQLite migrations without a transaction and without any lock (kysely-org/kysely#729), so two
 * processes starting at once both apply a migration and one fails on kysely_migration's key. Declaring
 * transactional DDL makes the Migrator run the whole batch, its bookkeeping included, in one transaction,
 * which with `begin immediate` is exclusive across processes and all-or-nothing. The price: `PRAGMA
 * foreign_keys` is ignored inside a transaction, so a migration that rebuilds a table uses
 * `PRAGMA defer_foreign_keys = ON` instead (see migrations/index.ts).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function openPostgres(url: string, options: OpenDatabaseOptions): Db {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Per-client type parsers instead of the global pg.types, so that other pg users in the process
    // (tests, tools) keep pg's defaults.
    types: { getTypeParser: getPostgresTypeParser } as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client can lose its connection (server restart, network); without a listener pg's 'error' event
  // would crash the process. The pool drops the client and the next query opens a new connection.
  pool.on('error', (error) => {
    console.error(`PostgreSQL pool: idle client error: ${error.message}`);
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

const OID = { int8: 20, timestamp: 1114, timestamptz: 1184, date: 1082, numeric: 1700 } as const;

const defaultTimestamptz = pg.types.getTypeParser(OID.timestamptz, 'text') as (value: string) => Date;

/** Makes PostgreSQL return what SQLite returns: ISO timestamps as text, dates as text, numbers as numbers. */
function getPostgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (format === undefined || format === 'text') {
    switch (oid) {
      case OID.timestamptz:
        return (value) => isoOrRaw(defaultTimestamptz(value), value);
      case OID.timestamp:
        // Without a zone we read it as UTC, the zone every timestamp of this system is written in.
        return (value) => isoOrRaw(new Date(`${value.replace(' ', 'T')}Z`), value);
      case OID.date:
        return (value) => value;
      case OID.int8:
      case OID.numeric:
        // count(*) and sum() come back as int8/numeric strings; our counts and sizes fit a double easily.
        return (value) => Number(value);
    }
  }
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

/** 'infinity' and friends are no Date; hand them over as PostgreSQL wrote them. */
function isoOrRaw(date: Date, raw: string): string {
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On SQLite the single
 * connection is held for the whole transaction, so inside `fn` use `trx` only: a query through `db.kysely`
 * would wait for the transaction to end and never run.
 */
export async function transaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(fn);
}

/** True when the database answers a trivial query (for /health/ready). */
export async function readyCheck(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which dialect an executor (a database or a transaction) talks to. Kysely has no public getter for this; the
 * placeholder style of a compiled query is public and differs ($1 on PostgreSQL, ? on SQLite).
 */
export function dialectOf(executor: DbExecutor): Dialect {
  return sql`${0}`.compile(executor).sql === '$1' ? 'postgres' : 'sqlite';
}

/** True for a unique or primary-key violation on either dialect, so callers can turn it into a domain error. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
