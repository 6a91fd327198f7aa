/**
 * Letters (every letter the regulation names, kept exactly as sent), editable letter templates (versioned),
 * the deadline watch's reminders (one per complaint, subject and stage: never a flood), and the link from an
 * outbox email to the letter it carries as a PDF.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('letters')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('recipient_address', 'text')
    // email | post | follow_up_page
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('pdf', t.blob, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text')
    // When a printed letter was put in the post (delivery = post); set once.
    .addColumn('posted_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('letters_complaint_id_idx')
    .ifNotExists()
    .on('letters')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('letter_templates')
    .ifNotExists()
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_templates_pk', ['kind', 'language', 'version'])
    .execute();

  await db.schema
    .createTable('reminders')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    // e.g. acknowledge | resolve | report | unassigned | agreed_measure:<id> | preventive_measure:<id>
    .addColumn('subject', 'text', (c) => c.notNull())
    // near | overdue
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('due', t.date, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('reminders_once_per_stage', ['complaint_id', 'subject', 'stage', 'due'])
    .execute();

  await db.schema.alterTable('email_outbox').addColumn('letter_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('letter_id').execute();
  await db.schema.dropTable('reminders').ifExists().execute();
  await db.schema.dropTable('letter_templates').ifExists().execute();
  await db.schema.dropTable('letters').ifExists().execute();
}
