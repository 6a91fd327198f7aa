/**
 * The lifecycle's side paths through the API: not taken up (and reopened back to the start), withdrawn, and a
 * handler replaced. Complaints come in through the public API; the clock is set by hand between steps. Every
 * deadline is a literal date counted by hand on the Atw calendar of 2026 (weekends, Good Friday 3 Apr, Easter
 * Monday 6 Apr, Koningsdag 27 Apr, 5 May, Ascension 14 May + equated 15 May, Whit Monday 25 May). Every
 * refused action is checked to leave status, version and history exactly as they were.
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
describeEachDialect('lifecycle side paths', (dialect) => {
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
  async function submit(iso: string, body: unknown = reporterComplaint): Promise<Case> {
    at(iso);
    const response = await call(t, 'POST', '/api/v1/complaints', { body });
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
  /** Steps 2-4: the mention becomes the coach, a neutral handler, summary, acknowledgement, an agreed reaction. */
  async function investigate(c: Case, times: { assign: string; acknowledge: string; investigate: string }) {
    at(times.assign);
    const link = { mentionId: c.mentionId, link: { kind: 'user', userId: t.users.coach!.id } };
    const linked = await step(c, 'qm', 'link-mention', link, 'registered');
    c.involvedId = linked.involved[0].id;
    await step(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 'handler_assigned');
    at(times.acknowledge);
    await step(
      c,
      'handler',
      'record-summary',
      { summary: 'Twee gemiste afspraken in april.' },
      'handler_assigned',
    );
    await step(c, 'handler', 'acknowledge', {}, 'acknowledged');
    at(times.investigate);
    await step(c, 'handler', 'start-investigation', {}, 'investigating');
    const reaction = {
      involvedPersonId: c.involvedId,
      summary: 'Ik was ziek en mijn agenda is niet aangepast.',
    };
    await step(c, 'handler', 'record-reaction', reaction, 'investigating');
    await step(c, 'coach', 'agree-reaction', { involvedPersonId: c.involvedId, version: 1 }, 'investigating');
  }

  it('not taken up by the quality manager at registration, and reopened back to the start', async () => {
    const c = await submit('2026-04-01T14:00:00+02:00');
    at('2026-04-02T10:00:00+02:00');
    const motivation = 'De klacht gaat over de gemeente, niet over Loket3.';
    await refuse(c, 'qm', 'not-take-up', { ground: 'no_such_ground', motivation }, 400, 'invalid_input');
    await refuse(c, 'qm', 'not-take-up', { ground: 'not_about_us' }, 400, 'validation_failed');
    const notTaken = await step(
      c,
      'qm',
      'not-take-up',
      { ground: 'not_about_us', motivation },
      'not_taken_up',
    );
    expect(notTaken.notTakenUp).toEqual({
      ground: 'not_about_us',
      motivation,
      at: '2026-04-02T08:00:00.000Z',
    });
    // Wed 1 Apr: 2 (1), 3 + 6 off, 7-10 (2-5); resolution 13-24 (6-15), 27 off, 28-30 (16-18), 1 May (19), 4 (20),
    // 5 off, 6 (21). The motivated notice meets the resolution term and no final report is owed.
    expect(notTaken.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: null,
    });
    // The notice meets the resolution term; the acknowledgement, never sent, is no longer owed.
    expect(notTaken.deadlines.overview).toEqual({
      acknowledge: { due: '2026-04-10', state: 'not_owed' },
      resolve: { due: '2026-05-06', state: 'met' },
      report: null,
    });
    expect(notTaken.allowedActions).toEqual(['escalate', 'reopen']);
    await refuse(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 409, 'illegal_transition');
    await refuse(c, 'qm', 'withdraw', {}, 409, 'illegal_transition');
    await refuse(c, 'qm', 'send-final-report', {}, 409, 'illegal_transition');

    at('2026-04-20T10:00:00+02:00');
    const reopened = await step(
      c,
      'qm',
      'reopen',
      { reason: 'De melder licht toe dat het om onze jobcoach gaat.' },
      'registered',
    );
    // Terms restart on Mon 20 Apr: 21-24 (1-4), 27 Koningsdag off, 28 (5); resolution 29, 30 (6, 7), 1 May (8),
    // 4 (9), 5 off, 6-8 (10-12), 11-13 (13-15), 14 + 15 off, 18-22 (16-20), 25 off, 26 (21).
    expect(reopened.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-28',
      resolveBy: '2026-05-26',
      reportBy: null,
    });
    expect(reopened).toMatchObject({
      notTakenUp: null,
      resolvedAt: null,
      handler: null,
      acknowledgedAt: null,
    });
    expect(reopened.reopenings).toEqual([
      {
        at: '2026-04-20T08:00:00.000Z',
        reason: 'De melder licht toe dat het om onze jobcoach gaat.',
        fromStatus: 'not_taken_up',
      },
    ]);
    expect((await expectHistory(c)).status).toBe('registered');
  });

  it('not taken up by the handler after the acknowledgement', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    at('2026-04-30T10:00:00+02:00');
    await step(c, 'qm', 'link-mention', { mentionId: c.mentionId, link: { kind: 'nobody' } }, 'registered');
    await step(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 'handler_assigned');
    at('2026-05-04T09:00:00+02:00');
    await step(
      c,
      'handler',
      'record-summary',
      { summary: 'Klacht over een afspraak in 2024.' },
      'handler_assigned',
    );
    await step(c, 'handler', 'acknowledge', {}, 'acknowledged');
    at('2026-05-06T10:00:00+02:00');
    const ground = { ground: 'already_handled', motivation: 'Dezelfde klacht is in 2025 behandeld.' };
    const notTaken = await step(c, 'handler', 'not-take-up', ground, 'not_taken_up');
    // Thu 30 Apr: 1 May (1), 4 (2), 5 off, 6-8 (3-5); resolution 11-13 (6-8), 14 + 15 off, 18-22 (9-13), 25 off,
    // 26-29 (14-17), 1-4 June (18-21).
    expect(notTaken.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });
    expect(notTaken.deadlines.overview).toMatchObject({
      acknowledge: { state: 'met' },
      resolve: { state: 'met' },
      report: null,
    });
    expect(notTaken.allowedActions).toEqual(['escalate']);
    await refuse(c, 'handler', 'reopen', { reason: 'Toch behandelen.' }, 403, 'forbidden');
    await refuse(c, 'handler', 'start-investigation', {}, 409, 'illegal_transition');
    expect((await expectHistory(c)).status).toBe('not_taken_up');
  });

  it('withdrawn during the investigation: the terms stop and nothing more can happen but a reopening', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    await investigate(c, {
      assign: '2026-04-30T10:00:00+02:00',
      acknowledge: '2026-05-04T09:00:00+02:00',
      investigate: '2026-05-06T09:00:00+02:00',
    });
    at('2026-05-07T10:00:00+02:00');
    const withdrawn = await step(
      c,
      'handler',
      'withdraw',
      { reason: 'De melder trekt de klacht telefonisch in.' },
      'withdrawn',
    );
    expect(withdrawn.withdrawal).toEqual({
      at: '2026-05-07T08:00:00.000Z',
      reason: 'De melder trekt de klacht telefonisch in.',
    });
    // Thu 30 Apr: acknowledgement 8 May, resolution 4 June (as above); a withdrawal owes no report.
    expect(withdrawn.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });
    // The acknowledgement was sent in time; the resolution is no longer owed (and not counted as met).
    expect(withdrawn.deadlines.overview).toMatchObject({
      acknowledge: { state: 'met' },
      resolve: { state: 'not_owed' },
      report: null,
    });
    expect(withdrawn.resolvedAt).toBeNull();
    expect(withdrawn.allowedActions).toEqual([]);
    expect((await show(c.ref)).allowedActions).toEqual(['reopen']);
    await refuse(
      c,
      'handler',
      'decide',
      {
        judgement: 'unfounded',
        reasons: 'x',
        findings: 'x',
        severity: 'low',
        cause: 'x',
        responsibleParty: 'x',
      },
      409,
      'illegal_transition',
    );
    await refuse(c, 'handler', 'withdraw', {}, 409, 'illegal_transition');
    await refuse(c, 'handler', 'escalate', { route: 'national_ombudsman' }, 409, 'illegal_transition');
    expect((await expectHistory(c)).status).toBe('withdrawn');
  });

  it('handler replaced with a reason: recorded in the form and the history; the old handler may no longer act', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    at('2026-04-30T10:00:00+02:00');
    const linked = await step(
      c,
      'qm',
      'link-mention',
      { mentionId: c.mentionId, link: { kind: 'user', userId: t.users.coach!.id } },
      'registered',
    );
    c.involvedId = linked.involved[0].id;
    await step(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 'handler_assigned');
    at('2026-05-04T09:00:00+02:00');
    await step(c, 'handler', 'record-summary', { summary: 'Twee gemiste afspraken.' }, 'handler_assigned');
    await step(c, 'handler', 'acknowledge', {}, 'acknowledged');

    at('2026-05-06T09:00:00+02:00');
    const reason = 'Ahmed is langdurig ziek.';
    await refuse(c, 'qm', 'reassign-handler', { handlerId: t.users.handler2!.id }, 400, 'validation_failed');
    await refuse(
      c,
      'qm',
      'reassign-handler',
      { handlerId: t.users.handler!.id, reason },
      409,
      'guard_failed',
    );
    await refuse(
      c,
      'qm',
      'reassign-handler',
      { handlerId: t.users.advisor!.id, reason },
      409,
      'guard_failed',
    );
    await refuse(
      c,
      'handler',
      'reassign-handler',
      { handlerId: t.users.handler2!.id, reason },
      403,
      'forbidden',
    );
    const reassigned = await step(
      c,
      'qm',
      'reassign-handler',
      { handlerId: t.users.handler2!.id, reason },
      'acknowledged',
    );
    const next = {
      userId: t.users.handler2!.id,
      name: 'Sanne Jansen',
      jobTitle: 'Teamleider',
      assignedAt: '2026-05-06T07:00:00.000Z',
      reason,
    };
    expect(reassigned.handler).toEqual(next);
    expect(reassigned.handlerHistory).toEqual([
      {
        userId: t.users.handler!.id,
        name: 'Ahmed El Amrani',
        jobTitle: 'Klachtbehandelaar',
        assignedAt: '2026-04-30T08:00:00.000Z',
        reason: null,
      },
      next,
    ]);
    // Thu 30 Apr: acknowledgement 8 May, resolution 4 June (as counted above); a new handler changes no term.
    expect(reassigned.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });

    await refuse(c, 'handler', 'start-investigation', {}, 403, 'forbidden');
    await step(c, 'handler2', 'start-investigation', {}, 'investigating');
    const form = await expectHistory(c);
    const event = form.history.find((e: Event) => e.action === 'reassignHandler');
    expect(event).toMatchObject({
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
      actorId: t.users.qm!.id,
      actorLabel: 'Petra de Vries',
    });
    expect(event.changes.handler).toEqual({ before: form.handlerHistory[0], after: next });
  });
});
