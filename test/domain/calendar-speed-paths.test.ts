/**
 * The calendar remembers its answers and reads canonical UTC timestamps without Temporal (for speed, see
 * docs/performance.md). These tests pin that the fast paths answer exactly what the slow ones do.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { amsterdamDateOf, createCalendar } from '../../src/domain/calendar.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';

describe('amsterdamDateOf on canonical UTC text', () => {
  it('gives the Amsterdam date around the changes to and from summer time', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
    expect(amsterdamDateOf('2026-03-28T22:59:59.999Z')).toBe('2026-03-28');
    expect(amsterdamDateOf('2026-03-28T23:00:00.000Z')).toBe('2026-03-29');
    expect(amsterdamDateOf('2026-03-29T21:59:59.999Z')).toBe('2026-03-29');
    expect(amsterdamDateOf('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
    // 25 October 2026: back from 03:00 CEST to 02:00 CET (01:00 UTC).
    expect(amsterdamDateOf('2026-10-24T21:59:59Z')).toBe('2026-10-24');
    expect(amsterdamDateOf('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(amsterdamDateOf('2026-10-25T22:59:59.999Z')).toBe('2026-10-25');
    expect(amsterdamDateOf('2026-10-25T23:00:00.000Z')).toBe('2026-10-26');
    expect(amsterdamDateOf('2026-04-30T22:30:00.000Z')).toBe('2026-05-01');
  });

  it('still refuses an impossible date, and reads other forms as before', () => {
    expect(() => amsterdamDateOf('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => amsterdamDateOf('2026-04-30T10:00:00')).toThrow(RangeError);
    expect(amsterdamDateOf('2026-04-30T23:30:00+02:00')).toBe('2026-04-30');
  });

  it('agrees with Temporal for any instant from 2014 to 2040', () => {
    const from = Date.parse('2014-01-01T00:00:00Z');
    const to = Date.parse('2040-12-31T23:59:59Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const iso = new Date(ms).toISOString();
        const expected = Temporal.Instant.from(iso)
          .toZonedDateTimeISO('Europe/Amsterdam')
          .toPlainDate()
          .toString();
        expect(amsterdamDateOf(iso)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('a calendar asked the same question twice', () => {
  const calendar = createCalendar(DEFAULT_SETTINGS.calendar);

  it('answers the same, from memory or not', () => {
    // Thursday 30 April 2026: 1 May, (4 May,) 5 May is a holiday: the 5th working day is 8 May.
    expect(calendar.addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
    expect(calendar.addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
    expect(calendar.isWorkingDay('2026-05-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-06')).toBe(true);
    // (30 April, 8 May]: 1, 4, 6, 7, 8 May; backwards negative; the same answer the second time.
    expect(calendar.countWorkingDaysBetween('2026-04-30', '2026-05-08')).toBe(5);
    expect(calendar.countWorkingDaysBetween('2026-04-30', '2026-05-08')).toBe(5);
    expect(calendar.countWorkingDaysBetween('2026-05-08', '2026-04-30')).toBe(-5);
    expect(calendar.countWorkingDaysBetween('2026-05-08', '2026-05-08')).toBe(0);
  });

  it('still refuses bad input on every call', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-04-30', -1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30-04-2026')).toThrow(RangeError);
    expect(() => calendar.countWorkingDaysBetween('2026-04-31', '2026-05-08')).toThrow(RangeError);
  });
});
