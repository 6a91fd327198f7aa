/**
 * What the database hands the annual analysis for one year: counts, already aggregated by SQL. The pure
 * builder (figures.ts) turns them into figures; nothing here is per complaint except through a count.
 */
import type { IsoDate } from '../domain/calendar.ts';

/** A count per code; the key '' stands for "not recorded" (no category, no role, …). */
export type Counts = Record<string, number>;

/** One term of the regulation for the year's complaints, as of the day the report is made. */
export interface TermCounts {
  /** Met on or before its deadline. */
  onTime: number;
  /** Met after its deadline. */
  late: number;
  /** Not met, and the deadline has passed. */
  overdue: number;
  /** Not met, the deadline still ahead. */
  open: number;
  /** Not owed: the complaint was withdrawn or not taken up before the term was met. */
  notOwed: number;
}

/** How many complaints met a term `count` times between two Amsterdam dates (working days counted later). */
export interface DatePair {
  from: IsoDate;
  to: IsoDate;
  count: number;
}

export interface YearAggregates {
  year: number;
  total: number;
  /** Month 1–12 → count. */
  byMonth: Counts;
  byChannel: Counts;
  byCategory: Counts;
  /** Complaints per category and day of receipt (for recurrence). */
  dailyByCategory: { category: string; on: IsoDate; count: number }[];
  byTeam: Counts;
  byRole: Counts;
  byCommissioningParty: Counts;
  byStatus: Counts;
  notTakenUpByGround: Counts;
  anonymous: number;
  reopened: number;
  spot: { total: number; converted: number; byMonth: Counts; byChannel: Counts; byCategory: Counts };
  terms: { acknowledge: TermCounts; resolve: TermCounts; report: TermCounts };
  leadTimes: { acknowledge: DatePair[]; resolve: DatePair[]; report: DatePair[] };
  extensions: { count: number; workingDays: number };
  judgement: Counts;
  /** Complaints with at least one offer. */
  offered: number;
  /** Complaints with two or more offers. */
  newOffer: number;
  firstOfferReaction: Counts;
  /** Reaction to the last offer, of complaints with two or more offers. */
  newOfferReaction: Counts;
  /** Per kind of corrective measure: complaints offered it, and how many of them were satisfied at last. */
  measureKinds: Record<string, { offered: number; satisfied: number }>;
  agreedMeasures: { count: number; done: number; doneOnTime: number };
  escalations: { complaints: number; total: number; byRoute: Counts };
  prevention: {
    decidedMeasures: number;
    noneArePossible: number;
    measures: number;
    done: number;
    doneOnTime: number;
    evaluated: number;
    effective: number;
  };
  /** Closed complaints (their reporters were invited to the survey) and the answers. */
  survey: { invited: number; answered: number; handledWell: Counts; onTime: Counts };
}

/** Complaints per year by category and by channel, for the trend of the years before the chosen one. */
export interface YearVolume {
  year: number;
  total: number;
  byCategory: Counts;
  byChannel: Counts;
}

/** Recurrence input: per category, the day its first preventive measure was done, and daily counts around it. */
export interface RecurrenceInput {
  firstMeasureDone: { category: string; on: IsoDate }[];
  /** Complaints per category and Amsterdam day of receipt, for the categories above. */
  daily: { category: string; on: IsoDate; count: number }[];
}
