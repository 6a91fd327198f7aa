import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDaysAfterInstant,
  amsterdamDateOf,
  createCalendar,
  isIsoDate,
} from '../../src/domain/calendar.ts';

// Written out rather than imported from settings.ts, so a change there cannot silently change these tests.
const EQUATED = [
  '2023-04-28',
  '2023-05-19',
  '2024-05-10',
  '2024-12-27',
  '2025-05-30',
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
];
const atw = createCalendar({ followEquatedDays: true, equatedDays: EQUATED, closingDays: [] });
const noEquated = createCalendar({ followEquatedDays: false, equatedDays: EQUATED, closingDays: [] });
const withClosing = createCalendar({
  followEquatedDays: true,
  equatedDays: EQUATED,
  closingDays: ['2026-06-15', '2026-12-24', '2026-12-31'],
});

// Worked out by hand from the Easter dates (GV = Easter-2, TP = +1, HV = +39, TPi = +50); the weekday
// column is checked independently with Temporal so a slip in the table shows up as a failing row.
// biome-ignore format: two holidays a line keeps each year's table readable at a glance
const ATW_HOLIDAYS: Record<number, [string, string, string][]> = {
  // Easter 20 April; 27 April is a Sunday, so Koningsdag is Saturday 26 April
  2025: [
    ['2025-01-01', 'Nieuwjaarsdag', 'Wed'], ['2025-04-18', 'Goede Vrijdag', 'Fri'],
    ['2025-04-21', 'Tweede Paasdag', 'Mon'], ['2025-04-26', 'Koningsdag', 'Sat'],
    ['2025-05-05', 'Bevrijdingsdag', 'Mon'], ['2025-05-29', 'Hemelvaartsdag', 'Thu'],
    ['2025-06-09', 'Tweede Pinksterdag', 'Mon'], ['2025-12-25', 'Eerste Kerstdag', 'Thu'],
    ['2025-12-26', 'Tweede Kerstdag', 'Fri'],
  ],
  // Easter 5 April
  2026: [
    ['2026-01-01', 'Nieuwjaarsdag', 'Thu'], ['2026-04-03', 'Goede Vrijdag', 'Fri'],
    ['2026-04-06', 'Tweede Paasdag', 'Mon'], ['2026-04-27', 'Koningsdag', 'Mon'],
    ['2026-05-05', 'Bevrijdingsdag', 'Tue'], ['2026-05-14', 'Hemelvaartsdag', 'Thu'],
    ['2026-05-25', 'Tweede Pinksterdag', 'Mon'], ['2026-12-25', 'Eerste Kerstdag', 'Fri'],
    ['2026-12-26', 'Tweede Kerstdag', 'Sat'],
  ],
  // Easter 28 March
  2027: [
    ['2027-01-01', 'Nieuwjaarsdag', 'Fri'], ['2027-03-26', 'Goede Vrijdag', 'Fri'],
    ['2027-03-29', 'Tweede Paasdag', 'Mon'], ['2027-04-27', 'Koningsdag', 'Tue'],
    ['2027-05-05', 'Bevrijdingsdag', 'Wed'], ['2027-05-06', 'Hemelvaartsdag', 'Thu'],
    ['2027-05-17', 'Tweede Pinksterdag', 'Mon'], ['2027-12-25', 'Eerste Kerstdag', 'Sat'],
    ['2027-12-26', 'Tweede Kerstdag', 'Sun'],
  ],
  // Easter 16 April
  2028: [
    ['2028-01-01', 'Nieuwjaarsdag', 'Sat'], ['2028-04-14', 'Goede Vrijdag', 'Fri'],
    ['2028-04-17', 'Tweede Paasdag', 'Mon'], ['2028-04-27', 'Koningsdag', 'Thu'],
    ['2028-05-05', 'Bevrijdingsdag', 'Fri'], ['2028-05-25', 'Hemelvaartsdag', 'Thu'],
    ['2028-06-05', 'Tweede Pinksterdag', 'Mon'], ['2028-12-25', 'Eerste Kerstdag', 'Mon'],
    ['2028-12-26', 'Tweede Kerstdag', 'Tue'],
  ],
  // Easter 1 April
  2029: [
    ['2029-01-01', 'Nieuwjaarsdag', 'Mon'], ['2029-03-30', 'Goede Vrijdag', 'Fri'],
    ['2029-04-02', 'Tweede Paasdag', 'Mon'], ['2029-04-27', 'Koningsdag', 'Fri'],
    ['2029-05-05', 'Bevrijdingsdag', 'Sat'], ['2029-05-10', 'Hemelvaartsdag', 'Thu'],
    ['2029-05-21', 'Tweede Pinksterdag', 'Mon'], ['2029-12-25', 'Eerste Kerstdag', 'Tue'],
    ['2029-12-26', 'Tweede Kerstdag', 'Wed'],
  ],
  // Easter 21 April; 27 April is a Saturday, so Koningsdag stays on the 27th
  2030: [
    ['2030-01-01', 'Nieuwjaarsdag', 'Tue'], ['2030-04-19', 'Goede Vrijdag', 'Fri'],
    ['2030-04-22', 'Tweede Paasdag', 'Mon'], ['2030-04-27', 'Koningsdag', 'Sat'],
    ['2030-05-05', 'Bevrijdingsdag', 'Sun'], ['2030-05-30', 'Hemelvaartsdag', 'Thu'],
    ['2030-06-10', 'Tweede Pinksterdag', 'Mon'], ['2030-12-25', 'Eerste Kerstdag', 'Wed'],
    ['2030-12-26', 'Tweede Kerstdag', 'Thu'],
  ],
};
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

