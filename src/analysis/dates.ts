/** Calendar arithmetic the analysis needs beyond working days. Pure. */
import { Temporal } from 'temporal-polyfill';
import { type IsoDate, startOfAmsterdamDay } from '../domain/calendar.ts';

/** The date `days` calendar days after (or before, when negative) `date`. */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  Temporal.PlainDate.from(date).add({ days }).toString();

/** Calendar days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/** The 13 instants (ISO UTC) at which the Amsterdam months of `year` begin, the last one being 1 January of year + 1. */
export function amsterdamMonthStarts(year: number): string[] {
  return Array.from({ length: 13 }, (_, i) => {
    const y = year + Math.floor(i / 12);
    const m = (i % 12) + 1;
    return new Date(startOfAmsterdamDay(`${y}-${String(m).padStart(2, '0')}-01`)).toISOString();
  });
}

/**
 * The days of `year` that the data can cover: from 1 January (or the first complaint ever, if later) to
 * 31 December (or `asOf`, if earlier), both included; 0 when none. Rates of years of unequal length are
 * compared per day of exposure, so a year that has just begun is not read as a sudden fall.
 */
export function exposureDays(year: number, firstDataOn: IsoDate | null, asOf: IsoDate): number {
  const start = firstDataOn && firstDataOn > `${year}-01-01` ? firstDataOn : `${year}-01-01`;
  const end = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  return end < start ? 0 : daysBetween(start, end) + 1;
}
