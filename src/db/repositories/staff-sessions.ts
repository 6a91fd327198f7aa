/**
 * Staff browser sessions, stored server-side: the cookie holds a random token, the table its SHA-256. Several
 * app instances share them, an administrator's deactivation ends them at once (the lookup joins the active
 * user), and signing out everywhere is one update.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionStage } from '../../domain/sign-in.ts';
import type { DbExecutor } from '../database.ts';
import { fromBool, toTimestamp } from '../normalise.ts';
import { toUser, type User } from './users.ts';

export type { SessionStage };
export type SessionMethod = 'password' | 'oidc';

export interface StaffSession {
  id: string;
  userId: string;
  stage: SessionStage;
  method: SessionMethod;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  userId: string;
  stage: SessionStage;
  method: SessionMethod;
  now: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Creates a session and returns the token for the cookie (256 random bits; only its hash is stored). */
export async function createStaffSession(
  db: DbExecutor,
  input: NewSession,
): Promise<{ token: string; session: StaffSession }> {
  const token = randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('staff_sessions')
    .values({
      id: hashSessionToken(token),
      user_id: input.userId,
      stage: input.stage,
      method: input.method,
      created_at: toTimestamp(input.now),
      last_seen_at: toTimestamp(input.now),
      expires_at: toTimestamp(input.expiresAt),
      ip: input.ip,
      // Enough to recognise a device in the list of sessions; never the whole header of a hostile client.
      user_agent: input.userAgent?.slice(0, 200) ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session: toSession(row) };
}

/**
 * The session of a cookie token with its user, when it is not revoked and the user is active. The caller
 * checks the timeouts (`expiresAt`, and `lastSeenAt` against the idle minutes of the settings), so that it
 * can tell an expired session from none.
 */
export async function findStaffSession(
  db: DbExecutor,
  token: string,
): Promise<{ session: StaffSession; user: User } | null> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('users', 'users.id', 'staff_sessions.user_id')
    .selectAll('users')
    .select([
      'staff_sessions.id as session_id',
      'staff_sessions.stage as session_stage',
      'staff_sessions.method as session_method',
      'staff_sessions.created_at as session_created_at',
      'staff_sessions.last_seen_at as session_last_seen_at',
      'staff_sessions.expires_at as session_expires_at',
      'staff_sessions.ip as session_ip',
      'staff_sessions.user_agent as session_user_agent',
    ])
    .where('staff_sessions.id', '=', hashSessionToken(token))
    .where('staff_sessions.revoked_at', 'is', null)
    .where('users.active', '=', fromBool(true))
    .executeTakeFirst();
  if (!row) return null;
  const {
    session_id,
    session_stage,
    session_method,
    session_created_at,
    session_last_seen_at,
    session_expires_at,
    session_ip,
    session_user_agent,
    ...userRow
  } = row;
  return {
    session: {
      id: session_id,
      userId: userRow.id,
      stage: session_stage as SessionStage,
      method: session_method as SessionMethod,
      createdAt: toTimestamp(session_created_at),
      lastSeenAt: toTimestamp(session_last_seen_at),
      expiresAt: toTimestamp(session_expires_at),
      revokedAt: null,
      ip: session_ip,
      userAgent: session_user_agent,
    },
    user: toUser(userRow),
  };
}

/** Records activity (the caller limits how often: a write per request would be wasteful). */
export async function touchStaffSession(db: DbExecutor, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ last_seen_at: toTimestamp(now) })
    .where('id', '=', sessionId)
    .execute();
}

/** Moves a session to another stage (after the second factor). */
export async function setStaffSessionStage(
  db: DbExecutor,
  sessionId: string,
  stage: SessionStage,
): Promise<void> {
  await db.updateTable('staff_sessions').set({ stage }).where('id', '=', sessionId).execute();
}

export async function revokeStaffSession(db: DbExecutor, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: toTimestamp(now) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user (sign out everywhere, a password change, deactivation); returns how many. */
export async function revokeStaffSessionsOf(
  db: DbExecutor,
  userId: string,
  now: Date,
  options: { except?: string } = {},
): Promise<number> {
  let query = db
    .updateTable('staff_sessions')
    .set({ revoked_at: toTimestamp(now) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (options.except) query = query.where('id', '!=', options.except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A user's sessions that are still valid, newest first (for "where am I signed in"). */
export async function listActiveStaffSessions(
  db: DbExecutor,
  userId: string,
  now: Date,
): Promise<StaffSession[]> {
  const rows = await db
    .selectFrom('staff_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', toTimestamp(now))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSession);
}

function toSession(row: {
  id: string;
  user_id: string;
  stage: string;
  method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}): StaffSession {
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage as SessionStage,
    method: row.method as SessionMethod,
    createdAt: toTimestamp(row.created_at),
    lastSeenAt: toTimestamp(row.last_seen_at),
    expiresAt: toTimestamp(row.expires_at),
    revokedAt: toTimestamp(row.revoked_at),
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
