/**
 * Who has what to do on which case (src/domain/dashboard.ts `workItemsOf`), kept in step with the improvement
 * form by the complaints repository on every insert and update, so that "my work" on the dashboard is an
 * index lookup by user instead of a search through every case's JSON.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { type WorkKind, workItemsOf } from '../../domain/dashboard.ts';
import type { DbExecutor } from '../database.ts';

const rowsOf = (complaint: Complaint) =>
  workItemsOf(complaint).map((item) => ({
    complaint_id: complaint.id,
    user_id: item.userId,
    kind: item.kind,
    item_id: item.itemId,
    due_on: item.due,
  }));

/** The work items of new complaints (one statement per few thousand rows). */
export async function insertWorkItems(db: DbExecutor, complaints: readonly Complaint[]): Promise<void> {
  const rows = complaints.flatMap(rowsOf);
  // 5 parameters a row: well within SQLite's 32 766 and PostgreSQL's 65 535 bound parameters.
  for (let start = 0; start < rows.length; start += 5000) {
    await db
      .insertInto('complaint_work_items')
      .values(rows.slice(start, start + 5000))
      .execute();
  }
}

/** Replaces a complaint's work items with what its form says now. */
export async function replaceWorkItems(db: DbExecutor, complaint: Complaint): Promise<void> {
  await db.deleteFrom('complaint_work_items').where('complaint_id', '=', complaint.id).execute();
  await insertWorkItems(db, [complaint]);
}

/** The ids of the complaints where `userIds` have work of these kinds (a few, read from the user index). */
export async function complaintIdsWithWork(
  db: DbExecutor,
  userIds: readonly string[],
  kinds: readonly WorkKind[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('complaint_work_items')
    .select('complaint_id')
    .distinct()
    .where('user_id', 'in', [...userIds])
    .where('kind', 'in', [...kinds])
    .execute();
  return rows.map((row) => row.complaint_id);
}

export interface OwnedMeasure {
  complaintId: string;
  kind: 'agreed_measure' | 'preventive_measure';
  measureId: string;
  due: string | null;
}

/**
 * The open measures a user owns, the nearest due date first: one read per kind along the user index
 * (user_id, kind, due_on), each cut at `limit`, merged here. A single read of both kinds would have to sort
 * every open measure the user owns, and a quality manager may own thousands.
 */
export async function listOwnedMeasures(
  db: DbExecutor,
  userId: string,
  limit: number,
): Promise<OwnedMeasure[]> {
  const kinds = ['agreed_measure', 'preventive_measure'] as const;
  const found: OwnedMeasure[] = [];
  for (const kind of kinds) {
    const rows = await db
      .selectFrom('complaint_work_items')
      .select(['complaint_id', 'item_id', 'due_on'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .orderBy('due_on')
      .limit(limit)
      .execute();
    for (const row of rows)
      found.push({ complaintId: row.complaint_id, kind, measureId: row.item_id, due: row.due_on });
  }
  return found.sort((a, b) => String(a.due).localeCompare(String(b.due))).slice(0, limit);
}
