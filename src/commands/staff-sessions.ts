/**
 * Staff sign-in and sessions: a password checked against the back-off and lockout rules (src/domain/sign-in.ts),
 * a new session on every sign-in (the old one, if any, revoked: rotation), idle and absolute timeouts from the
 * settings, signing out here or everywhere. Every outcome is in the audit log.
 */

import { recordAudit } from '../db/repositories/audit-log.ts';
import {
  createStaffSession,
  findStaffSession,
  hashSessionToken,
  listActiveStaffSessions,
  revokeStaffSession,
  revokeStaffSessionsOf,
  type SessionMethod,
  type StaffSession,
  touchStaffSession,
} from '../db/repositories/staff-sessions.ts';
import { findUserByEmail, getSignInRecord, type User } from '../db/repositories/users.ts';
import type { Role } from '../domain/action-context.ts';
import { type SessionStage, stageAfterPassword } from '../domain/sign-in.ts';
import { type CommandDeps, loadOrganisation, loadOrganisationOf } from './context.ts';
import { verifyPassword } from './passwords.ts';
import {
  addressCounters,
  claimAttempt,
  clearCounters,
  startedLock,
  undoClaim,
  userCounters,
} from './sign-in-attempts.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { ok: true; token: string; session: StaffSession; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'backoff' | 'locked'; until: string };

/** Writing last_seen_at on every request would make every page view a write: once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Checks an email and password. The answer to a wrong password and to an unknown email is the same, and
 * takes as long (a dummy hash is verified); unknown addresses have back-off and lockout of their own (see
 * sign-in-attempts.ts), so the answers stay the same after any number of attempts. `previousToken` is the
 * session cookie the browser sent, if any: it is revoked, so a session id fixed before sign-in never
 * becomes a signed-in one.
 */
export async function signInWithPassword(
  deps: CommandDeps,
  input: { email: string; password: string; previousToken?: string | undefined },
  meta: ClientMeta,
): Promise<SignInOutcome> {
  const now = deps.now();
  const db = deps.db.kysely;
  const found = await findUserByEmail(db, input.email);
  const user = found?.active ? found : null;
  const record = user ? await getSignInRecord(db, user.id) : null;
  const counters = user ? userCounters(db, user.id) : addressCounters(db, input.email, now);
  const claim = await claimAttempt(counters, now);
  if (!claim.allowed) {
    await auditAttempt(deps, 'sign_in_refused', user, meta, { reason: claim.reason, until: claim.until });
    return { ok: false, reason: claim.reason, until: claim.until };
  }
  const valid = await verifyPassword(record?.passwordHash ?? null, input.password);
  if (!user || !record || !valid) {
    const lockedUntil = startedLock(claim);
    await auditAttempt(deps, 'sign_in_failed', user, meta, {
      failures: claim.after.failedSignIns,
      lockedUntil: claim.after.lockedUntil,
    });
    return lockedUntil
      ? { ok: false, reason: 'locked', until: lockedUntil }
      : { ok: false, reason: 'invalid' };
  }
  const { settings } = await loadOrganisation(db);
  const stage = stageAfterPassword(
    { roles: user.roles, totpEnabled: record.totpEnabled },
    settings.security.twoFactorRequiredForRoles as Role[],
  );
  // Only a complete sign-in clears the failures: otherwise the password would reset the count of guesses
  // at the second factor, and someone who knows it could guess codes without end.
  if (stage === 'complete') await clearCounters(counters);
  else await undoClaim(counters, claim);
  return startSession(deps, user, { method: 'password', stage, previousToken: input.previousToken }, meta);
}

