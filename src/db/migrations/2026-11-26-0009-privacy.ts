/**
 * Privacy (AVG): the deletion log and legal holds.
 *
 * `deletion_log` records every anonymisation (retention or a data subject's request) and every pruning run:
 * which case, when, why, by whom and which categories of data were removed — never the removed data itself, so
 * the log can be kept as long as the organisation must show how it handled personal data. A case can have more
 * than one entry: an open case erased at the data subject's request may gather new data before it ends, and
 * retention anonymises it again then (a case is anonymised when an entry is at least as new as its last change).
 *
 * `legal_holds` suspends anonymisation of a case (litigation, an investigation by a supervisor). Every hold
 * stays as a row with who set and lifted it and why; at most one hold per case is in force (lifted_at null),
 * enforced by a partial unique index on both dialects.
 */
import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('deletion_log')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    // null for an entry that is not about one case (pruning the audit log, spot records).
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('reference', 'text')
    // retention | data_subject_request
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    // JSON array of category codes (src/domain/anonymise.ts DELETION_CATEGORIES).
    .addColumn('categories', t.json, (c) => c.notNull())
    // JSON object of counts per category (rows deleted or blanked).
    .addColumn('counts', t.json, (c) => c.notNull())
    // The administrator's own reference of a data subject's request (e.g. "AVG-2026-014"), never a name.
    .addColumn('request_reference', 'text')
    // Why an open case was erased, as the administrator recorded it.
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('deletion_log_complaint_id_idx')
    .ifNotExists()
    .on('deletion_log')
    .column('complaint_id')
    .execute();
  await db.schema.createIndex('deletion_log_at_idx').ifNotExists().on('deletion_log').column('at').execute();

  await db.schema
    .createTable('legal_holds')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('set_at', t.timestamp, (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_by_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('lifted_at', t.timestamp)
    .addColumn('lifted_by', 'text')
    .addColumn('lifted_by_label', 'text')
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema
    .createIndex('legal_holds_complaint_id_idx')
    .ifNotExists()
    .on('legal_holds')
    .column('complaint_id')
    .execute();
  // At most one hold in force per case: setting a second one at the same moment fails on this index.
  await db.schema
    .createIndex('legal_holds_one_active_idx')
    .ifNotExists()
    .unique()
    .on('legal_holds')
    .column('complaint_id')
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('legal_holds').ifExists().execute();
  await db.schema.dropTable('deletion_log').ifExists().execute();
}
