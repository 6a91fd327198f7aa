/**
 * The column types that differ between the dialects, named after what they hold. Migrations use these names
 * only, so a table is written once for both (the read/write rules are in src/db/tables.ts).
 */
import type { ColumnDataType } from 'kysely';
import type { Dialect } from '../database.ts';

export interface ColumnTypes {
  /** An instant, stored as ISO 8601 UTC text on SQLite. */
  timestamp: ColumnDataType;
  /** A calendar date 'YYYY-MM-DD'. */
  date: ColumnDataType;
  bool: ColumnDataType;
  json: ColumnDataType;
  blob: ColumnDataType;
}

/** The column types for one dialect. */
export function columnTypes(dialect: Dialect): ColumnTypes {
  return dialect === 'postgres'
    ? { timestamp: 'timestamptz', date: 'date', bool: 'boolean', json: 'jsonb', blob: 'bytea' }
    : { timestamp: 'text', date: 'text', bool: 'integer', json: 'text', blob: 'blob' };
}
