/**
 * The few conversions every repository needs at the edge between rows and domain objects, so that SQLite and
 * PostgreSQL look the same from above (see the table of differences in src/db/tables.ts).
 */

/** A stored boolean as a boolean: PostgreSQL returns true/false, SQLite 1/0. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true' || value === 1n;
}

/** A boolean as written to either dialect: better-sqlite3 cannot bind `true`, PostgreSQL accepts 0/1. */
export function fromBool(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/** A value as JSON text for a json column (`undefined` is stored as null rather than dropped). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * A json column's value, parsed: SQLite returns the text, PostgreSQL the parsed value. Store objects or arrays
 * only: a top-level JSON string comes back from PostgreSQL as a bare string and would be parsed a second time.
 */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** An instant as the ISO 8601 UTC text every timestamp column holds ('2026-04-30T10:00:00.000Z'). */
export function toTimestamp(value: string | Date): string;
export function toTimestamp(value: string | Date | null | undefined): string | null;
export function toTimestamp(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  // toISOString throws a RangeError on an invalid date, which is what we want: never store garbage.
  return date.toISOString();
}
