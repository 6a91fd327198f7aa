/**
 * Setting a password through an emailed link: a forgotten password (asked on the sign-in page), or the first
 * password of a user an administrator invited.
 *
 * - Asking never tells whether an account exists: the answer is the same, and so is the page.
 * - The link holds 256 random bits; only their SHA-256 is stored. A reset link works 60 minutes, an
 *   invitation 7 days; each works once, and a newer link ends the older ones. At most 3 reset emails an
 *   hour go to one user, so nobody can flood a colleague's mailbox.
 * - Setting the password ends every session of the user (whoever had the old password is out), lifts a
 *   lockout, and is audited.
 */
import { transaction } from '../db/database.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import {
  consumePasswordLink,
  countPasswordLinksSince,
  createPasswordLink,
  findUsablePasswordLink,
  type PasswordLinkPurpose,
} from '../db/repositories/password-resets.ts';
import { revokeStaffSessionsOf } from '../db/repositories/staff-sessions.ts';
import {
  findUserByEmail,
  findUserById,
  setNewPassword,
  setSignInCounters,
  type User,
} from '../db/repositories/users.ts';
import { DomainError } from '../domain/errors.ts';
import { authMessages } from '../i18n/staff/auth.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import {
  hashPassword,
  type NewPasswordField,
  type NewPasswordProblem,
  newPasswordProblems,
} from './passwords.ts';
import type { ClientMeta } from './staff-sessions.ts';

export type { PasswordLinkPurpose };

export const RESET_LINK_MINUTES = 60;
export const INVITE_LINK_DAYS = 7;
const RESET_EMAILS_PER_HOUR = 3;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Who issues a link: the user (a reset they asked for), an administrator (an invitation), or the system. */
export interface LinkActor {
  userId: string | null;
  name: string;
}

/**
 * Issues a link to set a password and queues the email with it, in one transaction: a reset (60 minutes) or
 * an invitation of a new user (7 days). Older links of the user stop working. The link goes only by email
 * (or, without SMTP, to the local outbox), never back to the caller.
 *
 * The administrator pages invite a new user with `issuePasswordLink(deps, userId, 'invite', actor)`.
 */
export async function issuePasswordLink(
  deps: CommandDeps,
  userId: string,
  purpose: PasswordLinkPurpose,
  actor: LinkActor | null,
  options: { locale?: 'nl' | 'en'; meta?: ClientMeta | null } = {},
): Promise<{ expiresAt: string }> {
  const now = deps.now();
  const expiresAt = new Date(
    now.getTime() + (purpose === 'invite' ? INVITE_LINK_DAYS * DAY_MS : RESET_LINK_MINUTES * MINUTE_MS),
  );
  return transaction(deps.db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user?.active) {
      throw new DomainError('not_found', {
        en: 'There is no active user with this id.',
        nl: 'Er is geen actieve gebruiker met dit id.',
      });
    }
    const { token } = await createPasswordLink(trx, { userId, purpose, now, expiresAt });
    const { settings } = await loadOrganisation(trx);
    const texts = authMessages[options.locale ?? 'nl'];
    const url = `${deps.config.publicUrl}/staff/password-reset/${token}`;
    const email =
      purpose === 'invite'
        ? {
            subject: texts.inviteEmail.subject(settings.name),
            text: texts.inviteEmail.text({
              name: user.name,
              organisation: settings.name,
              url,
              days: INVITE_LINK_DAYS,
              signInUrl: `${deps.config.publicUrl}/staff/sign-in`,
            }),
          }
        : {
            subject: texts.resetEmail.subject(settings.name),
            text: texts.resetEmail.text({
              name: user.name,
              organisation: settings.name,
              url,
              minutes: RESET_LINK_MINUTES,
            }),
          };
    await enqueueEmail(trx, {
      to: user.email,
      ...email,
      kind: purpose === 'invite' ? 'account_invitation' : 'password_reset',
      now,
    });
    await recordAudit(trx, {
      at: now,
      actorId: actor?.userId ?? null,
      actorLabel: actor?.name ?? 'system',
      action: purpose === 'invite' ? 'password_invitation_sent' : 'password_reset_sent',
      targetType: 'user',
      targetId: userId,
      ip: options.meta?.ip ?? null,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt: expiresAt.toISOString() };
  });
}

