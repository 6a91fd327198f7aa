/**
 * Links to set a password (a forgotten one, or the first one of an invited user). The email holds a random
 * token; this table holds its SHA-256, so a leaked database opens no account. A link works once, until it
 * expires, and only while it is the user's newest: issuing one ends the older ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';

export type PasswordLinkPurpose = 'reset' | 'invite';

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface PasswordLink {
  userId: string;
  purpose: PasswordLinkPurpose;
  createdAt: string;
  expiresAt: string;
}

/** A new link for the user (256 random bits, base64url): the token for the email. Older links stop working. */
export async function createPasswordLink(
  db: DbExecutor,
  input: { userId: string; purpose: PasswordLinkPurpose; now: Date; expiresAt: Date },
): Promise<{ token: string }> {
  await endPasswordLinksOf(db, input.userId, input.now);
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('password_resets')
    .values({
      id: hashLinkToken(token),
      user_id: input.userId,
      purpose: input.purpose,
      created_at: toTimestamp(input.now),
      expires_at: toTimestamp(input.expiresAt),
      used_at: null,
    })
    .execute();
  return { token };
}

/** Ends every link of the user that still works (a new link, or a password set otherwise). */
export async function endPasswordLinksOf(db: DbExecutor, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: toTimestamp(now) })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** The link of a token while it works (not used, not replaced, not expired), or null. */
export async function findUsablePasswordLink(
  db: DbExecutor,
  token: string,
  now: Date,
): Promise<PasswordLink | null> {
  const row = await db
    .selectFrom('password_resets')
    .selectAll()
    .where('id', '=', hashLinkToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', toTimestamp(now))
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

/** Uses the link: of two requests with one token, one succeeds. Null when it no longer works. */
export async function consumePasswordLink(
  db: DbExecutor,
  token: string,
  now: Date,
): Promise<PasswordLink | null> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: toTimestamp(now) })
    .where('id', '=', hashLinkToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', toTimestamp(now))
    .returningAll()
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

/** How many links of a purpose were issued to the user since `since` (to limit emails per hour). */
export async function countPasswordLinksSince(
  db: DbExecutor,
  userId: string,
  purpose: PasswordLinkPurpose,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>=', toTimestamp(since))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function toLink(row: {
  user_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
}): PasswordLink {
  return {
    userId: row.user_id,
    purpose: row.purpose === 'invite' ? 'invite' : 'reset',
    createdAt: toTimestamp(row.created_at),
    expiresAt: toTimestamp(row.expires_at),
  };
}
