/**
 * Every table of a database, read generically (no table list written down, so a table added later is covered
 * too): its name, its row count, or all its rows in a stable order. For the backup round trip, the fuzzing
 * ("no stored row from a rejected request") and the crash tests.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/tables.ts';

type AnyDb = Kysely<Database> | Kysely<unknown>;

/** The tables of the database (on PostgreSQL: of the current schema), sorted by name. */
export async function tableNames(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

/** Rows per table. */
export async function rowCounts(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db, dialect)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/**
 * Tables that count requests rather than store what they carried: the rate limiter's counters (PostgreSQL)
 * grow with every request to a limited route, refused or not.
 */
export const REQUEST_COUNTERS: readonly string[] = ['rate_limits'];

/** Rows per table of stored data: what a refused request must leave as it was. */
export async function storedRowCounts(
  db: AnyDb,
  dialect: 'sqlite' | 'postgres',
): Promise<Record<string, number>> {
  const counts = await rowCounts(db, dialect);
  for (const table of REQUEST_COUNTERS) delete counts[table];
  return counts;
}

/** All rows of every table, each table ordered by all its columns (so physical order does not matter). */
export async function snapshot(
  db: AnyDb,
  dialect: 'sqlite' | 'postgres',
): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of await tableNames(db, dialect)) {
    const { rows: first } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} limit 1`.execute(db);
    const columns = first[0] ? Object.keys(first[0]).length : 1;
    const orderBy = sql.raw(Array.from({ length: columns }, (_, i) => String(i + 1)).join(', '));
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${orderBy}`.execute(db);
    // Buffers compare by content; everything else as read.
    tables[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? `bytes:${v.toString('hex')}` : v]),
      ),
    );
  }
  return tables;
}
