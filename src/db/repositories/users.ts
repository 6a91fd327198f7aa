/**
 * Staff users. Emails are stored lowercased, so the unique key and lookups are case-insensitive; password
 * hashing lives elsewhere (this module only stores and returns the hash).
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { ROLES, type Role } from '../../domain/action-context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbExecutor } from '../database.ts';
import { fromBool, parseJson, toBool, toJson, toTimestamp } from '../normalise.ts';
import type { UsersTable } from '../tables.ts';

export { ROLES, type Role };

export interface User {
  id: string;
  email: string;
  name: string;
  jobTitle: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  jobTitle: string;
  roles: readonly Role[];
  passwordHash?: string | null;
  active?: boolean;
  now: Date;
}

/** Inserts a user (active unless said otherwise). A duplicate email fails with a unique violation. */
export async function insertUser(db: DbExecutor, input: NewUser): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      id: randomUUID(),
      email: normaliseEmail(input.email),
      name: input.name,
      job_title: input.jobTitle,
      roles: toJson(checkRoles(input.roles)),
      password_hash: input.passwordHash ?? null,
      active: fromBool(input.active ?? true),
      created_at: toTimestamp(input.now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** Changes the given fields of a user; returns the user, or null when there is none with this id. */
export async function updateUser(
  db: DbExecutor,
  id: string,
  patch: Partial<Pick<User, 'name' | 'jobTitle' | 'roles' | 'active'>>,
): Promise<User | null> {
  const row = await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.jobTitle !== undefined ? { job_title: patch.jobTitle } : {}),
      ...(patch.roles !== undefined ? { roles: toJson(checkRoles(patch.roles)) } : {}),
      ...(patch.active !== undefined ? { active: fromBool(patch.active) } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: DbExecutor, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Finds a user by email, ignoring case. */
export async function findUserByEmail(db: DbExecutor, email: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** All users by name (inactive ones too unless `activeOnly`). */
export async function listUsers(db: DbExecutor, options: { activeOnly?: boolean } = {}): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('name').orderBy('email');
  if (options.activeOnly) query = query.where('active', '=', fromBool(true));
  return (await query.execute()).map(toUser);
}

/** The stored password hash, or null when the user has none (or does not exist). */
export async function getPasswordHash(db: DbExecutor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Stores a new password hash (null removes password login); false when there is no such user. */
export async function setPasswordHash(db: DbExecutor, userId: string, hash: string | null): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: hash })
    .where('id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Maps a users row to a User (shared with api-tokens.ts, which joins users). */
export function toUser(row: Selectable<UsersTable>): User {
  const roles = parseJson<unknown>(row.roles);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    jobTitle: row.job_title,
    // A role code this version does not know (written by a newer one) grants nothing here.
    roles: Array.isArray(roles) ? roles.filter(isRole) : [],
    active: toBool(row.active),
    createdAt: toTimestamp(row.created_at),
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

function checkRoles(roles: readonly Role[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown role: ${unknown.join(', ')}`, nl: `Onbekende rol: ${unknown.join(', ')}` },
      { field: 'roles' },
    );
  }
  return [...new Set(roles)];
}

/** What signing in needs besides the user: the password hash, the failure counters and the second factor. */
export interface SignInRecord {
  passwordHash: string | null;
  failedSignIns: number;
  lastFailedAt: string | null;
  lockedUntil: string | null;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
}

export async function getSignInRecord(db: DbExecutor, userId: string): Promise<SignInRecord | null> {
  const row = await db
    .selectFrom('users')
    .select([
      'password_hash',
      'failed_sign_ins',
      'last_failed_sign_in_at',
      'locked_until',
      'totp_secret',
      'totp_enabled_at',
      'totp_last_step',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    passwordHash: row.password_hash,
    failedSignIns: Number(row.failed_sign_ins),
    lastFailedAt: toTimestamp(row.last_failed_sign_in_at),
    lockedUntil: toTimestamp(row.locked_until),
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled_at !== null,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

/** Stores the failure counters (after a failed attempt, or cleared after a success or a reset). */
export async function setSignInCounters(
  db: DbExecutor,
  userId: string,
  counters: { failedSignIns: number; lastFailedAt: string | null; lockedUntil: string | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_sign_ins: counters.failedSignIns,
      last_failed_sign_in_at: toTimestamp(counters.lastFailedAt),
      locked_until: toTimestamp(counters.lockedUntil),
    })
    .where('id', '=', userId)
    .execute();
}

/** Removes the user's second factor (lost phone): they set it up again at their next sign-in if a role requires it. */
export async function clearSecondFactor(db: DbExecutor, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Stores the failure counters only if nobody changed them since they were read (compare and swap on the
 * count): two attempts at once cannot both be counted from the same value, so parallel guesses cannot slip
 * past the back-off. False when the count had changed; read again and retry.
 */
export async function swapSignInCounters(
  db: DbExecutor,
  userId: string,
  expectedFailures: number,
  counters: { failedSignIns: number; lastFailedAt: string | null; lockedUntil: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      failed_sign_ins: counters.failedSignIns,
      last_failed_sign_in_at: toTimestamp(counters.lastFailedAt),
      locked_until: toTimestamp(counters.lockedUntil),
    })
    .where('id', '=', userId)
    .where('failed_sign_ins', '=', expectedFailures)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A new password: its hash and when it changed (a reset or a change by the user). */
export async function setNewPassword(db: DbExecutor, userId: string, hash: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: toTimestamp(now) })
    .where('id', '=', userId)
    .execute();
}

/** When the password last changed, or null (never, or set before this was recorded). */
export async function getPasswordChangedAt(db: DbExecutor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('password_changed_at')
    .where('id', '=', userId)
    .executeTakeFirst();
  return toTimestamp(row?.password_changed_at ?? null);
}

/** The second factor of a user: the secret (pending until enabled), since when it is in force. */
export interface TotpState {
  secret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

export async function getTotpState(db: DbExecutor, userId: string): Promise<TotpState> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return {
    secret: row?.totp_secret ?? null,
    enabledAt: toTimestamp(row?.totp_enabled_at ?? null),
    lastStep: row?.totp_last_step == null ? null : Number(row.totp_last_step),
  };
}

/** Keeps a secret that is not in force yet (shown as a QR code until the user confirms it with a code). */
export async function setPendingTotpSecret(db: DbExecutor, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .execute();
}

/** Puts the pending secret in force, with the time step of the confirming code as used; false if none pending. */
export async function enableTotp(
  db: DbExecutor,
  userId: string,
  secret: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_enabled_at: toTimestamp(now), totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_secret', '=', secret)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records that a code of this time step was accepted, only if no code of this or a later step was: of two
 * requests with the same code at once, one wins. False when the step was used already (a replay).
 */
export async function consumeTotpStep(db: DbExecutor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes the second factor (secret, in force since, last step). */
export async function removeTotp(db: DbExecutor, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

/** The user whose OpenID Connect identity (`<issuer>|<subject>`) this is, or null. */
export async function findUserByOidcSubject(db: DbExecutor, subject: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The linked OpenID Connect identity of a user, or null. */
export async function getOidcSubject(db: DbExecutor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('oidc_subject').where('id', '=', userId).executeTakeFirst();
  return row?.oidc_subject ?? null;
}

/** Links an identity to a user that has none yet; false when the user already has one. */
export async function linkOidcSubject(db: DbExecutor, userId: string, subject: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ oidc_subject: subject })
    .where('id', '=', userId)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
