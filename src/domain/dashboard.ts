/**
 * What the staff dashboard orders and filters by, derived from the improvement form alone so that storage can
 * keep it in step on every write (src/db/repositories/complaints.ts):
 * - the nearest open term: the acknowledgement until it is sent, the resolution until the complaint is
 *   resolved, the final report until it is sent (steps 3, 5 and 6);
 * - each user's open work on a case: a summary of their reaction waiting for their agreement (step 4), the
 *   agreed and preventive measures they own that are not done (steps 7 and 8), and being involved at all
 *   (which makes the deputy act as quality manager when the involved person is a quality manager).
 */
import type { IsoDate, WorkingDayCalendar } from './calendar.ts';
import { type Complaint, isReactionAgreed } from './complaint.ts';
import { DUE_SOON_WORKING_DAYS } from './deadlines.ts';
import { actionsAllowedIn, isTerminal } from './lifecycle.ts';

export type Term = 'acknowledge' | 'resolve' | 'report';

/**
 * The sort key of an open case with no term running (after the final report, before closing): later than
 * every real date, so such cases come last in "nearest deadline first".
 */
export const NO_TERM_RUNNING: IsoDate = '9999-12-31';

/** A term's traffic light while it runs: due within this many working days is "due soon" (deadlines.ts). */
export { DUE_SOON_WORKING_DAYS };

type TermFacts = Pick<
  Complaint,
  'status' | 'deadlines' | 'acknowledgedAt' | 'resolvedAt' | 'finalReportSentAt'
>;

/** The running term that ends first, or null when none runs (a finished case, or one past its final report). */
export function nextOpenTerm(complaint: TermFacts): { term: Term; due: IsoDate } | null {
  if (isTerminal(complaint.status)) return null;
  const { deadlines } = complaint;
  const open: { term: Term; due: IsoDate }[] = [];
  if (!complaint.acknowledgedAt) open.push({ term: 'acknowledge', due: deadlines.acknowledgeBy });
  if (!complaint.resolvedAt) open.push({ term: 'resolve', due: deadlines.resolveBy });
  if (deadlines.reportBy && !complaint.finalReportSentAt)
    open.push({ term: 'report', due: deadlines.reportBy });
  return open.reduce<{ term: Term; due: IsoDate } | null>(
    (first, t) => (!first || t.due < first.due ? t : first),
    null,
  );
}

/**
 * The stored dashboard key (`complaints.next_due`): the nearest open term's date; NO_TERM_RUNNING for an open
 * case without one; null once the case is finished (closed, withdrawn, not taken up), which keeps finished
 * cases out of the dashboard's partial indexes.
 */
export function dashboardDue(complaint: TermFacts): IsoDate | null {
  if (isTerminal(complaint.status)) return null;
  return nextOpenTerm(complaint)?.due ?? NO_TERM_RUNNING;
}

/**
 * The first date that is no longer "due soon" seen from `today`: a date d is due soon when
 * today <= d < dueSoonBefore(today), exactly when deadlineState(d, null, today) says 'due_soon' (at most
 * DUE_SOON_WORKING_DAYS working days in (today, d]), also for a d that is not a working day itself.
 */
export function dueSoonBefore(today: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1);
}

export type WorkKind = 'involved' | 'agree' | 'agreed_measure' | 'preventive_measure';

/** One thing a user has to do on (or is part of in) a case; `itemId` is the involved person's or measure's id. */
export interface WorkItem {
  userId: string;
  kind: WorkKind;
  itemId: string;
  /** The measure's due date; null for the other kinds. */
  due: IsoDate | null;
}

type WorkFacts = Pick<
  Complaint,
  'status' | 'involved' | 'reactions' | 'agreedMeasures' | 'preventiveMeasures'
>;

/**
 * Every user's work on the case, as the dashboard's "my work" finds it. Involvement counts while the case is
 * open (the dashboard shows open cases only, and most cases are finished: no row for each of them); measures
 * count until done, also after closing.
 */
export function workItemsOf(complaint: WorkFacts): WorkItem[] {
  const items: WorkItem[] = [];
  // Agreeing is possible only while the lifecycle allows it (step 4, under investigation).
  const mayAgree = actionsAllowedIn(complaint.status).includes('agreeReaction');
  for (const person of isTerminal(complaint.status) ? [] : complaint.involved) {
    if (person.kind !== 'user') continue;
    items.push({ userId: person.userId, kind: 'involved', itemId: person.id, due: null });
    const reaction = complaint.reactions.find((r) => r.involvedPersonId === person.id);
    if (mayAgree && reaction && !isReactionAgreed(reaction)) {
      items.push({ userId: person.userId, kind: 'agree', itemId: person.id, due: null });
    }
  }
  for (const measure of complaint.agreedMeasures) {
    if (!measure.doneAt)
      items.push({
        userId: measure.ownerUserId,
        kind: 'agreed_measure',
        itemId: measure.id,
        due: measure.dueDate,
      });
  }
  for (const measure of complaint.preventiveMeasures) {
    if (!measure.doneAt)
      items.push({
        userId: measure.ownerUserId,
        kind: 'preventive_measure',
        itemId: measure.id,
        due: measure.dueDate,
      });
  }
  return items;
}
