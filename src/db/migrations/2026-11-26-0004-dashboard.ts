/**
 * The staff dashboard: every open case ordered by its nearest open term, and each user's own work.
 *
 * - `complaints.next_due`: the nearest open term's date (src/domain/dashboard.ts `dashboardDue`), '9999-12-31'
 *   for an open case with no term running, null for a finished case. Kept in step by the repository's toRow.
 *   Partial indexes (`where next_due is not null`) hold the open cases only, so the dashboard never reads the
 *   finished majority of a large table: one leads with next_due (all open cases, nearest first; it also
 *   carries status, so the counts per status and per traffic light are read from the index alone), the
 *   others lead with the handler and the receiver ("my cases").
 * - `complaint_work_items`: who has what to do on which case (`workItemsOf`: a reaction summary to agree to,
 *   an open agreed or preventive measure they own, being involved), replaced on every write of the case.
 *   No foreign key: retention deletes complaints, and every read joins `complaints`, so a left-over row is
 *   never shown (retention should delete a complaint's work items with it).
 *
 * Existing complaints are backfilled here in keyset batches with the same pure functions the repository
 * uses, reading only the columns of the migrations before this one.
 */
import { type Kysely, sql } from 'kysely';
import type { Complaint } from '../../domain/complaint.ts';
import { dashboardDue, workItemsOf } from '../../domain/dashboard.ts';
import type { ComplaintStatus } from '../../domain/lifecycle.ts';
import type { ColumnTypes } from './column-types.ts';

export const DASHBOARD_INDEXES: Record<string, readonly string[]> = {
  complaints_open_due_idx: ['next_due', 'reference', 'status'],
  complaints_open_handler_idx: ['handler_id', 'next_due', 'reference'],
  complaints_open_receiver_idx: ['receiver_id', 'next_due', 'reference'],
};

const BATCH = 500;

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('next_due', t.date).execute();
  await db.schema
    .createTable('complaint_work_items')
    .ifNotExists()
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // involved | agree | agreed_measure | preventive_measure
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date)
    .addPrimaryKeyConstraint('complaint_work_items_pk', ['complaint_id', 'kind', 'item_id'])
    .execute();
  await backfill(db);
  for (const [name, columns] of Object.entries(DASHBOARD_INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('complaints')
      .columns([...columns])
      .where(sql.ref('next_due'), 'is not', null)
      .execute();
  }
  await db.schema
    .createIndex('complaint_work_items_user_idx')
    .ifNotExists()
    .on('complaint_work_items')
    .columns(['user_id', 'kind', 'due_on'])
    .execute();
}

type BackfillRow = {
  id: string;
  status: string;
  acknowledge_by: string;
  resolve_by: string;
  report_by: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  data: unknown;
};

/** Fills next_due and the work items of every existing complaint, a batch at a time. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const typed = db as Kysely<{
    complaints: { id: string; next_due: string | null };
    complaint_work_items: {
      complaint_id: string;
      user_id: string;
      kind: string;
      item_id: string;
      due_on: string | null;
    };
  }>;
  let after = '';
  for (;;) {
    const { rows } =
      await sql<BackfillRow>`select id, status, acknowledge_by, resolve_by, report_by, acknowledged_at, resolved_at, data
      from complaints where id > ${after} order by id limit ${BATCH}`.execute(db);
    const items: {
      complaint_id: string;
      user_id: string;
      kind: string;
      item_id: string;
      due_on: string | null;
    }[] = [];
    for (const row of rows) {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Partial<Complaint>;
      const status = row.status as ComplaintStatus;
      const nextDue = dashboardDue({
        status,
        deadlines: {
          acknowledgeBy: isoDate(row.acknowledge_by)!,
          resolveBy: isoDate(row.resolve_by)!,
          reportBy: isoDate(row.report_by),
          calendarId: '',
        },
        acknowledgedAt: row.acknowledged_at === null ? null : String(row.acknowledged_at),
        resolvedAt: row.resolved_at === null ? null : String(row.resolved_at),
        finalReportSentAt: data.finalReportSentAt ?? null,
      });
      await typed.updateTable('complaints').set({ next_due: nextDue }).where('id', '=', row.id).execute();
      const work = workItemsOf({
        status,
        involved: data.involved ?? [],
        reactions: data.reactions ?? [],
        agreedMeasures: data.agreedMeasures ?? [],
        preventiveMeasures: data.preventiveMeasures ?? [],
      });
      for (const item of work)
        items.push({
          complaint_id: row.id,
          user_id: item.userId,
          kind: item.kind,
          item_id: item.itemId,
          due_on: item.due,
        });
    }
    if (items.length > 0) await typed.insertInto('complaint_work_items').values(items).execute();
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

/** A date column's value as 'YYYY-MM-DD' (database.ts makes PostgreSQL return dates as text too). */
const isoDate = (value: string | null): string | null => (value === null ? null : String(value).slice(0, 10));

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of Object.keys(DASHBOARD_INDEXES)) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.dropIndex('complaint_work_items_user_idx').ifExists().execute();
  await db.schema.dropTable('complaint_work_items').ifExists().execute();
  await db.schema.alterTable('complaints').dropColumn('next_due').execute();
}
