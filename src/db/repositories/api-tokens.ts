/**
 * API tokens for scripts and integrations. The token is shown once; only its SHA-256 is stored, so a leaked
 * database does not leak usable tokens. SHA-256 without salt is enough here: tokens are 256 random bits,
 * not passwords that could be guessed.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DbExecutor } from '../database.ts';
import { fromBool, toTimestamp } from '../normalise.ts';
import { toUser, type User } from './users.ts';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Recording every use would make each API call a write; a minute's precision is enough to see use. */
const LAST_USED_PRECISION_MS = 60_000;

/** Creates a token for a user; the returned `token` ('vp_' + 43 base64url characters) is not stored. */
export async function createApiToken(
  db: DbExecutor,
  userId: string,
  name: string,
  now: Date,
): Promise<{ token: string; id: string }> {
  const token = `vp_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db
    .insertInto('api_tokens')
    .values({ id, user_id: userId, token_hash: hashToken(token), name, created_at: toTimestamp(now) })
    .execute();
  return { token, id };
}

/**
 * The active user a token belongs to, or null when the token is unknown, revoked, or its user inactive.
 * Records the use (at most once a minute per token).
 */
export async function findUserByToken(db: DbExecutor, token: string, now: Date): Promise<User | null> {
  if (!token.startsWith('vp_')) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', fromBool(true))
    .executeTakeFirst();
  if (!row) return null;
  const lastUsed = row.token_last_used_at ? Date.parse(row.token_last_used_at) : Number.NEGATIVE_INFINITY;
  if (now.getTime() - lastUsed >= LAST_USED_PRECISION_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: toTimestamp(now) })
      .where('id', '=', row.token_id)
      .execute();
  }
  const { token_id: _id, token_last_used_at: _lastUsed, ...userRow } = row;
  return toUser(userRow);
}

/** Revokes a token; false when it does not exist or was revoked already. */
export async function revokeApiToken(db: DbExecutor, tokenId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: toTimestamp(now) })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A user's tokens, newest first (without hashes). */
export async function listApiTokens(db: DbExecutor, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: toTimestamp(row.created_at),
    lastUsedAt: toTimestamp(row.last_used_at),
    revokedAt: toTimestamp(row.revoked_at),
  }));
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
