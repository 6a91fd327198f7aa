/**
 * A user's own personal API tokens, from the account page: made with a name (the token is returned once, to
 * be shown once; only its hash is stored), listed, revoked. Administrators do the same for anyone
 * (admin-tokens.ts); the name follows the same rule. Audited with the token's id and name, never the token.
 */
import { Compile } from 'typebox/compile';
import { transaction } from '../db/database.ts';
import { findApiTokenOwner } from '../db/repositories/admin.ts';
import {
  type ApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../db/repositories/api-tokens.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import type { User } from '../db/repositories/users.ts';
import { TokenInputSchema } from './admin-tokens.ts';
import type { CommandDeps } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';

let checker: ReturnType<typeof Compile<typeof TokenInputSchema>> | null = null;

export type TokenNameProblem = 'missing' | 'too_long';

/** What is wrong with a token's name, or null. */
export function tokenNameProblem(name: string): TokenNameProblem | null {
  checker ??= Compile(TokenInputSchema);
  if (checker.Check({ name: name.trim() })) return null;
  return name.trim() === '' ? 'missing' : 'too_long';
}

/** The user's tokens that still work, newest first. */
export async function listMyApiTokens(deps: CommandDeps, user: User): Promise<ApiToken[]> {
  return (await listApiTokens(deps.db.kysely, user.id)).filter((token) => token.revokedAt === null);
}

export async function createMyApiToken(
  deps: CommandDeps,
  user: User,
  name: string,
  meta: ClientMeta,
): Promise<{ ok: true; id: string; token: string; name: string } | { ok: false; problem: TokenNameProblem }> {
  const problem = tokenNameProblem(name);
  if (problem) return { ok: false, problem };
  const trimmed = name.trim();
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const created = await createApiToken(trx, user.id, trimmed, now);
    await recordAudit(trx, {
      at: now,
      actorId: user.id,
      actorLabel: user.name,
      action: 'api_token_created',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { tokenId: created.id, name: trimmed },
    });
    return { ok: true as const, ...created, name: trimmed };
  });
}

/** Revokes one of the user's own tokens; false when it is not theirs or was revoked already. */
export async function revokeMyApiToken(
  deps: CommandDeps,
  user: User,
  tokenId: string,
  meta: ClientMeta,
): Promise<boolean> {
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    if ((await findApiTokenOwner(trx, tokenId)) !== user.id) return false;
    const revoked = await revokeApiToken(trx, tokenId, now);
    if (revoked) {
      await recordAudit(trx, {
        at: now,
        actorId: user.id,
        actorLabel: user.name,
        action: 'api_token_revoked',
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip,
        details: { tokenId },
      });
    }
    return revoked;
  });
}