/**
 * Someone asks for a link for an email address. An active account gets one (unless 3 were sent in the past
 * hour); either way nothing is returned, so the page cannot tell whether the account exists.
 */
export async function requestPasswordReset(
  deps: CommandDeps,
  email: string,
  locale: 'nl' | 'en',
  meta: ClientMeta,
): Promise<void> {
  const db = deps.db.kysely;
  const now = deps.now();
  const found = await findUserByEmail(db, email);
  const user = found?.active ? found : null;
  const refused = (details: Record<string, unknown>) =>
    recordAudit(db, {
      at: now,
      actorId: user?.id ?? null,
      actorLabel: user?.name ?? 'unknown',
      action: 'password_reset_refused',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      ip: meta.ip,
      details,
    });
  if (!user) return void (await refused({ account: 'unknown' }));
  const recent = await countPasswordLinksSince(
    db,
    user.id,
    'reset',
    new Date(now.getTime() - 60 * MINUTE_MS),
  );
  if (recent >= RESET_EMAILS_PER_HOUR) return void (await refused({ reason: 'too_many', lastHour: recent }));
  await issuePasswordLink(deps, user.id, 'reset', { userId: user.id, name: user.name }, { locale, meta });
}

/** Who a working link is for, or null when it no longer works (used, replaced, expired, user inactive). */
export async function checkPasswordLink(
  deps: CommandDeps,
  token: string,
): Promise<{ purpose: PasswordLinkPurpose; user: User } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = deps.db.kysely;
  const link = await findUsablePasswordLink(db, token, deps.now());
  const user = link ? await findUserById(db, link.userId) : null;
  return link && user?.active ? { purpose: link.purpose, user } : null;
}

export type SetPasswordOutcome =
  | { ok: true; sessionsEnded: number }
  | { ok: false; reason: 'invalid_link' }
  | {
      ok: false;
      reason: 'invalid_password';
      problems: { field: NewPasswordField; problem: NewPasswordProblem }[];
    };

/**
 * Sets the password through a link: checked against the rules first (nothing is used up by a typo), then, in
 * one transaction, the link is used, the password stored, the lockout lifted and every session ended.
 */
export async function setPasswordWithLink(
  deps: CommandDeps,
  token: string,
  input: { password: string; confirm: string },
  meta: ClientMeta,
): Promise<SetPasswordOutcome> {
  const found = await checkPasswordLink(deps, token);
  if (!found) return { ok: false, reason: 'invalid_link' };
  const problems = newPasswordProblems({ ...input, email: found.user.email });
  if (problems.length > 0) return { ok: false, reason: 'invalid_password', problems };
  const hash = await hashPassword(input.password);
  const now = deps.now();
  return transaction(deps.db, async (trx): Promise<SetPasswordOutcome> => {
    const link = await consumePasswordLink(trx, token, now);
    if (!link || link.userId !== found.user.id) return { ok: false, reason: 'invalid_link' };
    await setNewPassword(trx, link.userId, hash, now);
    await setSignInCounters(trx, link.userId, { failedSignIns: 0, lastFailedAt: null, lockedUntil: null });
    const sessionsEnded = await revokeStaffSessionsOf(trx, link.userId, now);
    await recordAudit(trx, {
      at: now,
      actorId: found.user.id,
      actorLabel: found.user.name,
      action: link.purpose === 'invite' ? 'password_set_by_invitation' : 'password_reset',
      targetType: 'user',
      targetId: found.user.id,
      ip: meta.ip,
      details: { sessionsEnded },
    });
    return { ok: true, sessionsEnded };
  });
}
