/**
 * The reporter's follow-up page through inject: the state in plain words, deadlines and handler, a form for
 * each allowed action, each action posted without JavaScript and redirected with ?done=, errors shown with
 * what was typed, the appeal routes in the regulation's order, and friendly 404 and 410 pages.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getAttachmentContent, listAttachments } from '../../src/db/repositories/attachments.ts';
import { findComplaintByReference } from '../../src/db/repositories/complaints.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { PNG, Session, textOf } from './helpers.ts';

describeEachDialect('the follow-up page', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  async function submit(body: Record<string, unknown> = {}) {
    t.setNow('2026-04-30T09:00:00+02:00');
    const response = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        description: 'Afspraken met de jobcoach werden steeds verzet.',
        reporter: { name: 'Noor Bakker', phone: '0612345678' },
        commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: '088 898 92 94' },
        ...body,
      },
    });
    expect(response.statusCode).toBe(201);
    const { reference, followUpUrl } = response.json();
    return { reference: reference as string, token: new URL(followUpUrl).pathname.split('/').at(-1)! };
  }

  async function toOffer(reference: string) {
    expect(
      (await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode,
    ).toBe(200);
    await act(t, 'handler', reference, 'record-summary', { summary: 'Afspraken steeds verzet.' });
    await act(t, 'handler', reference, 'acknowledge');
    await act(t, 'handler', reference, 'start-investigation');
    await act(t, 'handler', reference, 'decide', {
      judgement: 'well_founded',
      reasons: 'Drie keer verzet zonder goede reden.',
      findings: 'Drie keer verzet.',
      severity: 'medium',
      cause: 'Planning.',
      responsibleParty: 'Team Utrecht',
    });
    const offer = await act(t, 'handler', reference, 'make-offer', {
      method: 'phone',
      measures: [
        { kind: 'replacement_service', description: 'Een vaste afspraakdag met dezelfde jobcoach.' },
      ],
    });
    expect(offer.statusCode).toBe(200);
  }

  async function toClosed(reference: string) {
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    await act(t, 'handler', reference, 'record-summary', { summary: 'Niet teruggebeld.' });
    await act(t, 'handler', reference, 'acknowledge');
    await act(t, 'handler', reference, 'start-investigation');
    await act(t, 'handler', reference, 'decide', {
      judgement: 'unfounded',
      reasons: 'Er is twee keer gebeld.',
      findings: 'Belnotities.',
      severity: 'low',
      cause: 'Verkeerd nummer.',
      responsibleParty: 'Team Utrecht',
    });
    await act(t, 'handler', reference, 'send-findings');
    await act(t, 'handler', reference, 'send-final-report');
    await act(t, 'handler', reference, 'record-no-preventive-measures', { reason: 'Eenmalig.' });
    expect((await act(t, 'handler', reference, 'close')).statusCode).toBe(200);
  }

  const staffView = async (reference: string) =>
    (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
  const formActions = (html: string) =>
    [...html.matchAll(/<form[^>]*action="\/follow-up\/[^/"]+\/([a-z-]+)"/g)].map((m) => m[1]);

  it('shows the state in plain words, the deadlines, the forms allowed now and the appeal routes in order', async () => {
    const { token } = await submit();
    const session = new Session(t);
    const page = await session.get(`/follow-up/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const text = textOf(page.body);
    expect(text).toContain(
      'Wij hebben uw melding ontvangen. Wij zoeken een medewerker die uw melding gaat behandelen.',
    );
    expect(text).toContain('Bevestiging uiterlijk op vrijdag 8 mei 2026');
    expect(text).toContain('Antwoord uiterlijk op donderdag 4 juni 2026');
    expect(text).toContain('Er is nog geen medewerker gekozen.');
    expect(formActions(page.body)).toEqual(['add-information', 'request-hearing', 'withdraw']);
    const addForm = page.body.match(/<form[^>]*action="\/follow-up\/[^"]+\/add-information"[^>]*>/)![0];
    expect(addForm).toContain('encType="multipart/form-data"');
    expect(addForm).toContain('method="post"');

    // Step 9: the commissioning party with its contact, the UWV office (a UWV trajectory), then the ombudsmen.
    const routes = [...page.body.matchAll(/data-route="([a-z_]+)"/g)].map((m) => m[1]);
    expect(routes).toEqual([
      'commissioning_party',
      'uwv_complaints_office',
      'national_ombudsman',
      'municipal_ombudsman',
    ]);
    expect(text).toContain('Uw opdrachtgever: UWV (UWV Utrecht). Contact: 088 898 92 94');
    expect(text).toContain('Komt u er dan nog niet uit? Dan kunt u terecht bij:');
    expect(text).toContain('Ieder(in)');

    const english = await session.get(`/follow-up/${token}?lang=en`);
    expect(english.body).toMatch(/<html lang="en"/);
    expect(textOf(english.body)).toContain('We have received your report.');
  });

  it('opens in the language of the complaint when the reader chose none', async () => {
    const { token } = await submit({ language: 'en' });
    const page = await new Session(t).get(`/follow-up/${token}`);
    expect(page.body).toMatch(/<html lang="en"/);
  });

  it('adds information with an attachment, redirects with ?done= and shows a status message', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    const csrf = await session.tokenFrom(`/follow-up/${token}`);
    t.setNow('2026-05-01T10:00:00+02:00');
    const posted = await session.postMultipart(
      `/follow-up/${token}/add-information`,
      { _csrf: csrf, text: 'Het gebeurde ook op 28 april.\r\nZie de foto.' },
      [{ filename: 'agenda.png', content: PNG, type: 'image/png' }],
    );
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/follow-up/${token}?done=add-information`);
    const after = await session.get(String(posted.headers.location));
    expect(after.body).toMatch(
      /role="status"[^>]*>[\s\S]*Wij hebben uw informatie toegevoegd aan uw melding\./,
    );
    expect(textOf(after.body)).toContain('Toegevoegd op vrijdag 1 mei 2026');

    const view = await staffView(reference);
    expect(view.reporterMessages.map((m: { text: string }) => m.text)).toEqual([
      'Het gebeurde ook op 28 april.\nZie de foto.',
    ]);
    expect(view.history.at(-1)).toMatchObject({ action: 'addInformation', actorLabel: 'reporter' });
    const complaint = await findComplaintByReference(t.db.kysely, reference);
    const [stored] = await listAttachments(t.db.kysely, complaint!.id);
    const content = await getAttachmentContent(t.db.kysely, stored!.id);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect([stored!.filename, stored!.sha256, sha(content!.content)]).toEqual([
      'agenda.png',
      sha(PNG),
      sha(PNG),
    ]);
  });

  it('lists the letters sent to the reporter, each downloadable as PDF through the link', async () => {
    const { reference, token } = await submit();
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
    await act(t, 'handler', reference, 'record-summary', { summary: 'Afspraken steeds verzet.' });
    expect((await act(t, 'handler', reference, 'acknowledge')).statusCode).toBe(200);
    const session = new Session(t);
    const page = await session.get(`/follow-up/${token}`);
    expect(textOf(page.body)).toContain('Brieven die wij u stuurden');
    const links = [...page.body.matchAll(/href="(\/api\/v1\/follow-up\/[^"]+\/letters\/[^"]+\/pdf)"/g)].map(
      (m) => m[1]!,
    );
    expect(links.length).toBeGreaterThan(0);
    const pdf = await session.get(links[0]!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('refuses empty information with 400 at the field, and stores nothing', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    const response = await session.postMultipart(`/follow-up/${token}/add-information`, {
      _csrf: await session.tokenFrom(`/follow-up/${token}`),
      text: '   ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain('href="#field-text"');
    expect(textOf(response.body)).toContain('Schrijf op wat u wilt toevoegen.');
    expect((await staffView(reference)).reporterMessages).toEqual([]);
  });

  it('asks to be heard (a plain urlencoded form) and then offers that form no more', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    const posted = await session.postForm(`/follow-up/${token}/request-hearing`, {
      _csrf: await session.tokenFrom(`/follow-up/${token}`),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/follow-up/${token}?done=request-hearing`);
    const after = await session.get(String(posted.headers.location));
    expect(textOf(after.body)).toContain('U heeft gevraagd om een gesprek.');
    expect(formActions(after.body)).toEqual(['add-information', 'withdraw']);
    expect((await staffView(reference)).hearingOffers).toEqual([
      expect.objectContaining({ method: 'follow_up_page', answer: 'accepted' }),
    ]);
  });

  it('reacts to an offer: satisfied, and not satisfied, each form with its own reaction field', async () => {
    for (const [action, satisfied, status] of [
      ['record-offer-accepted', true, 'offer_accepted'],
      ['record-offer-rejected', false, 'offer_rejected'],
    ] as const) {
      const { reference, token } = await submit();
      await toOffer(reference);
      const session = new Session(t);
      const page = await session.get(`/follow-up/${token}`);
      expect(textOf(page.body)).toContain('Een vaste afspraakdag met dezelfde jobcoach.');
      expect(formActions(page.body)).toEqual([
        'record-offer-accepted',
        'record-offer-rejected',
        'add-information',
        'request-hearing',
        'withdraw',
      ]);
      expect(page.body).toContain('id="field-reaction"');
      expect(page.body).toContain('id="field-reaction-rejected"');
      const posted = await session.postForm(`/follow-up/${token}/${action}`, {
        _csrf: csrfOf(page.body),
        reaction: `Reactie bij ${action}.`,
      });
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toBe(`/follow-up/${token}?done=${action}`);
      const view = await staffView(reference);
      expect(view.status).toBe(status);
      expect(view.offers.at(-1)).toMatchObject({ satisfied, reaction: `Reactie bij ${action}.` });
      const after = await session.get(String(posted.headers.location));
      expect(after.body).toContain('role="status"');
      expect(formActions(after.body)).not.toContain('record-offer-accepted');
    }
  });

  it('withdraws only with the confirmation ticked, keeping the reason typed', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    const refused = await session.postForm(`/follow-up/${token}/withdraw`, {
      _csrf: await session.tokenFrom(`/follow-up/${token}`),
      reason: 'Opgelost met mijn werkgever.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#field-confirm"');
    expect(textOf(refused.body)).toContain('Zet een vinkje als u uw melding echt wilt intrekken.');
    expect(refused.body).toContain('Opgelost met mijn werkgever.</textarea>');
    expect((await staffView(reference)).status).toBe('registered');

    const posted = await session.postForm(`/follow-up/${token}/withdraw`, {
      _csrf: csrfOf(refused.body),
      reason: 'Opgelost met mijn werkgever.',
      confirm: 'yes',
    });
    expect(posted.statusCode).toBe(303);
    const view = await staffView(reference);
    expect(view.status).toBe('withdrawn');
    expect(view.withdrawal).toMatchObject({ reason: 'Opgelost met mijn werkgever.' });
    const after = await session.get(String(posted.headers.location));
    expect(textOf(after.body)).toContain('U heeft uw melding ingetrokken.');
    expect(formActions(after.body)).toEqual([]);

    // A form from before (another tab): the case moved on, so 409 and how it stands now.
    const late = await session.postForm(`/follow-up/${token}/request-hearing`, {
      _csrf: csrfOf(refused.body),
    });
    expect(late.statusCode).toBe(409);
    expect(textOf(late.body)).toContain('Dit kan nu niet meer.');
  });

  it('answers the survey after closing, once; a missing answer is asked for', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    expect(formActions((await session.get(`/follow-up/${token}`)).body)).not.toContain('answer-survey');
    await toClosed(reference);
    const page = await session.get(`/follow-up/${token}`);
    expect(textOf(page.body)).toContain('Uw melding is afgesloten.');
    expect(formActions(page.body)).toEqual(['answer-survey']);

    const missing = await session.postForm(`/follow-up/${token}/answer-survey`, {
      _csrf: csrfOf(page.body),
      handledWell: 'partly',
      comment: 'Duidelijk.',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#field-onTime"');
    expect(missing.body).toMatch(/value="partly" checked=""|checked="" value="partly"/);

    const posted = await session.postForm(`/follow-up/${token}/answer-survey`, {
      _csrf: csrfOf(missing.body),
      handledWell: 'partly',
      onTime: 'yes',
      comment: 'Duidelijke brief, maar het duurde lang.',
    });
    expect(posted.statusCode).toBe(303);
    expect((await staffView(reference)).survey).toMatchObject({
      handledWell: 'partly',
      onTime: 'yes',
      comment: 'Duidelijke brief, maar het duurde lang.',
    });
    const after = await session.get(String(posted.headers.location));
    expect(formActions(after.body)).toEqual([]);
    expect(textOf(after.body)).toContain('Deze link werkt tot');
  });

  it('needs the CSRF token on every action', async () => {
    const { reference, token } = await submit();
    const session = new Session(t);
    await session.get(`/follow-up/${token}`);
    const response = await session.postForm(`/follow-up/${token}/request-hearing`, { _csrf: 'forged' });
    expect(response.statusCode).toBe(403);
    expect(textOf(response.body)).toContain('Uw formulier is verlopen');
    expect((await staffView(reference)).hearingOffers).toEqual([]);
  });

  it('answers an unknown link with a friendly 404 page, and an expired one with 410', async () => {
    const session = new Session(t);
    for (const url of [
      '/follow-up/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/follow-up/kort',
      '/confirmation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(textOf(response.body)).toContain('Deze pagina bestaat niet');
    }
    const unknownAction = await session.postForm('/follow-up/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/withdraw', {
      _csrf: await session.tokenFrom('/'),
    });
    expect(unknownAction.statusCode).toBe(404);

    const { reference, token } = await submit();
    await toClosed(reference);
    t.setNow('2026-12-31T12:00:00+01:00');
    const expired = await session.get(`/follow-up/${token}?lang=en`);
    expect(expired.statusCode).toBe(410);
    expect(textOf(expired.body)).toContain('This link no longer works');
    expect((await session.get(`/confirmation/${token}`)).statusCode).toBe(410);
  });
});

const csrfOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1]!;
