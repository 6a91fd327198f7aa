/**
 * What every administration command shares: only administrators may run it (checked here as well as by the
 * pages, so no other way in can skip it), and each change is written to the audit log in the same
 * transaction, with facts only (field names, roles, versions), never passwords, tokens or secrets.
 */

import type { DbExecutor } from '../db/database.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import type { Actor } from '../domain/action-context.ts';
import { DomainError } from '../domain/errors.ts';
import type { ClientMeta } from './staff-sessions.ts';

export type AdminActor = Actor & { userId: string };

export function assertAdministrator(actor: Actor): asserts actor is AdminActor {
  if (actor.userId === null || !actor.roles.includes('administrator')) {
    throw new DomainError('forbidden', {
      en: 'Only administrators may do this.',
      nl: 'Alleen beheerders mogen dit doen.',
    });
  }
}

export function auditAdmin(
  db: DbExecutor,
  at: Date,
  actor: AdminActor,
  meta: ClientMeta | null,
  entry: { action: string; targetType: string; targetId: string | null; details?: Record<string, unknown> },
): Promise<string> {
  return recordAudit(db, {
    at,
    actorId: actor.userId,
    actorLabel: actor.name,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: meta?.ip ?? null,
    details: entry.details ?? {},
  });
}
