/**
 * Asking a signed-in user for their password again before something that weakens or replaces a protection
 * (a new password, removing the second factor, new recovery codes). A wrong password counts as a failed
 * sign-in, with the same back-off and lockout: a session left open on someone else's screen must not become
 * a way to guess the password.
 */
import { getPasswordHash, type User } from '../db/repositories/users.ts';
import type { CommandDeps } from './context.ts';
import { verifyPassword } from './passwords.ts';
import { claimAttempt, clearCounters, userCounters } from './sign-in-attempts.ts';
import { audit, type ClientMeta } from './staff-sessions.ts';

export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'backoff' | 'locked'; until: string };

export async function confirmPassword(
  deps: CommandDeps,
  user: User,
  password: string,
  meta: ClientMeta,
  purpose: string,
): Promise<PasswordCheck> {
  const db = deps.db.kysely;
  const counters = userCounters(db, user.id);
  const claim = await claimAttempt(counters, deps.now());
  if (!claim.allowed) return { ok: false, reason: claim.reason, until: claim.until };
  if (await verifyPassword(await getPasswordHash(db, user.id), password)) {
    await clearCounters(counters);
    return { ok: true };
  }
  await audit(deps, 'password_confirmation_failed', user, meta, {
    purpose,
    failures: claim.after.failedSignIns,
    lockedUntil: claim.after.lockedUntil,
  });
  return { ok: false, reason: 'wrong' };
}
