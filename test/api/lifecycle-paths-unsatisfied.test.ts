/**
 * The reporter is not satisfied with the offer: a new offer, or neither a new offer nor a new investigation
 * (the findings go out with the appeal routes); and the anonymous reporter, who can only be made an offer
 * through the follow-up page. Complaints come in through the public API; the clock is set by hand. Every
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

describeEachDialect('lifecycle paths after an unsatisfied reaction', (dialect) => {
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

  it('unsatisfied, then a new offer that satisfies', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    await investigate(c, {
      assign: '2026-05-01T10:00:00+02:00',
      acknowledge: '2026-05-04T09:00:00+02:00',
      investigate: '2026-05-06T09:00:00+02:00',
    });

    at('2026-05-18T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('partly_well_founded'), 'decided');
    await step(c, 'handler', 'make-offer', offer(), 'offer_made');
    await refuse(c, 'handler', 'start-new-investigation', { reason: 'Te vroeg.' }, 409, 'illegal_transition');
    const rejected = await step(
      c,
      'handler',
      'record-offer-rejected',
      { reaction: 'Dat is niet genoeg.' },
      'offer_rejected',
    );
    expect(rejected.allowedActions).toEqual([
      'setClassification',
      'addAttachment',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'makeOffer',
      'startNewInvestigation',
      'decideNoFurtherStep',
      'withdraw',
      'escalate',
    ]);
    await refuse(c, 'handler', 'record-offer-accepted', {}, 409, 'illegal_transition');
    await refuse(c, 'handler', 'send-written-confirmation', {}, 409, 'illegal_transition');

    at('2026-05-19T10:00:00+02:00');
    const second = {
      method: 'phone',
      reason: 'De melder wil vooral excuses.',
      measures: [{ kind: 'redress', description: 'Excuses en een extra gesprek.' }],
    };
    const offeredAgain = await step(c, 'handler', 'make-offer', second, 'offer_made');
    // The handler's choice after the unsatisfied reaction is recorded beside the other choices.
    expect(offeredAgain.afterRejection).toEqual([
      { choice: 'new_offer', reason: 'De melder wil vooral excuses.', at: '2026-05-19T08:00:00.000Z' },
    ]);
    await step(c, 'handler', 'record-offer-accepted', { reaction: 'Akkoord.' }, 'offer_accepted');

    at('2026-05-20T16:00:00+02:00');
    const resolved = await step(c, 'handler', 'send-written-confirmation', {}, 'resolved');
    // Received Thu 30 Apr: 1 May (1), 4 (2), 5 off, 6-8 (3-5); resolution 11-13 (6-8), 14 + 15 off,
    // 18-22 (9-13), 25 off, 26-29 (14-17), 1-4 June (18-21).
    // Resolved Wed 20 May: 21 (1), 22 (2), 25 off, 26-29 (3-6), 1-5 June (7-11), 8-12 (12-16), 15-19 (17-21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-06-19',
    });
    expect(resolved.offers.map((o: { satisfied: boolean }) => o.satisfied)).toEqual([false, true]);
    expect(resolved.offers[1].measures).toEqual([
      { kind: 'redress', description: 'Excuses en een extra gesprek.' },
    ]);
    expect((await expectHistory(c)).status).toBe('resolved');
  });

  it('unsatisfied, then neither: the findings go out and the reporter may escalate', async () => {
    const c = await submit('2026-04-30T09:00:00+02:00');
    await investigate(c, {
      assign: '2026-04-30T13:00:00+02:00',
      acknowledge: '2026-05-06T09:00:00+02:00',
      investigate: '2026-05-07T09:00:00+02:00',
    });

    at('2026-05-26T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('well_founded'), 'decided');
    await step(c, 'handler', 'make-offer', offer(), 'offer_made');
    await step(c, 'handler', 'record-offer-rejected', {}, 'offer_rejected');
    await refuse(c, 'handler', 'decide-no-further-step', {}, 400, 'validation_failed');

    at('2026-06-03T17:30:00+02:00');
    const resolved = await step(
      c,
      'handler',
      'decide-no-further-step',
      { reason: 'Er is geen ander redelijk aanbod.' },
      'resolved',
    );
    // Acknowledgement 8 May and resolution 4 June as counted for the receipt on Thu 30 Apr above.
    // Resolved Wed 3 June: 4 (1), 5 (2), 8-12 (3-7), 15-19 (8-12), 22-26 (13-17), 29 (18), 30 (19), 1 July (20), 2 (21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
      reportBy: '2026-07-02',
    });
    expect(resolved.findingsSentAt).toBe('2026-06-03T15:30:00.000Z');
    expect(resolved.afterRejection).toEqual([
      {
        choice: 'no_further_step',
        reason: 'Er is geen ander redelijk aanbod.',
        at: '2026-06-03T15:30:00.000Z',
      },
    ]);
    await refuse(c, 'handler', 'close', {}, 409, 'illegal_transition');
    await refuse(c, 'handler', 'escalate', { route: 'rechter' }, 400, 'invalid_input');

    at('2026-06-10T09:00:00+02:00');
    const escalated = await step(
      c,
      'handler',
      'escalate',
      { route: 'national_ombudsman', note: 'Melder gaat naar de ombudsman.' },
      'resolved',
    );
    expect(escalated.escalations).toEqual([
      {
        id: expect.any(String),
        at: '2026-06-10T07:00:00.000Z',
        route: 'national_ombudsman',
        note: 'Melder gaat naar de ombudsman.',
      },
    ]);
    expect((await expectHistory(c)).status).toBe('resolved');
  });
  it('anonymous reporter: offers only through the follow-up page, with the reason why not by phone', async () => {
    const anonymous = {
      description: 'De jobcoach was onvriendelijk; mijn naam geef ik liever niet.',
      involvedEmployees: ['Jeroen'],
    };
    const c = await submit('2026-04-01T14:00:00+02:00', anonymous);
    const registered = await show(c.ref);
    expect(registered.reporter).toMatchObject({
      anonymous: true,
      name: null,
      email: null,
      phone: null,
      postalAddress: null,
      consentToContact: false,
    });
    // Wed 1 Apr: 2 (1), Good Friday 3 and Easter Monday 6 off, 7-10 (2-5); resolution 13-24 (6-15),
    // 27 Koningsdag off, 28-30 (16-18), 1 May (19), 4 (20), 5 off, 6 (21).
    expect(registered.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: null,
    });
    await investigate(c, {
      assign: '2026-04-01T15:00:00+02:00',
      acknowledge: '2026-04-02T09:00:00+02:00',
      investigate: '2026-04-07T09:00:00+02:00',
    });
    await refuse(c, 'handler', 'offer-hearing', { method: 'phone' }, 409, 'guard_failed');
    await step(c, 'handler', 'offer-hearing', { method: 'follow_up_page' }, 'investigating');

    at('2026-04-09T10:00:00+02:00');
    await step(c, 'handler', 'decide', decision('partly_well_founded'), 'decided');
    const phoneSkippedReason = 'Anonieme melder: alleen bereikbaar via de volgpagina.';
    await refuse(c, 'handler', 'make-offer', offer('phone'), 409, 'guard_failed');
    await refuse(c, 'handler', 'make-offer', offer('follow_up_page'), 409, 'guard_failed');
    await refuse(c, 'handler', 'make-offer', { ...offer('email'), phoneSkippedReason }, 409, 'guard_failed');
    const offered = await step(
      c,
      'handler',
      'make-offer',
      { ...offer('follow_up_page'), phoneSkippedReason },
      'offer_made',
    );
    expect(offered.offers).toEqual([
      {
        id: expect.any(String),
        madeAt: '2026-04-09T08:00:00.000Z',
        method: 'follow_up_page',
        phoneSkippedReason,
        measures: [{ kind: 'replacement_service', description: 'Een andere jobcoach.' }],
        satisfied: null,
        reaction: null,
        respondedAt: null,
      },
    ]);
    await step(c, 'handler', 'record-offer-accepted', {}, 'offer_accepted');

    at('2026-04-10T12:00:00+02:00');
    const resolved = await step(c, 'handler', 'send-written-confirmation', {}, 'resolved');
    // Resolved Fri 10 Apr: 13-17 (1-5), 20-24 (6-10), 27 off, 28-30 (11-13), 1 May (14), 4 (15), 5 off, 6-8 (16-18),
    // 11-13 (19-21).
    expect(resolved.deadlines).toMatchObject({
      acknowledgeBy: '2026-04-10',
      resolveBy: '2026-05-06',
      reportBy: '2026-05-13',
    });
    expect((await expectHistory(c)).status).toBe('resolved');
  });
});
