/**
 * Signing in to the staff workspace: how failed attempts slow an attacker down (back-off, then lockout), and
 * what a correct password leads to (signed in, or a second factor still owed). Pure: the caller passes the
 * clock and the stored counters, and stores what comes back.
 *
 * - After 3 consecutive failures, each next attempt waits: 2 s after the 3rd, 4 s after the 4th (back-off).
 * - The 5th consecutive failure locks the account for 15 minutes; every 5 failures more double the lock
 *   (30 min, 1 h, …), up to 24 hours. An attempt during a wait or a lock is refused without being counted,
 *   so nobody can keep an account locked forever by trying, and nobody can guess quickly either
 *   (OWASP ASVS 2.2.1: far fewer than 100 failed attempts an hour).
 * - A successful sign-in (or a password reset) clears the counters.
 */
import type { Role } from './action-context.ts';

export interface SignInCounters {
  failedSignIns: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
}

export type SignInGate = { allowed: true } | { allowed: false; reason: 'backoff' | 'locked'; until: string };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const BACKOFF_FROM_FAILURE = 3;
export const LOCK_AT_FAILURE = 5;
const FIRST_LOCK_MS = 15 * MINUTE;
const MAX_LOCK_MS = 24 * 60 * MINUTE;

/** Seconds to wait after `failures` consecutive failures before the next attempt counts (0: none). */
export function backoffSeconds(failures: number): number {
  if (failures < BACKOFF_FROM_FAILURE || failures >= LOCK_AT_FAILURE) return 0;
  return 2 ** (failures - BACKOFF_FROM_FAILURE + 1);
}

/** How long the account locks at the `failures`-th consecutive failure (0: no lock now). */
export function lockMilliseconds(failures: number): number {
  if (failures < LOCK_AT_FAILURE || (failures - LOCK_AT_FAILURE) % LOCK_AT_FAILURE !== 0) return 0;
  const doublings = (failures - LOCK_AT_FAILURE) / LOCK_AT_FAILURE;
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

/** Whether an attempt made now is considered at all. */
export function signInGate(counters: SignInCounters, now: Date): SignInGate {
  if (counters.lockedUntil && Date.parse(counters.lockedUntil) > now.getTime()) {
    return { allowed: false, reason: 'locked', until: counters.lockedUntil };
  }
  const wait = backoffSeconds(counters.failedSignIns);
  if (wait > 0 && counters.lastFailedAt) {
    const until = Date.parse(counters.lastFailedAt) + wait * SECOND;
    if (until > now.getTime())
      return { allowed: false, reason: 'backoff', until: new Date(until).toISOString() };
  }
  return { allowed: true };
}

/** The counters after a failed attempt that was considered. */
export function afterFailedSignIn(counters: SignInCounters, now: Date): SignInCounters {
  const failedSignIns = counters.failedSignIns + 1;
  const lock = lockMilliseconds(failedSignIns);
  return {
    failedSignIns,
    lastFailedAt: now.toISOString(),
    lockedUntil: lock > 0 ? new Date(now.getTime() + lock).toISOString() : counters.lockedUntil,
  };
}

export type SessionStage = 'complete' | 'second_factor' | 'enrol_second_factor';

/**
 * Where a correct password leads: a user with TOTP set up owes a code; a user whose roles require a second
 * factor but who has none must set it up before anything else; everybody else is signed in.
 */
export function stageAfterPassword(
  user: { roles: readonly Role[]; totpEnabled: boolean },
  twoFactorRequiredForRoles: readonly Role[],
): SessionStage {
  if (user.totpEnabled) return 'second_factor';
  if (requiresSecondFactor(user.roles, twoFactorRequiredForRoles)) return 'enrol_second_factor';
  return 'complete';
}

/** Whether any of the roles must sign in with a second factor (then it cannot be turned off either). */
export function requiresSecondFactor(
  roles: readonly Role[],
  twoFactorRequiredForRoles: readonly Role[],
): boolean {
  return roles.some((role) => twoFactorRequiredForRoles.includes(role));
}

/**
 * Kinds of authentication method (RFC 8176 values, and those Microsoft Entra ID sends): something known,
 * something held, something one is. Two different kinds together are more than one factor.
 */
const FACTOR_KINDS: Record<string, 'know' | 'have' | 'are'> = {
  pwd: 'know',
  pin: 'know',
  kba: 'know',
  hwk: 'have',
  swk: 'have',
  otp: 'have',
  sms: 'have',
  tel: 'have',
  sc: 'have',
  pop: 'have',
  fido: 'have',
  rsa: 'have',
  face: 'are',
  fpt: 'are',
  iris: 'are',
  retina: 'are',
  vbm: 'are',
};

/** Whether the identity provider's `amr` claim says that more than one factor was checked. */
export function multiFactorByProvider(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const values = amr.filter((v): v is string => typeof v === 'string');
  if (values.includes('mfa') || values.includes('ngcmfa')) return true;
  return new Set(values.map((v) => FACTOR_KINDS[v]).filter(Boolean)).size >= 2;
}

/**
 * Where a single sign-on leads (docs/adr/0005-second-factor-after-single-sign-on.md): when the provider
 * says it checked more than one factor, that is the second factor; otherwise the same as after a password
 * here (our own code is asked, or must be set up first where the roles require it).
 */
export function stageAfterSingleSignOn(
  user: { roles: readonly Role[]; totpEnabled: boolean },
  twoFactorRequiredForRoles: readonly Role[],
  amr: unknown,
): SessionStage {
  if (multiFactorByProvider(amr)) return 'complete';
  return stageAfterPassword(user, twoFactorRequiredForRoles);
}
