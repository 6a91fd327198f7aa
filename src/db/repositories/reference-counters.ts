/**
 * The running number of complaint references per year (e.g. 2026-0042; the format is the caller's).
 */
import { sql } from 'kysely';
import type { DbExecutor } from '../database.ts';

/**
 * The next number for `year`, starting at 1. One upsert statement, so concurrent callers never get the same
 * number on either dialect (the row lock on PostgreSQL, the single writer on SQLite). Called inside the
 * registering transaction, a rolled-back registration gives its number back.
 */
export async function nextReferenceNumber(db: DbExecutor, year: number): Promise<number> {
  const row = await db
    .insertInto('reference_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql<number>`reference_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/**
 * Reserves `count` consecutive numbers for `year` in one statement (bulk imports) and returns the first.
 * Concurrent registrations keep their own numbers: the upsert takes the row lock (PostgreSQL) or runs as the
 * single writer (SQLite), as nextReferenceNumber does.
 */
export async function reserveReferenceNumbers(db: DbExecutor, year: number, count: number): Promise<number> {
  const row = await db
    .insertInto('reference_counters')
    .values({ year, last_number: count })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql<number>`reference_counters.last_number + ${count}` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number) - count + 1;
}