/** A new session for a user whose identity is established (password, or single sign-on). */
export async function startSession(
  deps: CommandDeps,
  user: User,
  options: {
    method: SessionMethod;
    stage: SessionStage;
    previousToken?: string | undefined;
    /** More facts for the audit log (how the second factor was given, the provider's MFA). */
    details?: Record<string, unknown>;
  },
  meta: ClientMeta,
): Promise<{ ok: true; token: string; session: StaffSession; user: User }> {
  const now = deps.now();
  const db = deps.db.kysely;
  if (options.previousToken) await revokeStaffSession(db, hashSessionToken(options.previousToken), now);
  const { settings } = await loadOrganisation(db);
  const { token, session } = await createStaffSession(db, {
    userId: user.id,
    stage: options.stage,
    method: options.method,
    now,
    expiresAt: new Date(now.getTime() + settings.security.sessionMaxHours * HOUR_MS),
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  await audit(deps, options.stage === 'complete' ? 'sign_in' : 'sign_in_password_ok', user, meta, {
    method: options.method,
    stage: options.stage,
    ...options.details,
  });
  return { ok: true, token, session, user };
}

/**
 * Rotates the session once a sign-in completes a further step (the second factor): the old token stops
 * working, the new one is at the new stage. Returns the new token.
 */
export async function advanceSession(
  deps: CommandDeps,
  current: { session: StaffSession; user: User },
  stage: SessionStage,
  currentToken: string,
  meta: ClientMeta,
  details: Record<string, unknown> = {},
): Promise<string> {
  const next = await startSession(
    deps,
    current.user,
    { method: current.session.method, stage, previousToken: currentToken, details },
    meta,
  );
  return next.token;
}

export type ResumedSession =
  | { state: 'active'; session: StaffSession; user: User }
  | { state: 'none' }
  | { state: 'expired' };

/**
 * The session of a cookie, if it is still good: not revoked, within its absolute lifetime, the user active,
 * and used within the idle timeout of the settings. A session past either timeout is revoked here and
 * reported as expired (the sign-in page says so).
 */
export async function resumeSession(deps: CommandDeps, token: string | undefined): Promise<ResumedSession> {
  if (!token || token.length > 100) return { state: 'none' };
  const now = deps.now();
  const db = deps.db.kysely;
  const found = await findStaffSession(db, token);
  if (!found) return { state: 'none' };
  const { settings } = await loadOrganisationOf(deps.db);
  const idleSince = now.getTime() - Date.parse(found.session.lastSeenAt);
  const timeout =
    Date.parse(found.session.expiresAt) <= now.getTime()
      ? 'absolute'
      : idleSince > settings.security.sessionIdleMinutes * MINUTE_MS
        ? 'idle'
        : null;
  if (timeout) {
    // Revoked, so that this is said (and audited) once; the next request with the cookie finds nothing.
    await revokeStaffSession(db, found.session.id, now);
    await audit(deps, 'session_expired', found.user, { ip: null, userAgent: null }, { timeout });
    return { state: 'expired' };
  }
  if (idleSince >= TOUCH_INTERVAL_MS) await touchStaffSession(db, found.session.id, now);
  return { state: 'active', ...found };
}

export async function signOut(
  deps: CommandDeps,
  current: { session: StaffSession; user: User },
  meta: ClientMeta,
): Promise<void> {
  await revokeStaffSession(deps.db.kysely, current.session.id, deps.now());
  await audit(deps, 'sign_out', current.user, meta, {});
}

/**
 * Where the user is signed in: their sessions that still work (not revoked, within both timeouts), newest
 * first, for the account page.
 */
export async function listOwnSessions(deps: CommandDeps, user: User): Promise<StaffSession[]> {
  const now = deps.now();
  const db = deps.db.kysely;
  const { settings } = await loadOrganisation(db);
  const idleMs = settings.security.sessionIdleMinutes * MINUTE_MS;
  return (await listActiveStaffSessions(db, user.id, now)).filter(
    (session) => now.getTime() - Date.parse(session.lastSeenAt) <= idleMs,
  );
}

/**
 * Ends one of the user's other sessions (a browser left signed in elsewhere); false when it is not theirs,
 * has ended already, or is the current one (signing out does that).
 */
export async function endOwnSession(
  deps: CommandDeps,
  current: { session: StaffSession; user: User },
  sessionId: string,
  meta: ClientMeta,
): Promise<boolean> {
  if (sessionId === current.session.id) return false;
  const own = await listActiveStaffSessions(deps.db.kysely, current.user.id, deps.now());
  const target = own.find((session) => session.id === sessionId);
  if (!target) return false;
  await revokeStaffSession(deps.db.kysely, target.id, deps.now());
  await audit(deps, 'session_ended', current.user, meta, {
    createdAt: target.createdAt,
    method: target.method,
  });
  return true;
}

export async function signOutEverywhere(deps: CommandDeps, user: User, meta: ClientMeta): Promise<number> {
  const count = await revokeStaffSessionsOf(deps.db.kysely, user.id, deps.now());
  await audit(deps, 'sign_out_everywhere', user, meta, { sessions: count });
  return count;
}

/** An attempt by a user, or with an address that has no active account (no actor, no target, no address). */
function auditAttempt(
  deps: CommandDeps,
  action: string,
  user: User | null,
  meta: ClientMeta,
  details: Record<string, unknown>,
) {
  if (user) return audit(deps, action, user, meta, details);
  return recordAudit(deps.db.kysely, {
    at: deps.now(),
    actorId: null,
    actorLabel: 'unknown',
    action,
    ip: meta.ip,
    details: { account: 'unknown', ...details },
  });
}

export function audit(
  deps: CommandDeps,
  action: string,
  user: User,
  meta: ClientMeta,
  details: Record<string, unknown>,
) {
  return recordAudit(deps.db.kysely, {
    at: deps.now(),
    actorId: user.id,
    actorLabel: user.name,
    action,
    targetType: 'user',
    targetId: user.id,
    ip: meta.ip,
    details,
  });
}
