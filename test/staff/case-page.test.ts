/**
 * The case page of a fully worked case: every field of the improvement form, the deadlines with their
 * traffic lights, letters, attachments, the timeline in words and the access log; what an involved person
 * sees and does not see; who may open it at all; and every view recorded in the audit log.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { pdf, textOf } from '../pages/helpers.ts';
import { must, registerByPhone, statusOf, view, workedCase } from './case-fixtures.ts';
import { signedInAs } from './helpers.ts';

const FIELDS_OF_THE_FORM = [
  // Deadlines, in words as well as colour.
  'Ontvangstbevestiging 8 mei 2026 Op tijd gedaan Afhandeling 4 jun 2026 Op tijd gedaan Schriftelijk verslag 12 jun 2026 Op tijd gedaan',
  // Receipt.
  'Kanaal Telefoon Ontvangen op 30 apr 2026 08:15 Geregistreerd op 30 apr 2026 09:00 Ontvanger Fatima Yilmaz',
  // The reporter.
  'Anoniem Nee Naam Anouk Verbeek E-mailadres anouk@example.org Telefoonnummer 0612345678 Postadres Lindelaan 4, 3500 AA Utrecht Rol Kandidaat Taal Nederlands Mag contact opnemen Ja',
  // Trajectory and commissioning party.
  'Trajectnummer TR-2026-118 Jobcoach Jeroen Bakker Opdrachtgever UWV Naam opdrachtgever UWV Utrecht Contact opdrachtgever mevrouw De Boer, 030 111 22 33',
  // What happened.
  'Gaat over Een bewezen dienst Omschrijving door de melder Mijn jobcoach kwam drie keer niet. <script>alert("x")</script> Ik voel me niet serieus genomen. Datum van de gebeurtenis 27 apr 2026 Plaats Kantoor Utrecht Bijzondere omstandigheden Tijdens de ramadan. Wat zou het goedmaken Een vaste jobcoach die komt. Categorie Begeleiding door de jobcoach',
  // Mentions and how each is linked; involved people; who delivered the service.
  'Genoemd als Gekoppeld aan Jeroen Jeroen Bakker Bureau Werkfit Bureau Werkfit',
  'Jeroen Bakker (verleende de dienst) Medewerker, Jobcoach coach@loket3.example Bureau Werkfit Derde, Werkfit BV info@werkfit.example Postbus 1, Zeist Wie verleende de dienst Jeroen Bakker',
  // The handler, with name and job title, and the history with reasons.
  'Behandelaar Naam Ahmed El Amrani Functie Klachtbehandelaar Toegewezen op 30 apr 2026 09:00',
  'Sanne Jansen Teamleider 30 apr 2026 09:00 Eerste toewijzing Ahmed El Amrani Klachtbehandelaar 30 apr 2026 09:00 Sanne is langdurig ziek.',
  // Summary and acknowledgement.
  'Korte omschrijving Jobcoach drie keer niet verschenen op 27 april. Ontvangstbevestiging verstuurd op 4 mei 2026 10:00',
  // Hearing offers, hearings and contact moments.
  '4 mei 2026 10:00 Telefonisch Wil gehoord worden 4 mei 2026 10:00',
  'Op 6 mei 2026 14:00 Telefonisch gehoord: wil een vaste jobcoach.',
  // Reactions with the agreement per version.
  'Reactie van Jeroen Bakker Versie 1 Jeroen had de afspraken dubbel geboekt. Akkoord met versie 1 op 4 mei 2026 10:00',
  'Reactie van Bureau Werkfit Versie 1 Werkfit wist niet van de afspraak. Akkoord met versie 1 op 4 mei 2026 10:00 · Akkoord verkregen: Per e-mail van 7 mei.',
  // The decision.
  'Oordeel Deels gegrond Motivering Twee van de drie afspraken zijn niet nagekomen. Bevindingen De agenda liet dubbele boekingen toe. Ernst Middel Oorzaak Dubbele boeking in de agenda. Verantwoordelijke Team Utrecht Beoordeeld op 11 mei 2026 10:00',
  // Offers with measures, method, reaction and satisfaction; the choice after the rejection.
  'Aanbod 1 Gedaan op 11 mei 2026 10:00 Hoe Telefonisch Corrigerende maatregelen Genoegdoening: Excuses van de teamleider. Tevreden Nee, niet tevreden Reactie van de melder Excuses alleen is niet genoeg.',
  'Aanbod 2 Gedaan op 11 mei 2026 10:00 Hoe Telefonisch Corrigerende maatregelen Vervangende dienst: Een vaste jobcoach op dinsdag. Tevreden Ja, tevreden Reactie van de melder Dat is prima.',
  '11 mei 2026 10:00: Nieuw aanbod – De melder wil een vaste jobcoach.',
  // Agreed measures with owner, due date and done.
  'Vervangende dienst Vaste jobcoach inplannen. Fatima Yilmaz 29 mei 2026 11 mei 2026 10:00',
  // Written confirmation, resolution, final report.
  'Schriftelijke bevestiging verstuurd op 11 mei 2026 10:00 Bevindingen verstuurd op Niet vastgelegd Opgelost op 11 mei 2026 10:00 Schriftelijk verslag verstuurd op 18 mei 2026 10:00',
  // Prevention with owner, consulted, due date, done and evaluation.
  'Besluit Preventieve maatregelen genomen Besloten op 18 mei 2026 10:00',
  'Agenda blokkeert dubbele boekingen. Sanne Jansen Teamleider planning 30 jun 2026 18 mei 2026 10:00 Effectief (18 mei 2026 10:00): Geen dubbele boekingen meer.',
  // Appeal, closing, the reporter's message and survey.
  '18 mei 2026 10:00: Het klachtenbureau van UWV – De melder diende ook een klacht in bij UWV.',
  'Afgesloten op 18 mei 2026 10:00',
  'Aanvullingen via de volgpagina 18 mei 2026 10:00 Ik ben op dinsdag niet beschikbaar na 15 uur.',
  'Goed afgehandeld Gedeeltelijk Op tijd Ja Opmerking Het duurde even.',
  // Letters: kind, to whom, delivery.
  'Ontvangstbevestiging (PDF) – de melder de melder anouk@example.org Per e-mail 4 mei 2026 10:00',
  'Schriftelijk verslag (PDF) – betrokkene Bureau Werkfit betrokkene Bureau Werkfit info@werkfit.example Per e-mail 18 mei 2026 10:00',
  // The follow-up link.
  'Volglink van de melder Stand Vernieuwd op 18 mei 2026 10:00 Werkt tot 16 aug 2026 10:00',
  // The timeline: who, when, the action in words, the status change, the fields changed in words, the note.
  'Behandelaar toewijzen · 30 apr 2026 09:00 · door Petra de Vries Status: Geregistreerd → Behandelaar toegewezen Gewijzigd: behandelaar, behandelaars',
  'Ontvangst bevestigen · 4 mei 2026 10:00 · door Ahmed El Amrani Status: Behandelaar toegewezen → Ontvangst bevestigd Gewijzigd: ontvangstbevestiging Ontvangstbevestiging aan de melder (per e-mail)',
  'Melder voegde informatie toe · 18 mei 2026 10:00 · door de melder Gewijzigd: berichten van de melder',
];

describeEachDialect('the case page', (dialect) => {
  let t: TestApp;
  let reference: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    reference = await workedCase(t);
  }, 180_000);
  afterAll(() => t.close());

  it('shows every field of a fully worked case to the quality manager, the timeline in words', async () => {
    const qm = await signedInAs(t, 'qm');
    const page = await qm.get(`/staff/complaints/${reference}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    for (const fact of FIELDS_OF_THE_FORM) expect(text).toContain(fact);
    const file = pdf('notitie');
    const hash = createHash('sha256').update(file).digest('hex');
    expect(text).toContain(
      `telefoonnotitie.pdf application/pdf ${file.length} B ${hash} 4 mei 2026 10:00, Ahmed El Amrani`,
    );
    // The traffic light is a colour as well as the word.
    expect(page.body).toContain('<span class="vp-light vp-light--met">Op tijd gedaan</span>');
    // Changed fields are named, never dumped.
    expect(page.body).not.toContain('&quot;before&quot;');
    expect(page.body).not.toContain('{&quot;');
  });

  it('shows a complaint text with <script> as text', async () => {
    const page = await (await signedInAs(t, 'qm')).get(`/staff/complaints/${reference}`);
    expect(page.body).toContain(
      'Mijn jobcoach kwam drie keer niet. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(page.body).not.toContain('<script>alert');
  });

  it('is in English with ?lang=en', async () => {
    const page = await (await signedInAs(t, 'handler')).get(`/staff/complaints/${reference}?lang=en`);
    const text = textOf(page.body);
    expect(text).toContain('Improvement form · Status: Closed');
    expect(text).toContain('Judgement Judgement Partly well-founded Reasons Twee van de drie');
    expect(text).toContain('Acknowledgement 8 May 2026 Done on time');
  });

  it('shows an involved employee only their own part', async () => {
    const page = await (await signedInAs(t, 'coach')).get(`/staff/complaints/${reference}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('U bent betrokken bij deze klacht.');
    expect(text).toContain('Mijn jobcoach kwam drie keer niet.');
    expect(text).toContain(
      'Uw reactie Versie 1 Jeroen had de afspraken dubbel geboekt. Akkoord met versie 1 op 4 mei 2026 10:00',
    );
    for (const hidden of [
      'anouk@example.org',
      '0612345678',
      'Lindelaan',
      'Anouk Verbeek',
      'mevrouw De Boer',
      'Een vaste jobcoach die komt.',
      'Werkfit wist niet van de afspraak.',
      'Telefonisch gehoord',
      'Excuses van de teamleider',
      'Tijdlijn',
      'Inzage',
      'telefoonnotitie.pdf',
      'Brieven',
      'Ik ben op dinsdag niet beschikbaar',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('refuses anyone without a relation to the case (403), and an unknown reference is 404', async () => {
    // Sanne Jansen was the handler once and owns a preventive measure: neither opens the case.
    const other = await signedInAs(t, 'handler2');
    expect((await other.get(`/staff/complaints/${reference}`)).statusCode).toBe(403);
    expect((await other.get(`/staff/complaints/${reference}/actions/escalate`)).statusCode).toBe(403);
    const qm = await signedInAs(t, 'qm');
    expect((await qm.get('/staff/complaints/VP-2026-99999')).statusCode).toBe(404);
    expect((await qm.get('/staff/complaints/not-a-reference')).statusCode).toBe(404);
    expect((await qm.get(`/staff/complaints/${reference}/actions/no-such-action`)).statusCode).toBe(404);
  });

  it('downloads attachments and letters as stored, for the full view only', async () => {
    const form = await view(t, reference);
    const qm = await signedInAs(t, 'qm');
    const page = await qm.get(`/staff/complaints/${reference}`);
    const attachmentUrl = page.body.match(/href="(\/staff\/complaints\/[^"]+\/attachments\/[^"]+)"/)![1]!;
    const file = await qm.get(attachmentUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="telefoonnotitie.pdf"; filename*=UTF-8''telefoonnotitie.pdf`,
    );
    expect(Buffer.from(file.rawPayload).equals(pdf('notitie'))).toBe(true);
    const letterUrl = page.body.match(/href="(\/staff\/complaints\/[^"]+\/letters\/[^"]+\/pdf)"/)![1]!;
    const letter = await qm.get(letterUrl);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(letter.rawPayload).subarray(0, 5).toString()).toBe('%PDF-');
    const coach = await signedInAs(t, 'coach');
    expect((await coach.get(attachmentUrl)).statusCode).toBe(403);
    expect((await coach.get(letterUrl)).statusCode).toBe(403);
    expect((await qm.get(`/staff/complaints/${reference}/attachments/${form.id}`)).statusCode).toBe(404);
  });

  it('records every view in the audit log and shows the access log to the quality manager and the administrator only', async () => {
    t.setNow('2026-05-19T09:29:00+02:00');
    await (await signedInAs(t, 'advisor')).get(`/staff/complaints/${reference}`);
    t.setNow('2026-05-19T09:30:00+02:00');
    const complaintId = (await view(t, reference, 'handler')).id;
    t.setNow('2026-05-19T09:31:00+02:00');
    await (await signedInAs(t, 'coach')).get(`/staff/complaints/${reference}`);
    const viewed = await listAudit(t.db.kysely, {
      action: 'complaint_viewed',
      targetId: complaintId,
      limit: 3,
    });
    expect(viewed.map((e) => [e.actorLabel, e.targetType, e.details])).toEqual([
      ['Jeroen Bakker', 'complaint', { via: 'page', view: 'involved' }],
      ['Ahmed El Amrani', 'complaint', { via: 'api', view: 'full' }],
      ['Fatima Yilmaz', 'complaint', { via: 'page', view: 'full' }],
    ]);
    t.setNow('2026-05-19T09:40:00+02:00');
    for (const key of ['qm', 'admin']) {
      const page = await (await signedInAs(t, key)).get(`/staff/complaints/${reference}`);
      const text = textOf(page.body);
      expect(text).toContain('Inzage Wie dit verbeterformulier heeft bekeken');
      expect(text).toContain(
        'Jeroen Bakker 19 mei 2026 09:31 Zaakpagina 127.0.0.1 Ahmed El Amrani 19 mei 2026 09:30 API 127.0.0.1 Fatima Yilmaz 19 mei 2026 09:29 Zaakpagina',
      );
      // The way to the case's legal hold, for whoever may set it.
      expect(page.body).toContain(`href="/staff/admin/privacy/cases/${reference}"`);
    }
    for (const key of ['handler', 'advisor', 'coach']) {
      const page = await (await signedInAs(t, key)).get(`/staff/complaints/${reference}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('id="access-log"');
      expect(page.body).not.toContain('/staff/admin/privacy/cases/');
    }
  });
});

describeEachDialect('letters on paper and the follow-up link on the case page', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('records once that a letter on paper went into the post', async () => {
    t.setNow('2026-05-04T09:00:00+02:00');
    const ref = await registerByPhone(t, {
      involvedEmployees: [],
      reporter: { name: 'Kees Post', postalAddress: 'Dorpsstraat 1, 1234 AB Ergens' },
    });
    await must(t, 'qm', ref, 'assign-handler', { handlerId: t.users.handler!.id });
    await must(t, 'handler', ref, 'record-summary', { summary: 'Brief niet beantwoord.' });
    await must(t, 'handler', ref, 'acknowledge');
    const handler = await signedInAs(t, 'handler');
    const page = await handler.get(`/staff/complaints/${ref}`);
    expect(textOf(page.body)).toContain(
      'Ontvangstbevestiging (PDF) – de melder de melder Dorpsstraat 1, 1234 AB Ergens Per post 4 mei 2026 09:00 Op de post gedaan op',
    );
    const action = page.body.match(/action="(\/staff\/complaints\/[^"]+\/posted)"/)![1]!;
    // The receiver sees the letter but does not manage it.
    const advisor = await signedInAs(t, 'advisor');
    const advisorPage = await advisor.get(`/staff/complaints/${ref}`);
    expect(advisorPage.body).not.toContain('/posted"');
    expect(textOf(advisorPage.body)).toContain('Nog niet op de post');
    expect((await advisor.post(action, { postedAt: '' })).statusCode).toBe(403);
    const posted = await handler.post(action, { postedAt: '2026-05-04' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/staff/complaints/${ref}?done=letter-posted`);
    const after = await handler.get(String(posted.headers.location));
    expect(statusOf(after.body)).toBe('Vastgelegd dat de brief op de post is gedaan.');
    expect(textOf(after.body)).toContain('Per post 4 mei 2026 09:00 4 mei 2026 Volglink');
    expect(textOf(after.body)).toContain(
      'Brief op de post gedaan · 4 mei 2026 09:00 · door Ahmed El Amrani Ontvangstbevestiging aan de melder (per post): op de post gedaan op 4 mei 2026',
    );
    const twice = await handler.post(action, { postedAt: '' });
    expect(twice.statusCode).toBe(409);
    expect(textOf(twice.body)).toContain(
      'Alleen een brief per post kan als verstuurd worden gemarkeerd, en maar één keer.',
    );
  });

  it('revokes and renews the follow-up link, showing the new link once', async () => {
    t.setNow('2026-05-04T09:00:00+02:00');
    const ref = await registerByPhone(t, { involvedEmployees: [] });
    await must(t, 'qm', ref, 'assign-handler', { handlerId: t.users.handler!.id });
    const handler = await signedInAs(t, 'handler');
    await handler.get(`/staff/complaints/${ref}`);
    const revoked = await handler.post(`/staff/complaints/${ref}/follow-up-link/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`/staff/complaints/${ref}?done=follow-up-link-revoked`);
    const page = await handler.get(String(revoked.headers.location));
    expect(statusOf(page.body)).toBe('De volglink is ingetrokken.');
    expect(textOf(page.body)).toContain('Stand Ingetrokken op 4 mei 2026 09:00');
    const renewed = await handler.post(`/staff/complaints/${ref}/follow-up-link/renew`);
    expect(renewed.statusCode).toBe(200);
    const link = renewed.body.match(/(https:\/\/klachten\.example\.nl\/follow-up\/[\w-]+)/)![1]!;
    expect((await call(t, 'GET', `/api/v1/follow-up/${link.split('/').at(-1)}`)).statusCode).toBe(200);
    const advisor = await signedInAs(t, 'advisor');
    await advisor.get(`/staff/complaints/${ref}`);
    expect((await advisor.post(`/staff/complaints/${ref}/follow-up-link/revoke`)).statusCode).toBe(403);
  });
});

describe('the case page without a session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('sends the browser to sign in first', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/staff/complaints/VP-2026-00001' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Fcomplaints%2FVP-2026-00001');
  });
});
