/**
 * The deadline watch's storage: which complaints may owe a reminder today, and the `reminders` table that
 * records each reminder once. (Repository code; it lives here until it moves to src/db/repositories/.)
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type DbExecutor, dialectOf } from '../db/database.ts';
import { toTimestamp } from '../db/normalise.ts';
import type { IsoDate } from '../domain/calendar.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus, TERMINAL } from '../domain/lifecycle.ts';

/** Statuses of an open case: the watch never looks at closed, withdrawn or not-taken-up ones. */
const OPEN: ComplaintStatus[] = COMPLAINT_STATUSES.filter((status) => !TERMINAL.includes(status));

/**
 * Ids of open complaints that may owe a reminder when every deadline before `horizon` (exclusive) counts as
 * near: unassigned ones, an unmet acknowledgement or resolution term (indexed columns), a report term of a
 * resolved case, or a measure not done. A superset: the domain decides (notifications/reminders.ts). Keyset
 * by id, so a page costs the same however many complaints there are, and rows changing meanwhile are not
 * skipped or repeated.
 */
export async function listWatchCandidateIds(
  db: DbExecutor,
  options: { horizon: IsoDate; afterId: string | null; limit: number },
): Promise<string[]> {
  const { horizon } = options;
  // "Some agreed or preventive measure is not done", in each dialect's JSON: containment of an element with
  // doneAt null on PostgreSQL (jsonb), json_each on SQLite (text).
  const openMeasure =
    dialectOf(db) === 'postgres'
      ? sql<boolean>`(data->'agreedMeasures' @> '[{"doneAt": null}]'::jsonb or data->'preventiveMeasures' @> '[{"doneAt": null}]'::jsonb)`
      : sql<boolean>`exists (select 1 from json_each(data, '$.agreedMeasures') where json_extract(value, '$.doneAt') is null
          union all select 1 from json_each(data, '$.preventiveMeasures') where json_extract(value, '$.doneAt') is null)`;
  let query = db
    .selectFrom('complaints')
    .select('id')
    .where('status', 'in', OPEN)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'registered'),
        eb.and([eb('acknowledged_at', 'is', null), eb('acknowledge_by', '<', horizon)]),
        eb.and([eb('resolved_at', 'is', null), eb('resolve_by', '<', horizon)]),
        eb.and([eb('status', '=', 'resolved'), eb('report_by', '<', horizon)]),
        openMeasure,
      ]),
    );
  if (options.afterId !== null) query = query.where('id', '>', options.afterId);
  const rows = await query.orderBy('id').limit(options.limit).execute();
  return rows.map((row) => row.id);
}

const keyOf = (subject: string, stage: string, due: IsoDate): string => `${subject}|${stage}|${due}`;

/** The reminders already recorded for a complaint, as keys for `hasReminder`. */
export async function recordedReminders(db: DbExecutor, complaintId: string): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom('reminders')
    .select(['subject', 'stage', 'due'])
    .where('complaint_id', '=', complaintId)
    .execute();
  return new Set(rows.map((row) => keyOf(row.subject, row.stage, row.due)));
}

export const hasReminder = (
  recorded: ReadonlySet<string>,
  r: { subject: string; stage: string; due: IsoDate },
): boolean => recorded.has(keyOf(r.subject, r.stage, r.due));

/**
 * Records a reminder unless one with the same (complaint, subject, stage, due) exists; true when this call
 * recorded it. `on conflict do nothing` instead of catching the unique violation: on PostgreSQL a failed
 * statement would abort the whole transaction. A concurrent insert of the same key waits for the other
 * transaction and then does nothing, so of two instances exactly one sends.
 */
export async function recordReminder(
  trx: DbExecutor,
  reminder: { complaintId: string; subject: string; stage: string; due: IsoDate; now: Date },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('reminders')
    .values({
      id: randomUUID(),
      complaint_id: reminder.complaintId,
      subject: reminder.subject,
      stage: reminder.stage,
      due: reminder.due,
      sent_at: toTimestamp(reminder.now),
    })
    .onConflict((oc) => oc.columns(['complaint_id', 'subject', 'stage', 'due']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
