/**
 * The two paths that move the resolution term: a reopening (the term restarts from the reopening date) and an
 * extension (only where the organisation's settings allow one). Complaints come in through the public API;
 * the clock is set by hand and every deadline is a literal date counted by hand on the Atw calendar of 2026
 * (weekends, Good Friday 3 Apr, Easter Monday 6 Apr, Koningsdag 27 Apr, 5 May, Ascension 14 May + equated 15
 * May, Whit Monday 25 May).
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

/** The same small vocabulary as the other path tests, bound to one app. */
function driverFor(t: TestApp) {
  let clock = '';
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
  async function refuse(c: Case, as: string, action: string, body: unknown, status: number, code: string) {
    const response = await act(t, as, c.ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe(code);
    const form = await show(c.ref);
    expect(form.status).toBe(c.status);
    expect(form.version).toBe(c.version);
    expect(form.history).toHaveLength(c.events.length);
    return form;
  }
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
  async function acknowledged(c: Case, times: { assign: string; acknowledge: string }) {
    at(times.assign);
    const link = { mentionId: c.mentionId, link: { kind: 'user', userId: t.users.coach!.id } };
    c.involvedId = (await step(c, 'qm', 'link-mention', link, 'registered')).involved[0].id;
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
  }
  async function agreedReaction(c: Case) {
    await step(c, 'handler', 'start-investigation', {}, 'investigating');
    await step(
      c,
      'handler',
      'record-reaction',
      { involvedPersonId: c.involvedId, summary: 'Ik was ziek.' },
      'investigating',
    );
    await step(c, 'coach', 'agree-reaction', { involvedPersonId: c.involvedId, version: 1 }, 'investigating');
  }
  return { at, show, submit, step, refuse, expectHistory, acknowledged, agreedReaction };
}

describeEachDialect('lifecycle paths that move the terms', (dialect) => {
  let t: TestApp;
  let extending: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    extending = await createTestApp(dialect, {
      settings: (s) => {
        (s.terms as { extension: unknown }).extension = { allowed: true, maxWorkingDays: 20 };
      },
    });
    await addStandardUsers(extending);
  });
  afterAll(async () => {
    await t.close();
    await extending.close();
  });

  it('reopened after closing: the resolution term restarts from the reopening date', async () => {
    const { at, show, submit, step, refuse, expectHistory, acknowledged, agreedReaction } = driverFor(t);
    const c = await submit('2026-04-01T14:00:00+02:00');
    // Wed 1 Apr: 2 (1), Good Friday 3 and Easter Monday 6 off, 7-10 (2-5).
    // Resolution: 13-24 (6-15), 27 Koningsdag off, 28-30 (16-18), 1 May (19), 4 (20), 5 off, 6 (21).
    expect((await show(c.ref)).deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: null,
    });
    await acknowledged(c, { assign: '2026-04-01T15:00:00+02:00', acknowledge: '2026-04-02T09:00:00+02:00' });
    at('2026-04-07T09:00:00+02:00');
    await agreedReaction(c);
    at('2026-04-09T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('unfounded'), 'decided');
    at('2026-04-10T16:00:00+02:00');
    const resolved = await step(c, 'handler', 'send-findings', {}, 'resolved');
    // Resolved Fri 10 Apr: 13-17 (1-5), 20-24 (6-10), 27 off, 28-30 (11-13), 1 May (14), 4 (15), 5 off,
    // 6-8 (16-18), 11-13 (19-21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: '2026-05-13',
    });
    at('2026-04-20T10:00:00+02:00');
    await step(c, 'handler', 'send-final-report', {}, 'reported');
    await step(c, 'handler', 'record-no-preventive-measures', { reason: 'Eenmalig.' }, 'prevention_decided');
    await step(c, 'handler', 'close', {}, 'closed');

    at('2026-06-15T10:00:00+02:00');
    const reason = 'De melder brengt nieuwe feiten in.';
    await refuse(c, 'handler', 'reopen', { reason }, 403, 'forbidden');
    await refuse(c, 'qm', 'reopen', {}, 400, 'validation_failed');
    const reopened = await step(c, 'qm', 'reopen', { reason }, 'investigating');
    expect(reopened.reopenings).toEqual([{ at: '2026-06-15T08:00:00.000Z', reason, fromStatus: 'closed' }]);
    expect(reopened).toMatchObject({
      resolvedAt: null,
      findingsSentAt: null,
      finalReportSentAt: null,
      closedAt: null,
      decision: null,
      prevention: null,
    });
    // The acknowledgement was sent and keeps its date. Resolution from Mon 15 June: 16-19 (1-4), 22-26 (5-9),
    // 29 (10), 30 (11), 1-3 July (12-14), 6-10 (15-19), 13 (20), 14 (21). No report is due before resolution.
    expect(reopened.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-07-14',
      reportBy: null,
    });
    expect(reopened.deadlines.overview).toEqual({
      acknowledge: { due: '2026-04-10', state: 'met' },
      resolve: { due: '2026-07-14', state: 'on_time' },
      report: null,
    });
    expect(reopened.allowedActions).toEqual([
      'reassignHandler',
      'linkMention',
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'recordSummary',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'recordReaction',
      'recordThirdPartyAgreement',
      'decide',
      'notTakeUp',
      'withdraw',
      'escalate',
    ]);

    at('2026-06-22T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('well_founded'), 'decided');
    const again = await step(c, 'handler', 'send-findings', {}, 'resolved');
    // Resolved Mon 22 June: 23-26 (1-4), 29 (5), 30 (6), 1-3 July (7-9), 6-10 (10-14), 13-17 (15-19), 20 (20), 21 (21).
    expect(again.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-07-14',
      reportBy: '2026-07-21',
    });
    expect(again.deadlines.overview.resolve).toEqual({ due: '2026-07-14', state: 'met' });
    at('2026-06-23T10:00:00+02:00');
    await step(c, 'handler', 'send-final-report', {}, 'reported');
    await step(c, 'handler', 'record-no-preventive-measures', { reason: 'Eenmalig.' }, 'prevention_decided');
    const closed = await step(c, 'handler', 'close', {}, 'closed');
    expect(closed.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-07-14',
      reportBy: '2026-07-21',
    });
    expect((await expectHistory(c)).status).toBe('closed');
  });

  it('extended once, within the maximum, when the settings allow it; the reporter and the involved are told', async () => {
    const { at, show, submit, step, refuse, expectHistory, acknowledged, agreedReaction } =
      driverFor(extending);
    const c = await submit('2026-04-30T09:00:00+02:00');
    // Thu 30 Apr: 1 May (1), 4 (2), 5 off, 6-8 (3-5); resolution 11-13 (6-8), 14 + 15 off, 18-22 (9-13),
    // 25 off, 26-29 (14-17), 1-4 June (18-21).
    expect((await show(c.ref)).deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });
    await acknowledged(c, { assign: '2026-04-30T10:00:00+02:00', acknowledge: '2026-05-04T09:00:00+02:00' });

    at('2026-05-20T10:00:00+02:00');
    const reason = 'Een getuige is pas half juni terug van verlof.';
    await refuse(
      c,
      'handler',
      'extend-resolution-term',
      { workingDays: 21, reason },
      409,
      'extension_not_allowed',
    );
    await refuse(
      c,
      'handler',
      'extend-resolution-term',
      { workingDays: 0, reason },
      400,
      'validation_failed',
    );
    const extended = await step(
      c,
      'handler',
      'extend-resolution-term',
      { workingDays: 10, reason },
      'acknowledged',
    );
    // 4 June + 10: 5 (1), 8-12 (2-6), 15-18 (7-10).
    expect(extended.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-18',
      reportBy: null,
    });
    expect(extended.extension).toEqual({
      workingDays: 10,
      reason,
      noticeSentAt: '2026-05-20T08:00:00.000Z',
      previousResolveBy: '2026-06-04',
    });
    await refuse(
      c,
      'handler',
      'extend-resolution-term',
      { workingDays: 5, reason },
      409,
      'extension_not_allowed',
    );
    const notices = await extending.db.kysely
      .selectFrom('email_outbox')
      .select(['to_address', 'text_body'])
      .where('kind', '=', 'letter:extension_notice')
      .orderBy('to_address')
      .execute();
    expect(notices.map((n) => n.to_address)).toEqual(['coach@loket3.example', 'mila.visser@example.nl']);
    for (const notice of notices) expect(notice.text_body).toContain('18 juni 2026');

    at('2026-05-21T09:00:00+02:00');
    await agreedReaction(c);
    at('2026-06-10T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('unfounded'), 'decided');
    const resolved = await step(c, 'handler', 'send-findings', {}, 'resolved');
    // After the original 4 June but within the extension. Report from Wed 10 June: 11 (1), 12 (2), 15-19 (3-7),
    // 22-26 (8-12), 29 (13), 30 (14), 1-3 July (15-17), 6-9 (18-21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-18',
      reportBy: '2026-07-09',
    });
    expect(resolved.deadlines.overview.resolve).toEqual({ due: '2026-06-18', state: 'met' });
    expect((await expectHistory(c)).status).toBe('resolved');
  });

  it('refuses an extension with the default settings (Loket3 has none)', async () => {
    const { at, submit, refuse, acknowledged } = driverFor(t);
    const c = await submit('2026-04-30T09:00:00+02:00');
    const reason = 'Meer tijd nodig.';
    at('2026-04-30T09:30:00+02:00');
    await refuse(c, 'qm', 'extend-resolution-term', { workingDays: 5, reason }, 409, 'extension_not_allowed');
    await acknowledged(c, { assign: '2026-04-30T10:00:00+02:00', acknowledge: '2026-05-04T09:00:00+02:00' });
    at('2026-05-20T10:00:00+02:00');
    const form = await refuse(
      c,
      'handler',
      'extend-resolution-term',
      { workingDays: 10, reason },
      409,
      'extension_not_allowed',
    );
    // Thu 30 Apr: acknowledgement 8 May, resolution 4 June (counted above), unchanged.
    expect(form.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });
    expect(form.extension).toBeNull();
    const notices = await t.db.kysely
      .selectFrom('email_outbox')
      .select('id')
      .where('kind', '=', 'letter:extension_notice')
      .execute();
    expect(notices).toEqual([]);
  });
});
