/**
 * The annual analysis (step 8): the facts it counts become columns of `complaints`, kept in step by the
 * repository on every write (src/db/repositories/analysis-columns.ts, spread into toRow), with covering
 * indexes that lead with the year of receipt. A year of 100 000 complaints is then counted from index entries
 * alone (an index-only scan on PostgreSQL once the visibility map is set by (auto)vacuum), never from the wide
 * rows with their JSON form.
 *
 * `annual_analyses` holds the quality manager's judgement per year (step 8: "Loket3 beoordeelt") and, once
 * adopted, the frozen figures and PDFs that later years compare against.
 *
 * Existing complaints are backfilled here, in batches, with the same pure function the repository uses. That
 * import is deliberate: the facts must be derived one way only. Should that function change its meaning later,
 * the new migration that changes it backfills again.
 */
import { type Kysely, sql } from 'kysely';
import { complaintFacts, type FactsSource } from '../../analysis/facts.ts';
import { analysisColumns } from '../repositories/analysis-columns.ts';
import type { ColumnTypes } from './column-types.ts';

/** Every fact column with its type; counts are 0 by default so that a row without facts still sums. */
const FACT_COLUMNS = (t: ColumnTypes) =>
  [
    ['received_year', 'integer'],
    ['received_month', 'integer'],
    ['received_on', t.date],
    ['acknowledged_on', t.date],
    ['resolved_on', t.date],
    ['final_report_on', t.date],
    ['judgement', 'text'],
    ['offer_count', 'integer', 0],
    ['first_offer_reaction', 'text'],
    ['final_offer_reaction', 'text'],
    ['measure_kinds', 'text', ''],
    ['agreed_count', 'integer', 0],
    ['agreed_done', 'integer', 0],
    ['agreed_done_on_time', 'integer', 0],
    ['extension_working_days', 'integer'],
    ['escalation_count', 'integer', 0],
    ['escalation_routes', 'text', ''],
    ['commissioning_party_type', 'text'],
    ['not_taken_up_ground', 'text'],
    ['reopen_count', 'integer', 0],
    ['prevention_decision', 'text'],
    ['preventive_count', 'integer', 0],
    ['preventive_done', 'integer', 0],
    ['preventive_done_on_time', 'integer', 0],
    ['preventive_evaluated', 'integer', 0],
    ['preventive_effective', 'integer', 0],
    ['preventive_first_done_on', t.date],
    ['survey_handled_well', 'text'],
    ['survey_on_time', 'text'],
  ] as const;

/**
 * The year's queries and the indexes that cover them (src/db/repositories/analysis.ts). Each query groups by
 * the columns that follow `received_year` in its index, in index order, so SQLite aggregates while it reads the
 * index (no sort) and PostgreSQL can answer with an index-only scan.
 */
export const ANALYSIS_INDEXES: Record<string, readonly string[]> = {
  // Per category, day of receipt and day of acknowledgement: categories, months, recurrence, the trend per
  // category, and the acknowledgement's lead times.
  complaints_analysis_category_idx: ['received_year', 'category', 'received_on', 'acknowledged_on'],
  // The other dimensions of the volume (channel, state, reporter, commissioning party, team, …).
  complaints_analysis_volume_idx: [
    'received_year',
    'channel',
    'status',
    'reporter_role',
    'commissioning_party_type',
    'team',
    'anonymous',
    'not_taken_up_ground',
    'reopen_count',
  ],
  // The three terms (each deadline beside the day it was met), led by the days the resolution's lead time is
  // counted between.
  complaints_analysis_terms_idx: [
    'received_year',
    'received_on',
    'resolved_on',
    'status',
    'acknowledged_on',
    'acknowledge_by',
    'resolve_by',
    'final_report_on',
    'report_by',
    'extension_working_days',
  ],
  // The final report's lead time: from the day of resolution to the day of the report.
  complaints_analysis_report_idx: ['received_year', 'resolved_on', 'final_report_on'],
  // Outcomes and prevention: the categorical facts first (grouped by), the counts after them (summed).
  complaints_analysis_outcomes_idx: [
    'received_year',
    'judgement',
    'first_offer_reaction',
    'final_offer_reaction',
    'offer_count',
    'measure_kinds',
    'escalation_routes',
    'prevention_decision',
    'survey_handled_well',
    'survey_on_time',
    'closed_at',
    'agreed_count',
    'agreed_done',
    'agreed_done_on_time',
    'escalation_count',
    'preventive_count',
    'preventive_done',
    'preventive_done_on_time',
    'preventive_evaluated',
    'preventive_effective',
  ],
};

