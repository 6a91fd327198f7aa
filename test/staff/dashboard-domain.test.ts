/**
 * The dashboard's pure rules (src/domain/dashboard.ts): which term is the nearest open one, the stored sort
 * key, the "due soon" boundary in working days, and each user's work on a case.
 */
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.ts';
import { dashboardDue, dueSoonBefore, nextOpenTerm, workItemsOf } from '../../src/domain/dashboard.ts';
import { deadlineState } from '../../src/domain/deadlines.ts';
import type { ComplaintStatus } from '../../src/domain/lifecycle.ts';
import { atwCalendar } from '../domain/fixtures.ts';

type TermFacts = Parameters<typeof nextOpenTerm>[0];

// Received Thursday 30 April 2026: acknowledge by Friday 8 May (5 May, Bevrijdingsdag, skipped), resolve by
// Thursday 4 June (21 working days; Hemelvaart and Tweede Pinksterdag skipped).
const received = (status: ComplaintStatus, facts: Partial<TermFacts> = {}): TermFacts => ({
  status,
  deadlines: { acknowledgeBy: '2026-05-08', resolveBy: '2026-06-04', reportBy: null, calendarId: 'atw' },
  acknowledgedAt: null,
  resolvedAt: null,
  finalReportSentAt: null,
  ...facts,
});

describe('the nearest open term', () => {
  it.each([
    // [case, expected term and date, stored key]
    [
      'registered, nothing sent',
      received('registered'),
      { term: 'acknowledge', due: '2026-05-08' },
      '2026-05-08',
    ],
    [
      'acknowledged on 6 May',
      received('investigating', { acknowledgedAt: '2026-05-06T10:00:00.000Z' }),
      { term: 'resolve', due: '2026-06-04' },
      '2026-06-04',
    ],
    [
      'resolved on 2 June: the final report is due 21 working days later',
      received('resolved', {
        acknowledgedAt: '2026-05-06T10:00:00.000Z',
        resolvedAt: '2026-06-02T10:00:00.000Z',
        deadlines: {
          acknowledgeBy: '2026-05-08',
          resolveBy: '2026-06-04',
          reportBy: '2026-07-01',
          calendarId: 'atw',
        },
      }),
      { term: 'report', due: '2026-07-01' },
      '2026-07-01',
    ],
    [
      'acknowledgement late and still open while resolved (a late acknowledgement stays the nearest term)',
      received('resolved', {
        resolvedAt: '2026-06-02T10:00:00.000Z',
        deadlines: {
          acknowledgeBy: '2026-05-08',
          resolveBy: '2026-06-04',
          reportBy: '2026-07-01',
          calendarId: 'atw',
        },
      }),
      { term: 'acknowledge', due: '2026-05-08' },
      '2026-05-08',
    ],
    [
      'final report sent: open, but no term runs',
      received('reported', {
        acknowledgedAt: '2026-05-06T10:00:00.000Z',
        resolvedAt: '2026-06-02T10:00:00.000Z',
        finalReportSentAt: '2026-06-10T10:00:00.000Z',
        deadlines: {
          acknowledgeBy: '2026-05-08',
          resolveBy: '2026-06-04',
          reportBy: '2026-07-01',
          calendarId: 'atw',
        },
      }),
      null,
      '9999-12-31',
    ],
    ['withdrawn: finished', received('withdrawn'), null, null],
    ['not taken up: finished', received('not_taken_up'), null, null],
    ['closed: finished', received('closed', { acknowledgedAt: '2026-05-06T10:00:00.000Z' }), null, null],
  ])('%s', (_case, facts, term, key) => {
    expect(nextOpenTerm(facts)).toEqual(term);
    expect(dashboardDue(facts)).toBe(key);
  });
});

