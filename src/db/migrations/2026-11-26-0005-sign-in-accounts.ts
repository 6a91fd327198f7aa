/**
 * Signing in, continued: failure counters for email addresses that have no account (so that the answer to
 * an unknown address never differs from the answer to a wrong password, also after a few attempts), the
 * second factor's one-time recovery codes, what a password link is for (a reset, or an invitation of a new
 * user), and one OpenID Connect identity per user at most.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .ifNotExists()
    // SHA-256 of the lowercased email address: the table does not collect the addresses people typed.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_at', t.timestamp)
    .addColumn('locked_until', t.timestamp)
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // SHA-256 of the code (80 random bits each, so a plain hash is enough, as for API tokens).
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('two_factor_recovery_codes_user_id_idx')
    .ifNotExists()
    .on('two_factor_recovery_codes')
    .column('user_id')
    .execute();

  // reset | invite
  await db.schema
    .alterTable('password_resets')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('reset'))
    .execute();

  // Two users with one identity would make single sign-on ambiguous; NULLs (no identity) stay allowed.
  await db.schema
    .createIndex('users_oidc_subject_unique')
    .ifNotExists()
    .unique()
    .on('users')
    .column('oidc_subject')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_oidc_subject_unique').ifExists().execute();
  await db.schema.alterTable('password_resets').dropColumn('purpose').execute();
  await db.schema.dropTable('two_factor_recovery_codes').ifExists().execute();
  await db.schema.dropTable('sign_in_throttles').ifExists().execute();
}
