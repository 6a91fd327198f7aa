/**
 * The letters an action sends, composed, kept and queued in the action's own transaction: the letter exists
 * exactly when the action happened, its PDF is stored as sent, and the email that carries it is delivered
 * by the outbox (at least once, with a stable Message-ID). Letters by post wait for staff to print and mark
 * them posted; an anonymous reporter reads them on the follow-up page.
 */
import type { Action } from '../domain/action-schemas.ts';
import { type Complaint, involvedUserIds } from '../domain/complaint.ts';
import { type LetterRequest, lettersFor } from '../domain/letters.ts';
import type { DbExecutor } from '../db/database.ts';
import { insertLetter, type Letter } from '../db/repositories/letters.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { composeLetter } from '../letters/compose.ts';
import { loadUsers, type Organisation } from './context.ts';

export interface SentLetter {
  letter: Letter;
  request: LetterRequest;
}

export async function sendLetters(
  trx: DbExecutor,
  action: Action,
  complaint: Complaint,
  organisation: Organisation,
  actorUserId: string | null,
  now: string,
): Promise<SentLetter[]> {
  const users = await loadUsers(trx, involvedUserIds(complaint));
  const requests = lettersFor(action, complaint, (userId) => users.get(userId)?.email ?? null);
  const sent: SentLetter[] = [];
  for (const request of requests) {
    const composed = await composeLetter(trx, request, complaint, organisation.settings, now);
    const { recipient } = request;
    const letter = await insertLetter(trx, {
      complaintId: complaint.id,
      kind: request.kind,
      language: recipient.language,
      recipientRole: recipient.role,
      recipientName: recipient.name,
      recipientAddress:
        recipient.delivery === 'email' ? recipient.email : recipient.delivery === 'post' ? recipient.postalAddress : null,
      delivery: recipient.delivery,
      subject: composed.subject,
      text: composed.text,
      pdf: composed.pdf,
      templateVersion: composed.templateVersion,
      createdBy: actorUserId,
      now,
    });
    if (recipient.delivery === 'email' && recipient.email) {
      await enqueueEmail(trx, {
        to: recipient.email,
        subject: composed.subject,
        text: composed.text,
        kind: `letter:${request.kind}`,
        complaintId: complaint.id,
        letterId: letter.id,
        now: new Date(now),
      });
    }
    sent.push({ letter, request });
  }
  return sent;
}

/** One line per letter for the case's timeline. */
export const describeLetters = (sent: SentLetter[]): string[] =>
  sent.map(
    ({ letter }) =>
      `letter ${letter.kind} to ${letter.recipientRole}${letter.recipientName ? ` ${letter.recipientName}` : ''} (${letter.delivery}, sha256 ${letter.sha256})`,
  );
