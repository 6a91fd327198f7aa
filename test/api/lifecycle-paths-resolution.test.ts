/**
 * The lifecycle through the API, from a public submission to the end: well-founded with a satisfied offer
 * (confirmation, report, preventive measures, closing), and unfounded with findings only. The clock is set by
 * hand between steps. Every deadline is a literal date counted by hand on the Atw calendar of 2026 (weekends,
 * Good Friday 3 Apr, Easter Monday 6 Apr, Koningsdag 27 Apr, 5 May, Ascension 14 May + equated 15 May, Whit
 * Monday 25 May). Every refused action is checked to leave status, version and history exactly as they were.
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

describeEachDialect('lifecycle paths to resolution', (dialect) => {
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

  it('well-founded with a satisfied offer: confirmation, report, preventive measures, closing', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    const registered = await show(c.ref);
    // Thu 30 Apr: 1 May (1), 4 (2), 5 May holiday, 6 (3), 7 (4), 8 (5).
    // Resolution: 11 (6), 12 (7), 13 (8), 14 + 15 off, 18-22 (9-13), 25 off, 26-29 (14-17), 1-4 June (18-21).
    expect(registered.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: null,
    });
    expect(registered.allowedActions).toEqual([
      'assignHandler',
      'linkMention',
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'notTakeUp',
      'withdraw',
    ]);

    at('2026-04-30T11:00:00+02:00');
    await refuse(c, 'qm', 'decide', decision('well_founded'), 409, 'illegal_transition');
    // Every mention must be linked before a handler is appointed.
    await refuse(c, 'qm', 'assign-handler', { handlerId: t.users.handler!.id }, 409, 'guard_failed');
    const linked = await step(
      c,
      'qm',
      'link-mention',
      { mentionId: c.mentionId, link: { kind: 'user', userId: t.users.coach!.id } },
      'registered',
    );
    c.involvedId = linked.involved[0].id;
    const assigned = await step(
      c,
      'qm',
      'assign-handler',
      { handlerId: t.users.handler!.id },
      'handler_assigned',
    );
    expect(assigned.handler).toMatchObject({
      userId: t.users.handler!.id,
      name: 'Ahmed El Amrani',
      jobTitle: 'Klachtbehandelaar',
    });

    at('2026-05-01T09:30:00+02:00');
    await refuse(c, 'handler', 'acknowledge', {}, 409, 'guard_failed');
    await refuse(c, 'handler', 'send-final-report', {}, 409, 'illegal_transition');
    await step(
      c,
      'handler',
      'record-summary',
      { summary: 'Twee gemiste afspraken in april.' },
      'handler_assigned',
    );
    const acknowledged = await step(c, 'handler', 'acknowledge', {}, 'acknowledged');
    expect(acknowledged.allowedActions).toEqual([
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'recordSummary',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'startInvestigation',
      'notTakeUp',
      'withdraw',
      'escalate',
    ]);
    expect(acknowledged.deadlines.overview.acknowledge).toEqual({ due: '2026-05-08', state: 'met' });

    at('2026-05-04T10:00:00+02:00');
    await step(c, 'handler', 'start-investigation', {}, 'investigating');
    await step(
      c,
      'handler',
      'record-reaction',
      { involvedPersonId: c.involvedId, summary: 'Ik was ziek.' },
      'investigating',
    );
    // The coach's reaction is not agreed yet.
    await refuse(c, 'handler', 'decide', decision('well_founded'), 409, 'guard_failed');
    await step(c, 'coach', 'agree-reaction', { involvedPersonId: c.involvedId, version: 1 }, 'investigating');

    at('2026-05-11T14:00:00+02:00');
    await step(c, 'handler', 'decide', decision('well_founded'), 'decided');
    await step(c, 'handler', 'make-offer', offer(), 'offer_made');
    await step(c, 'handler', 'record-offer-accepted', { reaction: 'Graag.' }, 'offer_accepted');
    const measure = {
      kind: 'replacement_service',
      description: 'Nieuwe jobcoach',
      ownerId: t.users.handler!.id,
      dueDate: '2026-05-29',
    };
    const withMeasure = await step(c, 'handler', 'add-agreed-measure', measure, 'offer_accepted');
    const measureId = withMeasure.agreedMeasures[0].id;

    at('2026-05-12T15:00:00+02:00');
    const resolved = await step(c, 'handler', 'send-written-confirmation', {}, 'resolved');
    // Resolved Tue 12 May: 13 (1), 14 + 15 off, 18-22 (2-6), 25 off, 26-29 (7-10), 1-5 June (11-15), 8-12 (16-20), 15 (21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-06-15',
    });
    expect(resolved.deadlines.overview.resolve).toEqual({ due: '2026-06-04', state: 'met' });

    at('2026-06-01T09:00:00+02:00');
    await step(c, 'handler', 'send-final-report', {}, 'reported');
    const prevention = {
      measures: [
        {
          description: 'Agenda bij ziekte overdragen',
          ownerId: t.users.qm!.id,
          consulted: 'Teamleider',
          dueDate: '2026-06-30',
        },
      ],
    };
    const decided = await step(c, 'handler', 'decide-preventive-measures', prevention, 'prevention_decided');
    const preventiveId = decided.preventiveMeasures[0].id;
    // The agreed measure is not done and no reason is given.
    await refuse(c, 'handler', 'close', {}, 409, 'guard_failed');
    await step(c, 'handler', 'complete-agreed-measure', { measureId }, 'prevention_decided');
    await step(
      c,
      'handler',
      'complete-preventive-measure',
      { measureId: preventiveId },
      'prevention_decided',
    );
    const closed = await step(c, 'handler', 'close', {}, 'closed');
    expect(closed.allowedActions).toEqual([
      'completeAgreedMeasure',
      'completePreventiveMeasure',
      'evaluatePreventiveMeasure',
      'escalate',
    ]);
    expect(closed.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-06-15',
    });
    expect(closed.deadlines.overview.report).toEqual({ due: '2026-06-15', state: 'met' });
    await refuse(c, 'handler', 'close', {}, 409, 'illegal_transition');

    const final = await expectHistory(c);
    expect(final.status).toBe('closed');
    expect(final.allowedActions).toEqual([
      'completeAgreedMeasure',
      'completePreventiveMeasure',
      'evaluatePreventiveMeasure',
      'escalate',
      'reopen',
    ]);
    expect(final.closedAt).toBe('2026-06-01T07:00:00.000Z');
    expect(final.history.map((e: Event) => e.action)).toEqual([
      'register',
      'linkMention',
      'assignHandler',
      'recordSummary',
      'acknowledge',
      'startInvestigation',
      'recordReaction',
      'agreeReaction',
      'decide',
      'makeOffer',
      'recordOfferAccepted',
      'addAgreedMeasure',
      'sendWrittenConfirmation',
      'sendFinalReport',
      'decidePreventiveMeasures',
      'completeAgreedMeasure',
      'completePreventiveMeasure',
      'close',
    ]);
  });

  it('unfounded, findings only: the report term counts from the Amsterdam date of resolution', async () => {
    const c = await submit('2026-04-01T14:00:00+02:00');
    // Wed 1 Apr: 2 (1), Good Friday 3 and Easter Monday 6 off, 7-10 (2-5).
    // Resolution: 13-17 (6-10), 20-24 (11-15), 27 Koningsdag off, 28-30 (16-18), 1 May (19), 4 (20), 5 off, 6 (21).
    expect((await show(c.ref)).deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: null,
    });
    await investigate(c, {
      assign: '2026-04-02T09:00:00+02:00',
      acknowledge: '2026-04-07T10:00:00+02:00',
      investigate: '2026-04-08T10:00:00+02:00',
    });

    at('2026-05-04T11:00:00+02:00');
    await step(c, 'handler', 'decide', decision('unfounded'), 'decided');
    await refuse(c, 'handler', 'send-written-confirmation', {}, 409, 'illegal_transition');
    await refuse(c, 'handler', 'record-offer-accepted', {}, 409, 'illegal_transition');

    // 22:30 UTC on Tue 5 May is 00:30 on Wed 6 May in Amsterdam: resolved on the last day of the term.
    at('2026-05-05T22:30:00Z');
    const resolved = await step(c, 'handler', 'send-findings', {}, 'resolved');
    // From Wed 6 May: 7 (1), 8 (2), 11-13 (3-5), 14 + 15 off, 18-22 (6-10), 25 off, 26-29 (11-14),
    // 1-5 June (15-19), 8 (20), 9 (21). From 5 May (the UTC date) it would be 8 June.
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: '2026-06-09',
    });
    expect(resolved.deadlines.overview.resolve).toEqual({ due: '2026-05-06', state: 'met' });
    expect(resolved.findingsSentAt).toBe('2026-05-05T22:30:00.000Z');

    at('2026-05-20T10:00:00+02:00');
    await step(c, 'handler', 'send-final-report', {}, 'reported');
    await step(
      c,
      'handler',
      'record-no-preventive-measures',
      { reason: 'Eenmalige samenloop van omstandigheden.' },
      'prevention_decided',
    );
    const closed = await step(c, 'handler', 'close', {}, 'closed');
    expect(closed.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: '2026-06-09',
    });
    expect(closed.offers).toEqual([]);
    const final = await expectHistory(c);
    expect(final.decision.judgement).toBe('unfounded');
  });
});
