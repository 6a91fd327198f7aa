/**
 * An unsatisfied reporter leads to a new investigation and a new decision; on the way, the involved person's
 * agreement to the summary of their reaction: only they can give it, to one exact version, and an edit
 * withdraws it. The complaint comes in through the public API; the clock is set by hand. Every deadline is a
 * literal date counted by hand on the Atw calendar of 2026 (weekends, Good Friday 3 Apr, Easter Monday 6 Apr,
 * Koningsdag 27 Apr, 5 May, Ascension 14 May + equated 15 May, Whit Monday 25 May). Every refused action is
 * checked to leave status, version and history exactly as they were.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

type Event = { action: string; fromStatus: string | null; toStatus: string; at: string };
interface Case {
  ref: string;
  status: string;
  version: number;
  mentionId: string;
  involvedId: string;
  events: Event[];
}

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const reporterComplaint = {
  reporter: { name: 'Mila Visser', email: 'mila.visser@example.nl', phone: '06 12345678', role: 'candidate' },
  description: 'Mijn jobcoach kwam twee keer niet op de afspraak en belde niet af.',
  involvedEmployees: ['Jeroen'],
};
const decision = (judgement: string) => ({
  judgement,
  reasons: 'De afspraken zijn niet nagekomen.',
  findings: 'De jobcoach heeft twee afspraken gemist zonder af te bellen.',
  severity: 'medium',
  cause: 'Agenda niet bijgewerkt na ziekte.',
  responsibleParty: 'Team Utrecht',
});
const offer = (method = 'phone') => ({
  method,
  measures: [{ kind: 'replacement_service', description: 'Een andere jobcoach.' }],
});

describeEachDialect('lifecycle path with a new investigation', (dialect) => {
  let t: TestApp;
  let clock = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const at = (iso: string) => {
    t.setNow(iso);
    clock = new Date(iso).toISOString();
  };
  async function show(ref: string, as = 'qm') {
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function submit(iso: string): Promise<Case> {
    at(iso);
    const response = await call(t, 'POST', '/api/v1/complaints', { body: reporterComplaint });
    expect(response.statusCode, response.body).toBe(201);
    const form = await show(response.json().reference);
    const events = [{ action: 'register', fromStatus: null, toStatus: 'registered', at: clock }];
    return {
      ref: form.reference,
      status: 'registered',
      version: 1,
      mentionId: form.mentions[0].id,
      involvedId: '',
      events,
    };
  }
  /** A successful action: 200, the expected status, version + 1; remembered for the history check. */
  async function step(c: Case, as: string, action: string, body: unknown, expected: string) {
    const response = await act(t, as, c.ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    const form = response.json();
    expect(form.status).toBe(expected);
    expect(form.version).toBe(c.version + 1);
    c.events.push({ action: camel(action), fromStatus: c.status, toStatus: expected, at: clock });
    c.status = expected;
    c.version += 1;
    return form;
  }
  /** A refused action: the problem's status and code, and nothing half-applied. */
  async function refuse(c: Case, as: string, action: string, body: unknown, status: number, code: string) {
    const response = await act(t, as, c.ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe(code);
    const form = await show(c.ref);
    expect(form.status).toBe(c.status);
    expect(form.version).toBe(c.version);
    expect(form.history).toHaveLength(c.events.length);
    return response.json();
  }
  /** One event per successful action, in order, with the right states and times. */
  async function expectHistory(c: Case) {
    const form = await show(c.ref);
    expect(
      form.history.map(({ action, fromStatus, toStatus, at }: Event) => ({
        action,
        fromStatus,
        toStatus,
        at,
      })),
    ).toEqual(c.events);
    expect(form.history.map((e: { seq: number }) => e.seq)).toEqual(c.events.map((_, i) => i + 1));
    return form;
  }

  it("unsatisfied, then a new investigation; the involved person's agreement is theirs alone", async () => {
    const c = await submit('2026-04-01T14:00:00+02:00');
    at('2026-04-01T16:00:00+02:00');
    const linked = await step(
      c,
      'qm',
      'link-mention',
      { mentionId: c.mentionId, link: { kind: 'user', userId: t.users.coach!.id } },
      'registered',
    );
    c.involvedId = linked.involved[0].id;
    await step(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 'handler_assigned');
    at('2026-04-02T09:00:00+02:00');
    await step(c, 'handler', 'record-summary', { summary: 'Twee gemiste afspraken.' }, 'handler_assigned');
    await step(c, 'handler', 'acknowledge', {}, 'acknowledged');

    at('2026-04-07T09:00:00+02:00');
    await step(c, 'handler', 'start-investigation', {}, 'investigating');
    const first = await step(
      c,
      'handler',
      'record-reaction',
      { involvedPersonId: c.involvedId, summary: 'Ik was ziek.' },
      'investigating',
    );
    expect(first.reactions).toEqual([
      {
        involvedPersonId: c.involvedId,
        summary: 'Ik was ziek.',
        summaryVersion: 1,
        agreedVersion: null,
        agreedAt: null,
        agreementMethod: null,
      },
    ]);
    await refuse(c, 'handler', 'decide', decision('well_founded'), 409, 'guard_failed');
    // Nobody agrees on the coach's behalf: not the handler, not another employee.
    await refuse(
      c,
      'handler',
      'agree-reaction',
      { involvedPersonId: c.involvedId, version: 1 },
      403,
      'forbidden',
    );
    await refuse(
      c,
      'advisor',
      'agree-reaction',
      { involvedPersonId: c.involvedId, version: 1 },
      403,
      'forbidden',
    );
    await refuse(
      c,
      'coach',
      'agree-reaction',
      { involvedPersonId: c.involvedId, version: 2 },
      409,
      'guard_failed',
    );
    expect((await show(c.ref, 'coach')).allowedActions).toEqual(['agreeReaction']);
    const agreed = await step(
      c,
      'coach',
      'agree-reaction',
      { involvedPersonId: c.involvedId, version: 1 },
      'investigating',
    );
    expect(agreed.reactions[0]).toMatchObject({
      summaryVersion: 1,
      agreedVersion: 1,
      agreedAt: '2026-04-07T07:00:00.000Z',
    });

    // Editing the summary of the reaction withdraws the agreement: deciding waits for the new one.
    at('2026-04-08T10:00:00+02:00');
    const edited = await step(
      c,
      'handler',
      'record-reaction',
      { involvedPersonId: c.involvedId, summary: 'Ik was ziek; de agenda bleef staan.' },
      'investigating',
    );
    expect(edited.reactions[0]).toMatchObject({ summaryVersion: 2, agreedVersion: null, agreedAt: null });
    await refuse(c, 'handler', 'decide', decision('well_founded'), 409, 'guard_failed');
    await refuse(
      c,
      'coach',
      'agree-reaction',
      { involvedPersonId: c.involvedId, version: 1 },
      409,
      'guard_failed',
    );
    await step(c, 'coach', 'agree-reaction', { involvedPersonId: c.involvedId, version: 2 }, 'investigating');

    at('2026-04-09T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('well_founded'), 'decided');
    await step(c, 'handler', 'make-offer', offer(), 'offer_made');
    at('2026-04-14T10:00:00+02:00');
    await step(
      c,
      'handler',
      'record-offer-rejected',
      { reaction: 'Ik wil eerst weten wat er echt gebeurd is.' },
      'offer_rejected',
    );

    at('2026-04-15T10:00:00+02:00');
    const reopened = await step(
      c,
      'handler',
      'start-new-investigation',
      { reason: 'De melder noemt een derde afspraak.' },
      'investigating',
    );
    expect(reopened.decision).toBeNull();
    expect(reopened.afterRejection).toEqual([
      {
        choice: 'new_investigation',
        reason: 'De melder noemt een derde afspraak.',
        at: '2026-04-15T08:00:00.000Z',
      },
    ]);
    await step(
      c,
      'handler',
      'record-reaction',
      { involvedPersonId: c.involvedId, summary: 'Ook de derde afspraak is gemist.' },
      'investigating',
    );
    await step(c, 'coach', 'agree-reaction', { involvedPersonId: c.involvedId, version: 3 }, 'investigating');

    at('2026-04-22T10:00:00+02:00');
    const second = await step(c, 'handler', 'decide', decision('unfounded'), 'decided');
    expect(second.decision).toMatchObject({ judgement: 'unfounded', decidedAt: '2026-04-22T08:00:00.000Z' });
    at('2026-04-29T11:00:00+02:00');
    const resolved = await step(c, 'handler', 'send-findings', {}, 'resolved');
    // Resolved Wed 29 Apr: 30 (1), 1 May (2), 4 (3), 5 off, 6-8 (4-6), 11-13 (7-9), 14 + 15 off, 18-22 (10-14),
    // 25 off, 26-29 (15-18), 1-3 June (19-21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: '2026-06-03',
    });
    expect((await expectHistory(c)).status).toBe('resolved');
  });
});
