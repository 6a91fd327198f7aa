/**
 * The statistics of the annual analysis, pure: quantiles of lead times, working days between many pairs, the
 * exact test of two Poisson counts, Holm's adjustment and the verdicts in words on constructed cases. Every
 * expected p-value was computed separately (Python, exact binomial sums) and is written out here.
 */
import { describe, expect, it } from 'vitest';
import type { YearAggregates } from '../../src/analysis/aggregates.ts';
import { exposureDays } from '../../src/analysis/dates.ts';
import { buildAnnualReport } from '../../src/analysis/report.ts';
import { holm, quantile, ratePValue, verdictOf, workingDayCounter } from '../../src/analysis/statistics.ts';
import { createCalendar } from '../../src/domain/calendar.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { atwCalendar } from '../domain/fixtures.ts';

describe('quantiles (linear interpolation between ranks, as Excel PERCENTILE.INC)', () => {
  it.each([
    // histogram, median, 90th percentile
    [
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
      ],
      2.5,
      3.7,
    ],
    [
      [
        [1, 3],
        [7, 1],
      ],
      1,
      5.2,
    ],
    [[[5, 1]], 5, 5],
    [
      [
        [0, 2],
        [10, 2],
      ],
      5,
      10,
    ],
    [
      [
        [1, 9],
        [2, 1],
      ],
      1,
      1.1,
    ],
  ] as [[number, number][], number, number][])(
    '%j: median %d, 90th percentile %d',
    (histogram, median, p90) => {
      expect(quantile(histogram, 0.5)).toBe(median);
      expect(quantile(histogram, 0.9)).toBe(p90);
    },
  );

  it('has none for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('working days between many pairs', () => {
  const count = workingDayCounter(atwCalendar);
  it.each([
    // Thursday 30 April 2026 → Friday 8 May: 1, 4, (5 May), 6, 7, 8 May
    ['2026-04-30', '2026-05-08', 5],
    // Wednesday 1 April 2026 → Friday 10 April: Good Friday and Easter Monday skipped
    ['2026-04-01', '2026-04-10', 5],
    // the same day: none
    ['2025-06-02', '2025-06-02', 0],
    // over Christmas and the equated 2 January 2026: 29, 30, 31 December, 5 January
    ['2025-12-24', '2026-01-05', 4],
    // backwards counts negative
    ['2025-01-10', '2025-01-06', -4],
    // from the first year the calendar supports: Nieuwjaarsdag skipped
    ['2014-12-31', '2015-01-05', 2],
  ])('%s → %s: %d', (from, to, expected) => {
    expect(count(from, to)).toBe(expected);
  });

  it('follows the calendar it was made with (closing days)', () => {
    const closed = createCalendar({ followEquatedDays: true, equatedDays: [], closingDays: ['2026-05-06'] });
    expect(workingDayCounter(closed)('2026-04-30', '2026-05-08')).toBe(4);
  });
});

describe('the exact test of two Poisson counts', () => {
  it.each([
    // current, baseline (count over days), two-sided p
    [{ count: 40, days: 365 }, { count: 10, days: 365 }, 2.3861331676755526e-5],
    [{ count: 10, days: 365 }, { count: 40, days: 365 }, 2.3861331676755526e-5],
    [{ count: 20, days: 365 }, { count: 20, days: 365 }, 1],
    [{ count: 4, days: 365 }, { count: 2, days: 365 }, 0.6875],
    [{ count: 12, days: 365 }, { count: 1, days: 365 }, 0.00341796875],
    // half a year at the old rate: 30 in 182 days against 60 in 365 days is no change at all
    [{ count: 30, days: 182 }, { count: 60, days: 365 }, 1],
    [{ count: 0, days: 365 }, { count: 0, days: 365 }, 1],
  ])('%j against %j: p = %d', (current, baseline, p) => {
    expect(ratePValue(current, baseline)).toBeCloseTo(p, 12);
  });

  it('has nothing to say without exposure', () => {
    expect(ratePValue({ count: 3, days: 0 }, { count: 1, days: 365 })).toBeNull();
  });

  it('says the verdict in words, significant only below 5%', () => {
    expect(verdictOf({ count: 40, days: 365 }, { count: 10, days: 365 }, 0.00002)).toBe(
      'significant_increase',
    );
    expect(verdictOf({ count: 10, days: 365 }, { count: 40, days: 365 }, 0.00002)).toBe(
      'significant_decrease',
    );
    expect(verdictOf({ count: 4, days: 365 }, { count: 2, days: 365 }, 0.6875)).toBe('no_clear_change');
    expect(verdictOf({ count: 9, days: 365 }, { count: 2, days: 365 }, 0.05)).toBe('no_clear_change');
    expect(verdictOf({ count: 9, days: 365 }, { count: 2, days: 365 }, null)).toBe('no_clear_change');
  });

  it("adjusts a table's p-values with Holm's method", () => {
    expect(holm([0.125, 0.5, 0.25, null])).toEqual([0.375, 0.5, 0.5, null]);
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expect(holm([])).toEqual([]);
  });
});

