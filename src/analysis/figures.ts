/**
 * One year's figures, from the counts the database gave (aggregates.ts). Pure; the working-day calendar is
 * passed in. Figures are plain numbers and codes, language-free, so that an adopted year is stored as JSON once
 * and later years compare against exactly what was adopted.
 */

import type { WorkingDayCalendar } from '../domain/calendar.ts';
import type { Counts, TermCounts, YearAggregates } from './aggregates.ts';
import { type LeadTime, leadTimeOf, round } from './statistics.ts';

export interface TermFigures extends TermCounts {
  /** Complaints for which the term counts: met (on time or late) or overdue. */
  decided: number;
  /** On time as a percentage of `decided`, one decimal; null when nothing was decided. */
  percentOnTime: number | null;
  leadTime: LeadTime;
}

export interface YearFigures {
  year: number;
  /** Days of the year the data covers (see dates.ts exposureDays). */
  exposureDays: number;
  volume: {
    total: number;
    byMonth: Counts;
    byChannel: Counts;
    byCategory: Counts;
    byTeam: Counts;
    byRole: Counts;
    byCommissioningParty: Counts;
    byStatus: Counts;
    notTakenUp: number;
    notTakenUpByGround: Counts;
    withdrawn: number;
    anonymous: number;
    reopened: number;
    spot: YearAggregates['spot'];
  };
  timeliness: {
    acknowledge: TermFigures;
    resolve: TermFigures;
    report: TermFigures;
    extensions: YearAggregates['extensions'];
  };
  outcomes: {
    /** well_founded, partly_well_founded, unfounded, and '' for complaints without a judgement (yet). */
    judgement: Counts;
    offered: number;
    newOffer: number;
    firstOfferReaction: Counts;
    newOfferReaction: Counts;
    percentSatisfiedFirstOffer: number | null;
    percentSatisfiedNewOffer: number | null;
    measureKinds: YearAggregates['measureKinds'];
    agreedMeasures: YearAggregates['agreedMeasures'];
    escalations: YearAggregates['escalations'];
    survey: YearAggregates['survey'];
  };
  prevention: YearAggregates['prevention'];
}

export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? round((100 * part) / whole, 1) : null;

const term = (counts: TermCounts, leadTime: LeadTime): TermFigures => {
  const decided = counts.onTime + counts.late + counts.overdue;
  return { ...counts, decided, percentOnTime: percent(counts.onTime, decided), leadTime };
};

/** Months 1–12 all present (a month without complaints is a 0, not a gap in the chart). */
const allMonths = (counts: Counts): Counts =>
  Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), counts[String(i + 1)] ?? 0]));

export function yearFigures(
  aggregates: YearAggregates,
  calendar: WorkingDayCalendar,
  exposureDays: number,
): YearFigures {
  const a = aggregates;
  const judged = Object.values(a.judgement).reduce((sum, value) => sum + value, 0);
  return {
    year: a.year,
    exposureDays,
    volume: {
      total: a.total,
      byMonth: allMonths(a.byMonth),
      byChannel: a.byChannel,
      byCategory: a.byCategory,
      byTeam: a.byTeam,
      byRole: a.byRole,
      byCommissioningParty: a.byCommissioningParty,
      byStatus: a.byStatus,
      notTakenUp: a.byStatus.not_taken_up ?? 0,
      notTakenUpByGround: a.notTakenUpByGround,
      withdrawn: a.byStatus.withdrawn ?? 0,
      anonymous: a.anonymous,
      reopened: a.reopened,
      spot: { ...a.spot, byMonth: allMonths(a.spot.byMonth) },
    },
    timeliness: {
      acknowledge: term(a.terms.acknowledge, leadTimeOf(a.leadTimes.acknowledge, calendar)),
      resolve: term(a.terms.resolve, leadTimeOf(a.leadTimes.resolve, calendar)),
      report: term(a.terms.report, leadTimeOf(a.leadTimes.report, calendar)),
      extensions: a.extensions,
    },
    outcomes: {
      judgement: { ...a.judgement, '': a.total - judged },
      offered: a.offered,
      newOffer: a.newOffer,
      firstOfferReaction: a.firstOfferReaction,
      newOfferReaction: a.newOfferReaction,
      percentSatisfiedFirstOffer: percent(
        a.firstOfferReaction.satisfied ?? 0,
        (a.firstOfferReaction.satisfied ?? 0) + (a.firstOfferReaction.not_satisfied ?? 0),
      ),
      percentSatisfiedNewOffer: percent(
        a.newOfferReaction.satisfied ?? 0,
        (a.newOfferReaction.satisfied ?? 0) + (a.newOfferReaction.not_satisfied ?? 0),
      ),
      measureKinds: a.measureKinds,
      agreedMeasures: a.agreedMeasures,
      escalations: a.escalations,
      survey: a.survey,
    },
    prevention: a.prevention,
  };
}
