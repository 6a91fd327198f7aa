/**
 * One-time recovery codes of the second factor: a new set replaces the old one; a code works once (the use is
 * one conditional update, so two requests with one code cannot both succeed). Only SHA-256 hashes are
 * stored; the codes have 80 random bits each, so a plain hash is enough (as for API tokens).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';

export const hashRecoveryCode = (normalised: string): string =>
  createHash('sha256').update(normalised).digest('hex');

/** Replaces the user's codes with these (normalised) codes. */
export async function replaceRecoveryCodes(
  db: DbExecutor,
  userId: string,
  codes: readonly string[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('two_factor_recovery_codes')
    .values(
      codes.map((code) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: hashRecoveryCode(code),
        created_at: toTimestamp(now),
        used_at: null,
      })),
    )
    .execute();
}

/** Uses a (normalised) code of the user; false when it is not theirs or was used already. */
export async function consumeRecoveryCode(
  db: DbExecutor,
  userId: string,
  normalised: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: toTimestamp(now) })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countUnusedRecoveryCodes(db: DbExecutor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
