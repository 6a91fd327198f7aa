/**
 * Changing one's own password on the account page: the current password first (a wrong one counts as a
 * failed sign-in: back-off and lockout), then the rules for a new password; the user's other sessions end
 * (whoever knew the old password is out), this one stays. Audited.
 */
import { transaction } from '../db/database.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import { endPasswordLinksOf } from '../db/repositories/password-resets.ts';
import { revokeStaffSessionsOf, type StaffSession } from '../db/repositories/staff-sessions.ts';
import { getPasswordHash, setNewPassword, type User } from '../db/repositories/users.ts';
import { confirmPassword } from './confirm-password.ts';
import type { CommandDeps } from './context.ts';
import {
  hashPassword,
  type NewPasswordField,
  type NewPasswordProblem,
  newPasswordProblems,
} from './passwords.ts';
import type { ClientMeta } from './staff-sessions.ts';

export type ChangePasswordOutcome =
  | { ok: true; sessionsEnded: number }
  | { ok: false; reason: 'no_password' | 'current_wrong' }
  | { ok: false; reason: 'backoff' | 'locked'; until: string }
  | {
      ok: false;
      reason: 'invalid_input';
      currentMissing: boolean;
      problems: { field: NewPasswordField; problem: NewPasswordProblem }[];
    };

export async function changePassword(
  deps: CommandDeps,
  current: { session: StaffSession; user: User },
  input: { current: string; password: string; confirm: string },
  meta: ClientMeta,
): Promise<ChangePasswordOutcome> {
  const { user, session } = current;
  const db = deps.db.kysely;
  // Someone who signs in only through single sign-on sets a first password through the emailed link.
  if ((await getPasswordHash(db, user.id)) === null) return { ok: false, reason: 'no_password' };
  // The new password is checked first: a typo there should not cost a failed attempt.
  const problems = newPasswordProblems({
    password: input.password,
    confirm: input.confirm,
    email: user.email,
  });
  const currentMissing = input.current === '';
  if (currentMissing || problems.length > 0)
    return { ok: false, reason: 'invalid_input', currentMissing, problems };
  const check = await confirmPassword(deps, user, input.current, meta, 'change_password');
  if (!check.ok) return check.reason === 'wrong' ? { ok: false, reason: 'current_wrong' } : check;
  const hash = await hashPassword(input.password);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    await setNewPassword(trx, user.id, hash, now);
    await endPasswordLinksOf(trx, user.id, now);
    const sessionsEnded = await revokeStaffSessionsOf(trx, user.id, now, { except: session.id });
    await recordAudit(trx, {
      at: now,
      actorId: user.id,
      actorLabel: user.name,
      action: 'password_changed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { sessionsEnded },
    });
    return { ok: true as const, sessionsEnded };
  });
}
