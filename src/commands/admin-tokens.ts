/**
 * Administrators create and revoke personal API tokens for users. The token is returned once, to be shown
 * once; only its hash is stored. Revoking takes effect on the next API call. Both audited (the token's id
 * and name, never the token).
 */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { transaction } from '../db/database.ts';
import { findApiTokenOwner } from '../db/repositories/admin.ts';
import { createApiToken, revokeApiToken } from '../db/repositories/api-tokens.ts';
import { findUserById } from '../db/repositories/users.ts';
import { DomainError } from '../domain/errors.ts';
import { type AdminActor, assertAdministrator, auditAdmin } from './admin-access.ts';
import type { CommandDeps } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';

export const TokenInputSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
  { additionalProperties: false },
);

let checker: ReturnType<typeof Compile<typeof TokenInputSchema>> | null = null;

export async function createTokenByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  input: { name: string },
  meta: ClientMeta | null,
): Promise<{ id: string; token: string }> {
  assertAdministrator(actor);
  const name = input.name.trim();
  checker ??= Compile(TokenInputSchema);
  if (!checker.Check({ name })) {
    throw new DomainError(
      'invalid_input',
      {
        en: 'Give the token a name of 1 to 100 characters.',
        nl: 'Geef het token een naam van 1 tot 100 tekens.',
      },
      { field: 'name' },
    );
  }
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user)
      throw new DomainError('not_found', {
        en: 'There is no such user.',
        nl: 'Deze gebruiker bestaat niet.',
      });
    const created = await createApiToken(trx, userId, name, now);
    await auditAdmin(trx, now, actor, meta, {
      action: 'api_token_created',
      targetType: 'user',
      targetId: userId,
      details: { tokenId: created.id, name },
    });
    return created;
  });
}

/** Revokes a token of this user; false when it was revoked already. */
export async function revokeTokenByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  tokenId: string,
  meta: ClientMeta | null,
): Promise<boolean> {
  assertAdministrator(actor);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    // The user is part of the address: a token id under another user's page is not found.
    if ((await findApiTokenOwner(trx, tokenId)) !== userId) {
      throw new DomainError('not_found', { en: 'There is no such token.', nl: 'Dit token bestaat niet.' });
    }
    const revoked = await revokeApiToken(trx, tokenId, now);
    if (revoked) {
      await auditAdmin(trx, now, actor, meta, {
        action: 'api_token_revoked',
        targetType: 'user',
        targetId: userId,
        details: { tokenId },
      });
    }
    return revoked;
  });
}