describe('due soon: within 2 working days', () => {
  it.each([
    // [today, first day no longer due soon]
    ['2026-05-06', '2026-05-11'], // Wednesday: 7, 8 May due soon; Monday 11 May on time
    ['2026-05-04', '2026-05-08'], // Monday: 5 May is Bevrijdingsdag, so 6 and 7 May are the two days
    ['2026-05-02', '2026-05-07'], // Saturday: 4 and 6 May
    ['2026-05-12', '2026-05-19'], // Tuesday: 13 and 18 May (Hemelvaart and the equated Friday 15 May skipped)
  ])('seen on %s, due soon until before %s', (today, before) => {
    expect(dueSoonBefore(today, atwCalendar)).toBe(before);
  });

  it('the acknowledgement due Friday 8 May: on time on 5 May, due soon on 6 May, overdue on 11 May', () => {
    expect(deadlineState('2026-05-08', null, '2026-05-05', atwCalendar)).toBe('on_time');
    expect(deadlineState('2026-05-08', null, '2026-05-06', atwCalendar)).toBe('due_soon');
    expect(deadlineState('2026-05-08', null, '2026-05-08', atwCalendar)).toBe('due_soon');
    expect(deadlineState('2026-05-08', null, '2026-05-11', atwCalendar)).toBe('overdue');
  });

  it('agrees with the traffic light of deadlineState for every pair of days in May and June 2026', () => {
    const days = Array.from({ length: 61 }, (_, i) =>
      new Date(Date.UTC(2026, 4, 1 + i)).toISOString().slice(0, 10),
    );
    let pairs = 0;
    for (const today of days) {
      const before = dueSoonBefore(today, atwCalendar);
      for (const due of days) {
        if (due < today) continue;
        expect(due < before, `${due} seen on ${today}`).toBe(
          deadlineState(due, null, today, atwCalendar) === 'due_soon',
        );
        pairs++;
      }
    }
    expect(pairs).toBe(1891);
  });
});

describe("each user's work on a case", () => {
  const base: Pick<Complaint, 'status' | 'involved' | 'reactions' | 'agreedMeasures' | 'preventiveMeasures'> =
    {
      status: 'investigating',
      involved: [
        { id: 'p1', kind: 'user', userId: 'u-coach', name: 'Jeroen Bakker', mentionId: null },
        { id: 'p2', kind: 'user', userId: 'u-advisor', name: 'Fatima Yilmaz', mentionId: null },
        {
          id: 'p3',
          kind: 'third_party',
          name: 'Piet Extern',
          organisation: 'Bureau X',
          email: null,
          postalAddress: null,
          mentionId: null,
        },
      ],
      reactions: [
        {
          involvedPersonId: 'p1',
          summary: 'Hij was ziek.',
          summaryVersion: 2,
          agreedVersion: 1,
          agreedAt: null,
          agreementMethod: null,
        },
        {
          involvedPersonId: 'p2',
          summary: 'Zij was er wel.',
          summaryVersion: 1,
          agreedVersion: 1,
          agreedAt: '2026-05-07T10:00:00.000Z',
          agreementMethod: null,
        },
      ],
      agreedMeasures: [
        {
          id: 'm1',
          kind: 'redress',
          description: 'Excuses',
          ownerUserId: 'u-handler',
          dueDate: '2026-06-12',
          doneAt: null,
        },
        {
          id: 'm2',
          kind: 'correction',
          description: 'Factuur',
          ownerUserId: 'u-handler',
          dueDate: '2026-06-01',
          doneAt: '2026-05-30T10:00:00.000Z',
        },
      ],
      preventiveMeasures: [
        {
          id: 'v1',
          description: 'Roosters delen',
          ownerUserId: 'u-qm',
          consulted: 'Team',
          dueDate: '2026-09-01',
          doneAt: null,
          evaluation: null,
        },
      ],
    };

  it('lists the involved users, the reaction to agree, and the open measures with their owners', () => {
    expect(workItemsOf(base)).toEqual([
      { userId: 'u-coach', kind: 'involved', itemId: 'p1', due: null },
      { userId: 'u-coach', kind: 'agree', itemId: 'p1', due: null },
      { userId: 'u-advisor', kind: 'involved', itemId: 'p2', due: null },
      { userId: 'u-handler', kind: 'agreed_measure', itemId: 'm1', due: '2026-06-12' },
      { userId: 'u-qm', kind: 'preventive_measure', itemId: 'v1', due: '2026-09-01' },
    ]);
  });

  it('keeps the involvement of open cases only, and open measures also after closing', () => {
    expect(workItemsOf({ ...base, status: 'closed' })).toEqual([
      { userId: 'u-handler', kind: 'agreed_measure', itemId: 'm1', due: '2026-06-12' },
      { userId: 'u-qm', kind: 'preventive_measure', itemId: 'v1', due: '2026-09-01' },
    ]);
  });

  it('asks no agreement once the investigation is over', () => {
    expect(workItemsOf({ ...base, status: 'decided' }).filter((item) => item.kind === 'agree')).toEqual([]);
  });
});
