/**
 * Every letter the regulation names, which action sends it, and to whom. Sending the letter is what the
 * action records on the improvement form (e.g. acknowledging is sending the acknowledgement), so the two
 * can never drift apart. How a letter reaches someone depends on what we know of them.
 */

import type { Action } from './action-schemas.ts';
import type { Complaint, InvolvedPerson, Language } from './complaint.ts';
import type { ActionName } from './lifecycle.ts';

export const LETTER_KINDS = [
  'acknowledgement',
  'not_taken_up',
  'extension_notice',
  'complaint_copy',
  'findings',
  'written_confirmation',
  'final_report',
  'survey_invitation',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type Delivery = 'email' | 'post' | 'follow_up_page';

export interface LetterRecipient {
  role: 'reporter' | 'involved';
  involvedPersonId: string | null;
  name: string | null;
  email: string | null;
  postalAddress: string | null;
  language: Language;
  delivery: Delivery;
}

export interface LetterRequest {
  kind: LetterKind;
  recipient: LetterRecipient;
}

/**
 * The reporter gets letters by email when we have an address, on paper when we have a postal address, and
 * on the follow-up page always (an anonymous reporter only there).
 */
export function reporterRecipient(complaint: Pick<Complaint, 'reporter'>): LetterRecipient {
  const { reporter } = complaint;
  const delivery: Delivery = reporter.email ? 'email' : reporter.postalAddress ? 'post' : 'follow_up_page';
  return {
    role: 'reporter',
    involvedPersonId: null,
    name: reporter.name,
    email: reporter.email,
    postalAddress: reporter.postalAddress,
    language: reporter.language,
    delivery,
  };
}

/** An involved person: a user by their account's email, a third party by email or post. */
export function involvedRecipient(
  person: InvolvedPerson,
  userEmail: (userId: string) => string | null,
): LetterRecipient {
  const email = person.kind === 'user' ? userEmail(person.userId) : person.email;
  const postalAddress = person.kind === 'third_party' ? person.postalAddress : null;
  return {
    role: 'involved',
    involvedPersonId: person.id,
    name: person.name,
    email,
    postalAddress,
    // Staff and third parties working for a Dutch organisation read Dutch letters.
    language: 'nl',
    delivery: email ? 'email' : postalAddress ? 'post' : 'follow_up_page',
  };
}

/** Which letter each action sends, and to whom ("alle betrokkenen" for the extension and the final report). */
const LETTERS_BY_ACTION: Partial<
  Record<ActionName, { kind: LetterKind; to: 'reporter' | 'involved' | 'both' }>
> = {
  // Step 3: the acknowledgement within 5 working days.
  acknowledge: { kind: 'acknowledgement', to: 'reporter' },
  // Step 3: the motivated notice that the complaint is not taken up.
  notTakeUp: { kind: 'not_taken_up', to: 'reporter' },
  // Only where settings allow an extension: to the reporter and the involved people.
  extendResolutionTerm: { kind: 'extension_notice', to: 'both' },
  // Step 4: the complaint is put to each involved person.
  startInvestigation: { kind: 'complaint_copy', to: 'involved' },
  // Step 4: the motivated findings without an offer, or after an unsatisfied reaction and no further step.
  sendFindings: { kind: 'findings', to: 'reporter' },
  decideNoFurtherStep: { kind: 'findings', to: 'reporter' },
  // Step 5: the written confirmation of what was discussed by phone.
  sendWrittenConfirmation: { kind: 'written_confirmation', to: 'reporter' },
  // Step 6: the final written report to the reporter and everyone involved.
  sendFinalReport: { kind: 'final_report', to: 'both' },
  // Step 8 learns from satisfaction: the survey invitation after closing.
  close: { kind: 'survey_invitation', to: 'reporter' },
};

export const letterKindOf = (action: ActionName): LetterKind | null =>
  LETTERS_BY_ACTION[action]?.kind ?? null;

/**
 * The letters an action sends, given the complaint as it is after the action. An acknowledgement sent
 * outside the system (its copy attached to the case) sends nothing more.
 */
export function lettersFor(
  action: Action | ActionName,
  complaint: Pick<Complaint, 'reporter' | 'involved'>,
  userEmail: (userId: string) => string | null,
): LetterRequest[] {
  const name = typeof action === 'string' ? action : action.name;
  const rule = LETTERS_BY_ACTION[name];
  if (!rule) return [];
  if (typeof action !== 'string' && action.name === 'acknowledge' && action.input.sentOutsideSystem)
    return [];
  const recipients: LetterRecipient[] = [];
  if (rule.to !== 'involved') recipients.push(reporterRecipient(complaint));
  if (rule.to !== 'reporter')
    recipients.push(...complaint.involved.map((p) => involvedRecipient(p, userEmail)));
  return recipients.map((recipient) => ({ kind: rule.kind, recipient }));
}
