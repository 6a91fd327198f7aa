/**
 * Real databases for tests, one per test file: SQLite in a temporary file, PostgreSQL in a fresh schema of the
 * database named by TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
 *
 *   describeEachDialect('users', (dialect) => {
 *     let db: TestDb;
 *     beforeAll(async () => { db = await withTestDatabase(dialect); });
 *     afterAll(() => db.close());
 *     it('…', async () => { … });
 *   });
 *
 * When PostgreSQL is unreachable its suites are skipped with a warning, unless CI is set: then importing this
 * module throws, so the run fails instead of passing on SQLite alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type Db, type Dialect, type OpenDatabaseOptions, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb extends Db {
  /** The URL it was opened with (for PostgreSQL together with `schema`). */
  url: string;
  /** The PostgreSQL schema of this test database; null on SQLite. */
  schema: string | null;
  /** A second, independent connection (pool) to the same database, as another process would have. */
  openAnother(options?: Pick<OpenDatabaseOptions, 'poolSize'>): Promise<Db>;
  /** Closes the connection and removes the database (the temporary file or the schema). */
  close(): Promise<void>;
}

const postgresProblem = await probePostgres();
if (postgresProblem) {
  const message = `PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${postgresProblem})`;
  if (process.env.CI) throw new Error(`${message}; CI is set, so PostgreSQL tests must run.`);
  console.warn(`\n⚠ ${message}: skipping the PostgreSQL tests. Set CI=1 to make this an error.\n`);
}

/** Why a dialect's tests cannot run here, or null when they can. */
export function skipReason(dialect: Dialect): string | null {
  return dialect === 'postgres' && postgresProblem ? `PostgreSQL unreachable: ${postgresProblem}` : null;
}

/** One describe block per dialect, titled `title [dialect]`, skipped when the dialect is unavailable. */
export function describeEachDialect(title: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(skipReason(dialect) !== null)(`${title} [${dialect}]`, () => fn(dialect));
  }
}

/** A fresh, empty database of the dialect, migrated unless `migrate: false`. Call `close()` to remove it. */
export async function withTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDb> {
  const reason = skipReason(dialect);
  if (reason) throw new Error(reason);
  const testDb = dialect === 'sqlite' ? await sqliteTestDatabase() : await postgresTestDatabase();
  if (options.migrate ?? true) await whileTestSchemasStay(() => migrateToLatest(testDb));
  return testDb;
}

/** Any number, the same in every test process; distinct from Kysely's migration lock. */
const SCHEMA_LOCK = 7_316_204_115;

/**
 * Runs `fn` while no test file can drop its schema. Catalog scans over all schemas (Kysely's Migrator and
 * introspection, e.g. `pg_get_serial_sequence`) fail with "schema … does not exist" when another test file
 * drops its schema in the middle of them. Wrap direct calls of migrateToLatest, migrationStatus and
 * `kysely.introspection` in PostgreSQL tests with this; withTestDatabase already does for its migration.
 */
export async function whileTestSchemasStay<T>(fn: () => Promise<T>): Promise<T> {
  if (postgresProblem) return fn();
  return withAdminClient(async (client) => {
    await client.query('select pg_advisory_lock_shared($1)', [SCHEMA_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock_shared($1)', [SCHEMA_LOCK]);
    }
  });
}

async function sqliteTestDatabase(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-test-'));
  const url = `sqlite:${path.join(dir, 'test.sqlite')}`;
  const db = await openDatabase(url);
  return {
    ...db,
    url,
    schema: null,
    openAnother: () => openDatabase(url),
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTestDatabase(): Promise<TestDb> {
  const schema = `vp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`create schema ${schema}`));
  const url = TEST_POSTGRES_URL;
  const db = await openDatabase(url, { schema, poolSize: 5 });
  return {
    ...db,
    url,
    schema,
    openAnother: (options) => openDatabase(url, { schema, poolSize: options?.poolSize ?? 5 }),
    async close() {
      await db.close();
      await withAdminClient(async (client) => {
        // Exclusive: waits for every scan that holds the shared lock (see whileTestSchemasStay).
        await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]);
        }
      });
    },
  };
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function probePostgres(): Promise<string | null> {
  try {
    await withAdminClient((client) => client.query('select 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  }
}
