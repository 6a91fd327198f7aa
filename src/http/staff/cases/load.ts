/**
 * One case as the signed-in user may see it: the complaint, how the user stands to it (the domain's policy
 * decides the view: the whole form, or an involved person's own part) and every staff user by id. Views of
 * a complaint's personal data are recorded in the audit log.
 */
import type { FastifyRequest } from 'fastify';
import type { Organisation } from '../../../commands/context.ts';
import { relationOf } from '../../../commands/take-action.ts';
import { recordAudit } from '../../../db/repositories/audit-log.ts';
import { findComplaintByReference } from '../../../db/repositories/complaints.ts';
import { listUsers, type User } from '../../../db/repositories/users.ts';
import type { Complaint } from '../../../domain/complaint.ts';
import { DomainError } from '../../../domain/errors.ts';
import { type CaseRelation, viewOf } from '../../../domain/policy.ts';
import type { AppDeps } from '../../app.ts';
import type { StaffActor } from '../../auth.ts';
import { staffActorOf } from '../session.ts';

export const REFERENCE = /^VP-\d{4}-\d{5,}$/;

export interface CaseContext {
  complaint: Complaint;
  relation: CaseRelation;
  view: 'full' | 'involved';
  actor: StaffActor;
  /** Every staff user (inactive ones too: names in the history, and why someone cannot be chosen). */
  users: User[];
}

const notFound = (reference: string) =>
  new DomainError('not_found', { en: `No complaint ${reference}.`, nl: `Klacht ${reference} bestaat niet.` });

/** The case, or 404 (no such reference) or 403 (no view of it: deny by default). */
export async function loadCase(
  deps: AppDeps,
  request: FastifyRequest,
  reference: string,
  organisation: Organisation,
): Promise<CaseContext> {
  if (!REFERENCE.test(reference)) throw notFound(reference);
  const complaint = await findComplaintByReference(deps.db.kysely, reference);
  if (!complaint) throw notFound(reference);
  const actor = staffActorOf(request);
  const relation = await relationOf(deps.db.kysely, complaint, actor, organisation);
  const view = viewOf(relation, actor);
  if (!view) {
    throw new DomainError('forbidden', {
      en: 'You may not see this complaint.',
      nl: 'U mag deze klacht niet inzien.',
    });
  }
  return { complaint, relation, view, actor, users: await listUsers(deps.db.kysely) };
}

/** Only the people who read the whole form (the involved person's view has no letters, files or history). */
export function requireFullView(kase: CaseContext): void {
  if (kase.view !== 'full') {
    throw new DomainError('forbidden', { en: 'You may not see this.', nl: 'U mag dit niet inzien.' });
  }
}

export type ViewedVia = 'page' | 'api' | 'attachment' | 'letter';

/** One view of a complaint's personal data, in the audit log (who, when, from where, through what). */
export async function recordComplaintView(
  deps: AppDeps,
  request: FastifyRequest,
  actor: StaffActor,
  complaint: Pick<Complaint, 'id'>,
  details: { via: ViewedVia; view: 'full' | 'involved' },
): Promise<void> {
  await recordAudit(deps.db.kysely, {
    at: deps.now(),
    actorId: actor.userId,
    actorLabel: actor.name,
    action: 'complaint_viewed',
    targetType: 'complaint',
    targetId: complaint.id,
    ip: request.ip ?? null,
    details,
  });
}