describe('holidaysOf', () => {
  for (const [year, rows] of Object.entries(ATW_HOLIDAYS)) {
    it(`lists exactly the Atw holidays of ${year}`, () => {
      for (const [date, , weekday] of rows)
        expect(WEEKDAYS[Temporal.PlainDate.from(date).dayOfWeek], date).toBe(weekday);
      expect(atw.holidaysOf(Number(year))).toEqual(rows.map(([date, name]) => ({ date, name })));
      for (const [date] of rows) expect(atw.isWorkingDay(date), date).toBe(false);
    });
  }

  it('returns a copy that cannot corrupt the cache', () => {
    const first = atw.holidaysOf(2026);
    first.length = 0;
    expect(atw.holidaysOf(2026)).toHaveLength(9);
  });

  it('refuses years before the 2014 Koningsdag rule', () => {
    expect(() => atw.holidaysOf(2013)).toThrow(RangeError);
    expect(() => atw.isWorkingDay('2013-04-30')).toThrow(/2014/);
  });
});

describe('addWorkingDays', () => {
  const cases: [string, ReturnType<typeof createCalendar>, string, number, string][] = [
    // Thu 30 Apr 2026 -> 1 May(1), 4(2), 5 May holiday, 6(3), 7(4), 8(5)
    ['acknowledgement after 30 April', atw, '2026-04-30', 5, '2026-05-08'],
    // Wed 1 Apr 2026 -> 2(1), Good Friday 3 Apr and Easter Monday 6 Apr skipped, 7(2), 8(3), 9(4), 10(5)
    ['acknowledgement over Easter', atw, '2026-04-01', 5, '2026-04-10'],
    // Thu 30 Apr 2026 -> ... 8 May(5), 11-13(8), Ascension 14 + equated 15 skipped, 18-22(13),
    // Whit Monday 25 skipped, 26-29(17), 1-4 June(21)
    ['21 days after 30 April', atw, '2026-04-30', 21, '2026-06-04'],
    // Wed 1 Apr 2026 -> 10 Apr(5), 13-17(10), 20-24(15), Koningsdag Mon 27 skipped, 28-30(18), 1 May(19),
    // 4 May(20), 5 May skipped, 6 May(21)
    ['21 days after 1 April', atw, '2026-04-01', 21, '2026-05-06'],
    // Tue 23 Dec 2025 -> 24(1), 25+26 Christmas, weekend, 29(2), 30(3), 31(4), 1 Jan holiday,
    // 2 Jan equated, weekend, Mon 5 Jan(5)
    ['over Christmas and New Year with equated 2 Jan', atw, '2025-12-23', 5, '2026-01-05'],
    // same, not following equated days: 2 Jan 2026 is the 5th working day
    ['over Christmas and New Year, equated days ignored', noEquated, '2025-12-23', 5, '2026-01-02'],
    // Wed 13 May 2026 -> Ascension Thu 14, equated Fri 15, weekend, Mon 18(1)
    ['over Ascension and the equated Friday', atw, '2026-05-13', 1, '2026-05-18'],
    // followEquatedDays false: Fri 15 May 2026 is a working day
    ['over Ascension, equated Friday not followed', noEquated, '2026-05-13', 1, '2026-05-15'],
    // Thu 24 Apr 2025 -> Fri 25(1), Koningsdag Sat 26 and Sun 27 cost nothing extra, Mon 28(2), Tue 29(3)
    ['Koningsdag 2025 on a Saturday', atw, '2025-04-24', 3, '2025-04-29'],
    // Fri 12 Jun 2026 -> Mon 15 Jun(1)
    ['Friday + 1 is Monday', atw, '2026-06-12', 1, '2026-06-15'],
    // Sat 13 Jun 2026 (receipt on a weekend) -> Mon 15(1)
    ['Saturday receipt + 1', atw, '2026-06-13', 1, '2026-06-15'],
    // Sat 13 Jun 2026 -> 15..19 June(5)
    ['Saturday receipt + 5', atw, '2026-06-13', 5, '2026-06-19'],
    // n = 0 returns the date itself, even a non-working one
    ['n = 0 on a Saturday', atw, '2026-06-13', 0, '2026-06-13'],
    ['n = 0 on a working day', atw, '2026-06-10', 0, '2026-06-10'],
    // Fri 12 Jun 2026 -> closing Mon 15, Tue 16(1)
    ['closing day after a weekend', withClosing, '2026-06-12', 1, '2026-06-16'],
    // Tue 22 Dec 2026 -> 23(1), closing 24, Christmas 25 (Fri), 26 (Sat), Sun 27, 28(2), 29(3)
    ['closing day before Christmas', withClosing, '2026-12-22', 3, '2026-12-29'],
    // ... 29(3), 30(4), closing 31, Nieuwjaarsdag Fri 1 Jan 2027, weekend, Mon 4 Jan(5), Tue 5 Jan(6)
    ['closing days over the turn of the year', withClosing, '2026-12-22', 6, '2027-01-05'],
  ];
  it.each(cases)('%s', (_label, calendar, date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a negative or fractional n and a malformed date', () => {
    expect(() => atw.addWorkingDays('2026-06-10', -1)).toThrow(RangeError);
    expect(() => atw.addWorkingDays('2026-06-10', 1.5)).toThrow(RangeError);
    expect(() => atw.addWorkingDays('2026-06-10T10:00', 1)).toThrow(/YYYY-MM-DD/);
  });
});

