/**
 * The second factor: TOTP (RFC 6238) codes from an authenticator app, with otplib.
 *
 * - Setting it up: a secret is kept as pending and shown as a QR code (and as text); it is in force only
 *   once a first code confirms it. Then 10 one-time recovery codes are made and shown once.
 * - Signing in: after the password (stage `second_factor`) a code, or a recovery code, completes the sign-in;
 *   the session is rotated. Failures count like password failures (back-off, then lockout), a lock also ends
 *   the half-signed-in session, and a code is never accepted twice (the last accepted time step is kept).
 * - Removing it, and new recovery codes, need the password again; removal is refused while a role requires
 *   a second factor.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { transaction } from '../db/database.ts';
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
} from '../db/repositories/recovery-codes.ts';
import { revokeStaffSession, type StaffSession } from '../db/repositories/staff-sessions.ts';
import {
  consumeTotpStep,
  enableTotp,
  getTotpState,
  removeTotp,
  setPendingTotpSecret,
  type User,
} from '../db/repositories/users.ts';
import type { Role } from '../domain/action-context.ts';
import { requiresSecondFactor } from '../domain/sign-in.ts';
import { confirmPassword, type PasswordCheck } from './confirm-password.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { claimAttempt, clearCounters, startedLock, userCounters } from './sign-in-attempts.ts';
import { advanceSession, audit, type ClientMeta } from './staff-sessions.ts';

/** One time step either side: a phone whose clock is up to 30 s off still works (RFC 6238, 5.2). */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no i, l, o or u, so a code read from paper is not misread. 16 characters: 80 bits. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

interface Current {
  session: StaffSession;
  user: User;
}

/** A 6-digit TOTP code as typed (spaces allowed), or null. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** A recovery code as typed (any case, dashes and spaces, i/l for 1 and o for 0), or null. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  return /^[0-9a-hjkmnp-tv-z]{16}$/.test(code) ? code : null;
}

/** Shown in four groups of four: `7k2m-…`. */
export const formatRecoveryCode = (code: string): string => code.match(/.{4}/g)!.join('-');

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 16; i++) code += ALPHABET[Number((bits >> BigInt(75 - i * 5)) & 31n)];
  return code;
}

const epochOf = (deps: CommandDeps) => Math.floor(deps.now().getTime() / 1000);

/** Checks a TOTP code against a secret at the app's clock; the accepted time step, or null. */
async function acceptedStep(
  deps: CommandDeps,
  secret: string,
  code: string,
  afterStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: epochOf(deps),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export interface Enrolment {
  /** Base32, as the user types it into an app by hand. */
  secret: string;
  /** otpauth:// URI: what the QR code holds. */
  uri: string;
  /** The QR code as an SVG document (no script, no style: inline in the page under the CSP). */
  qrSvg: string;
  issuer: string;
  account: string;
}

/**
 * The pending secret to set up (made on the first visit and kept, so that a reload shows the code the user
 * may have scanned already), or null when the second factor is already on.
 */
export async function enrolmentFor(deps: CommandDeps, user: User): Promise<Enrolment | null> {
  const db = deps.db.kysely;
  const state = await getTotpState(db, user.id);
  if (state.enabledAt) return null;
  let secret = state.secret;
  if (!secret) {
    secret = generateSecret();
    await setPendingTotpSecret(db, user.id, secret);
  }
  const { settings } = await loadOrganisation(db);
  // The issuer names the organisation: one person may work for two that both use Verbeterpunt.
  const issuer = `Verbeterpunt (${settings.name.replace(/:/g, '')})`;
  const uri = generateURI({ issuer, label: user.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 232 });
  return { secret, uri, qrSvg, issuer, account: user.email };
}

export type ConfirmOutcome =
  | { ok: true; recoveryCodes: string[]; token: string | null }
  | { ok: false; reason: 'invalid' | 'already_enabled' };

/**
 * Puts the pending secret in force when the code matches, with new recovery codes (returned formatted, to be
 * shown once). A session that owed the set-up becomes complete, under a new token (rotation).
 */
export async function confirmEnrolment(
  deps: CommandDeps,
  current: Current,
  currentToken: string,
  input: string,
  meta: ClientMeta,
): Promise<ConfirmOutcome> {
  const db = deps.db.kysely;
  const { user } = current;
  const state = await getTotpState(db, user.id);
  if (state.enabledAt) return { ok: false, reason: 'already_enabled' };
  const code = normaliseTotpCode(input);
  const step = state.secret && code ? await acceptedStep(deps, state.secret, code, null) : null;
  if (step === null || !state.secret) {
    await audit(deps, 'two_factor_confirmation_failed', user, meta, {});
    return { ok: false, reason: 'invalid' };
  }
  const secret = state.secret;
  const now = deps.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const enabled = await transaction(deps.db, async (trx) => {
    if (!(await enableTotp(trx, user.id, secret, step, now))) return false;
    await replaceRecoveryCodes(trx, user.id, codes, now);
    return true;
  });
  if (!enabled) return { ok: false, reason: 'already_enabled' };
  await audit(deps, 'two_factor_enabled', user, meta, { recoveryCodes: RECOVERY_CODE_COUNT });
  let token: string | null = null;
  if (current.session.stage === 'enrol_second_factor') {
    await clearCounters(userCounters(db, user.id));
    token = await advanceSession(deps, current, 'complete', currentToken, meta, { secondFactor: 'enrolled' });
  }
  return { ok: true, recoveryCodes: codes.map(formatRecoveryCode), token };
}

export type SecondFactorOutcome =
  | { ok: true; token: string; recoveryCodesLeft: number | null }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'backoff' | 'locked'; until: string };

