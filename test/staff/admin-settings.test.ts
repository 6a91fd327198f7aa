/**
 * Organisation settings on the administrator pages: each section saves a new version with the note (who,
 * when, why) and shows what changed in its history; bad input is refused at the field in the page's
 * language, keeping what was typed; changing the working days recomputes an open complaint's deadlines
 * (literal dates); a form opened on an older version does not undo someone else's change; every save is
 * audited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import { listSettingsVersions, loadCurrentSettings } from '../../src/db/repositories/settings.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { type StaffBrowser, signedInAs } from './helpers.ts';

describeEachDialect('administrator pages: organisation settings', (dialect) => {
  let t: TestApp;
  let admin: StaffBrowser;
  /** A fresh session at the test's clock (sessions end after 30 idle minutes). */
  const signIn = async (iso: string) => {
    t.setNow(iso);
    admin = await signedInAs(t, 'admin');
  };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const current = async () => (await loadCurrentSettings(t.db.kysely))!;

  /** Opens the section, changes the given fields of its form as it is, and posts it. */
  async function save(slug: string, changes: Record<string, string | null>, note = 'Nieuw beleid 2026') {
    const page = await admin.get(`/staff/admin/settings/${slug}`);
    expect(page.statusCode).toBe(200);
    const fields = formFields(page.body, `/staff/admin/settings/${slug}`);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete fields[name];
      else fields[name] = value;
    }
    return admin.post(`/staff/admin/settings/${slug}`, { ...fields, note });
  }

  it('saves each section as a new version with the note, and shows the change in its history', async () => {
    await signIn('2026-05-04T10:00:00+02:00');
    const cases: [
      string,
      Record<string, string | null>,
      (s: Record<string, unknown>) => unknown,
      unknown,
      string,
    ][] = [
      [
        'organisation',
        { name: 'Loket3 Re-integratie', city: 'Amersfoort' },
        (s) => [s.name, (s.address as { city: string }).city],
        ['Loket3 Re-integratie', 'Amersfoort'],
        'name : Loket3 → Loket3 Re-integratie',
      ],
      [
        'branding',
        { primaryColor: '#1a4d2e', logoUrl: '/assets/logo.svg' },
        (s) => s.branding,
        { primaryColor: '#1a4d2e', logoUrl: '/assets/logo.svg' },
        'branding.primaryColor : #00598a → #1a4d2e',
      ],
      [
        'terms',
        { acknowledgeWorkingDays: '3', extensionAllowed: 'yes', extensionMaxWorkingDays: '10' },
        (s) => s.terms,
        {
          acknowledgeWorkingDays: 3,
          resolveWorkingDays: 21,
          reportWorkingDays: 21,
          extension: { allowed: true, maxWorkingDays: 10 },
        },
        'terms.extension.allowed : false → true',
      ],
      [
        'categories',
        {
          'item-0-nl': 'Dienstverlening en afspraken',
          'new-code': 'transport',
          'new-nl': 'Vervoer',
          'new-en': 'Transport',
        },
        (s) => (s.categories as { code: string }[]).map((c) => c.code).join(' '),
        'service communication coaching appointments privacy third_party other transport',
        'categories + transport (Vervoer) (toegevoegd)',
      ],
      [
        'teams',
        { 'new-code': 'utrecht', 'new-nl': 'Team Utrecht', 'new-en': 'Team Utrecht' },
        (s) => s.teams,
        [{ code: 'utrecht', label: { nl: 'Team Utrecht', en: 'Team Utrecht' } }],
        'teams + utrecht (Team Utrecht) (toegevoegd)',
      ],
      [
        'appeal-routes',
        { 'item-3-contact': 'Stadskantoor, 030 286 00 00', 'item-1-order': '2' },
        (s) =>
          (s.appealRoutes as { code: string; contact?: string }[]).map((r) => [r.code, r.contact ?? null]),
        [
          ['commissioning_party', null],
          ['uwv_complaints_office', null],
          ['national_ombudsman', null],
          ['municipal_ombudsman', 'Stadskantoor, 030 286 00 00'],
        ],
        'appealRoutes[municipal_ombudsman].contact : (leeg) → Stadskantoor, 030 286 00 00',
      ],
      [
        'advocacy-bodies',
        { 'item-0-url': 'https://www.arcon.nl' },
        (s) => (s.advocacyBodies as { url?: string }[])[0]!.url,
        'https://www.arcon.nl',
        'advocacyBodies[Arcon].url : (leeg) → https://www.arcon.nl',
      ],
      [
        'deputy',
        { deputyQualityManagerEmail: 'handler2@loket3.example' },
        (s) => s.deputyQualityManagerEmail,
        'handler2@loket3.example',
        'deputyQualityManagerEmail : (leeg) → handler2@loket3.example',
      ],
      [
        'follow-up',
        { followUpLinkDaysAfterClosing: '60' },
        (s) => s.followUpLinkDaysAfterClosing,
        60,
        'followUpLinkDaysAfterClosing : 90 → 60',
      ],
      [
        'retention',
        { complaintYearsAfterClosing: '3', auditLogYears: '7' },
        (s) => s.retention,
        { complaintYearsAfterClosing: 3, auditLogYears: 7 },
        'retention.auditLogYears : 5 → 7',
      ],
      [
        'security',
        { 'twoFactorRequiredForRoles-handler': 'yes', sessionIdleMinutes: '20' },
        (s) => s.security,
        {
          twoFactorRequiredForRoles: ['handler', 'quality_manager', 'administrator'],
          sessionIdleMinutes: 20,
          sessionMaxHours: 12,
        },
        'security.sessionIdleMinutes : 30 → 20',
      ],
    ];
    let version = (await current()).version;
    for (const [slug, changes, pick, expected, historyLine] of cases) {
      const response = await save(slug, changes, `Wijziging ${slug}`);
      expect({ slug, status: response.statusCode }).toEqual({ slug, status: 303 });
      version += 1;
      expect(response.headers.location).toBe(`/staff/admin/settings/${slug}?saved=${version}&recomputed=0`);
      const now = await current();
      expect({ slug, version: now.version, value: pick(now.data as never) }).toEqual({
        slug,
        version,
        value: expected,
      });
      expect(now.note).toBe(`Wijziging ${slug}`);
      expect(now.changedBy).toBe(t.users.admin!.id);
      const page = await admin.get(response.headers.location!);
      const text = textOf(page.body);
      expect(text).toContain(`Opgeslagen als versie ${version}. Geen open klacht kreeg andere termijnen.`);
      expect(text).toContain(`${version} 4 mei 2026 10:00 Beheerder Loket3 Wijziging ${slug}`);
      expect({ slug, history: text.includes(historyLine) }).toEqual({ slug, history: true });
    }
    const index = textOf((await admin.get('/staff/admin/settings')).body);
    expect(index).toContain(`Versie ${version} is in gebruik.`);
    expect(index).toContain(`${version} 4 mei 2026 10:00 Beheerder Loket3 Wijziging security Beveiliging`);

    const audit = await listAudit(t.db.kysely, { action: 'settings_changed' });
    // All saved at the same instant: the entries are told apart by their version.
    expect(audit.find((e) => e.targetId === String(version))).toMatchObject({
      actorId: t.users.admin!.id,
      targetType: 'settings',
      targetId: String(version),
      details: { section: 'security', keys: ['security'], version, recomputed: 0 },
    });
    expect(audit).toHaveLength(cases.length);
  });

  it('edits the privacy statement, which the public /privacy page shows with the settings filled in', async () => {
    await signIn('2026-05-05T10:00:00+02:00');
    const text = 'We keep your complaint for {complaintYears} years.\n\nQuestions? Write to {email}.';
    const response = await save('privacy-statement', { privacyStatementEn: text }, 'Shorter English text');
    expect(response.statusCode).toBe(303);
    expect(((await current()).data as { privacyStatement: { en: string } }).privacyStatement.en).toBe(text);
    const page = textOf((await t.app.inject({ url: '/privacy?lang=en' })).body);
    // The retention in force (3 years, saved above) and the organisation's address, never the placeholders.
    expect(page).toContain('We keep your complaint for 3 years. Questions? Write to klachten@loket3.nl.');
    expect(page).not.toContain('{complaintYears}');
  });

  it('makes no version when nothing changed', async () => {
    await signIn('2026-05-04T11:00:00+02:00');
    const before = (await current()).version;
    const response = await save('retention', {});
    expect(response.headers.location).toBe('/staff/admin/settings/retention?done=unchanged');
    expect((await current()).version).toBe(before);
    expect(textOf((await admin.get(response.headers.location!)).body)).toContain(
      'Er was niets gewijzigd; er is geen nieuwe versie gemaakt.',
    );
  });

  it('refuses bad input at the field, in Dutch and English, keeping what was typed', async () => {
    await signIn('2026-05-04T11:00:00+02:00');
    const before = (await current()).version;
    const cases: [string, Record<string, string | null>, string, string][] = [
      [
        'calendar',
        { closingDays: '2026-12-24\n2026-02-30\n2026-12-31' },
        'closingDays',
        'Sluitingsdagen van de organisatie: Regel 2: "2026-02-30" is geen bestaande datum als JJJJ-MM-DD.',
      ],
      [
        'branding',
        { primaryColor: '#ffcc00' },
        'primaryColor',
        'Hoofdkleur: Deze kleur heeft een contrast van 1,51:1 op wit; dat moet minstens 4,5:1 zijn. Kies een donkerdere kleur.',
      ],
      [
        'branding',
        { primaryColor: 'blauw' },
        'primaryColor',
        'Hoofdkleur: Dit veld heeft een ongeldige vorm.',
      ],
      [
        'terms',
        { resolveWorkingDays: '-5' },
        'resolveWorkingDays',
        'Afhandeling binnen (werkdagen): De waarde moet minimaal 1 zijn.',
      ],
      [
        'terms',
        { reportWorkingDays: 'tien' },
        'reportWorkingDays',
        'Schriftelijk verslag binnen (werkdagen na afhandeling): Vul een heel getal in.',
      ],
      [
        'organisation',
        { email: 'klachten-at-loket3' },
        'email',
        'E-mailadres voor klachten: Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
      ],
      ['organisation', { name: '' }, 'name', 'Naam van de organisatie: Dit veld mag niet leeg zijn.'],
      [
        'grounds',
        { 'new-code': 'Te Laat', 'new-nl': 'Te laat', 'new-en': 'Too late' },
        'new-code',
        'Toevoegen, Code: Dit veld heeft een ongeldige vorm.',
      ],
      [
        'grounds',
        { 'new-code': 'too_old', 'new-nl': 'Oud', 'new-en': 'Old' },
        'new-code',
        'Toevoegen, Code: Deze code bestaat al.',
      ],
      [
        'grounds',
        { 'new-code': 'double', 'new-nl': '', 'new-en': '' },
        'new-nl',
        'Toevoegen, Omschrijving in het Nederlands: Vul de code en beide omschrijvingen in, of laat alle drie leeg.',
      ],
      [
        'categories',
        Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((i) => [`item-${i}-remove`, 'yes'])),
        'item-0-remove',
        'Er moet er minstens één overblijven.',
      ],
      [
        'appeal-routes',
        { 'item-0-order': '12' },
        'item-0-order',
        'Beroepsmogelijkheid commissioning_party, Volgorde: De waarde mag maximaal 9 zijn.',
      ],
      [
        'deputy',
        { deputyQualityManagerEmail: 'niemand@loket3.example' },
        'deputyQualityManagerEmail',
        'Plaatsvervanger: Kies een actieve gebruiker uit de lijst.',
      ],
      [
        'security',
        { sessionMaxHours: '48' },
        'sessionMaxHours',
        'Sessie stopt in elk geval na (uren): De waarde mag maximaal 24 zijn.',
      ],
    ];
    for (const [slug, changes, field, message] of cases) {
      const response = await save(slug, changes);
      expect({ slug, field, status: response.statusCode }).toEqual({ slug, field, status: 400 });
      expect({ slug, text: textOf(response.body).includes(message) }).toEqual({ slug, text: true });
      expect(response.body).toContain(`href="#field-${field}"`);
      expect(response.body).toContain(`id="field-${field}-error"`);
      expect(response.body).toContain('>Nieuw beleid 2026</textarea>');
    }
    const typed = await save('calendar', { closingDays: '2026-12-24\n2026-02-30' });
    expect(typed.body).toContain('2026-12-24\n2026-02-30</textarea>');
    const english = await admin.post('/staff/admin/settings/terms?lang=en', {
      ...formFields(
        (await admin.get('/staff/admin/settings/terms?lang=en')).body,
        '/staff/admin/settings/terms',
      ),
      acknowledgeWorkingDays: '0',
      note: '',
    });
    expect(english.statusCode).toBe(400);
    expect(textOf(english.body)).toContain(
      'Acknowledgement within (working days): The value must be at least 1.',
    );
    expect(textOf(english.body)).toContain('Why do you change this?: Say why you change this.');
    expect((await current()).version).toBe(before);
  });

  it('recomputes the deadlines of an open complaint when a closing day is added', async () => {
    await signIn('2026-04-30T08:00:00+02:00');
    // Back to the regulation's 5 working days (the first test changed them) while no complaint is open.
    expect((await save('terms', { acknowledgeWorkingDays: '5' })).statusCode).toBe(303);
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Mijn jobcoach kwam niet opdagen.', reporter: { name: 'Noor Bakker' } },
    });
    expect(submitted.json().deadlines).toEqual({ acknowledgeBy: '2026-05-08', resolveBy: '2026-06-04' });
    const reference = submitted.json().reference as string;

    await signIn('2026-04-30T15:00:00+02:00');
    const response = await save('calendar', { closingDays: '2026-05-04' }, 'Brugdag na Koningsdag');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/\?saved=\d+&recomputed=1$/);
    const page = textOf((await admin.get(response.headers.location!)).body);
    expect(page).toContain('Bij 1 open klacht zijn de termijnen opnieuw berekend.');
    expect(page).toContain('maandag 4 mei 2026');
    expect(page).toContain('calendar.closingDays + 2026-05-04 (toegevoegd)');
    const view = await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' });
    expect(view.json().deadlines).toMatchObject({ acknowledgeBy: '2026-05-11', resolveBy: '2026-06-05' });
  });

  it('warns before removing a ground that complaints use, and removes it when that box is ticked', async () => {
    await signIn('2026-05-11T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Het ging om iets van twee jaar geleden.' },
    });
    const reference = submitted.json().reference as string;
    const notTakenUp = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/not-take-up`, {
      as: 'qm',
      body: { ground: 'too_old', motivation: 'De gebeurtenis is van 2024.' },
    });
    expect(notTakenUp.statusCode).toBe(200);
    const page = await admin.get('/staff/admin/settings/grounds');
    const text = textOf(page.body);
    expect(text).toContain('Code too_old Gebruikt door 1 klacht');
    expect(text).toContain(
      'Verwijderen, ook al gebruikt 1 klacht deze code (die klachten tonen dan alleen de code)',
    );
    expect(text).toContain('Code not_about_us Door geen enkele klacht gebruikt');
    const removed = await save('grounds', { 'item-3-remove': 'yes', 'item-0-remove': 'yes' }, 'Opgeschoond');
    expect(removed.statusCode).toBe(303);
    expect((await current()).data.nonAdmissionGrounds.map((g) => g.code)).toEqual([
      'already_handled',
      'legal_proceedings',
      'other',
    ]);
  });

  it('does not undo a change someone else made to the same section since the form was opened', async () => {
    await signIn('2026-05-11T10:00:00+02:00');
    const admin2 = await signedInAs(t, 'admin');
    const stale = await admin2.get('/staff/admin/settings/follow-up');
    const staleFields = formFields(stale.body, '/staff/admin/settings/follow-up');
    expect((await save('follow-up', { followUpLinkDaysAfterClosing: '30' })).statusCode).toBe(303);
    expect((await save('retention', { auditLogYears: '8' })).statusCode).toBe(303);
    const conflict = await admin2.post('/staff/admin/settings/follow-up', {
      ...staleFields,
      followUpLinkDaysAfterClosing: '120',
      note: 'Langer',
    });
    expect(conflict.statusCode).toBe(409);
    expect(textOf(conflict.body)).toContain(
      'Iemand anders heeft deze instellingen gewijzigd sinds u de pagina opende.',
    );
    expect((await current()).data.followUpLinkDaysAfterClosing).toBe(30);
    // Another section saved meanwhile does not stop a form on an older version.
    const staleTerms = formFields(
      (await admin2.get('/staff/admin/settings/branding')).body,
      '/staff/admin/settings/branding',
    );
    expect((await save('follow-up', { followUpLinkDaysAfterClosing: '45' })).statusCode).toBe(303);
    const fine = await admin2.post('/staff/admin/settings/branding', {
      ...staleTerms,
      logoUrl: '',
      note: 'Geen logo',
    });
    expect(fine.statusCode).toBe(303);
    expect((await current()).data.branding.logoUrl).toBeNull();
    expect((await current()).data.followUpLinkDaysAfterClosing).toBe(45);
    expect((await listSettingsVersions(t.db.kysely))[0]!.note).toBe('Geen logo');
  });
});

/** The named fields of the form that posts to `action`, as a browser would send them (ticked boxes only). */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const fields: Record<string, string> = {};
  const decode = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const match of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1]!;
    const name = attrs.match(/name="([^"]+)"/)?.[1];
    if (!name) continue;
    const type = attrs.match(/type="([^"]+)"/)?.[1] ?? 'text';
    const value = decode(attrs.match(/value="([^"]*)"/)?.[1] ?? '');
    if ((type === 'checkbox' || type === 'radio') && !/\schecked=""/.test(attrs)) continue;
    fields[name] = value;
  }
  for (const match of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = match[1]!.match(/name="([^"]+)"/)?.[1];
    if (name) fields[name] = decode(match[2]!);
  }
  for (const match of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = match[1]!.match(/name="([^"]+)"/)?.[1];
    const selected = match[2]!.match(/<option[^>]*value="([^"]*)"[^>]*selected=""/)?.[1] ?? '';
    if (name) fields[name] = decode(selected);
  }
  return fields;
}