/** Recurrence: the first preventive measure done per category, from the few complaints that have one. */
const RECURRENCE_INDEX = 'complaints_analysis_recurrence_idx';

const BATCH = 500;

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  for (const [name, type, fallback] of FACT_COLUMNS(t)) {
    await db.schema
      .alterTable('complaints')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await backfill(db);
  for (const [name, columns] of Object.entries(ANALYSIS_INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('complaints')
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createIndex(RECURRENCE_INDEX)
    .ifNotExists()
    .on('complaints')
    .columns(['received_year', 'category', 'preventive_first_done_on'])
    .where(sql.ref('preventive_first_done_on'), 'is not', null)
    .execute();

  await db.schema
    .createTable('annual_analyses')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.primaryKey())
    // { trends: { conclusions, actions }, satisfaction: {…}, prevention: {…} }: the three questions of step 8.
    .addColumn('conclusions', t.json, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    // Optimistic locking, as for complaints: two quality managers editing at once do not overwrite each other.
    .addColumn('version', 'integer', (c) => c.notNull())
    // Set once, when the report is adopted; everything below is frozen from then on.
    .addColumn('adopted_at', t.timestamp)
    .addColumn('adopted_by', 'text')
    .addColumn('adopted_by_name', 'text')
    .addColumn('figures', t.json)
    .addColumn('publishable_figures', t.json)
    .addColumn('pdf', t.blob)
    .addColumn('publishable_pdf', t.blob)
    .execute();
}

/** Fills the fact columns of every existing complaint, in keyset batches (a large table never sits in memory). */
async function backfill(db: Kysely<unknown>): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<{
      id: string;
      received_at: string | Date;
      acknowledged_at: string | Date | null;
      resolved_at: string | Date | null;
      data: unknown;
    }>`select id, received_at, acknowledged_at, resolved_at, data from complaints where id > ${after} order by id limit ${BATCH}`.execute(
      db,
    );
    for (const row of rows) {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Partial<FactsSource>;
      const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
      const source: FactsSource = {
        receivedAt: iso(row.received_at)!,
        acknowledgedAt: iso(row.acknowledged_at),
        resolvedAt: iso(row.resolved_at),
        finalReportSentAt: data.finalReportSentAt ?? null,
        decision: data.decision ?? null,
        offers: data.offers ?? [],
        agreedMeasures: data.agreedMeasures ?? [],
        extension: data.extension ?? null,
        escalations: data.escalations ?? [],
        trajectory: data.trajectory ?? { reference: null, jobcoach: null, commissioningParty: null },
        notTakenUp: data.notTakenUp ?? null,
        reopenings: data.reopenings ?? [],
        prevention: data.prevention ?? null,
        preventiveMeasures: data.preventiveMeasures ?? [],
        survey: data.survey ?? null,
      };
      const columns = analysisColumns(complaintFacts(source));
      await (db as Kysely<{ complaints: Record<string, unknown> }>)
        .updateTable('complaints')
        .set(columns)
        .where('id', '=', row.id)
        .execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('annual_analyses').ifExists().execute();
  for (const name of [...Object.keys(ANALYSIS_INDEXES), RECURRENCE_INDEX]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  // Dropping a column needs its indexes gone first (above); SQLite has dropped columns since 3.35.
  for (const [name] of FACT_COLUMNS({
    timestamp: 'text',
    date: 'text',
    bool: 'integer',
    json: 'text',
    blob: 'blob',
  })) {
    await db.schema.alterTable('complaints').dropColumn(name).execute();
  }
}
