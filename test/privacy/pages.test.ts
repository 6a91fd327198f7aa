/**
 * The privacy pages through inject, as a browser without JavaScript: the public privacy statement in Dutch
 * and English with the retention term from the settings and links to it from the form; the administrator's
 * pages (403 for every other role, CSRF on every form) to find, download and erase a data subject's
 * complaints and apply retention; a case's legal-hold page for quality managers and administrators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { Session, textOf } from '../pages/helpers.ts';
import { signedInAs } from '../staff/helpers.ts';

describeEachDialect('privacy pages', (dialect) => {
  let t: TestApp;
  let reference = '';
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        (s.retention as Record<string, number>).complaintYearsAfterClosing = 3;
        (s.retention as Record<string, number>).auditLogYears = 7;
      },
    });
    await addStandardUsers(t);
    t.setNow('2026-11-02T09:00:00.000Z');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Noor van Dijk', email: 'noor.vandijk@example.nl', phone: '06 44455566' },
        description: 'Mijn dossier is naar de verkeerde werkgever gestuurd.',
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    reference = submitted.json().reference;
  });
  afterAll(() => t.close());

  describe('the public privacy statement', () => {
    it('states the retention from the settings, in Dutch and in English, and links on to the general statement', async () => {
      const nl = await new Session(t).get('/privacy');
      expect(nl.statusCode).toBe(200);
      expect(nl.headers['cache-control']).toBe('no-store');
      const text = textOf(nl.body);
      expect(text).toContain('Privacyverklaring: uw klacht en uw gegevens');
      expect(text).toContain('Wij bewaren uw klacht tot 3 jaar nadat wij hem hebben afgesloten.');
      expect(text).toContain('Wie een klacht heeft bekeken, houden wij 7 jaar bij.');
      expect(text).toContain('Stuur uw verzoek naar klachten@loket3.nl of bel 030 123 45 67.');
      expect(text).toContain('Autoriteit Persoonsgegevens');
      expect(nl.body).toContain('<html lang="nl"');
      expect(nl.body).toContain('href="https://www.loket3.nl/privacy"');
      expect(text).toContain(
        'Hoe Loket3 verder met persoonsgegevens omgaat, leest u in de algemene privacyverklaring van Loket3',
      );

      const en = await new Session(t).get('/privacy?lang=en');
      const english = textOf(en.body);
      expect(en.body).toContain('<html lang="en"');
      expect(english).toContain('Privacy statement: your complaint and your information');
      expect(english).toContain('We keep your complaint until 3 years after we closed it.');
      expect(english).toContain('We keep a record of who looked at a complaint for 7 years.');
      expect(english).toContain('Dutch Data Protection Authority (Autoriteit Persoonsgegevens)');
    });

    it("is linked from the form near the contact fields and in the footer, in the page's language", async () => {
      const form = await new Session(t).get('/');
      const contact = form.body.slice(
        form.body.indexOf('id="section-contact"'),
        form.body.indexOf('id="section-about"'),
      );
      expect(contact).toContain('href="/privacy"');
      expect(textOf(contact)).toContain('Wat doen wij met uw gegevens? Lees onze privacyverklaring');
      const footer = form.body.slice(form.body.indexOf('vp-footer'));
      expect(footer).toContain(
        '<a href="/privacy" class="utrecht-link utrecht-link--html-a">Privacyverklaring</a>',
      );
      const english = await new Session(t).get('/?lang=en');
      expect(english.body).toContain('href="/privacy?lang=en"');
    });
  });

  describe('administrator pages', () => {
    it('open for administrators only: 403 for every other role, on every page and form', async () => {
      for (const key of ['qm', 'handler', 'coach', 'advisor']) {
        const browser = await signedInAs(t, key);
        const account = await browser.get('/staff/account');
        expect(account.statusCode).toBe(200);
        expect((await browser.get('/staff/admin/privacy')).statusCode, key).toBe(403);
        for (const path of [
          '/staff/admin/privacy/find',
          '/staff/admin/privacy/act',
          '/staff/admin/privacy/retention',
        ]) {
          const posted = await browser.post(path, {
            by: 'email',
            value: 'noor.vandijk@example.nl',
            do: 'export-json',
            [`case:${reference}`]: 'yes',
          });
          expect(posted.statusCode, `${key} ${path}`).toBe(403);
          expect(posted.headers['content-type']).toMatch(/^text\/html/);
        }
      }
      // The legal hold also for quality managers, nobody else.
      expect(
        (await (await signedInAs(t, 'qm')).get(`/staff/admin/privacy/cases/${reference}`)).statusCode,
      ).toBe(200);
      expect(
        (await (await signedInAs(t, 'handler')).get(`/staff/admin/privacy/cases/${reference}`)).statusCode,
      ).toBe(403);
      expect((await new Session(t).get('/staff/admin/privacy')).statusCode).toBe(303);
      const audit = await call(t, 'GET', '/api/v1/staff/outbox', { as: 'admin' });
      expect(audit.statusCode).toBe(200);
    });

    it('refuses forms without the CSRF token and changes nothing', async () => {
      const admin = await signedInAs(t, 'admin');
      await admin.get('/staff/admin/privacy');
      for (const [path, fields] of [
        ['/staff/admin/privacy/find', { by: 'email', value: 'noor.vandijk@example.nl' }],
        [
          '/staff/admin/privacy/act',
          {
            by: 'email',
            value: 'noor.vandijk@example.nl',
            do: 'erase',
            confirm: 'yes',
            [`case:${reference}`]: 'yes',
          },
        ],
        ['/staff/admin/privacy/retention', {}],
        [`/staff/admin/privacy/cases/${reference}/legal-hold`, { action: 'set', reason: 'Rechtszaak' }],
      ] as const) {
        const refused = await admin.post(path, { ...fields, _csrf: 'forged' });
        expect(refused.statusCode, path).toBe(403);
        expect(textOf(refused.body)).toContain('Dit formulier is verlopen.');
      }
      const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
      expect(form.reporter.name).toBe('Noor van Dijk');
      const hold = (
        await call(t, 'GET', `/api/v1/staff/complaints/${reference}/legal-hold`, { as: 'qm' })
      ).json();
      expect(hold).toEqual({ reference, legalHold: false, holds: [] });
    });

    it('finds a person, naming the field of a bad search, and downloads their complaints', async () => {
      const admin = await signedInAs(t, 'admin');
      const overview = await admin.get('/staff/admin/privacy');
      expect(overview.statusCode).toBe(200);
      expect(textOf(overview.body)).toContain(
        'Klachten worden 3 jaar nadat ze zijn afgerond geanonimiseerd. Regels in het auditlogboek worden na 7 jaar verwijderd.',
      );

      const bad = await admin.post('/staff/admin/privacy/find', {
        by: 'email',
        value: 'noor',
        requestReference: '',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#field-value"');
      expect(textOf(bad.body)).toContain('Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
      expect(bad.body).toContain('value="noor"');

      const found = await admin.post('/staff/admin/privacy/find', {
        by: 'phone',
        value: '+31 6 4445 5566',
        requestReference: 'AVG-7',
      });
      expect(found.statusCode).toBe(200);
      const text = textOf(found.body);
      expect(text).toContain('Gezocht op telefoonnummer: +31 6 4445 5566');
      expect(text).toContain(`${reference} Noor van Dijk, noor.vandijk@example.nl Geregistreerd`);
      expect(found.body).toMatch(
        new RegExp(
          `<input id="case-${reference}" aria-label="Kies ${reference}" type="checkbox"[^>]* name="case:${reference}" checked="" value="yes"/>`,
        ),
      );
      // The language switch of a page that answers a form leads back to the page of that form.
      expect(found.body).toContain('href="/staff/admin/privacy?lang=en"');

      const none = await admin.post('/staff/admin/privacy/act', {
        by: 'phone',
        value: '+31 6 4445 5566',
        requestReference: 'AVG-7',
        do: 'export-json',
      });
      expect(none.statusCode).toBe(400);
      expect(textOf(none.body)).toContain('Kies minstens één klacht.');

      const json = await admin.post('/staff/admin/privacy/act', {
        by: 'phone',
        value: '+31 6 4445 5566',
        requestReference: 'AVG-7',
        do: 'export-json',
        [`case:${reference}`]: 'yes',
      });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.headers['content-disposition']).toBe('attachment; filename="avg-export-2026-11-02.json"');
      expect(json.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(json.body).complaints[0].form.reporter.phone).toBe('06 44455566');
      const pdf = await admin.post('/staff/admin/privacy/act', {
        by: 'phone',
        value: '+31 6 4445 5566',
        requestReference: '',
        do: 'export-pdf',
        [`case:${reference}`]: 'yes',
      });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('sets a legal hold (quality manager), which refuses erasure with 409; lifting it lets erasure through', async () => {
      const qm = await signedInAs(t, 'qm');
      await qm.get(`/staff/admin/privacy/cases/${reference}`);
      const empty = await qm.post(`/staff/admin/privacy/cases/${reference}/legal-hold`, {
        action: 'set',
        reason: ' ',
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#field-reason"');
      expect(textOf(empty.body)).toContain('Vul de reden in.');
      const set = await qm.post(`/staff/admin/privacy/cases/${reference}/legal-hold`, {
        action: 'set',
        reason: 'Zaaknummer C/16/123456',
      });
      expect(set.statusCode).toBe(303);
      expect(set.headers.location).toBe(`/staff/admin/privacy/cases/${reference}?done=hold-set`);
      const page = textOf((await qm.get(`/staff/admin/privacy/cases/${reference}?done=hold-set`)).body);
      expect(page).toContain('De bewaarplicht is ingesteld.');
      expect(page).toContain(
        'Er geldt een bewaarplicht sinds 2 nov 2026 10:00, ingesteld door Petra de Vries.',
      );
      expect(page).toContain('Reden: Zaaknummer C/16/123456');
      // A second "set" from a page opened before: 409, nothing changed.
      const again = await qm.post(`/staff/admin/privacy/cases/${reference}/legal-hold`, {
        action: 'set',
        reason: 'Nog eens',
      });
      expect(again.statusCode).toBe(409);
      expect(textOf(again.body)).toContain(`Voor klacht ${reference} geldt al een bewaarplicht.`);

      const admin = await signedInAs(t, 'admin');
      await admin.get('/staff/admin/privacy');
      const fields = {
        by: 'email',
        value: 'noor.vandijk@example.nl',
        requestReference: 'AVG-7',
        do: 'erase',
        [`case:${reference}`]: 'yes',
      };
      const unconfirmed = await admin.post('/staff/admin/privacy/act', {
        ...fields,
        openCaseReason: 'Melder vraagt erom',
      });
      expect(unconfirmed.statusCode).toBe(400);
      expect(textOf(unconfirmed.body)).toContain(
        'Vink aan dat u begrijpt dat wissen niet ongedaan kan worden gemaakt.',
      );
      expect(unconfirmed.body).toContain('Melder vraagt erom');
      const held = await admin.post('/staff/admin/privacy/act', {
        ...fields,
        openCaseReason: 'Melder vraagt erom',
        confirm: 'yes',
      });
      expect(held.statusCode).toBe(409);
      expect(textOf(held.body)).toContain(
        `Voor klacht ${reference} geldt een bewaarplicht (legal hold). Hef die eerst op.`,
      );
      expect(textOf((await admin.get('/staff/admin/privacy')).body)).toContain(
        `${reference} 2 nov 2026 10:00 Petra de Vries Zaaknummer C/16/123456`,
      );

      const lift = await admin.post(`/staff/admin/privacy/cases/${reference}/legal-hold`, {
        action: 'lift',
        reason: 'Zaak geschikt',
      });
      expect(lift.statusCode).toBe(303);
      await admin.get('/staff/admin/privacy');
      const noReason = await admin.post('/staff/admin/privacy/act', { ...fields, confirm: 'yes' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('href="#field-openCaseReason"');
      const erased = await admin.post('/staff/admin/privacy/act', {
        ...fields,
        openCaseReason: 'Melder vraagt erom',
        confirm: 'yes',
      });
      expect(erased.statusCode).toBe(303);
      expect(erased.headers.location).toBe('/staff/admin/privacy?done=erased&count=1');
      const after = textOf((await admin.get('/staff/admin/privacy?done=erased&count=1')).body);
      expect(after).toContain('1 klacht is gewist (geanonimiseerd).');
      expect(after).toContain(
        `${reference} Verzoek van de betrokkene Beheerder Loket3 naam en contactgegevens van de melder, vrije teksten, geschiedenis`,
      );
      expect(after).toContain('AVG-7');
      const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
      expect(form.reporter).toMatchObject({ name: null, email: null, phone: null });
    });

    it('applies retention on request, and says how many', async () => {
      const admin = await signedInAs(t, 'admin');
      await admin.get('/staff/admin/privacy');
      const run = await admin.post('/staff/admin/privacy/retention', {});
      expect(run.statusCode).toBe(303);
      expect(run.headers.location).toBe('/staff/admin/privacy?done=retention&count=0');
      expect(textOf((await admin.get('/staff/admin/privacy?lang=en&done=retention&count=0')).body)).toContain(
        'Retention was applied: 0 complaints anonymised.',
      );
    });
  });
});
