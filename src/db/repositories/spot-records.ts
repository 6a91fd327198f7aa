/**
 * Spot records: dissatisfaction resolved on the spot, logged lightly (no identity) for the annual analysis,
 * and convertible into a complaint when it turns out not to be resolved after all.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';
import type { SpotRecordsTable } from '../tables.ts';

export interface SpotRecord {
  id: string;
  receivedAt: string;
  channel: string;
  category: string | null;
  summary: string;
  recordedBy: string | null;
  createdAt: string;
  convertedComplaintId: string | null;
}

export interface NewSpotRecord {
  receivedAt: Date | string;
  channel: string;
  category: string | null;
  summary: string;
  recordedBy: string | null;
  now: Date;
}

const newRow = (input: NewSpotRecord) => ({
  id: randomUUID(),
  received_at: toTimestamp(input.receivedAt),
  channel: input.channel,
  category: input.category,
  summary: input.summary,
  recorded_by: input.recordedBy,
  created_at: toTimestamp(input.now),
  converted_complaint_id: null,
});

export async function insertSpotRecord(db: DbExecutor, input: NewSpotRecord): Promise<SpotRecord> {
  const row = await db
    .insertInto('spot_records')
    .values(newRow(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSpotRecord(row);
}

/** Many spot records at once (bulk demo data), in statements of at most 4000 rows. */
export async function insertSpotRecords(db: DbExecutor, inputs: readonly NewSpotRecord[]): Promise<void> {
  const rows = inputs.map(newRow);
  for (let start = 0; start < rows.length; start += 4000) {
    await db
      .insertInto('spot_records')
      .values(rows.slice(start, start + 4000))
      .execute();
  }
}

export async function findSpotRecordById(db: DbExecutor, id: string): Promise<SpotRecord | null> {
  const row = await db.selectFrom('spot_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSpotRecord(row) : null;
}

/** Spot records received in [from, to), oldest first. */
export async function listSpotRecords(
  db: DbExecutor,
  period: { from: Date | string; to: Date | string },
): Promise<SpotRecord[]> {
  const rows = await db
    .selectFrom('spot_records')
    .selectAll()
    .where('received_at', '>=', toTimestamp(period.from))
    .where('received_at', '<', toTimestamp(period.to))
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return rows.map(toSpotRecord);
}

/** The latest spot records received in [from, to), newest first, at most `limit` (a page of the staff list). */
export async function listLatestSpotRecords(
  db: DbExecutor,
  period: { from: Date | string; to: Date | string },
  limit: number,
): Promise<SpotRecord[]> {
  const rows = await db
    .selectFrom('spot_records')
    .selectAll()
    .where('received_at', '>=', toTimestamp(period.from))
    .where('received_at', '<', toTimestamp(period.to))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSpotRecord);
}

/** Links a spot record to the complaint it became; false when it does not exist or was converted already. */
export async function markSpotRecordConverted(
  db: DbExecutor,
  id: string,
  complaintId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('spot_records')
    .set({ converted_complaint_id: complaintId })
    .where('id', '=', id)
    .where('converted_complaint_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toSpotRecord(row: Selectable<SpotRecordsTable>): SpotRecord {
  return {
    id: row.id,
    receivedAt: toTimestamp(row.received_at),
    channel: row.channel,
    category: row.category,
    summary: row.summary,
    recordedBy: row.recorded_by,
    createdAt: toTimestamp(row.created_at),
    convertedComplaintId: row.converted_complaint_id,
  };
}