/**
 * The step after the password: a TOTP code or a recovery code completes the sign-in under a new session
 * token. A code is counted as a failed attempt before it is checked (see sign-in-attempts.ts).
 */
export async function verifySecondFactor(
  deps: CommandDeps,
  current: Current,
  currentToken: string,
  input: string,
  meta: ClientMeta,
): Promise<SecondFactorOutcome> {
  const db = deps.db.kysely;
  const now = deps.now();
  const { user } = current;
  const counters = userCounters(db, user.id);
  const claim = await claimAttempt(counters, now);
  if (!claim.allowed) {
    await audit(deps, 'second_factor_refused', user, meta, { reason: claim.reason, until: claim.until });
    if (claim.reason === 'locked') await revokeStaffSession(db, current.session.id, now);
    return { ok: false, reason: claim.reason, until: claim.until };
  }
  const state = await getTotpState(db, user.id);
  let method: 'totp' | 'recovery_code' | null = null;
  const totp = normaliseTotpCode(input);
  const recovery = totp ? null : normaliseRecoveryCode(input);
  if (totp && state.secret && state.enabledAt) {
    const step = await acceptedStep(deps, state.secret, totp, state.lastStep);
    // Of two requests with one code at the same moment, the database lets one through.
    if (step !== null && (await consumeTotpStep(db, user.id, step))) method = 'totp';
  } else if (recovery && state.enabledAt && (await consumeRecoveryCode(db, user.id, recovery, now))) {
    method = 'recovery_code';
  }
  if (!method) {
    const lockedUntil = startedLock(claim);
    await audit(deps, 'second_factor_failed', user, meta, {
      failures: claim.after.failedSignIns,
      lockedUntil: claim.after.lockedUntil,
    });
    if (lockedUntil) {
      // Whoever is guessing starts again from the password, after the lock.
      await revokeStaffSession(db, current.session.id, now);
      return { ok: false, reason: 'locked', until: lockedUntil };
    }
    return { ok: false, reason: 'invalid' };
  }
  await clearCounters(counters);
  const token = await advanceSession(deps, current, 'complete', currentToken, meta, { secondFactor: method });
  const recoveryCodesLeft = method === 'recovery_code' ? await countUnusedRecoveryCodes(db, user.id) : null;
  return { ok: true, token, recoveryCodesLeft };
}

export interface TwoFactorStatus {
  enabledAt: string | null;
  /** A role of the user requires it (so it cannot be removed). */
  required: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(deps: CommandDeps, user: User): Promise<TwoFactorStatus> {
  const db = deps.db.kysely;
  const [state, organisation, left] = await Promise.all([
    getTotpState(db, user.id),
    loadOrganisation(db),
    countUnusedRecoveryCodes(db, user.id),
  ]);
  return {
    enabledAt: state.enabledAt,
    required: requiresSecondFactor(
      user.roles,
      organisation.settings.security.twoFactorRequiredForRoles as Role[],
    ),
    recoveryCodesLeft: state.enabledAt ? left : 0,
  };
}

export type ProtectedChange<T> =
  | ({ ok: true } & T)
  | Exclude<PasswordCheck, { ok: true }>
  | { ok: false; reason: 'required' | 'not_enabled' };

/** Turns the second factor off (password again); refused while a role of the user requires it. */
export async function removeSecondFactor(
  deps: CommandDeps,
  user: User,
  password: string,
  meta: ClientMeta,
): Promise<ProtectedChange<object>> {
  const status = await twoFactorStatus(deps, user);
  if (!status.enabledAt) return { ok: false, reason: 'not_enabled' };
  if (status.required) return { ok: false, reason: 'required' };
  const check = await confirmPassword(deps, user, password, meta, 'remove_second_factor');
  if (!check.ok) return check;
  await transaction(deps.db, async (trx) => {
    await removeTotp(trx, user.id);
    await replaceRecoveryCodes(trx, user.id, [], deps.now());
  });
  await audit(deps, 'two_factor_removed', user, meta, {});
  return { ok: true };
}

/** New recovery codes (password again); the old ones stop working. Returned formatted, to be shown once. */
export async function renewRecoveryCodes(
  deps: CommandDeps,
  user: User,
  password: string,
  meta: ClientMeta,
): Promise<ProtectedChange<{ recoveryCodes: string[] }>> {
  const status = await twoFactorStatus(deps, user);
  if (!status.enabledAt) return { ok: false, reason: 'not_enabled' };
  const check = await confirmPassword(deps, user, password, meta, 'renew_recovery_codes');
  if (!check.ok) return check;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(deps.db.kysely, user.id, codes, deps.now());
  await audit(deps, 'recovery_codes_renewed', user, meta, { recoveryCodes: RECOVERY_CODE_COUNT });
  return { ok: true, recoveryCodes: codes.map(formatRecoveryCode) };
}
