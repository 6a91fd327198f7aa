/**
 * The regulation's terms, in working days (step 3, 5 and 6):
 * - acknowledgement: receipt + 5 working days;
 * - resolution: receipt + 21 working days (plus an extension where settings allow one); met by the first of
 *   the written confirmation, the findings without an offer, or the notice of not taking up;
 * - final written report: resolution + 21 working days.
 * After a reopening, the reopening date takes the place of receipt. Deadlines are derived from these facts
 * alone, so they can be recomputed whenever the calendar changes; a term already met keeps its date.
 */
import { amsterdamDateOf, type IsoDate, type WorkingDayCalendar } from './calendar.ts';
import type { Complaint, Deadlines } from './complaint.ts';
import type { OrganisationSettings } from './settings.ts';

export type Terms = OrganisationSettings['terms'];

type DeadlineFacts = Pick<
  Complaint,
  | 'receivedAt'
  | 'reopenings'
  | 'extension'
  | 'resolvedAt'
  | 'acknowledgedAt'
  | 'finalReportSentAt'
  | 'notTakenUp'
>;

/** The instant the running acknowledgement and resolution terms count from: receipt, or the last reopening. */
export function termStart(facts: Pick<Complaint, 'receivedAt' | 'reopenings'>): string {
  return facts.reopenings.at(-1)?.at ?? facts.receivedAt;
}

/** Computes all deadlines from the facts. Pass `previous` to keep the dates of terms already met. */
export function computeDeadlines(
  facts: DeadlineFacts,
  calendar: WorkingDayCalendar,
  terms: Terms,
  previous?: Deadlines,
): Deadlines {
  const start = amsterdamDateOf(termStart(facts));
  const resolveBase = calendar.addWorkingDays(start, terms.resolveWorkingDays);
  const fresh: Deadlines = {
    acknowledgeBy: calendar.addWorkingDays(start, terms.acknowledgeWorkingDays),
    resolveBy: facts.extension
      ? calendar.addWorkingDays(resolveBase, facts.extension.workingDays)
      : resolveBase,
    // A complaint not taken up owes no final report: the motivated notice is the last word.
    reportBy:
      facts.resolvedAt && !facts.notTakenUp
        ? calendar.addWorkingDays(amsterdamDateOf(facts.resolvedAt), terms.reportWorkingDays)
        : null,
    calendarId: calendar.id,
  };
  if (!previous) return fresh;
  // A term that has been met is history: a later calendar change must not move its date.
  return {
    acknowledgeBy: facts.acknowledgedAt ? previous.acknowledgeBy : fresh.acknowledgeBy,
    resolveBy: facts.resolvedAt ? previous.resolveBy : fresh.resolveBy,
    reportBy: facts.finalReportSentAt && previous.reportBy ? previous.reportBy : fresh.reportBy,
    calendarId: calendar.id,
  };
}

/**
 * The traffic light of one term: met (on time or late), or open (on time, due within 2 working days, or
 * overdue). `today` is the Amsterdam date the question is asked on; a deadline is met on its own day.
 */
export type DeadlineState = 'met' | 'met_late' | 'on_time' | 'due_soon' | 'overdue' | 'not_owed';

/** An open term this many working days away, or fewer, is 'due soon' (the staff workspace's traffic light). */
export const DUE_SOON_WORKING_DAYS = 2;

export function deadlineState(
  due: IsoDate,
  metAt: string | null,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): DeadlineState {
  if (metAt) return amsterdamDateOf(metAt) <= due ? 'met' : 'met_late';
  if (today > due) return 'overdue';
  return calendar.countWorkingDaysBetween(today, due) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

export interface DeadlineOverview {
  acknowledge: { due: IsoDate; state: DeadlineState };
  resolve: { due: IsoDate; state: DeadlineState };
  report: { due: IsoDate; state: DeadlineState } | null;
}

/** The three terms of a complaint with their traffic lights. */
export function deadlineOverview(
  complaint: Pick<Complaint, 'deadlines' | 'acknowledgedAt' | 'resolvedAt' | 'finalReportSentAt' | 'status'>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): DeadlineOverview {
  const { deadlines } = complaint;
  // A withdrawn complaint, or one not taken up, stops the clock: its unmet terms are no longer owed (and are
  // not counted as met either, so the annual analysis is not flattered).
  const stopped = complaint.status === 'withdrawn' || complaint.status === 'not_taken_up';
  const stateOf = (due: IsoDate, metAt: string | null): DeadlineState =>
    metAt || !stopped ? deadlineState(due, metAt, today, calendar) : 'not_owed';
  return {
    acknowledge: {
      due: deadlines.acknowledgeBy,
      state: stateOf(deadlines.acknowledgeBy, complaint.acknowledgedAt),
    },
    resolve: { due: deadlines.resolveBy, state: stateOf(deadlines.resolveBy, complaint.resolvedAt) },
    report: deadlines.reportBy
      ? { due: deadlines.reportBy, state: stateOf(deadlines.reportBy, complaint.finalReportSentAt) }
      : null,
  };
}
