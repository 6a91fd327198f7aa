/** The history of each complaint: append-only, one row per action, numbered per complaint. */
import { randomUUID } from 'node:crypto';
import type { FieldChanges } from '../../domain/history.ts';
import type { DbExecutor } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';

export interface ComplaintEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  changes: FieldChanges;
  note: string | null;
}

/**
 * Appends an event. Call it in the transaction that wrote the complaint: the version check there makes this
 * transaction the only writer of the complaint, so max(seq) + 1 cannot collide (the unique key guards anyway).
 */
export async function appendEvent(
  db: DbExecutor,
  complaintId: string,
  event: Omit<ComplaintEvent, 'seq'>,
): Promise<number> {
  const last = await db
    .selectFrom('complaint_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db
    .insertInto('complaint_events')
    .values(eventRow(complaintId, seq, event))
    .execute();
  return seq;
}

const eventRow = (complaintId: string, seq: number, event: Omit<ComplaintEvent, 'seq'>) => ({
  id: randomUUID(),
  complaint_id: complaintId,
  seq,
  at: toTimestamp(event.at),
  actor_id: event.actorId,
  actor_label: event.actorLabel,
  action: event.action,
  from_status: event.fromStatus,
  to_status: event.toStatus,
  changes: toJson(event.changes),
  note: event.note,
});

/**
 * The first event of many complaints at once (seq 1 each), for complaints inserted in bulk in the same
 * transaction. Statements are split like insertComplaints.
 */
export async function insertFirstEvents(
  db: DbExecutor,
  events: readonly ({ complaintId: string } & Omit<ComplaintEvent, 'seq'>)[],
): Promise<void> {
  const rows = events.map(({ complaintId, ...event }) => eventRow(complaintId, 1, event));
  for (let start = 0; start < rows.length; start += 2500) {
    await db
      .insertInto('complaint_events')
      .values(rows.slice(start, start + 2500))
      .execute();
  }
}

export async function listEvents(db: DbExecutor, complaintId: string): Promise<ComplaintEvent[]> {
  const rows = await db
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: toTimestamp(row.at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changes: parseJson<FieldChanges>(row.changes),
    note: row.note,
  }));
}
