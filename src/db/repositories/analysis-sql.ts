/** Small SQL helpers shared by the annual analysis's queries. */
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Counts } from '../../analysis/aggregates.ts';

/** A count or sum as a number: PostgreSQL returns bigint and numeric as text (see database.ts). */
export const n = (value: unknown): number => Number(value ?? 0);
/** A grouping value as a key; null ("not recorded") becomes ''. */
export const key = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * `count(*) filter (where <condition>)`: the rows that meet the condition. SQL standard, in PostgreSQL and in
 * SQLite since 3.30; in SQLite it costs about two thirds of the usual `sum(case when … then 1 else 0 end)`.
 */
export const countWhere = (condition: RawBuilder<unknown> | Expression<SqlBool>) =>
  sql<number>`count(*) filter (where ${condition})`;

export function add(counts: Counts, k: string, value: number): void {
  if (value) counts[k] = (counts[k] ?? 0) + value;
}

export const inYear = (year: number) => sql<SqlBool>`received_year = ${year}`;
