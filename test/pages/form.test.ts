/**
 * The improvement form without JavaScript, through inject: Dutch by default and English on request, CSRF on
 * the post, a full submission stored with every field and every attachment byte intact, the confirmation
 * with the real dates, validation errors with everything kept, the honeypot, the language switch, and files
 * that are too large — on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getAttachmentContent, listAttachments } from '../../src/db/repositories/attachments.ts';
import { findComplaintByReference } from '../../src/db/repositories/complaints.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { PNG, pdf, Session, textOf } from './helpers.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every field of the form, with text that escaping, trimming or line breaks could damage. */
const FULL = {
  description:
    'Mijn jobcoach kwam niet opdagen.\r\nHij belde pas één week later <b>terug</b> & zei: "dat gebeurt vaker".',
  eventDate: '2026-04-28',
  eventPlace: 'Kantoor Utrecht – 2e verdieping',
  eventCircumstances: 'Ik had een tolk meegenomen.',
  involved: 'Jeroen Bakker\r\n\r\n  Fatima Yilmaz  \r\n',
  desiredOutcome: 'Een vaste afspraakdag.',
  contactChoice: 'contact',
  name: 'Mila de Boer-Çelik',
  email: 'Mila.deBoer@example.nl',
  phone: '06 1234 5678',
  postalAddress: 'Oudegracht 1\r\n3511 AA Utrecht',
  consentToContact: 'yes',
  role: 'representative',
  commissioningPartyType: 'UWV',
  commissioningPartyName: 'UWV Utrecht',
  commissioningPartyContact: '088 898 92 94',
};

