/**
 * The regulation's terms and their traffic lights, table-driven with one commented row per case. Dates are
 * counted by hand on the Atw calendar of 2026 (Good Friday 3 April, Easter Monday 6 April, Koningsdag 27 April,
 * 5 May, Ascension 14 May + equated 15 May, Whit Monday 25 May).
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import {
  computeDeadlines,
  type DeadlineState,
  deadlineOverview,
  deadlineState,
} from '../../src/domain/deadlines.ts';
import { DEFAULT_SETTINGS, KNOWN_EQUATED_DAYS } from '../../src/domain/settings.ts';
import { atwCalendar as atw } from './fixtures.ts';

const terms = DEFAULT_SETTINGS.terms;
const withClosing = (closingDays: string[]) =>
  createCalendar({ followEquatedDays: true, equatedDays: [...KNOWN_EQUATED_DAYS], closingDays });

type Facts = Parameters<typeof computeDeadlines>[0];
const facts = (over: Partial<Facts> = {}): Facts => ({
  receivedAt: '2026-04-30T09:00:00+02:00',
  reopenings: [],
  extension: null,
  resolvedAt: null,
  acknowledgedAt: null,
  finalReportSentAt: null,
  notTakenUp: null,
  ...over,
});

describe('deadlineState', () => {
  // [due, metAt, today, expected]
  // biome-ignore format: one case a line
  const ROWS: [string, string | null, string, DeadlineState][] = [
    // met on the due day: Friday 8 May, 16:00
    ['2026-05-08', '2026-05-08T16:00:00+02:00', '2026-05-20', 'met'],
    // met on the due day at 23:59 in Amsterdam
    ['2026-05-08', '2026-05-08T23:59:00+02:00', '2026-05-20', 'met'],
    // met before the due day; today does not matter once met
    ['2026-05-08', '2026-05-04T09:00:00+02:00', '2026-12-31', 'met'],
    // met late: Monday 11 May
    ['2026-05-08', '2026-05-11T09:00:00+02:00', '2026-05-11', 'met_late'],
    // met late: 23:30 UTC on the due day is already Saturday 9 May, 01:30 in Amsterdam
    ['2026-05-08', '2026-05-08T23:30:00Z', '2026-05-11', 'met_late'],
    // overdue: not met, today Monday 11 May, due Friday 8 May
    ['2026-05-08', null, '2026-05-11', 'overdue'],
    // overdue the day after, even on a Saturday
    ['2026-05-08', null, '2026-05-09', 'overdue'],
    // due today: 0 working days left
    ['2026-05-08', null, '2026-05-08', 'due_soon'],
    // today Thursday 4 June, due Monday 8 June: Fri (1), Mon (2)
    ['2026-06-08', null, '2026-06-04', 'due_soon'],
    // today Wednesday 3 June, due Monday 8 June: Thu (1), Fri (2), Mon (3)
    ['2026-06-08', null, '2026-06-03', 'on_time'],
    // today Saturday 6 June, due Monday 8 June: Mon (1)
    ['2026-06-08', null, '2026-06-06', 'due_soon'],
    // today Tuesday 12 May, due Monday 18 May: Wed 13 (1), [Ascension 14, equated 15], Mon 18 (2)
    ['2026-05-18', null, '2026-05-12', 'due_soon'],
    // today Monday 11 May, due Monday 18 May: 12 (1), 13 (2), 18 (3)
    ['2026-05-18', null, '2026-05-11', 'on_time'],
    // today Friday 22 May, due Tuesday 26 May: [Whit Monday 25], Tue 26 (1)
    ['2026-05-26', null, '2026-05-22', 'due_soon'],
    // today Thursday 23 April, due Tuesday 28 April: Fri 24 (1), [Koningsdag 27], Tue 28 (2)
    ['2026-04-28', null, '2026-04-23', 'due_soon'],
    // today Wednesday 22 April, due Tuesday 28 April: 23 (1), 24 (2), 28 (3)
    ['2026-04-28', null, '2026-04-22', 'on_time'],
  ];

  it.each(ROWS)('due %s, met %s, today %s → %s', (due, metAt, today, expected) => {
    expect(deadlineState(due, metAt, today, atw)).toBe(expected);
  });
});

describe('computeDeadlines', () => {
  it('counts from the Amsterdam date of receipt', () => {
    // Thursday 30 April 09:00: acknowledge 1, 4, [5], 6, 7, 8 May; resolve … 4 June (see lifecycle-paths)
    expect(computeDeadlines(facts(), atw, terms)).toEqual({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
      calendarId: atw.id,
    });
  });

  // [receivedAt, acknowledgeBy, resolveBy]
  // biome-ignore format: one case a line
  const RECEIPTS: [string, string, string][] = [
    // Wednesday 1 April 14:00: 2 (1), [3 Good Friday, 6 Easter Monday], 7–10 (5); … [27 April], … 6 May (21)
    ['2026-04-01T14:00:00+02:00', '2026-04-10', '2026-05-06'],
    // Saturday 2 May: 4 (1), [5], 6–8 (4), 11 (5); 11–13 (7), [14, 15], 18–22 (12), [25], 26–29 (16), 1–5 June (21)
    ['2026-05-02T11:00:00+02:00', '2026-05-11', '2026-06-05'],
    // 23:30 UTC on Thursday 30 April is 01:30 on Friday 1 May in Amsterdam: counted from 1 May, as above
    ['2026-04-30T23:30:00Z', '2026-05-11', '2026-06-05'],
    // 21:30 UTC on 30 April is 23:30 in Amsterdam, still Thursday 30 April
    ['2026-04-30T21:30:00Z', '2026-05-08', '2026-06-04'],
    // Friday 1 May 00:00 in Amsterdam
    ['2026-05-01T00:00:00+02:00', '2026-05-11', '2026-06-05'],
  ];

  it.each(RECEIPTS)(
    'received %s → acknowledge by %s, resolve by %s',
    (receivedAt, acknowledgeBy, resolveBy) => {
      const deadlines = computeDeadlines(facts({ receivedAt }), atw, terms);
      expect(deadlines).toEqual({ acknowledgeBy, resolveBy, reportBy: null, calendarId: atw.id });
    },
  );

  it('keeps a met acknowledgement when a closing day is added, but moves the open resolution term', () => {
    const acknowledged = facts({ acknowledgedAt: '2026-05-04T09:00:00+02:00' });
    const previous = computeDeadlines(acknowledged, atw, terms);
    const closing7May = withClosing(['2026-05-07']);
    // resolveBy: 1 (1), 4 (2), [5], 6 (3), [7 closing], 8 (4), 11–13 (7), [14, 15], 18–22 (12), [25], 26–29 (16),
    //            1–5 June (21) → 2026-06-05
    expect(computeDeadlines(acknowledged, closing7May, terms, previous)).toEqual({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-05',
      reportBy: null,
      calendarId: closing7May.id,
    });
    expect(closing7May.id).not.toBe(atw.id);
    // Not yet acknowledged: the acknowledgement moves too. 1 (1), 4 (2), [5], 6 (3), [7], 8 (4), 11 (5)
    expect(computeDeadlines(facts(), closing7May, terms, previous).acknowledgeBy).toBe('2026-05-11');
  });

  it('keeps a met resolution term; the open report term moves, a met one does not', () => {
    const resolved = facts({
      acknowledgedAt: '2026-05-04T09:00:00+02:00',
      resolvedAt: '2026-05-20T16:00:00+02:00',
    });
    const previous = computeDeadlines(resolved, atw, terms);
    // reportBy: 21, 22 (2), [25], 26–29 (6), 1–5 June (11), 8–12 (16), 15–19 (21) → 2026-06-19
    expect(previous).toEqual({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-06-19',
      calendarId: atw.id,
    });
    const closing1June = withClosing(['2026-06-01']);
    // reportBy: 21, 22 (2), [25], 26–29 (6), [1 June closing], 2–5 (10), 8–12 (15), 15–19 (20), 22 (21) → 2026-06-22
    expect(computeDeadlines(resolved, closing1June, terms, previous)).toEqual({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-06-22',
      calendarId: closing1June.id,
    });
    const reported = { ...resolved, finalReportSentAt: '2026-06-10T10:00:00+02:00' };
    expect(computeDeadlines(reported, closing1June, terms, previous).reportBy).toBe('2026-06-19');
  });

  it('adds an extension to the resolution term', () => {
    const extended = facts({
      extension: {
        workingDays: 5,
        reason: 'Ziekte',
        noticeSentAt: '2026-05-20T10:00:00+02:00',
        previousResolveBy: '2026-06-04',
      },
    });
    // 4 June + 5: 5 (1), 8–11 (5) → 2026-06-11
    expect(computeDeadlines(extended, atw, terms).resolveBy).toBe('2026-06-11');
  });

  it('owes no final report after a notice of not taking up', () => {
    const notTakenUp = facts({
      resolvedAt: '2026-05-06T10:00:00+02:00',
      notTakenUp: { ground: 'not_about_us', motivation: 'x', at: '2026-05-06T10:00:00+02:00' },
    });
    expect(computeDeadlines(notTakenUp, atw, terms).reportBy).toBeNull();
  });

  it('counts the running terms from the last reopening', () => {
    const reopened = facts({
      reopenings: [
        { at: '2026-05-11T09:00:00+02:00', reason: 'a', fromStatus: 'closed' },
        { at: '2026-05-13T09:00:00+02:00', reason: 'b', fromStatus: 'withdrawn' },
      ],
    });
    // From Wednesday 13 May: [14, 15], 18–22 (5); … 26–29 (9), 1–5 June (14), 8–12 (19), 15, 16 (21)
    expect(computeDeadlines(reopened, atw, terms)).toMatchObject({
      acknowledgeBy: '2026-05-22',
      resolveBy: '2026-06-16',
    });
  });

  it('counts 15 May as a working day when the organisation does not follow the equated days', () => {
    const noEquated = createCalendar({
      followEquatedDays: false,
      equatedDays: [...KNOWN_EQUATED_DAYS],
      closingDays: [],
    });
    // 1 (1), 4 (2), [5], 6–8 (5), 11–13 (8), [14], 15 (9), 18–22 (14), [25], 26–29 (18), 1–3 June (21)
    expect(computeDeadlines(facts(), noEquated, terms).resolveBy).toBe('2026-06-03');
  });
});

describe('deadlineOverview', () => {
  const complaint = (over: Partial<Complaint>) =>
    ({
      status: 'investigating',
      deadlines: { acknowledgeBy: '2026-05-08', resolveBy: '2026-06-04', reportBy: null, calendarId: atw.id },
      acknowledgedAt: '2026-05-04T09:00:00+02:00',
      resolvedAt: null,
      finalReportSentAt: null,
      ...over,
    }) as Pick<Complaint, 'deadlines' | 'acknowledgedAt' | 'resolvedAt' | 'finalReportSentAt' | 'status'>;

  it('gives each term its light', () => {
    // today Tuesday 2 June: resolve by Thursday 4 June is 2 working days away
    expect(deadlineOverview(complaint({}), '2026-06-02', atw)).toEqual({
      acknowledge: { due: '2026-05-08', state: 'met' },
      resolve: { due: '2026-06-04', state: 'due_soon' },
      report: null,
    });
  });

  it('shows the report term once resolved', () => {
    const resolved = complaint({
      status: 'resolved',
      resolvedAt: '2026-06-05T10:00:00+02:00',
      deadlines: {
        acknowledgeBy: '2026-05-08',
        resolveBy: '2026-06-04',
        reportBy: '2026-07-06',
        calendarId: atw.id,
      },
    });
    expect(deadlineOverview(resolved, '2026-06-08', atw)).toEqual({
      acknowledge: { due: '2026-05-08', state: 'met' },
      resolve: { due: '2026-06-04', state: 'met_late' },
      report: { due: '2026-07-06', state: 'on_time' },
    });
  });
});