describe('exposure: the days of a year the data covers', () => {
  it.each([
    [2025, '2023-03-01', '2026-02-16', 365],
    [2024, '2023-03-01', '2026-02-16', 366],
    [2023, '2023-03-01', '2026-02-16', 306],
    // the current year so far: 1 January to 16 February
    [2026, '2023-03-01', '2026-02-16', 47],
    [2022, '2023-03-01', '2026-02-16', 0],
    [2025, null, '2026-02-16', 365],
  ])('%d with data from %s, as of %s: %d days', (year, first, asOf, days) => {
    expect(exposureDays(year, first, asOf)).toBe(days);
  });
});

/** A year with nothing in it but complaints per category (the trends need no more). */
function yearWith(year: number, byCategory: Record<string, number>): YearAggregates {
  const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
  const term = { onTime: 0, late: 0, overdue: 0, open: 0, notOwed: 0 };
  return {
    year,
    total,
    byMonth: {},
    byChannel: { web: total },
    byCategory,
    dailyByCategory: [],
    byTeam: {},
    byRole: {},
    byCommissioningParty: {},
    byStatus: {},
    notTakenUpByGround: {},
    anonymous: 0,
    reopened: 0,
    spot: { total: 0, converted: 0, byMonth: {}, byChannel: {}, byCategory: {} },
    terms: { acknowledge: term, resolve: term, report: term },
    leadTimes: { acknowledge: [], resolve: [], report: [] },
    extensions: { count: 0, workingDays: 0 },
    judgement: {},
    offered: 0,
    newOffer: 0,
    firstOfferReaction: {},
    newOfferReaction: {},
    measureKinds: {},
    agreedMeasures: { count: 0, done: 0, doneOnTime: 0 },
    escalations: { complaints: 0, total: 0, byRoute: {} },
    prevention: {
      decidedMeasures: 0,
      noneArePossible: 0,
      measures: 0,
      done: 0,
      doneOnTime: 0,
      evaluated: 0,
      effective: 0,
    },
    survey: { invited: 0, answered: 0, handledWell: {}, onTime: {} },
  };
}

describe('trend verdicts on constructed years (2022 → 2023, 365 days each)', () => {
  const previous = { service: 10, communication: 20, coaching: 2, appointments: 40 };
  const current = { service: 40, communication: 20, coaching: 4, appointments: 10 };
  const report = buildAnnualReport({
    year: 2023,
    asOf: '2024-03-01',
    generatedAt: '2024-03-01T09:00:00.000Z',
    settings: DEFAULT_SETTINGS,
    calendar: atwCalendar,
    firstDataOn: '2022-01-01',
    current: yearWith(2023, current),
    previous: { source: 'live', aggregates: yearWith(2022, previous) },
    earlier: [
      {
        year: 2022,
        source: 'live',
        volume: { year: 2022, total: 72, byCategory: previous, byChannel: { web: 72 } },
      },
    ],
    recurrence: { firstMeasureDone: [], daily: [] },
  });
  const row = (key: string) => report.trends.byCategory.find((r) => r.key === key)!;

  it('an obvious rise is a significant increase, an obvious fall a significant decrease', () => {
    expect(row('service').vsPrevious).toMatchObject({ changePercent: 300, verdict: 'significant_increase' });
    // Holm over the four categories: 2.3861e-5 × 4 for the smallest of the two tied p-values.
    expect(row('service').vsPrevious!.adjustedP).toBeCloseTo(9.54453267070221e-5, 12);
    expect(row('appointments').vsPrevious).toMatchObject({
      changePercent: -75,
      verdict: 'significant_decrease',
    });
  });

  it('no change is no clear change', () => {
    expect(row('communication').vsPrevious).toMatchObject({
      changePercent: 0,
      pValue: 1,
      verdict: 'no_clear_change',
    });
  });

  it('a rise from 2 to 4 complaints is no clear change', () => {
    expect(row('coaching').vsPrevious).toMatchObject({
      changePercent: 100,
      pValue: 0.6875,
      adjustedP: 1,
      verdict: 'no_clear_change',
    });
  });

  it('compares the total too, without adjustment (72 → 74)', () => {
    expect(report.trends.total.counts).toEqual({ '2022': 72, '2023': 74 });
    expect(report.trends.total.vsPrevious).toMatchObject({ changePercent: 2.8, verdict: 'no_clear_change' });
    // One earlier year only: no comparison with "the earlier years together".
    expect(report.trends.total.vsEarlier).toBeNull();
  });
});
