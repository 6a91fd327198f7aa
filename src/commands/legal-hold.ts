/**
 * A legal hold on a case: set or lifted by a quality manager or an administrator, always with a reason, and in
 * the audit log. While a hold is in force, retention skips the case and a data subject's erasure is refused
 * (AVG art. 17(3)(e): data needed for legal claims).
 */

import { type DbExecutor, isUniqueViolation, transaction } from '../db/database.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import { findComplaintByReference } from '../db/repositories/complaints.ts';
import {
  findActiveHold,
  insertHold,
  type LegalHold,
  liftHold,
  listHolds,
} from '../db/repositories/privacy.ts';
import type { Actor } from '../domain/action-context.ts';
import type { Complaint } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import { mayManageLegalHoldOf } from '../domain/privacy.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { relationOf } from './take-action.ts';

export interface LegalHoldState {
  reference: string;
  complaintId: string;
  active: LegalHold | null;
  /** Every hold of the case, newest first. */
  holds: LegalHold[];
}

const REASON_MAX = 2000;

const notFound = (reference: string) =>
  new DomainError('not_found', { en: `No complaint ${reference}.`, nl: `Klacht ${reference} bestaat niet.` });

/** The rule of domain/privacy.ts on this case: its acting quality manager, or an administrator not involved. */
async function assertMayManage(db: DbExecutor, complaint: Complaint, actor: Actor): Promise<void> {
  const relation = await relationOf(db, complaint, actor, await loadOrganisation(db));
  if (!mayManageLegalHoldOf(relation, actor)) {
    throw new DomainError('forbidden', {
      en: 'Only the quality manager of this case or an administrator can set or lift a legal hold.',
      nl: 'Alleen de kwaliteitsmanager van deze klacht of een beheerder kan een bewaarplicht instellen of opheffen.',
    });
  }
}

export async function legalHoldState(
  deps: Pick<CommandDeps, 'db'>,
  reference: string,
  actor: Actor,
): Promise<LegalHoldState> {
  const complaint = await findComplaintByReference(deps.db.kysely, reference);
  if (!complaint) throw notFound(reference);
  await assertMayManage(deps.db.kysely, complaint, actor);
  const holds = await listHolds(deps.db.kysely, complaint.id);
  return {
    reference,
    complaintId: complaint.id,
    active: holds.find((h) => h.liftedAt === null) ?? null,
    holds,
  };
}

/**
 * Sets (`hold: true`) or lifts the hold. Refused with guard_failed when the case is already in that state (two
 * people acting at once, or a form opened before someone else acted).
 */
export async function changeLegalHold(
  deps: CommandDeps,
  reference: string,
  actor: Actor,
  input: { hold: boolean; reason: string },
  meta: { ip: string | null } = { ip: null },
): Promise<LegalHoldState> {
  const now = deps.now().toISOString();
  try {
    await transaction(deps.db, async (trx) => {
      const complaint = await findComplaintByReference(trx, reference);
      if (!complaint) throw notFound(reference);
      // Who may comes before what was typed: a refusal tells nothing about the form.
      await assertMayManage(trx, complaint, actor);
      const reason = input.reason.trim();
      if (reason === '' || reason.length > REASON_MAX) {
        throw new DomainError(
          'invalid_input',
          reason === ''
            ? { en: 'Give the reason.', nl: 'Vul de reden in.' }
            : {
                en: `The reason can be at most ${REASON_MAX} characters.`,
                nl: `De reden mag hoogstens ${REASON_MAX} tekens zijn.`,
              },
          { field: 'reason' },
        );
      }
      const active = await findActiveHold(trx, complaint.id);
      if (input.hold && active) {
        throw new DomainError('guard_failed', {
          en: `Complaint ${reference} is under a legal hold already.`,
          nl: `Voor klacht ${reference} geldt al een bewaarplicht.`,
        });
      }
      if (!input.hold && !active) {
        throw new DomainError('guard_failed', {
          en: `Complaint ${reference} is not under a legal hold.`,
          nl: `Voor klacht ${reference} geldt geen bewaarplicht.`,
        });
      }
      const by = { at: now, by: actor.userId, byLabel: actor.name, reason };
      if (active) {
        if (!(await liftHold(trx, active.id, by))) throw new DomainError('version_conflict', conflict);
      } else {
        await insertHold(trx, { complaintId: complaint.id, ...by });
      }
      await recordAudit(trx, {
        at: now,
        actorId: actor.userId,
        actorLabel: actor.name,
        action: input.hold ? 'legal_hold_set' : 'legal_hold_lifted',
        targetType: 'complaint',
        targetId: complaint.id,
        ip: meta.ip,
        details: { reference },
      });
    });
  } catch (error) {
    // A hold set by someone else at the same moment: the partial unique index refused ours.
    if (isUniqueViolation(error)) throw new DomainError('version_conflict', conflict);
    throw error;
  }
  return legalHoldState(deps, reference, actor);
}

const conflict = {
  en: 'Someone else changed the legal hold meanwhile. Reload and try again.',
  nl: 'Iemand anders heeft de bewaarplicht intussen gewijzigd. Laad opnieuw en probeer het nog eens.',
};