describe('countWorkingDaysBetween', () => {
  it.each([
    // (30 Apr, 8 May 2026]: 1, 4, 6, 7, 8 May
    ['2026-04-30', '2026-05-08', 5],
    // (1 Apr, 10 Apr 2026]: 2, 7, 8, 9, 10 April
    ['2026-04-01', '2026-04-10', 5],
    ['2026-05-08', '2026-04-30', -5],
    ['2026-06-10', '2026-06-10', 0],
    // (Fri 12, Sun 14 Jun 2026]: only the weekend
    ['2026-06-12', '2026-06-14', 0],
    // backwards over only a weekend: 0, not -0
    ['2026-06-14', '2026-06-12', 0],
    // 2026: 261 weekdays (starts and ends on a Thursday) - 8 holidays on weekdays - 2 equated days
    ['2025-12-31', '2026-12-31', 251],
  ] as const)('(%s, %s] = %i', (from, to, expected) => {
    expect(atw.countWorkingDaysBetween(from, to)).toBe(expected);
  });

  it('does not subtract equated days that are not followed', () => {
    // 261 weekdays - 8 holidays on weekdays
    expect(noEquated.countWorkingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });

  it('is the inverse of addWorkingDays on a few hundred seeded dates', () => {
    let seed = 20260430;
    const next = (bound: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % bound;
    };
    for (let i = 0; i < 300; i++) {
      const start = Temporal.PlainDate.from('2020-01-01')
        .add({ days: next(16 * 365) })
        .toString();
      const n = next(60);
      for (const calendar of [atw, noEquated, withClosing]) {
        const end = calendar.addWorkingDays(start, n);
        expect(calendar.countWorkingDaysBetween(start, end), `${start} + ${n}`).toBe(n);
        expect(calendar.countWorkingDaysBetween(end, start)).toBe(0 - n);
        if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
      }
    }
  });
});

describe('amsterdamDateOf', () => {
  it.each([
    ['2026-04-30T22:30:00Z', '2026-05-01'], // CEST, +2
    ['2026-04-30T21:59:59Z', '2026-04-30'], // last second of 30 April in Amsterdam
    ['2026-12-31T23:30:00Z', '2027-01-01'], // CET, +1
    ['2026-03-29T00:30:00Z', '2026-03-29'], // DST starts at 01:00Z that day
    ['2026-10-24T22:30:00Z', '2026-10-25'], // DST ends on 25 October; still +2 at this point
    ['2026-05-01T00:30:00+02:00', '2026-05-01'],
  ])('%s -> %s', (instant, expected) => {
    expect(amsterdamDateOf(instant)).toBe(expected);
  });

  it('refuses a timestamp without an offset', () => {
    expect(() => amsterdamDateOf('2026-05-01T10:00:00')).toThrow(/offset/);
  });

  it('counts a deadline from the Amsterdam date of receipt', () => {
    // received Fri 1 May 2026 in Amsterdam -> 4(1), 5 May holiday, 6(2), 7(3), 8(4), 11(5)
    expect(addWorkingDaysAfterInstant(atw, '2026-04-30T22:30:00Z', 5)).toBe('2026-05-11');
  });
});

describe('nonWorkingReason', () => {
  it.each([
    ['2026-05-02', { kind: 'weekend', name: 'zaterdag' }],
    ['2026-05-03', { kind: 'weekend', name: 'zondag' }],
    ['2026-05-05', { kind: 'holiday', name: 'Bevrijdingsdag' }],
    ['2025-04-26', { kind: 'holiday', name: 'Koningsdag' }], // a Saturday, named for what it is
    ['2026-05-15', { kind: 'equated', name: 'Gelijkgestelde dag (Atw art. 3 lid 3)' }],
    ['2016-05-05', { kind: 'holiday', name: 'Hemelvaartsdag, Bevrijdingsdag' }], // Easter 27 March 2016
    ['2026-05-06', null],
  ])('%s', (date, expected) => {
    expect(atw.nonWorkingReason(date)).toEqual(expected);
  });

  it('knows closing days, and equated days only when followed', () => {
    expect(withClosing.nonWorkingReason('2026-06-15')).toEqual({ kind: 'closing', name: 'Sluitingsdag' });
    expect(noEquated.nonWorkingReason('2026-05-15')).toBeNull();
    expect(noEquated.isWorkingDay('2026-05-15')).toBe(true);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2028-02-29', true],
    ['2026-04-01', true],
    ['2026-02-30', false],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('createCalendar', () => {
  it('refuses a bad date in the config, naming it', () => {
    expect(() =>
      createCalendar({ followEquatedDays: true, equatedDays: ['2026-02-30'], closingDays: [] }),
    ).toThrow(/equatedDays\[0\].*2026-02-30/);
    expect(() =>
      createCalendar({ followEquatedDays: true, equatedDays: [], closingDays: ['1-5-2026'] }),
    ).toThrow(/closingDays\[0\]/);
  });

  it('has a stable id that names the parts and changes with what affects results', () => {
    expect(atw.id).toMatch(/^atw\+equated:[0-9a-f]{8}$/);
    expect(withClosing.id).toMatch(/^atw\+equated\+closing:[0-9a-f]{8}$/);
    expect(noEquated.id).toMatch(/^atw:[0-9a-f]{8}$/);
    const reordered = createCalendar({
      followEquatedDays: true,
      equatedDays: [...EQUATED].reverse(),
      closingDays: [],
    });
    expect(reordered.id).toBe(atw.id);
    const ignored = createCalendar({ followEquatedDays: false, equatedDays: [], closingDays: [] });
    expect(ignored.id).toBe(noEquated.id);
    const extended = createCalendar({
      followEquatedDays: true,
      equatedDays: [...EQUATED, '2029-05-11'],
      closingDays: [],
    });
    expect(extended.id).not.toBe(atw.id);
  });
});
