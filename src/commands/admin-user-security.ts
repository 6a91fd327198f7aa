/**
 * Administrators help users who cannot sign in: unlock an account locked after failed attempts (the counters
 * are cleared, as after a successful sign-in), and reset a lost second factor (the TOTP secret and the
 * recovery codes are removed, so the next sign-in asks to set it up again where the user's roles require
 * one; the user's sessions end, since whoever holds the old device must not stay signed in). Both audited.
 */
import { transaction } from '../db/database.ts';
import { replaceRecoveryCodes } from '../db/repositories/recovery-codes.ts';
import { revokeStaffSessionsOf } from '../db/repositories/staff-sessions.ts';
import {
  clearSecondFactor,
  findUserById,
  getSignInRecord,
  setSignInCounters,
} from '../db/repositories/users.ts';
import { DomainError } from '../domain/errors.ts';
import { type AdminActor, assertAdministrator, auditAdmin } from './admin-access.ts';
import type { CommandDeps } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';

const notFound = () =>
  new DomainError('not_found', { en: 'There is no such user.', nl: 'Deze gebruiker bestaat niet.' });

export async function unlockUserByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  meta: ClientMeta | null,
): Promise<void> {
  assertAdministrator(actor);
  const now = deps.now();
  await transaction(deps.db, async (trx) => {
    const record = await getSignInRecord(trx, userId);
    if (!record) throw notFound();
    await setSignInCounters(trx, userId, { failedSignIns: 0, lastFailedAt: null, lockedUntil: null });
    await auditAdmin(trx, now, actor, meta, {
      action: 'user_unlocked',
      targetType: 'user',
      targetId: userId,
      details: { failedSignIns: record.failedSignIns, lockedUntil: record.lockedUntil },
    });
  });
}

export async function resetSecondFactorByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  meta: ClientMeta | null,
): Promise<{ sessionsEnded: number }> {
  assertAdministrator(actor);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw notFound();
    const record = await getSignInRecord(trx, userId);
    await clearSecondFactor(trx, userId);
    // Recovery codes belong to the old second factor: they must not open the account either.
    await replaceRecoveryCodes(trx, userId, [], now);
    const sessionsEnded = await revokeStaffSessionsOf(trx, userId, now);
    await auditAdmin(trx, now, actor, meta, {
      action: 'user_second_factor_reset',
      targetType: 'user',
      targetId: userId,
      details: { hadSecondFactor: record?.totpEnabled ?? false, sessionsEnded },
    });
    return { sessionsEnded };
  });
}
