/**
 * Counting sign-in attempts (a password, a second-factor code, the current password on the account page)
 * against the back-off and lockout rules of src/domain/sign-in.ts.
 *
 * An attempt is counted as failed *before* it is checked, with a compare-and-swap on the count: of many
 * attempts sent at the same moment only one is counted from each value, and the others see the back-off
 * it starts. Counting afterwards would let an attacker check any number of guesses in parallel while the
 * counter still said 0. A check that then succeeds undoes its count, or clears the counters when the
 * sign-in is complete.
 */
import type { DbExecutor } from '../db/database.ts';
import {
  getThrottle,
  pruneThrottles,
  swapThrottle,
  throttleKey,
} from '../db/repositories/sign-in-throttles.ts';
import { getSignInRecord, swapSignInCounters } from '../db/repositories/users.ts';
import { afterFailedSignIn, type SignInCounters, signInGate } from '../domain/sign-in.ts';

/** Where one identity's counters live: the user's row, or the throttle row of an unknown address. */
export interface AttemptCounters {
  read(): Promise<SignInCounters>;
  swap(expectedFailures: number, next: SignInCounters): Promise<boolean>;
}

export type Claim =
  | { allowed: false; reason: 'backoff' | 'locked'; until: string }
  | { allowed: true; before: SignInCounters; after: SignInCounters };

const CLEARED: SignInCounters = { failedSignIns: 0, lastFailedAt: null, lockedUntil: null };
/** Each lost swap means another attempt was counted meanwhile; past a few, the back-off refuses anyway. */
const MAX_SWAPS = 20;
const DAY_MS = 86_400_000;

export function userCounters(db: DbExecutor, userId: string): AttemptCounters {
  return {
    async read() {
      const record = await getSignInRecord(db, userId);
      if (!record) return CLEARED;
      return {
        failedSignIns: record.failedSignIns,
        lastFailedAt: record.lastFailedAt,
        lockedUntil: record.lockedUntil,
      };
    },
    swap: (expected, next) => swapSignInCounters(db, userId, expected, next),
  };
}

/** The counters of an email address without an (active) account. Old ones are pruned as new ones start. */
export function addressCounters(db: DbExecutor, email: string, now: Date): AttemptCounters {
  const key = throttleKey(email);
  return {
    read: () => getThrottle(db, key),
    async swap(expected, next) {
      if (expected === 0) await pruneThrottles(db, new Date(now.getTime() - DAY_MS), now);
      return swapThrottle(db, key, expected, next);
    },
  };
}

/** Counts an attempt made now as failed, unless the back-off or a lock refuses it (then nothing is counted). */
export async function claimAttempt(counters: AttemptCounters, now: Date): Promise<Claim> {
  for (let i = 0; i < MAX_SWAPS; i++) {
    const before = await counters.read();
    const gate = signInGate(before, now);
    if (!gate.allowed) return gate;
    const after = afterFailedSignIn(before, now);
    if (await counters.swap(before.failedSignIns, after)) return { allowed: true, before, after };
  }
  throw new Error('Sign-in counters kept changing: too many attempts at once.');
}

/** The claimed attempt succeeded but the sign-in is not complete yet: the count is taken back. */
export async function undoClaim(counters: AttemptCounters, claim: Claim & { allowed: true }): Promise<void> {
  // If another attempt was counted meanwhile, its count stays: erring towards more counted is safe.
  await counters.swap(claim.after.failedSignIns, claim.before);
}

/** A complete sign-in (or a new password): consecutive failures start again from 0. */
export async function clearCounters(counters: AttemptCounters): Promise<void> {
  for (let i = 0; i < MAX_SWAPS; i++) {
    const current = await counters.read();
    if (current.failedSignIns === 0 && current.lockedUntil === null) return;
    if (await counters.swap(current.failedSignIns, CLEARED)) return;
  }
}

/** Whether this failed attempt is the one that started a lock (the answer says "locked", not "wrong"). */
export const startedLock = (claim: Claim & { allowed: true }): string | null =>
  claim.after.lockedUntil && claim.after.lockedUntil !== claim.before.lockedUntil
    ? claim.after.lockedUntil
    : null;
