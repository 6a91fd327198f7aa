/**
 * The statistics of the annual analysis, pure: lead times in working days (median and 90th percentile), the
 * comparison of two counts of complaints, and the verdict in words.
 *
 * Is a change more than chance? Complaints arriving over time are modelled as a Poisson process. For two
 * Poisson counts n1 (exposure t1) and n2 (exposure t2), n1 given n1 + n2 is binomial with
 * p = t1 / (t1 + t2) when the rates are equal: the conditional (exact) test of two Poisson rates is a binomial
 * test (@stdlib/stats-binomial-test). Its two-sided p-value is taken as twice the smaller one-sided one (the
 * "central" exact test, capped at 1): the library's own two-sided variant walks every outcome, which for the
 * 200 000 complaints of two busy years costs a noticeable part of a second per row. Several categories tested
 * at once would produce a chance "trend" now and then, so the p-values of one table are adjusted with Holm's
 * method before the verdict.
 */
import binomialTest from '@stdlib/stats-binomial-test';
import type { IsoDate, WorkingDayCalendar } from '../domain/calendar.ts';
import type { DatePair } from './aggregates.ts';

/** Below this (adjusted) p-value a change is called significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

export type Verdict = 'significant_increase' | 'significant_decrease' | 'no_clear_change';

const epochDay = (date: IsoDate): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/** Per calendar: the working days of each year, counted once (a calendar never changes; see context.ts). */
const yearIndexes = new WeakMap<WorkingDayCalendar, Map<number, Int32Array>>();

/** Cumulative working days of a year: index d holds the working days from 1 January up to day d (0-based). */
function yearIndex(calendar: WorkingDayCalendar, year: number): Int32Array {
  let years = yearIndexes.get(calendar);
  if (!years) {
    years = new Map();
    yearIndexes.set(calendar, years);
  }
  let index = years.get(year);
  if (!index) {
    const start = Date.UTC(year, 0, 1) / 86_400_000;
    const length = Date.UTC(year + 1, 0, 1) / 86_400_000 - start;
    index = new Int32Array(length);
    let count = 0;
    for (let d = 0; d < length; d++) {
      if (calendar.isWorkingDay(new Date((start + d) * 86_400_000).toISOString().slice(0, 10))) count++;
      index[d] = count;
    }
    years.set(year, index);
  }
  return index;
}

const dayOfYear = (date: IsoDate): number => epochDay(date) - Date.UTC(+date.slice(0, 4), 0, 1) / 86_400_000;

/**
 * Counts working days between many pairs of dates quickly: each year's working days are counted once per
 * calendar (only the years the pairs touch), and a pair is then a subtraction. The same result as
 * calendar.countWorkingDaysBetween(from, to): the working days in (from, to].
 */
export function workingDayCounter(calendar: WorkingDayCalendar): (from: IsoDate, to: IsoDate) => number {
  const count = (from: IsoDate, to: IsoDate): number => {
    if (to < from) return 0 - count(to, from);
    const first = +from.slice(0, 4);
    const last = +to.slice(0, 4);
    let days = yearIndex(calendar, last)[dayOfYear(to)]! - yearIndex(calendar, first)[dayOfYear(from)]!;
    for (let year = first; year < last; year++) days += yearIndex(calendar, year).at(-1)!;
    return days;
  };
  return count;
}

/** A distribution of whole numbers as value → count, sorted by value. */
export type Histogram = [value: number, count: number][];

export function histogramOf(pairs: readonly DatePair[], calendar: WorkingDayCalendar): Histogram {
  const count = workingDayCounter(calendar);
  const map = new Map<number, number>();
  for (const pair of pairs) {
    const days = count(pair.from, pair.to);
    map.set(days, (map.get(days) ?? 0) + pair.count);
  }
  return [...map].sort((a, b) => a[0] - b[0]);
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) of the values a histogram holds, by linear interpolation between the closest
 * ranks (Hyndman & Fan type 7: what Excel's PERCENTILE.INC and MEDIAN give), so a quality manager who checks a
 * figure in a spreadsheet finds the same. Null for an empty histogram.
 */
export function quantile(histogram: Histogram, p: number): number | null {
  const n = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of histogram) {
      seen += count;
      if (rank < seen) return value;
    }
    return histogram.at(-1)![0];
  };
  const a = valueAt(lower);
  const b = valueAt(Math.min(lower + 1, n - 1));
  return round(a + (h - lower) * (b - a), 2);
}

export const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

export interface LeadTime {
  /** How many complaints met the term (the lead time is known for them). */
  count: number;
  median: number | null;
  p90: number | null;
}

export function leadTimeOf(pairs: readonly DatePair[], calendar: WorkingDayCalendar): LeadTime {
  const histogram = histogramOf(pairs, calendar);
  return {
    count: histogram.reduce((sum, [, count]) => sum + count, 0),
    median: quantile(histogram, 0.5),
    p90: quantile(histogram, 0.9),
  };
}

/** A count of complaints over a number of days of exposure. */
export interface Rate {
  count: number;
  days: number;
}

/**
 * The two-sided p-value of "the current rate equals the baseline rate" (conditional binomial test), or null
 * when there is nothing to compare (no exposure on one side).
 */
export function ratePValue(current: Rate, baseline: Rate): number | null {
  if (current.days <= 0 || baseline.days <= 0) return null;
  const total = current.count + baseline.count;
  if (total === 0) return 1;
  const p = current.days / (current.days + baseline.days);
  const less = binomialTest(current.count, total, { p, alternative: 'less' }).pValue;
  const greater = binomialTest(current.count, total, { p, alternative: 'greater' }).pValue;
  return Math.min(1, 2 * Math.min(less, greater));
}

/**
 * Holm's step-down adjustment: the i-th smallest of m p-values is multiplied by (m − i + 1), kept monotone and
 * capped at 1. Nulls stay null and do not count towards m.
 */
export function holm(pValues: readonly (number | null)[]): (number | null)[] {
  const indexed = pValues.flatMap((p, i) => (p === null ? [] : [{ p, i }])).sort((a, b) => a.p - b.p);
  const m = indexed.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  indexed.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, p * (m - rank)));
    adjusted[i] = running;
  });
  return adjusted;
}

/** The verdict in words: significant only below the level, the direction from the rates. */
export function verdictOf(current: Rate, baseline: Rate, adjustedP: number | null): Verdict {
  if (adjustedP === null || adjustedP >= SIGNIFICANCE_LEVEL) return 'no_clear_change';
  return current.count / current.days > baseline.count / baseline.days
    ? 'significant_increase'
    : 'significant_decrease';
}
