/**
 * The facts of one complaint that the annual analysis counts, derived from the improvement form. Pure.
 *
 * Storage keeps them beside the form as plain columns (src/db/repositories/analysis.ts `analysisColumns`),
 * written on every save, so that a year of 100 000 complaints is counted by SQL over indexed columns instead
 * of by parsing 100 000 JSON documents. Everything here is a function of the form alone: re-deriving the facts
 * of a stored complaint always gives what was stored.
 */
import { amsterdamDateOf, type IsoDate } from '../domain/calendar.ts';
import type { Complaint, CorrectiveKind, Judgement, Survey } from '../domain/complaint.ts';

/** How the reporter reacted to an offer; `no_answer` while the offer waits for a reaction. */
export type OfferReaction = 'satisfied' | 'not_satisfied' | 'no_answer';
export const OFFER_REACTIONS: readonly OfferReaction[] = ['satisfied', 'not_satisfied', 'no_answer'];

export const CORRECTIVE_KINDS: readonly CorrectiveKind[] = ['correction', 'redress', 'replacement_service'];

export interface ComplaintFacts {
  /** The year and month (1–12) of receipt in Europe/Amsterdam: the year a complaint is counted in. */
  receivedYear: number;
  receivedMonth: number;
  /** Amsterdam calendar dates of receipt and of each term met: lead times are counted in working days. */
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  resolvedOn: IsoDate | null;
  finalReportOn: IsoDate | null;
  judgement: Judgement | null;
  offerCount: number;
  firstOfferReaction: OfferReaction | null;
  /** The reaction to the last offer (the same as the first when only one was made). */
  finalOfferReaction: OfferReaction | null;
  /** The kinds of corrective measure offered, over all offers. */
  measureKinds: CorrectiveKind[];
  /** Agreed corrective measures (step 8): how many, how many done, how many done by their due date. */
  agreedMeasures: { count: number; done: number; doneOnTime: number };
  extensionWorkingDays: number | null;
  escalationCount: number;
  /** The appeal routes the complaint was taken to, each once, in the order first used. */
  escalationRoutes: string[];
  commissioningPartyType: string | null;
  notTakenUpGround: string | null;
  reopenCount: number;
  preventionDecision: 'measures' | 'none_possible' | null;
  preventiveMeasures: {
    count: number;
    done: number;
    doneOnTime: number;
    evaluated: number;
    effective: number;
  };
  /** The day the first preventive measure of this complaint was done: recurrence is counted after it. */
  preventiveFirstDoneOn: IsoDate | null;
  surveyHandledWell: Survey['handledWell'] | null;
  surveyOnTime: Survey['onTime'] | null;
}

export type FactsSource = Pick<
  Complaint,
  | 'receivedAt'
  | 'acknowledgedAt'
  | 'resolvedAt'
  | 'finalReportSentAt'
  | 'decision'
  | 'offers'
  | 'agreedMeasures'
  | 'extension'
  | 'escalations'
  | 'trajectory'
  | 'notTakenUp'
  | 'reopenings'
  | 'prevention'
  | 'preventiveMeasures'
  | 'survey'
>;

const dateOrNull = (instant: string | null): IsoDate | null => (instant ? amsterdamDateOf(instant) : null);

function reactionOf(offer: { satisfied: boolean | null } | undefined): OfferReaction | null {
  if (!offer) return null;
  if (offer.satisfied === null) return 'no_answer';
  return offer.satisfied ? 'satisfied' : 'not_satisfied';
}

/** A measure counts as done on time when it was done on or before its due date (Amsterdam dates). */
const doneOnTime = (measure: { doneAt: string | null; dueDate: IsoDate }): boolean =>
  measure.doneAt !== null && amsterdamDateOf(measure.doneAt) <= measure.dueDate;

/** The facts the annual analysis counts, from the form. */
export function complaintFacts(complaint: FactsSource): ComplaintFacts {
  const receivedOn = amsterdamDateOf(complaint.receivedAt);
  const kinds = new Set(complaint.offers.flatMap((offer) => offer.measures.map((m) => m.kind)));
  const routes: string[] = [];
  for (const escalation of complaint.escalations)
    if (!routes.includes(escalation.route)) routes.push(escalation.route);
  const prevention = complaint.preventiveMeasures;
  const doneDates = prevention.flatMap((m) => (m.doneAt ? [amsterdamDateOf(m.doneAt)] : [])).sort();
  return {
    receivedYear: Number(receivedOn.slice(0, 4)),
    receivedMonth: Number(receivedOn.slice(5, 7)),
    receivedOn,
    acknowledgedOn: dateOrNull(complaint.acknowledgedAt),
    resolvedOn: dateOrNull(complaint.resolvedAt),
    finalReportOn: dateOrNull(complaint.finalReportSentAt),
    judgement: complaint.decision?.judgement ?? null,
    offerCount: complaint.offers.length,
    firstOfferReaction: reactionOf(complaint.offers[0]),
    finalOfferReaction: reactionOf(complaint.offers.at(-1)),
    measureKinds: CORRECTIVE_KINDS.filter((kind) => kinds.has(kind)),
    agreedMeasures: {
      count: complaint.agreedMeasures.length,
      done: complaint.agreedMeasures.filter((m) => m.doneAt !== null).length,
      doneOnTime: complaint.agreedMeasures.filter(doneOnTime).length,
    },
    extensionWorkingDays: complaint.extension?.workingDays ?? null,
    escalationCount: complaint.escalations.length,
    escalationRoutes: routes,
    commissioningPartyType: complaint.trajectory.commissioningParty?.type ?? null,
    notTakenUpGround: complaint.notTakenUp?.ground ?? null,
    reopenCount: complaint.reopenings.length,
    preventionDecision: complaint.prevention?.decision ?? null,
    preventiveMeasures: {
      count: prevention.length,
      done: prevention.filter((m) => m.doneAt !== null).length,
      doneOnTime: prevention.filter(doneOnTime).length,
      evaluated: prevention.filter((m) => m.evaluation !== null).length,
      effective: prevention.filter((m) => m.evaluation?.effective === true).length,
    },
    preventiveFirstDoneOn: doneDates[0] ?? null,
    surveyHandledWell: complaint.survey?.handledWell ?? null,
    surveyOnTime: complaint.survey?.onTime ?? null,
  };
}

/**
 * A set of codes as one text column: '|correction|redress|' ('' for none). SQL counts a member with
 * `like '%|code|%'`, the same on SQLite and PostgreSQL; codes never contain '|'.
 */
export const encodeCodeSet = (codes: readonly string[]): string =>
  codes.length ? `|${codes.join('|')}|` : '';
export const decodeCodeSet = (text: string | null): string[] => (text ? text.split('|').filter(Boolean) : []);
