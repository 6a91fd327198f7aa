/**
 * Registering a complaint received by phone, letter, email or in person (GET/POST /staff/complaints/new)
 * through inject, on SQLite and PostgreSQL: a past moment of receipt and the written complaint attached
 * (stored with equal SHA-256), the follow-up link shown once on the case page and emailed, a future moment
 * refused at its field with everything kept, the receiver rule, CSRF, and 403 for who may not register.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { type FilePart, pdf, textOf } from '../pages/helpers.ts';
import { type StaffBrowser, signedInAs } from './helpers.ts';

const NOW = '2026-05-06T10:00:00+02:00';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An email saved as a file (.eml) and an Outlook message (.msg: an OLE compound file with __substg1.0_ streams). */
const EML = Buffer.from(
  'Received: from mail.example.nl\r\nFrom: Bram Smit <bram@example.nl>\r\nTo: klachten@loket3.nl\r\nSubject: Klacht\r\nMIME-Version: 1.0\r\n\r\nIk ben niet tevreden.\r\n',
);
const MSG = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
  Buffer.from('__substg1.0_0037001F', 'utf16le'),
  Buffer.from('__properties_version1.0', 'utf16le'),
]);
const SCAN = pdf('Brief van Bram Smit, 29 april 2026');

/** Every field filled in, as a receiver types it after a phone call or from a letter. */
const FULL = {
  channel: 'letter',
  receivedAt: '2026-04-30T09:15',
  name: 'Bram Smit',
  email: 'Bram.Smit@Example.nl',
  phone: '06 1234 5678',
  postalAddress: 'Oudegracht 1\n3511 AA Utrecht',
  consentToContact: 'yes',
  role: 'candidate',
  language: 'en',
  trajectoryReference: 'TR-2026-0042',
  jobcoach: 'Jeroen Bakker',
  commissioningPartyType: 'UWV',
  commissioningPartyName: 'UWV Utrecht',
  commissioningPartyContact: 'Klantcontact, 088 898 92 94',
  description:
    'Het verslag van mijn werkplekbezoek klopt niet.\nIk heb dat twee keer gezegd <b>en</b> niemand reageerde.',
  eventDate: '28-04-2026',
  eventPlace: 'Werkplek bij Bakkerij De Korenaar',
  eventCircumstances: 'Tijdens het tweede bezoek.',
  desiredOutcome: 'Een verbeterd verslag.',
  involved: 'Jeroen Bakker\n\nFatima Yilmaz\n',
  category: 'coaching',
};

