/**
 * The statistics of the annual analysis, pure: lead times in working days (median and 90th percentile), the
 * comparison of two counts of complaints, and the verdict in words.
 *
 * Is a change more than chance? Complaints arriving over time are modelled as a Poisson process. For two
 * Poisson counts n1 (exposure t1) and n2 (exposure t2), n1 given n1 + n2 is binomial with
 * p = t1 / (t1 + t2) when the rates are equal: the conditional (exact) test of two Poisson rates is a binomial
 * test (@stdlib/stats-binomial-test, two-sided). Several categories tested at once would produce a chance
 * "trend" now and then, so the p-values of one table are adjusted with Holm's method before the verdict.
 */
import binomialTest from '@stdlib/stats-binomial-test';
import type { IsoDate, WorkingDayCalendar } from '../domain/calendar.ts';
import type { DatePair } from './aggregates.ts';

/** Below this (adjusted) p-value a change is called significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

export type Verdict = 'significant_increase' | 'significant_decrease' | 'no_clear_change';

const epochDay = (date: IsoDate): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/**
 * Counts working days between many pairs of dates quickly: cumulative working days over the range once
 * (one calendar lookup per day), then each pair is a subtraction. Same result as
 * calendar.countWorkingDaysBetween(from, to): the working days in (from, to].
 */
export function workingDayCounter(
  calendar: WorkingDayCalendar,
  dates: readonly IsoDate[],
): (from: IsoDate, to: IsoDate) => number {
  if (dates.length === 0) return () => 0;
  const days = dates.map(epochDay);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const cumulative = new Int32Array(last - first + 1);
  let count = 0;
  for (let day = first; day <= last; day++) {
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (day > first && calendar.isWorkingDay(iso)) count++;
    cumulative[day - first] = count;
  }
  return (from, to) => {
    const a = epochDay(from) - first;
    const b = epochDay(to) - first;
    // Outside the prepared range (a date no pair mentioned): ask the calendar itself.
    if (a < 0 || b < 0 || a >= cumulative.length || b >= cumulative.length)
      return calendar.countWorkingDaysBetween(from, to);
    return cumulative[b]! - cumulative[a]!;
  };
}

/** A distribution of whole numbers as value → count, sorted by value. */
export type Histogram = [value: number, count: number][];

export function histogramOf(pairs: readonly DatePair[], calendar: WorkingDayCalendar): Histogram {
  const count = workingDayCounter(
    calendar,
    pairs.flatMap((p) => [p.from, p.to]),
  );
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
  return binomialTest(current.count, total, { p: current.days / (current.days + baseline.days) }).pValue;
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
