/**
 * The initial schema: every table of src/db/tables.ts. Ids are text generated in code (crypto.randomUUID()),
 * so no dialect's auto-increment is needed.
 *
 * Migrations run in one transaction on both dialects (database.ts, migrations/index.ts); `if not exists` is a
 * second line of defence for a database someone prepared by hand.
 *
 * Foreign keys have no ON DELETE CASCADE on purpose: history and attachments disappear only when retention
 * deletes them explicitly, child rows first.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Stored lowercased by the repository, so this constraint is case-insensitive in effect.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('roles', t.json, (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('users_email_unique', ['email'])
    .execute();

  await db.schema
    .createTable('complaints')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('registered_at', t.timestamp, (c) => c.notNull())
    .addColumn('receiver_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('anonymous', t.bool, (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_role', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('team', 'text')
    .addColumn('handler_id', 'text')
    .addColumn('acknowledge_by', t.date, (c) => c.notNull())
    .addColumn('resolve_by', t.date, (c) => c.notNull())
    .addColumn('report_by', t.date)
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('follow_up_token_hash', 'text', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('complaints_reference_unique', ['reference'])
    .addUniqueConstraint('complaints_follow_up_token_hash_unique', ['follow_up_token_hash'])
    .execute();
  for (const column of ['status', 'handler_id', 'received_at', 'resolve_by', 'acknowledge_by']) {
    await db.schema
      .createIndex(`complaints_${column}_idx`)
      .ifNotExists()
      .on('complaints')
      .column(column)
      .execute();
  }

  await db.schema
    .createTable('complaint_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changes', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    // Also the index for "events of a complaint": complaint_id is its leading column.
    .addUniqueConstraint('complaint_events_complaint_id_seq_unique', ['complaint_id', 'seq'])
    .execute();

  await db.schema
    .createTable('attachments')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', t.blob, (c) => c.notNull())
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .execute();
  await db.schema
    .createIndex('attachments_complaint_id_idx')
    .ifNotExists()
    .on('attachments')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .addUniqueConstraint('api_tokens_token_hash_unique', ['token_hash'])
    .execute();
  await db.schema
    .createIndex('api_tokens_user_id_idx')
    .ifNotExists()
    .on('api_tokens')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('organisation_settings')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('email_outbox')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('smtp_response', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addUniqueConstraint('email_outbox_message_id_unique', ['message_id'])
    .execute();
  // The worker's query: status = 'pending' and next_attempt_at <= now, oldest first.
  await db.schema
    .createIndex('email_outbox_status_next_attempt_at_idx')
    .ifNotExists()
    .on('email_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('email_outbox_complaint_id_idx')
    .ifNotExists()
    .on('email_outbox')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('spot_records')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('converted_complaint_id', 'text')
    .execute();
  await db.schema
    .createIndex('spot_records_received_at_idx')
    .ifNotExists()
    .on('spot_records')
    .column('received_at')
    .execute();

  await db.schema
    .createTable('reference_counters')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'reference_counters',
    'spot_records',
    'email_outbox',
    'organisation_settings',
    'api_tokens',
    'attachments',
    'complaint_events',
    'complaints',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
