/**
 * An administrator sends a user a link to set a password: an invitation for someone who has none yet (7 days),
 * or a new-password link (60 minutes). The link goes by email only, never to the administrator; sending it
 * (and the audit entry, with the administrator as actor) is the password-reset command's.
 */
import type { PasswordLinkPurpose } from '../db/repositories/password-resets.ts';
import { type AdminActor, assertAdministrator } from './admin-access.ts';
import type { CommandDeps } from './context.ts';
import { issuePasswordLink } from './password-reset.ts';
import type { ClientMeta } from './staff-sessions.ts';

export async function sendPasswordLinkByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  purpose: PasswordLinkPurpose,
  meta: ClientMeta | null,
): Promise<{ expiresAt: string }> {
  assertAdministrator(actor);
  return issuePasswordLink(deps, userId, purpose, { userId: actor.userId, name: actor.name }, { meta });
}