describeEachDialect('registering a complaint received by phone, letter, email or in person', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  }, 60_000);
  afterAll(() => t.close());
  beforeEach(() => t.setNow(NOW));

  const count = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('complaints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const register = async (
    as: string | StaffBrowser,
    fields: Record<string, string>,
    files: FilePart[] = [],
  ) => {
    const browser = typeof as === 'string' ? await signedInAs(t, as) : as;
    await browser.get('/staff/complaints/new');
    return browser.postMultipart('/staff/complaints/new', { _csrf: browser.csrf, ...fields }, files);
  };
  const staffView = async (reference: string) =>
    (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();

  it('offers the form with now as the moment of receipt and the user as receiver', async () => {
    const browser = await signedInAs(t, 'handler');
    const page = await browser.get('/staff/complaints/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/staff/complaints/new" encType="multipart/form-data" method="post"');
    expect(page.body).toMatch(
      /<input id="field-receivedAt"[^>]* type="datetime-local"[^>]* name="receivedAt" value="2026-05-06T10:00"\/>/,
    );
    expect(textOf(page.body)).toContain('Ontvangen door: Ahmed El Amrani (uzelf).');
    expect(page.body).not.toContain('name="receiverId"');
    for (const channel of ['Telefoon', 'E-mail', 'Brief', 'Persoonlijk (balie of gesprek)'])
      expect(textOf(page.body)).toContain(channel);
    expect(textOf(page.body)).toContain('e-mail (.eml of .msg)');
  });

  it('registers a complaint received in the past with the written complaint attached, and shows the link once', async () => {
    const browser = await signedInAs(t, 'handler');
    const files = [
      { filename: 'brief-bram-smit.pdf', content: SCAN, type: 'application/pdf' },
      { filename: 'doorgestuurd.eml', content: EML, type: 'message/rfc822' },
      { filename: 'Outlook bericht.msg', content: MSG, type: 'application/vnd.ms-outlook' },
    ];
    const before = await count();
    const response = await register(browser, FULL, files);
    expect(response.statusCode, textOf(response.body).slice(0, 600)).toBe(303);
    expect(response.headers.location).toBe('/staff/complaints/VP-2026-00001?done=registered');
    expect(await count()).toBe(before + 1);

    const stored = await staffView('VP-2026-00001');
    expect({
      channel: stored.channel,
      receivedAt: stored.receivedAt,
      receiverId: stored.receiverId,
      reporter: stored.reporter,
      trajectory: stored.trajectory,
      description: stored.description,
      event: stored.event,
      desiredOutcome: stored.desiredOutcome,
      mentions: stored.mentions.map((m: { name: string }) => m.name),
      category: stored.category,
      acknowledgeBy: stored.deadlines.acknowledgeBy,
      resolveBy: stored.deadlines.resolveBy,
    }).toEqual({
      channel: 'letter',
      // 09:15 in Amsterdam (summer time) is 07:15 UTC.
      receivedAt: '2026-04-30T07:15:00.000Z',
      receiverId: t.users.handler!.id,
      reporter: {
        anonymous: false,
        name: 'Bram Smit',
        email: 'bram.smit@example.nl',
        phone: '06 1234 5678',
        postalAddress: 'Oudegracht 1\n3511 AA Utrecht',
        role: 'candidate',
        language: 'en',
        consentToContact: true,
      },
      trajectory: {
        reference: 'TR-2026-0042',
        jobcoach: 'Jeroen Bakker',
        commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: 'Klantcontact, 088 898 92 94' },
      },
      description:
        'Het verslag van mijn werkplekbezoek klopt niet.\nIk heb dat twee keer gezegd <b>en</b> niemand reageerde.',
      event: {
        date: '2026-04-28',
        place: 'Werkplek bij Bakkerij De Korenaar',
        circumstances: 'Tijdens het tweede bezoek.',
      },
      desiredOutcome: 'Een verbeterd verslag.',
      mentions: ['Jeroen Bakker', 'Fatima Yilmaz'],
      category: 'coaching',
      // The terms run from the moment of receipt, Thursday 30 April: 8 May and 4 June.
      acknowledgeBy: '2026-05-08',
      resolveBy: '2026-06-04',
    });

    const attachments = await t.db.kysely
      .selectFrom('attachments')
      .innerJoin('complaints', 'complaints.id', 'attachments.complaint_id')
      .select([
        'attachments.filename',
        'attachments.content_type',
        'attachments.sha256',
        'attachments.content',
        'attachments.uploaded_by',
      ])
      .where('complaints.reference', '=', 'VP-2026-00001')
      .orderBy('attachments.filename')
      .execute();
    expect(
      attachments.map((a) => [a.filename, a.content_type, a.sha256, sha256(a.content), a.uploaded_by]),
    ).toEqual([
      ['Outlook bericht.msg', 'application/vnd.ms-outlook', sha256(MSG), sha256(MSG), t.users.handler!.id],
      ['brief-bram-smit.pdf', 'application/pdf', sha256(SCAN), sha256(SCAN), t.users.handler!.id],
      ['doorgestuurd.eml', 'message/rfc822', sha256(EML), sha256(EML), t.users.handler!.id],
    ]);

    // The follow-up link is emailed to the reporter, in the reporter's language …
    const mails = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['to_address', 'text_body'])
      .where('kind', '=', 'follow_up_link')
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual(['bram.smit@example.nl']);
    const emailed = mails[0]!.text_body.match(
      /https:\/\/klachten\.example\.nl\/follow-up\/[A-Za-z0-9_-]+/,
    )![0];

    // … and shown once on the case page the browser is sent to.
    const casePage = await browser.get('/staff/complaints/VP-2026-00001?done=registered');
    expect(casePage.statusCode).toBe(200);
    const text = textOf(casePage.body);
    expect(text).toContain('Klacht VP-2026-00001 is geregistreerd.');
    expect(text).toContain('hij is ook gemaild naar bram.smit@example.nl.');
    expect(text).toContain(emailed);
    const token = emailed.split('/').at(-1)!;
    expect((await t.app.inject({ method: 'GET', url: `/follow-up/${token}` })).statusCode).toBe(200);
    const again = await browser.get('/staff/complaints/VP-2026-00001');
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(token);
  });

  it('refuses a moment of receipt in the future at its field, keeping everything typed', async () => {
    const before = await count();
    const response = await register('handler', { ...FULL, receivedAt: '2026-05-06T10:30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#field-receivedAt"');
    expect(textOf(response.body)).toContain('Het tijdstip van ontvangst kan niet in de toekomst liggen.');
    expect(response.body).toContain('id="field-receivedAt-error"');
    for (const kept of [
      'value="Bram Smit"',
      'value="TR-2026-0042"',
      'value="2026-05-06T10:30"',
      'Oudegracht 1\n3511 AA Utrecht',
      'Jeroen Bakker\n\nFatima Yilmaz',
    ])
      expect(response.body).toContain(kept);
    expect(await count()).toBe(before);
  });

  it('names every field that is wrong, in the order of the form, in Dutch and in English', async () => {
    const fields = {
      channel: '',
      receivedAt: '31-02-2026 10:00',
      email: 'bram@',
      description: '  ',
      language: 'nl',
    };
    const nl = await register('handler', fields);
    expect(nl.statusCode).toBe(400);
    const links = [...nl.body.matchAll(/<a href="#field-(\w+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['channel', 'Kies hoe de klacht binnenkwam.'],
      ['receivedAt', 'Vul datum en tijd in zoals 30-04-2026 10:15.'],
      ['email', 'Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.'],
      ['description', 'Schrijf in een paar woorden wat er is gebeurd.'],
    ]);
    const browser = await signedInAs(t, 'handler');
    await browser.get('/staff/complaints/new?lang=en');
    const en = await browser.postMultipart('/staff/complaints/new', { _csrf: browser.csrf, ...fields });
    expect(textOf(en.body)).toContain('Choose how the complaint came in.');
    expect(textOf(en.body)).toContain('Describe in a few words what happened.');
  });

  it('refuses a file the attachment store does not take, naming it', async () => {
    const response = await register('handler', { ...FULL, receivedAt: '2026-05-04T10:00' }, [
      { filename: 'setup.exe', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]) },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#field-attachments"');
    expect(textOf(response.body)).toContain('Het bestand setup.exe kunnen wij niet gebruiken.');
    expect(textOf(response.body)).toContain('Kies ze opnieuw.');
  });

  it('keeps no contact details of a reporter who wants to stay anonymous', async () => {
    const response = await register('advisor', {
      channel: 'in_person',
      receivedAt: '2026-05-06T09:00',
      language: 'nl',
      name: 'Iemand',
      phone: '0612345678',
      anonymous: 'yes',
      description: 'Aan de balie werd ik niet geholpen.',
    });
    expect(response.statusCode).toBe(303);
    const reference = new URL(response.headers.location as string, 'http://x').pathname.split('/').at(-1)!;
    const stored = await staffView(reference);
    expect(stored.reporter).toEqual({
      anonymous: true,
      name: null,
      email: null,
      phone: null,
      postalAddress: null,
      role: null,
      language: 'nl',
      consentToContact: false,
    });
    expect(stored.receiverId).toBe(t.users.advisor!.id);
  });

  describe('the receiver', () => {
    const minimal = {
      channel: 'phone',
      receivedAt: '2026-05-05T14:00',
      language: 'nl',
      description: 'Niet teruggebeld.',
    };

    it('is chosen by a quality manager from the colleagues who may register', async () => {
      const browser = await signedInAs(t, 'qm');
      const page = await browser.get('/staff/complaints/new');
      const options = [...page.body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
        .filter((m) => page.body.indexOf(m[0]) > page.body.indexOf('name="receiverId"'))
        .slice(0, 5)
        .map((m) => m[2]);
      expect(options).toEqual([
        'Petra de Vries (uzelf)',
        'Ahmed El Amrani',
        'Fatima Yilmaz',
        'Jeroen Bakker',
        'Sanne Jansen',
      ]);
      const response = await register(browser, { ...minimal, receiverId: t.users.coach!.id });
      expect(response.statusCode).toBe(303);
      const reference = new URL(response.headers.location as string, 'http://x').pathname.split('/').at(-1)!;
      expect((await staffView(reference)).receiverId).toBe(t.users.coach!.id);
    });

    it('must be someone who may register', async () => {
      const before = await count();
      const response = await register('qm', { ...minimal, receiverId: t.users.admin!.id });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#field-receiverId"');
      expect(textOf(response.body)).toContain('Kies een ontvanger uit de lijst');
      expect(await count()).toBe(before);
    });

    it('is always oneself for anyone but a quality manager', async () => {
      const before = await count();
      const response = await register('handler', { ...minimal, receiverId: t.users.coach!.id });
      expect(response.statusCode).toBe(403);
      expect(await count()).toBe(before);
    });
  });

  it('refuses a post without the form token (CSRF)', async () => {
    const browser = await signedInAs(t, 'handler');
    await browser.get('/staff/complaints/new');
    const before = await count();
    const response = await browser.postMultipart('/staff/complaints/new', { ...FULL });
    expect(response.statusCode).toBe(403);
    expect(textOf(response.body)).toContain('Formulier verlopen');
    expect(await count()).toBe(before);
  });

  it('is refused (403) to a user who may not register: an administrator only', async () => {
    const browser = await signedInAs(t, 'admin');
    expect((await browser.get('/staff/complaints/new')).statusCode).toBe(403);
    const before = await count();
    const response = await browser.postMultipart('/staff/complaints/new', { _csrf: browser.csrf, ...FULL });
    expect(response.statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/staff/complaints/new' })).statusCode).toBe(303);
  });
});
