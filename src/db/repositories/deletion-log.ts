/**
 * The deletion log: every anonymisation of a case and every pruning run, with why, when, by whom and which
 * categories of data went — never the data itself, so that it can be kept as proof of how personal data was
 * handled (AVG art. 5(2), accountability).
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DeletionCategory } from '../../domain/anonymise.ts';
import type { DeletionReason } from '../../domain/privacy.ts';
import type { DbExecutor } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';
import type { DeletionLogTable } from '../tables.ts';

export interface DeletionEntry {
  id: string;
  at: string;
  complaintId: string | null;
  reference: string | null;
  reason: DeletionReason;
  actorId: string | null;
  actorLabel: string;
  categories: DeletionCategory[];
  /** Rows deleted or blanked per category. */
  counts: Partial<Record<DeletionCategory, number>>;
  requestReference: string | null;
  note: string | null;
}

export type NewDeletionEntry = Omit<DeletionEntry, 'id'>;

export async function insertDeletionEntry(db: DbExecutor, entry: NewDeletionEntry): Promise<DeletionEntry> {
  const id = randomUUID();
  await db
    .insertInto('deletion_log')
    .values({
      id,
      at: toTimestamp(entry.at),
      complaint_id: entry.complaintId,
      reference: entry.reference,
      reason: entry.reason,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      categories: toJson(entry.categories),
      counts: toJson(entry.counts),
      request_reference: entry.requestReference,
      note: entry.note,
    })
    .execute();
  return { id, ...entry, at: toTimestamp(entry.at) };
}

/** Newest first; of one case when `complaintId` is given. */
export async function listDeletionLog(
  db: DbExecutor,
  options: { complaintId?: string; limit?: number } = {},
): Promise<DeletionEntry[]> {
  let query = db.selectFrom('deletion_log').selectAll();
  if (options.complaintId) query = query.where('complaint_id', '=', options.complaintId);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(toEntry);
}

function toEntry(row: Selectable<DeletionLogTable>): DeletionEntry {
  return {
    id: row.id,
    at: toTimestamp(row.at),
    complaintId: row.complaint_id,
    reference: row.reference,
    reason: row.reason as DeletionReason,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    categories: parseJson<DeletionCategory[]>(row.categories),
    counts: parseJson<DeletionEntry['counts']>(row.counts),
    requestReference: row.request_reference,
    note: row.note,
  };
}
