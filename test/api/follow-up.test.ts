/**
 * The reporter's follow-up link: one complaint only, every reporter action recorded in the history as the
 * handler sees it, the appeal routes in the regulation's order, revocation and expiry.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const tokenOf = (url: string) => url.split('/').at(-1)!;

describeEachDialect('follow-up link', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  async function submit(body: object) {
    const response = await call(t, 'POST', '/api/v1/complaints', { body });
    expect(response.statusCode).toBe(201);
    return { reference: response.json().reference as string, token: tokenOf(response.json().followUpUrl) };
  }
  const reporter = (token: string, action: string, body: object = {}) =>
    call(t, 'POST', `/api/v1/follow-up/${token}/${action}`, { body });
  const history = async (reference: string) =>
    (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json().history;

  it('lets the reporter add information and ask to be heard, as events the handler sees', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const { reference, token } = await submit({
      description: 'De jobcoach was onvriendelijk.',
      commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: '088 898 92 94' },
    });
    const view = (await call(t, 'GET', `/api/v1/follow-up/${token}`)).json();
    expect(view.allowedActions).toEqual(['withdraw', 'addInformation', 'requestHearing']);
    // Step 9 in order: the commissioning party with its contact, the UWV office (a UWV trajectory), then the ombudsmen.
    expect(view.appealRoutes.map((r: { code: string }) => r.code)).toEqual([
      'commissioning_party',
      'uwv_complaints_office',
      'national_ombudsman',
      'municipal_ombudsman',
    ]);
    expect(view.appealRoutes[0].party).toEqual({ type: 'UWV', name: 'UWV Utrecht', contact: '088 898 92 94' });
    expect(view.advocacyBodies.map((b: { name: string }) => b.name)).toContain('Ieder(in)');

    t.setNow('2026-05-01T10:00:00+02:00');
    const added = await reporter(token, 'add-information', { text: 'Het gebeurde ook op 28 april.' });
    expect(added.statusCode).toBe(200);
    expect(added.json().messages).toEqual([{ at: '2026-05-01T08:00:00.000Z', text: 'Het gebeurde ook op 28 april.' }]);
    const hearing = await reporter(token, 'request-hearing');
    expect(hearing.json().hearingRequested).toBe(true);
    expect(hearing.json().allowedActions).toEqual(['withdraw', 'addInformation', 'requestHearing']);

    const events = await history(reference);
    expect(events.map((e: { action: string; actorLabel: string }) => [e.action, e.actorLabel])).toEqual([
      ['register', 'reporter'],
      ['addInformation', 'reporter'],
      ['requestHearing', 'reporter'],
    ]);
    const staffView = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(staffView.hearingOffers).toEqual([
      { id: expect.any(String), offeredAt: '2026-05-01T08:00:00.000Z', method: 'follow_up_page', answer: 'accepted', answeredAt: '2026-05-01T08:00:00.000Z' },
    ]);
  });

  it('refuses staff-only actions and bad input through the link', async () => {
    const { token } = await submit({ description: 'Geen terugbelverzoek.' });
    const forbidden = await call(t, 'POST', `/api/v1/follow-up/${token}/acknowledge`, { body: {} });
    expect(forbidden.statusCode).toBe(404);
    const notNow = await reporter(token, 'record-offer-accepted', {});
    expect(notNow.statusCode).toBe(409);
    expect(notNow.json().code).toBe('illegal_transition');
    const empty = await reporter(token, 'add-information', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'text', message: 'Dit veld mag niet leeg zijn.' }]);
    const wrongToken = await reporter('A'.repeat(32), 'withdraw');
    expect(wrongToken.statusCode).toBe(404);
  });

  it('records the reporter\'s satisfaction with an offer, and withdrawal, through the link', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const { reference, token } = await submit({ description: 'Afspraken werden steeds verzet.', reporter: { phone: '0612345678' } });
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    await act(t, 'handler', reference, 'record-summary', { summary: 'Afspraken verzet.' });
    await act(t, 'handler', reference, 'acknowledge');
    await act(t, 'handler', reference, 'start-investigation');
    await act(t, 'handler', reference, 'decide', {
      judgement: 'well_founded', reasons: 'Klopt.', findings: 'Drie keer verzet.', severity: 'medium', cause: 'Planning.', responsibleParty: 'Team Utrecht',
    });
    const offered = await act(t, 'handler', reference, 'make-offer', { method: 'phone', measures: [{ kind: 'replacement_service', description: 'Vaste afspraakdag.' }] });
    expect(offered.statusCode, offered.body).toBe(200);
    const view = (await call(t, 'GET', `/api/v1/follow-up/${token}`)).json();
    expect(view.openOffer).toEqual({ madeAt: '2026-04-30T07:00:00.000Z', measures: [{ kind: 'replacement_service', description: 'Vaste afspraakdag.' }] });
    expect(view.allowedActions).toEqual(['recordOfferAccepted', 'recordOfferRejected', 'withdraw', 'addInformation', 'requestHearing']);
    const rejected = await reporter(token, 'record-offer-rejected', { reaction: 'Ik wil liever een andere jobcoach.' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('offer_rejected');
    expect(rejected.json().openOffer).toBeNull();
    const staffView = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(staffView.offers[0]).toMatchObject({ satisfied: false, reaction: 'Ik wil liever een andere jobcoach.', respondedAt: '2026-04-30T07:00:00.000Z' });

    const withdrawn = await reporter(token, 'withdraw', { reason: 'Opgelost met mijn werkgever.' });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(withdrawn.json().allowedActions).toEqual([]);
    // The link works for 90 days after the case ended, then it expires.
    expect(withdrawn.json().linkExpiresAt).toBe('2026-07-29T07:00:00.000Z');
    t.setNow('2026-07-29T09:00:00+02:00');
    const expired = await call(t, 'GET', `/api/v1/follow-up/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'link_expired', detail: 'Deze link werkt niet meer. Neem contact met ons op als u een vraag heeft over uw klacht.' });
  });

  it('lets the reporter answer the satisfaction survey once, after closing', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const { reference, token } = await submit({ description: 'Niet teruggebeld.' });
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    await act(t, 'handler', reference, 'record-summary', { summary: 'Niet teruggebeld.' });
    expect((await reporter(token, 'answer-survey', { handledWell: 'yes', onTime: 'yes' })).statusCode).toBe(409);
    for (const [action, body] of [
      ['acknowledge', {}], ['start-investigation', {}],
      ['decide', { judgement: 'unfounded', reasons: 'r', findings: 'f', severity: 'low', cause: 'c', responsibleParty: 'p' }],
      ['send-findings', {}], ['send-final-report', {}], ['record-no-preventive-measures', { reason: 'Eenmalig.' }], ['close', {}],
    ] as const) {
      expect((await act(t, 'handler', reference, action, body)).statusCode).toBe(200);
    }
    const view = (await call(t, 'GET', `/api/v1/follow-up/${token}`)).json();
    expect(view.allowedActions).toEqual(['answerSurvey']);
    const answered = await reporter(token, 'answer-survey', { handledWell: 'partly', onTime: 'yes', comment: 'Duidelijke brief.' });
    expect(answered.json().survey).toEqual({ answeredAt: '2026-04-30T07:00:00.000Z' });
    const again = await reporter(token, 'answer-survey', { handledWell: 'no', onTime: 'no' });
    expect(again.statusCode).toBe(409);
    const staffView = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(staffView.survey).toEqual({ handledWell: 'partly', onTime: 'yes', comment: 'Duidelijke brief.', answeredAt: '2026-04-30T07:00:00.000Z' });
  });

  it('stops working when staff revoke it, and a renewed link works and is emailed', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const { reference, token } = await submit({ description: 'Link doorgestuurd.', reporter: { email: 'mila@example.nl' } });
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    expect((await call(t, 'POST', `/api/v1/staff/complaints/${reference}/follow-up-link/revoke`, { as: 'handler2', body: {} })).statusCode).toBe(403);
    const revoked = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/follow-up-link/revoke`, { as: 'handler', body: {} });
    expect(revoked.json()).toEqual({ reference, followUpUrl: null });
    expect((await call(t, 'GET', `/api/v1/follow-up/${token}`)).statusCode).toBe(404);
    const renewed = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/follow-up-link/renew`, { as: 'qm', body: {} });
    const url = renewed.json().followUpUrl as string;
    expect(url).toMatch(/^https:\/\/klachten\.example\.nl\/follow-up\/[A-Za-z0-9_-]{32}$/);
    expect((await call(t, 'GET', `/api/v1/follow-up/${tokenOf(url)}`)).json().reference).toBe(reference);
    const mails = await t.db.kysely.selectFrom('email_outbox').select(['to_address', 'text_body']).where('to_address', '=', 'mila@example.nl').execute();
    expect(mails.some((m) => m.text_body.includes(url))).toBe(true);
    expect((await history(reference)).map((e: { action: string }) => e.action).slice(-2)).toEqual(['revokeFollowUpLink', 'renewFollowUpLink']);
  });
});
