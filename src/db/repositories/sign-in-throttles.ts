/**
 * Failure counters for sign-in attempts with an email address that has no (active) account. They follow the
 * same back-off and lockout as a user's own counters, so that after any number of attempts the answer for an
 * unknown address is the one a real account would get: the sign-in page does not tell who has an account.
 * Keyed by the address's SHA-256, so the table does not collect what people typed.
 */
import { createHash } from 'node:crypto';
import type { SignInCounters } from '../../domain/sign-in.ts';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';

export const throttleKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const NONE: SignInCounters = { failedSignIns: 0, lastFailedAt: null, lockedUntil: null };

export async function getThrottle(db: DbExecutor, key: string): Promise<SignInCounters> {
  const row = await db.selectFrom('sign_in_throttles').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return NONE;
  return {
    failedSignIns: Number(row.failed_sign_ins),
    lastFailedAt: toTimestamp(row.last_failed_at),
    lockedUntil: toTimestamp(row.locked_until),
  };
}

/**
 * Stores the counters only if the count is still `expectedFailures` (compare and swap, as for users); a
 * missing row counts as 0. False when another attempt came first.
 */
export async function swapThrottle(
  db: DbExecutor,
  key: string,
  expectedFailures: number,
  counters: SignInCounters,
): Promise<boolean> {
  const values = {
    failed_sign_ins: counters.failedSignIns,
    last_failed_at: toTimestamp(counters.lastFailedAt),
    locked_until: toTimestamp(counters.lockedUntil),
  };
  const updated = await db
    .updateTable('sign_in_throttles')
    .set(values)
    .where('key', '=', key)
    .where('failed_sign_ins', '=', expectedFailures)
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return true;
  if (expectedFailures !== 0) return false;
  const inserted = await db
    .insertInto('sign_in_throttles')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Forgets counters that no longer matter (no lock in force, last failure before `before`). */
export async function pruneThrottles(db: DbExecutor, before: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_throttles')
    .where('last_failed_at', '<', toTimestamp(before))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', toTimestamp(now))]))
    .execute();
}
