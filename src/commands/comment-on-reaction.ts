/**
 * Step 4: "zodanig dat de betrokkene zich akkoord verklaart met de omschrijving". An involved person who does
 * not agree with the handler's summary of their reaction tells the handler why. The domain has no action for
 * this (agreeing is one; a comment changes nothing on the form), so the comment is kept in the case's history
 * and the handler is notified to revise the summary, which the person then agrees to.
 */
import { Type } from 'typebox';
import { transaction } from '../db/database.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import { findComplaintByReference, updateComplaint } from '../db/repositories/complaints.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { findUserById } from '../db/repositories/users.ts';
import type { Actor } from '../domain/action-context.ts';
import type { Complaint } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import { staffCaseUrl } from '../notifications/links.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { relationOf } from './take-action.ts';

export const COMMENT_ON_REACTION = 'commentOnReaction';

export const CommentOnReactionSchema = Type.Object(
  {
    involvedPersonId: Type.String({ minLength: 1, maxLength: 64 }),
    text: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export async function commentOnReaction(
  deps: CommandDeps,
  reference: string,
  actor: Actor & { userId: string },
  input: { involvedPersonId: string; text: string },
  expectedVersion: number,
): Promise<{ complaint: Complaint; eventSeq: number }> {
  return transaction(deps.db, async (trx) => {
    const complaint = await findComplaintByReference(trx, reference);
    if (!complaint)
      throw new DomainError('not_found', {
        en: `No complaint ${reference}.`,
        nl: `Klacht ${reference} bestaat niet.`,
      });
    const relation = await relationOf(trx, complaint, actor, await loadOrganisation(trx));
    if (!relation.involvedPersonIds.includes(input.involvedPersonId)) {
      throw new DomainError('forbidden', {
        en: 'Only the involved person can comment on the summary of their reaction.',
        nl: 'Alleen de betrokkene zelf kan een opmerking maken bij de samenvatting van zijn of haar reactie.',
      });
    }
    if (
      complaint.status !== 'investigating' ||
      !complaint.reactions.some((r) => r.involvedPersonId === input.involvedPersonId)
    ) {
      throw new DomainError('guard_failed', {
        en: 'A comment on the summary of your reaction is possible while the complaint is investigated and your reaction is summarised.',
        nl: 'Een opmerking bij de samenvatting van uw reactie kan tijdens het onderzoek, als uw reactie is samengevat.',
      });
    }
    const now = deps.now();
    // The comment is a change of the case: it takes the version check, so its history entry cannot collide.
    const saved = await updateComplaint(trx, { ...complaint, updatedAt: now.toISOString() }, expectedVersion);
    const eventSeq = await appendEvent(trx, complaint.id, {
      at: now.toISOString(),
      actorId: actor.userId,
      actorLabel: actor.name,
      action: COMMENT_ON_REACTION,
      fromStatus: complaint.status,
      toStatus: complaint.status,
      changes: {},
      note: input.text.trim(),
    });
    const handler = complaint.handler ? await findUserById(trx, complaint.handler.userId) : null;
    if (handler?.active) {
      // Like every staff notification: the reference and a link, never the text (mail is easily forwarded).
      await enqueueEmail(trx, {
        to: handler.email,
        subject: `Opmerking bij de samenvatting van een reactie: klacht ${complaint.reference}`,
        text: [
          `Beste ${handler.name},`,
          '',
          `${actor.name} heeft een opmerking gemaakt bij uw samenvatting van zijn of haar reactie op klacht ${complaint.reference}.`,
          'Lees de opmerking en pas de samenvatting zo nodig aan; daarna kan de betrokkene akkoord gaan.',
          '',
          staffCaseUrl(deps.config.publicUrl, complaint.reference),
          '',
          'Dit is een automatisch bericht van Verbeterpunt.',
        ].join('\n'),
        kind: 'notification:reaction_comment',
        complaintId: complaint.id,
        now,
      });
    }
    return { complaint: saved, eventSeq };
  });
}
