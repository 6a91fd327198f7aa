/**
 * Rate-limit counters shared by every app instance on one PostgreSQL database (src/http/rate-limit-store.ts):
 * one row per limit and client, counting requests until the window ends. Created on SQLite too, so both
 * dialects have the same schema, but there the app keeps its counts in memory (one machine by definition).
 *
 * `window_ends_at` is in milliseconds since the epoch, by the database's clock, so instances whose clocks
 * differ still agree on when a window ends.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, _t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .ifNotExists()
    // The route and the client address, e.g. 'POST/api/v1/complaints-203.0.113.7'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  // Expired rows are deleted now and then by window end.
  await db.schema
    .createIndex('rate_limits_window_ends_at_idx')
    .ifNotExists()
    .on('rate_limits')
    .column('window_ends_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').ifExists().execute();
}
