/**
 * A printed letter went into the post: its date is recorded once, by the handler or the acting quality
 * manager, never in the future. The letter itself stays exactly as sent.
 */

import { transaction } from '../db/database.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import { findComplaintByReference, updateComplaint } from '../db/repositories/complaints.ts';
import { type Letter, listLetters, markLetterPosted } from '../db/repositories/letters.ts';
import type { Actor } from '../domain/action-context.ts';
import { DomainError } from '../domain/errors.ts';
import { assertWorksTheCase } from '../domain/policy.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { relationOf } from './take-action.ts';

export async function recordLetterPosted(
  deps: CommandDeps,
  reference: string,
  letterId: string,
  actor: Actor & { userId: string },
  postedAtInput: string | null,
): Promise<Letter> {
  return transaction(deps.db, async (trx) => {
    const complaint = await findComplaintByReference(trx, reference);
    if (!complaint)
      throw new DomainError('not_found', {
        en: `No complaint ${reference}.`,
        nl: `Klacht ${reference} bestaat niet.`,
      });
    assertWorksTheCase(await relationOf(trx, complaint, actor, await loadOrganisation(trx)));
    const now = deps.now();
    const postedAt = postedAtInput ? new Date(postedAtInput).toISOString() : now.toISOString();
    if (Date.parse(postedAt) > now.getTime()) {
      throw new DomainError(
        'invalid_input',
        {
          en: 'The posting date cannot be in the future.',
          nl: 'De verzenddatum kan niet in de toekomst liggen.',
        },
        { field: 'postedAt' },
      );
    }
    const letter = (await listLetters(trx, complaint.id)).find((l) => l.id === letterId);
    if (!letter)
      throw new DomainError('not_found', { en: 'No such letter.', nl: 'Deze brief bestaat niet.' });
    if (!(await markLetterPosted(trx, letter.id, postedAt))) {
      throw new DomainError('guard_failed', {
        en: 'Only a letter for the post can be marked as posted, and only once.',
        nl: 'Alleen een brief per post kan als verstuurd worden gemarkeerd, en maar één keer.',
      });
    }
    // Recorded on the case (with its version check, so the history entry cannot collide with an action).
    await updateComplaint(trx, { ...complaint, updatedAt: now.toISOString() }, complaint.version);
    await appendEvent(trx, complaint.id, {
      at: now.toISOString(),
      actorId: actor.userId,
      actorLabel: actor.name,
      action: 'letterPosted',
      fromStatus: complaint.status,
      toStatus: complaint.status,
      changes: {},
      note: `letter ${letter.kind} sent by post on ${postedAt.slice(0, 10)} (sha256 ${letter.sha256})`,
    });
    return { ...letter, postedAt };
  });
}
