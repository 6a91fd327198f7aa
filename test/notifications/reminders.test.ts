/**
 * What the deadline watch owes a case on a day, and who gets it (pure; the job is tested in test/jobs).
 * Literal dates on the Atw calendar of 2026: received Thursday 30 April → acknowledge by Friday 8 May
 * (1 May, 4, [5 May off], 6, 7, 8), resolve by Thursday 4 June.
 */
import { describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/domain/action-context.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { directoryOf } from '../../src/notifications/recipients.ts';
import { type DueReminder, reminderEmails, remindersDue } from '../../src/notifications/reminders.ts';
import { atwCalendar, createWorld, DEPUTY, EMPLOYEE, HANDLER_1, HANDLER_2, QM } from '../domain/fixtures.ts';

const world = createWorld().at('2026-04-30T10:00:00+02:00');
const registered = world.register(
  { description: 'Mijn jobcoach kwam niet opdagen.' },
  { receivedAt: '2026-04-30T09:00:00+02:00' },
);
const assigned = world.as(QM).run(registered, { name: 'assignHandler', input: { handlerId: HANDLER_1.id } });
const acknowledged = world
  .at('2026-05-06T10:00:00+02:00')
  .as(HANDLER_1)
  .run(
    assigned,
    { name: 'recordSummary', input: { summary: 'Gemiste afspraak.' } },
    { name: 'acknowledge', input: {} },
  );

const due = (complaint: Complaint, today: string, nearWorkingDays = 2) =>
  remindersDue(complaint, today, atwCalendar, { nearWorkingDays }).map(
    (r) => `${r.subject} ${r.stage} ${r.due}`,
  );

describe('remindersDue', () => {
  it.each([
    // [case, today, near in N working days, reminders]
    ['registered', '2026-04-30', 2, []], // the day of receipt does not count
    ['registered', '2026-05-01', 2, ['unassigned near 2026-05-08']], // one working day has passed
    ['registered', '2026-05-08', 2, ['unassigned near 2026-05-08']], // the acknowledgement term's own reminder is left out
    ['registered', '2026-05-11', 2, ['unassigned overdue 2026-05-08']],
    ['registered', '2026-06-02', 2, ['resolve near 2026-06-04', 'unassigned overdue 2026-05-08']], // 3 June, 4 June
    ['assigned', '2026-05-04', 2, []], // 6, 7, 8 May: 3 working days
    ['assigned', '2026-05-04', 3, ['acknowledge near 2026-05-08']],
    ['assigned', '2026-05-06', 2, ['acknowledge near 2026-05-08']], // 7, 8 May
    ['assigned', '2026-05-07', 0, []],
    ['assigned', '2026-05-08', 0, ['acknowledge near 2026-05-08']], // on the day itself
    ['assigned', '2026-05-11', 2, ['acknowledge overdue 2026-05-08']],
    ['assigned', '2026-06-05', 2, ['acknowledge overdue 2026-05-08', 'resolve overdue 2026-06-04']],
    ['acknowledged', '2026-05-11', 2, []], // acknowledged on 6 May: met
    ['acknowledged', '2026-06-02', 2, ['resolve near 2026-06-04']],
  ] as const)('%s on %s (N = %i)', (name, today, n, expected) => {
    const complaint = { registered, assigned, acknowledged }[name];
    expect(due(complaint, today, n)).toEqual(expected);
  });

  it('owes nothing on a closed, withdrawn or not-taken-up case', () => {
    for (const status of ['closed', 'withdrawn', 'not_taken_up'] as const) {
      expect(due({ ...assigned, status }, '2026-06-05')).toEqual([]);
    }
  });

  it('reminds of open measures only, near and past their due date', () => {
    const measure = {
      kind: 'correction' as const,
      description: 'Excuses aanbieden',
      ownerUserId: EMPLOYEE.id,
      doneAt: null,
    };
    const withMeasures: Complaint = {
      ...acknowledged,
      status: 'reported',
      resolvedAt: '2026-05-12T10:00:00.000Z',
      finalReportSentAt: '2026-05-13T10:00:00.000Z',
      deadlines: { ...acknowledged.deadlines, reportBy: '2026-06-15' },
      agreedMeasures: [
        { ...measure, id: 'm1', dueDate: '2026-06-15' },
        { ...measure, id: 'm2', dueDate: '2026-06-12', doneAt: '2026-06-01T10:00:00.000Z' },
      ],
      preventiveMeasures: [
        {
          id: 'p1',
          description: 'Agenda overdragen',
          ownerUserId: QM.id,
          consulted: 'Team',
          dueDate: '2026-06-16',
          doneAt: null,
          evaluation: null,
        },
      ],
    };
    expect(due(withMeasures, '2026-06-10')).toEqual([]); // 11, 12, 15 June: 3 working days
    expect(due(withMeasures, '2026-06-11')).toEqual(['agreed_measure:m1 near 2026-06-15']);
    expect(due(withMeasures, '2026-06-12')).toEqual([
      'agreed_measure:m1 near 2026-06-15',
      'preventive_measure:p1 near 2026-06-16',
    ]);
    expect(due(withMeasures, '2026-06-16')).toEqual([
      'agreed_measure:m1 overdue 2026-06-15',
      'preventive_measure:p1 near 2026-06-16',
    ]);
  });
});

describe('reminderEmails', () => {
  const ctx = (users: UserRef[], deputyUserId: string | null = null) => ({
    users: directoryOf(users),
    deputyUserId,
    publicUrl: 'https://klachten.example.nl/',
    terms: DEFAULT_SETTINGS.terms,
  });
  const first = (complaint: Complaint, today: string) =>
    remindersDue(complaint, today, atwCalendar, { nearWorkingDays: 2 })[0]!;
  const recipients = (reminder: DueReminder, complaint: Complaint, c: ReturnType<typeof ctx>) => {
    const { emails, escalated } = reminderEmails(reminder, complaint, c);
    return { to: emails.map((e) => `${e.userId}:${e.kind}`), escalated };
  };
  const everyone = [QM, HANDLER_1, HANDLER_2, EMPLOYEE, DEPUTY];

  it('near: the handler only; overdue: the handler and every quality manager', () => {
    expect(recipients(first(assigned, '2026-05-06'), assigned, ctx(everyone))).toEqual({
      to: ['u-h1:deadline_reminder'],
      escalated: false,
    });
    expect(recipients(first(assigned, '2026-05-11'), assigned, ctx(everyone))).toEqual({
      to: ['u-h1:deadline_reminder', 'u-qm:deadline_escalation', 'u-dep:deadline_escalation'],
      escalated: true,
    });
  });

  it('a quality manager involved in the case gets no escalation; the deputy takes it over', () => {
    const deputy: UserRef = {
      ...HANDLER_2,
      id: 'u-deputy',
      email: 'deputy@loket3.example',
      roles: ['handler'],
    };
    const involvingQm: Complaint = {
      ...assigned,
      involved: [{ id: 'i1', kind: 'user', userId: QM.id, name: QM.name, mentionId: null }],
    };
    const users = [QM, HANDLER_1, deputy];
    expect(recipients(first(assigned, '2026-05-11'), assigned, ctx(users, deputy.id)).to).toEqual([
      'u-h1:deadline_reminder',
      'u-qm:deadline_escalation',
    ]);
    expect(recipients(first(involvingQm, '2026-05-11'), involvingQm, ctx(users, deputy.id)).to).toEqual([
      'u-h1:deadline_reminder',
      'u-deputy:deadline_escalation',
    ]);
  });

  it('with the handler gone (inactive), the quality managers get the near reminder too', () => {
    const gone = [QM, { ...HANDLER_1, active: false }];
    const { emails } = reminderEmails(first(assigned, '2026-05-06'), assigned, ctx(gone));
    expect(emails.map((e) => [e.to, e.kind, e.subject])).toEqual([
      [
        'u-qm@loket3.example',
        'deadline_reminder',
        `Herinnering: ontvangstbevestiging klacht ${assigned.reference} uiterlijk vrijdag 8 mei 2026, geen actieve behandelaar`,
      ],
    ]);
    expect(emails[0]!.text).toContain('De klacht heeft geen actieve behandelaar: wijs er een aan.');
    expect(emails[0]!.text).toContain(
      `https://klachten.example.nl/staff/complaints/${assigned.reference}`,
    );
  });

  it('measures: near to the owner; overdue to owner and handler; the handler stands in for an owner who left', () => {
    const complaint: Complaint = {
      ...acknowledged,
      agreedMeasures: [
        {
          id: 'm1',
          kind: 'correction',
          description: 'Excuses aanbieden',
          ownerUserId: EMPLOYEE.id,
          dueDate: '2026-06-15',
          doneAt: null,
        },
      ],
    };
    const reminder = (today: string) =>
      remindersDue(complaint, today, atwCalendar, { nearWorkingDays: 2 }).find(
        (r) => r.subject === 'agreed_measure:m1',
      )!;
    expect(recipients(reminder('2026-06-11'), complaint, ctx(everyone)).to).toEqual([
      'u-emp:measure_reminder',
    ]);
    expect(recipients(reminder('2026-06-16'), complaint, ctx(everyone)).to).toEqual([
      'u-emp:measure_reminder',
      'u-h1:measure_reminder',
    ]);
    const left = everyone.map((u) => (u.id === EMPLOYEE.id ? { ...u, active: false } : u));
    const { emails } = reminderEmails(reminder('2026-06-11'), complaint, ctx(left));
    expect(emails.map((e) => e.userId)).toEqual(['u-h1']);
    expect(emails[0]!.text).toContain('Eigenaar: Jan Jansen. U krijgt dit bericht als behandelaar');
  });

  it('nobody reachable: no emails (the watch then does not record the reminder)', () => {
    expect(reminderEmails(first(registered, '2026-05-01'), registered, ctx([HANDLER_1])).emails).toEqual([]);
  });
});