describeEachDialect('the improvement form', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const complaintCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('is Dutch by default and English with ?lang=en (remembered in a cookie), with a CSRF token', async () => {
    const session = new Session(t);
    const dutch = await session.get('/');
    expect(dutch.statusCode).toBe(200);
    expect(dutch.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(dutch.body).toMatch(/^<!DOCTYPE html><html lang="nl" dir="ltr">/);
    expect(dutch.body).toContain('Verbeterformulier');
    expect(dutch.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]{20,}"\/>/);
    expect(session.cookies.get('_csrf')).toBeTruthy();

    const english = await session.get('/?lang=en');
    expect(english.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(english.body).toContain('Improvement form');
    expect(session.cookies.get('lang')).toBe('en');
    // The cookie keeps the choice.
    expect((await session.get('/')).body).toMatch(/<html lang="en"/);
  });

  it('refuses a post without a valid CSRF token with 403, keeps what was typed and stores nothing', async () => {
    const before = await complaintCount();
    const stranger = new Session(t);
    const noSecret = await stranger.postMultipart('/', { description: 'Zonder token' });
    expect(noSecret.statusCode).toBe(403);
    expect(noSecret.headers['content-type']).toContain('text/html');

    const session = new Session(t);
    await session.get('/');
    const wrong = await session.postMultipart('/', {
      _csrf: 'not-the-token',
      description: 'Met een fout token',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Met een fout token');
    expect(wrong.body).toContain('role="alert"');
    // The page shown again carries a fresh token that works.
    const again = await session.postMultipart('/', { _csrf: csrfOf(wrong.body), description: 'Nu wel' });
    expect(again.statusCode).toBe(303);
    expect(await complaintCount()).toBe(before + 1);
  });

  it('stores a full submission with every field and attachment intact, and confirms it with the real dates', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const session = new Session(t);
    const files = [
      { filename: 'verslag gesprek.pdf', content: pdf('verslag'), type: 'application/pdf' },
      { filename: 'foto.png', content: PNG, type: 'image/png' },
    ];
    const posted = await session.postMultipart(
      '/',
      { _csrf: await session.tokenFrom('/'), lang: 'nl', ...FULL },
      files,
    );
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(/^\/confirmation\/[A-Za-z0-9_-]{32}$/);
    const token = String(posted.headers.location).split('/').at(-1)!;

    const confirmation = await session.get(String(posted.headers.location));
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.headers['cache-control']).toBe('no-store');
    const text = textOf(confirmation.body);
    const reference = text.match(/VP-2026-\d{5}/)?.[0];
    expect(reference).toBeTruthy();
    // Received Thursday 30 April 2026: 5 working days (5 May is a holiday) and 21 working days.
    expect(text).toContain('vrijdag 8 mei 2026');
    expect(text).toContain('donderdag 4 juni 2026');
    expect(text).toContain(`https://klachten.example.nl/follow-up/${token}`);
    expect(text).toContain('Wij hebben deze link ook naar uw e-mailadres gestuurd.');

    const view = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(view).toMatchObject({
      channel: 'web',
      description:
        'Mijn jobcoach kwam niet opdagen.\nHij belde pas één week later <b>terug</b> & zei: "dat gebeurt vaker".',
      desiredOutcome: 'Een vaste afspraakdag.',
      event: {
        date: '2026-04-28',
        place: 'Kantoor Utrecht – 2e verdieping',
        circumstances: 'Ik had een tolk meegenomen.',
      },
      reporter: {
        anonymous: false,
        name: 'Mila de Boer-Çelik',
        email: 'mila.deboer@example.nl',
        phone: '06 1234 5678',
        postalAddress: 'Oudegracht 1\n3511 AA Utrecht',
        role: 'representative',
        consentToContact: true,
        language: 'nl',
      },
      trajectory: { commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: '088 898 92 94' } },
    });
    expect(view.mentions.map((m: { name: string }) => m.name)).toEqual(['Jeroen Bakker', 'Fatima Yilmaz']);

    const complaint = await findComplaintByReference(t.db.kysely, reference!);
    const stored = await listAttachments(t.db.kysely, complaint!.id);
    expect(stored.map((a) => [a.filename, a.contentType, a.size]).sort()).toEqual(
      files.map((f) => [f.filename, f.type, f.content.length]).sort(),
    );
    for (const file of files) {
      const attachment = stored.find((a) => a.filename === file.filename)!;
      expect(attachment.sha256).toBe(sha256(file.content));
      const content = await getAttachmentContent(t.db.kysely, attachment.id);
      expect(sha256(content!.content)).toBe(sha256(file.content));
    }
    // The follow-up link was put in the outbox, as the API does.
    const mail = await t.db.kysely
      .selectFrom('email_outbox')
      .selectAll()
      .where('complaint_id', '=', complaint!.id)
      .where('kind', '=', 'follow_up_link')
      .execute();
    expect(mail.map((m) => m.to_address)).toEqual(['mila.deboer@example.nl']);
  });

  it('submits anonymously in English: no contact details kept, the link still given', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const session = new Session(t);
    const posted = await session.postMultipart('/', {
      _csrf: await session.tokenFrom('/?lang=en'),
      lang: 'en',
      description: 'Nobody told me the appointment had moved.',
      contactChoice: 'anonymous',
      // Typed before choosing anonymous: not kept.
      name: 'Someone',
      email: 'someone@example.org',
      role: 'candidate',
    });
    expect(posted.statusCode).toBe(303);
    const confirmation = await session.get(String(posted.headers.location));
    const text = textOf(confirmation.body);
    expect(confirmation.body).toMatch(/<html lang="en"/);
    expect(text).toContain('Friday 8 May 2026');
    expect(text).toContain('Thursday 4 June 2026');
    expect(text).toContain('You did not fill in an email address.');
    const reference = text.match(/VP-2026-\d{5}/)![0];
    const view = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(view.reporter).toMatchObject({
      anonymous: true,
      name: null,
      email: null,
      role: 'candidate',
      language: 'en',
    });
  });

  it('shows validation errors with 400: a summary linking to each field, messages at the fields, values kept', async () => {
    const before = await complaintCount();
    const session = new Session(t);
    const response = await session.postMultipart('/', {
      _csrf: await session.tokenFrom('/'),
      lang: 'nl',
      ...FULL,
      description: '   ',
      email: 'noor@',
      phone: 'bel me',
      eventDate: '31-02-2026',
    });
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('<title>Fout: Verbeterformulier');
    const summary = html.slice(
      html.indexOf('role="alert"'),
      html.indexOf('</ul>', html.indexOf('role="alert"')),
    );
    expect([...summary.matchAll(/href="#(field-[A-Za-z]+)"/g)].map((m) => m[1])).toEqual([
      'field-description',
      'field-eventDate',
      'field-email',
      'field-phone',
    ]);
    expect(textOf(summary)).toContain('Vertel in een paar woorden wat er is gebeurd.');
    // At the field: the message, tied to the input, which says it is invalid.
    expect(html).toMatch(/<div id="field-description-error" class="utrecht-form-field-error-message">/);
    expect(html).toMatch(
      /<textarea id="field-description"[^>]*aria-invalid="true"[^>]*aria-describedby="field-description-hint field-description-error"/,
    );
    expect(html).toMatch(
      /<input id="field-email"[^>]*aria-describedby="field-email-hint field-email-error"[^>]*aria-invalid="true"|<input id="field-email"[^>]*aria-invalid="true"/,
    );
    // Everything typed is back.
    expect(html).toContain('value="noor@"');
    expect(html).toContain('value="Mila de Boer-Çelik"');
    expect(html).toContain('Oudegracht 1\n3511 AA Utrecht</textarea>');
    expect(html).toMatch(/<option value="representative"[^>]*selected=""/);
    expect(html).toMatch(/<option value="UWV"[^>]*selected=""/);
    expect(html).toMatch(/value="contact" checked=""|checked="" value="contact"/);
    expect(html).toMatch(/id="field-consentToContact"[^>]*checked=""/);
    expect(await complaintCount()).toBe(before);
  });

  it('asks for a way to reach the reporter who wants to be contacted, or to choose anonymous', async () => {
    const session = new Session(t);
    const response = await session.postMultipart('/', {
      _csrf: await session.tokenFrom('/'),
      description: 'Niemand belde terug.',
      contactChoice: 'contact',
      name: 'Alleen een naam',
    });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      'Vul een e-mailadres, telefoonnummer of adres in. Of kies: Nee, ik blijf anoniem.',
    );
    expect(response.body).toContain('href="#field-email"');
  });

  it('accepts a date written the Dutch way and refuses one in the future with the domain message', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const session = new Session(t);
    const future = await session.postMultipart('/', {
      _csrf: await session.tokenFrom('/'),
      description: 'x',
      eventDate: '2026-05-02',
    });
    expect(future.statusCode).toBe(400);
    expect(textOf(future.body)).toContain('De datum van de gebeurtenis kan niet in de toekomst liggen.');
    expect(future.body).toContain('href="#field-eventDate"');

    const dutch = await session.postMultipart('/', {
      _csrf: csrfOf(future.body),
      description: 'Datum als 28-4-2026',
      eventDate: '28-4-2026',
    });
    expect(dutch.statusCode).toBe(303);
  });

  it('pretends success when the honeypot is filled in, and stores nothing', async () => {
    const before = await complaintCount();
    const session = new Session(t);
    const response = await session.postMultipart('/', {
      _csrf: await session.tokenFrom('/'),
      description: 'Koop nu goedkope horloges',
      website: 'https://spam.example',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/confirmation\/[A-Za-z0-9_-]{32}$/);
    const page = await session.get(String(response.headers.location));
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Bedankt voor uw melding');
    expect(await complaintCount()).toBe(before);
  });

  it('switches language without validating or storing, keeping everything typed', async () => {
    const before = await complaintCount();
    const session = new Session(t);
    const response = await session.postMultipart(
      '/',
      { _csrf: await session.tokenFrom('/'), lang: 'nl', ...FULL, description: '', switchLang: 'en' },
      [{ filename: 'brief.pdf', content: pdf('brief'), type: 'application/pdf' }],
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<html lang="en"/);
    expect(response.body).not.toContain('role="alert"');
    expect(response.body).toContain('value="Mila de Boer-Çelik"');
    expect(response.body).toContain('Oudegracht 1\n3511 AA Utrecht</textarea>');
    expect(response.body).toMatch(/<option value="UWV"[^>]*selected=""/);
    // Files cannot be kept by a browser: the page says to choose them again.
    expect(textOf(response.body)).toContain('Your files have not been sent yet. Choose them again.');
    // The switch back is offered in Dutch, and the choice is remembered.
    expect(response.body).toMatch(/name="switchLang"[^>]*>Lees dit formulier in het Nederlands</);
    expect(session.cookies.get('lang')).toBe('en');
    expect(await complaintCount()).toBe(before);
  });

  it('names a file that is too large or of a type that cannot be attached, stores nothing, keeps the text', async () => {
    const small = await createTestApp(dialect, {
      env: { ATTACHMENT_MAX_BYTES: '2048', ATTACHMENTS_MAX_TOTAL_BYTES: '4096' },
    });
    try {
      const session = new Session(small);
      const count = async () =>
        Number(
          (
            await small.db.kysely
              .selectFrom('complaints')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const tooLarge = await session.postMultipart(
        '/',
        { _csrf: await session.tokenFrom('/'), description: 'Met een grote bijlage' },
        [
          {
            filename: 'groot.pdf',
            content: Buffer.concat([pdf('groot'), Buffer.alloc(4000, 32)]),
            type: 'application/pdf',
          },
        ],
      );
      expect(tooLarge.statusCode).toBe(413);
      expect(textOf(tooLarge.body)).toContain('Het bestand groot.pdf is groter dan 2 KB.');
      expect(tooLarge.body).toContain('href="#field-attachments"');
      expect(tooLarge.body).toContain('Met een grote bijlage</textarea>');

      const wrongType = await session.postMultipart(
        '/',
        { _csrf: csrfOf(tooLarge.body), description: 'Met een programma' },
        [
          {
            filename: 'setup.exe',
            content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
          },
        ],
      );
      expect(wrongType.statusCode).toBe(400);
      expect(textOf(wrongType.body)).toContain('Het bestand setup.exe kunnen wij niet gebruiken.');
      expect(await count()).toBe(0);

      const tooMany = await session.postMultipart(
        '/',
        { _csrf: csrfOf(wrongType.body), description: 'Zes bestanden' },
        Array.from({ length: 6 }, (_, i) => ({
          filename: `notitie-${i}.txt`,
          content: Buffer.from(`notitie ${i}`),
        })),
      );
      expect(tooMany.statusCode).toBe(413);
      expect(textOf(tooMany.body)).toContain('U kunt maximaal 5 bestanden toevoegen.');
      expect(await count()).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('ignores an empty file input (a browser sends it without a file name)', async () => {
    const session = new Session(t);
    const response = await session.postMultipart(
      '/',
      { _csrf: await session.tokenFrom('/'), description: 'Zonder bijlage' },
      [{ filename: '', content: Buffer.alloc(0) }],
    );
    expect(response.statusCode).toBe(303);
  });
});

const csrfOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1]!;
