/**
 * The staff workspace: browser sessions (stored server-side, so several instances share them and "sign out
 * everywhere" is one update), what signing in needs on the user (lockout counters, the TOTP second factor,
 * the OpenID Connect subject), password-reset links, and the audit log of everything that is not an action
 * on a complaint (complaint actions have their own history in complaint_events).
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('staff_sessions')
    .ifNotExists()
    // SHA-256 of the cookie's token: a leaked database holds no usable session.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // complete | second_factor (password given, TOTP code still owed) | enrol_second_factor (must set it up)
    .addColumn('stage', 'text', (c) => c.notNull())
    // password | oidc
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    // The absolute timeout; the idle timeout is last_seen_at + the idle minutes of the settings.
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('staff_sessions_user_id_idx')
    .ifNotExists()
    .on('staff_sessions')
    .column('user_id')
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('last_failed_sign_in_at', t.timestamp).execute();
  await db.schema.alterTable('users').addColumn('locked_until', t.timestamp).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', t.timestamp).execute();
  // Base32 TOTP secret; set at enrolment, in force once totp_enabled_at is set.
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.timestamp).execute();
  // The last time step a TOTP code was accepted for: a code is never accepted twice (replay).
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  // issuer + subject of the OpenID Connect identity linked to this user.
  await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
  await db.schema
    .createIndex('users_oidc_subject_idx')
    .ifNotExists()
    .on('users')
    .column('oidc_subject')
    .execute();

  await db.schema
    .createTable('password_resets')
    .ifNotExists()
    // SHA-256 of the emailed token.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('password_resets_user_id_idx')
    .ifNotExists()
    .on('password_resets')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('audit_log')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    // null for an anonymous attempt (a failed sign-in with an unknown email) or the system.
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    // e.g. sign_in, sign_in_failed, sign_out, user_created, settings_changed, complaint_viewed
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text')
    // Facts about the event, never passwords, tokens or complaint texts.
    .addColumn('details', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').ifNotExists().on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .ifNotExists()
    .on('audit_log')
    .columns(['target_type', 'target_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor_idx')
    .ifNotExists()
    .on('audit_log')
    .columns(['actor_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
  await db.schema.dropTable('password_resets').ifExists().execute();
  await db.schema.dropIndex('users_oidc_subject_idx').ifExists().execute();
  for (const column of [
    'oidc_subject',
    'totp_last_step',
    'totp_enabled_at',
    'totp_secret',
    'password_changed_at',
    'locked_until',
    'last_failed_sign_in_at',
    'failed_sign_ins',
  ]) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
  await db.schema.dropTable('staff_sessions').ifExists().execute();
}
