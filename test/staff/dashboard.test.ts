/**
 * The dashboard (GET /staff) through inject, on SQLite and PostgreSQL, with the crafted cases of
 * dashboard-fixtures.ts and the clock on Wednesday 6 May 2026: what each role sees, in which order, with which
 * traffic lights and counts, and what every filter, the search and the pagination return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import {
  countsOn,
  craftDashboardCases,
  DASHBOARD_DAY,
  referencesOn,
  rowText,
  textOf,
} from './dashboard-fixtures.ts';
import { signedInAs } from './helpers.ts';

describeEachDialect('dashboard', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await craftDashboardCases(t);
  }, 120_000);
  afterAll(() => t.close());

  const page = async (as: string, url = '/staff') => {
    t.setNow(DASHBOARD_DAY);
    const browser = await signedInAs(t, as);
    const response = await browser.get(url);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    return response.body;
  };

  describe('what each role sees, the nearest term first', () => {
    it.each([
      // The quality manager and the administrator see every open case; the others their own work.
      [
        'qm',
        [
          'VP-2026-00003',
          'VP-2026-00001',
          'VP-2026-00004',
          'VP-2026-00005',
          'VP-2026-00002',
          'VP-2026-00006',
        ],
      ],
      [
        'admin',
        [
          'VP-2026-00003',
          'VP-2026-00001',
          'VP-2026-00004',
          'VP-2026-00005',
          'VP-2026-00002',
          'VP-2026-00006',
        ],
      ],
      // Handles 1, 2 and 6; received 3.
      ['handler', ['VP-2026-00003', 'VP-2026-00001', 'VP-2026-00002', 'VP-2026-00006']],
      // Handles 3; received 2 and 6.
      ['handler2', ['VP-2026-00003', 'VP-2026-00002', 'VP-2026-00006']],
      // Received 1 (and 7, closed).
      ['coach', ['VP-2026-00001']],
      // Received 4 (and 8, withdrawn); involved in 2, where her agreement is asked.
      ['advisor', ['VP-2026-00004', 'VP-2026-00002']],
    ])('%s', async (as, references) => {
      expect(referencesOn(await page(as))).toEqual(references);
    });
  });

  it('shows each nearest term with its date and traffic light in words', async () => {
    const html = await page('qm');
    expect(rowText(html, 'VP-2026-00003')).toContain(
      'Ontvangstbevestiging: uiterlijk dinsdag 28 april 2026 Te laat',
    );
    expect(rowText(html, 'VP-2026-00001')).toContain(
      'Afhandeling: uiterlijk woensdag 6 mei 2026 Bijna verlopen',
    );
    expect(rowText(html, 'VP-2026-00004')).toContain(
      'Ontvangstbevestiging: uiterlijk vrijdag 8 mei 2026 Bijna verlopen',
    );
    expect(rowText(html, 'VP-2026-00005')).toContain(
      'Ontvangstbevestiging: uiterlijk dinsdag 12 mei 2026 Op tijd',
    );
    expect(rowText(html, 'VP-2026-00002')).toContain('Afhandeling: uiterlijk donderdag 21 mei 2026 Op tijd');
    expect(rowText(html, 'VP-2026-00006')).toContain('Geen lopende termijn');
    expect(html).toContain('<span class="vp-light vp-light--overdue">Te laat</span>');
    expect(html).toContain('<span class="vp-light vp-light--due_soon">Bijna verlopen</span>');
    expect(html).toContain('<span class="vp-light vp-light--on_time">Op tijd</span>');
  });

  it('changes the light of an acknowledgement due Friday 8 May with the day: 5, 6, 8 and 11 May', async () => {
    const lightOf4 = async (at: string, lang = 'nl') => {
      t.setNow(at);
      const browser = await signedInAs(t, 'advisor');
      const html = (await browser.get(`/staff?lang=${lang}`)).body;
      return rowText(html, 'VP-2026-00004');
    };
    expect(await lightOf4('2026-05-05T12:00:00+02:00')).toContain('vrijdag 8 mei 2026 Op tijd');
    expect(await lightOf4('2026-05-06T08:00:00+02:00')).toContain('vrijdag 8 mei 2026 Bijna verlopen');
    expect(await lightOf4('2026-05-08T17:00:00+02:00')).toContain('vrijdag 8 mei 2026 Bijna verlopen');
    expect(await lightOf4('2026-05-11T08:00:00+02:00')).toContain('vrijdag 8 mei 2026 Te laat');
    expect(await lightOf4('2026-05-06T08:00:00+02:00', 'en')).toContain(
      'Acknowledgement: by Friday 8 May 2026 Due soon',
    );
    expect(await lightOf4('2026-05-11T08:00:00+02:00', 'en')).toContain(
      'Acknowledgement: by Friday 8 May 2026 Overdue',
    );
  });

  it('shows an involved person only their part: no reporter, their agreement asked', async () => {
    const html = await page('advisor');
    expect(rowText(html, 'VP-2026-00002')).toContain('Afgeschermd');
    expect(rowText(html, 'VP-2026-00002')).not.toContain('Bram Smit');
    expect(rowText(html, 'VP-2026-00002')).toContain('Betrokkene: uw akkoord wordt gevraagd');
    expect(rowText(html, 'VP-2026-00004')).toContain('Mila de Boer');
    expect(rowText(html, 'VP-2026-00004')).toContain('Ontvanger');
    expect(html).not.toContain('Anouk Verbeek');
  });

  it("lists the open measures a user owns with their due date's light", async () => {
    const html = await page('advisor');
    const section = textOf(html.split('id="measures-heading"')[1]!);
    expect(section).toContain(
      'Roosters een week vooruit delen met het team donderdag 7 mei 2026 Bijna verlopen Preventieve maatregel VP-2026-00006 Ahmed El Amrani',
    );
    // The owner is not someone who may open that case: the reference is not a link.
    expect(html).not.toContain('href="/staff/complaints/VP-2026-00006"');
    expect(textOf((await page('coach')).split('id="measures-heading"')[1]!)).toContain(
      'U heeft geen open maatregelen.',
    );
  });

  it('counts the open cases in view by traffic light and by status, and says which set is counted', async () => {
    const qm = await page('qm');
    expect(countsOn(qm)).toEqual({
      byDue: ['Te laat: 1', 'Bijna verlopen: 2', 'Op tijd: 2', 'Geen lopende termijn: 1'],
      byStatus: [
        'Geregistreerd: 2',
        'Behandelaar toegewezen: 1',
        'Ontvangst bevestigd: 1',
        'In onderzoek: 1',
        'Preventie besloten: 1',
      ],
    });
    expect(textOf(qm)).toContain('Geteld zijn alle open zaken: 6.');
    const coach = await page('coach');
    expect(countsOn(coach)).toEqual({
      byDue: ['Te laat: 0', 'Bijna verlopen: 1', 'Op tijd: 0', 'Geen lopende termijn: 0'],
      byStatus: ['Ontvangst bevestigd: 1'],
    });
    expect(textOf(coach)).toContain('Geteld zijn uw open zaken: 1.');
    // A filter narrows the list, not the counts.
    expect(countsOn(await page('qm', '/staff?due=overdue')).byDue).toEqual([
      'Te laat: 1',
      'Bijna verlopen: 2',
      'Op tijd: 2',
      'Geen lopende termijn: 1',
    ]);
  });

  describe('filters, all in the query string', () => {
    it.each([
      ['/staff?due=overdue', ['VP-2026-00003']],
      ['/staff?due=due_soon', ['VP-2026-00001', 'VP-2026-00004']],
      ['/staff?due=on_time', ['VP-2026-00005', 'VP-2026-00002']],
      ['/staff?due=no_term', ['VP-2026-00006']],
      ['/staff?status=registered', ['VP-2026-00004', 'VP-2026-00005']],
      ['/staff?status=investigating', ['VP-2026-00002']],
      ['/staff?unassigned=1', ['VP-2026-00004', 'VP-2026-00005']],
      ['/staff?mine=1', ['VP-2026-00005']],
      ['/staff?channel=letter', ['VP-2026-00002']],
      ['/staff?category=coaching', ['VP-2026-00001', 'VP-2026-00002']],
      ['/staff?from=2026-04-16&to=2026-04-30', ['VP-2026-00003', 'VP-2026-00004', 'VP-2026-00002']],
      ['/staff?from=30-04-2026', ['VP-2026-00004', 'VP-2026-00005']],
      ['/staff?to=2026-04-20', ['VP-2026-00003', 'VP-2026-00001', 'VP-2026-00002', 'VP-2026-00006']],
      ['/staff?status=registered&unassigned=1&channel=in_person', ['VP-2026-00004']],
      ['/staff?status=finished', ['VP-2026-00008', 'VP-2026-00007']],
      ['/staff?status=finished&channel=phone&from=2026-04-01', ['VP-2026-00008']],
    ])('%s', async (url, references) => {
      expect(referencesOn(await page('qm', url))).toEqual(references);
    });

    it('keep a non-manager to their own work', async () => {
      expect(referencesOn(await page('handler', '/staff?unassigned=1'))).toEqual([]);
      expect(referencesOn(await page('handler2', '/staff?status=finished'))).toEqual([]);
      expect(referencesOn(await page('coach', '/staff?status=finished'))).toEqual(['VP-2026-00007']);
      // "mine" is the quality manager's filter; others see their own work anyway.
      expect(referencesOn(await page('coach', '/staff?mine=1'))).toEqual(['VP-2026-00001']);
    });

    it('refuse values the page does not offer, at the field, searching nothing', async () => {
      t.setNow(DASHBOARD_DAY);
      const browser = await signedInAs(t, 'qm');
      const response = await browser.get('/staff?status=nonsense&from=31-02-2026&to=2026-01-01&due=late');
      expect(response.statusCode).toBe(400);
      const text = textOf(response.body);
      expect(text).toContain('Er is iets niet goed ingevuld');
      expect(response.body).toContain('href="#field-status"');
      expect(response.body).toContain('href="#field-from"');
      expect(response.body).toContain('href="#field-due"');
      expect(referencesOn(response.body)).toEqual([]);
      // What was typed stays in the form.
      expect(response.body).toContain('value="31-02-2026"');
      const order = await browser.get('/staff?from=2026-05-01&to=2026-04-01');
      expect(order.statusCode).toBe(400);
      expect(textOf(order.body)).toContain('Deze datum ligt voor "Ontvangen vanaf".');
    });
  });

  describe('search: reference, reporter name or email, description', () => {
    it.each([
      ['VP-2026-00002', ['VP-2026-00002']],
      ['vp-2026-00004', ['VP-2026-00004']],
      [
        '2026-0000',
        [
          'VP-2026-00003',
          'VP-2026-00001',
          'VP-2026-00004',
          'VP-2026-00005',
          'VP-2026-00002',
          'VP-2026-00006',
        ],
      ],
      ['mila', ['VP-2026-00004']],
      ['ANOUK@example.org', ['VP-2026-00001']],
      ['reiskosten', ['VP-2026-00005']],
      ['jobcoach', ['VP-2026-00001']],
      ['100%', []],
    ])('%s', async (q, references) => {
      expect(referencesOn(await page('qm', `/staff?q=${encodeURIComponent(q)}`))).toEqual(references);
    });

    it('finds finished cases when asked for them', async () => {
      expect(referencesOn(await page('qm', '/staff?status=finished&q=teruggebeld'))).toEqual([
        'VP-2026-00007',
      ]);
      expect(referencesOn(await page('qm', '/staff?status=finished&q=VP-2026-00008'))).toEqual([
        'VP-2026-00008',
      ]);
    });

    it("searches only the searcher's own work", async () => {
      expect(referencesOn(await page('coach', '/staff?q=mila'))).toEqual([]);
      expect(referencesOn(await page('advisor', '/staff?q=mila'))).toEqual(['VP-2026-00004']);
    });
  });

  it('is in English with ?lang=en', async () => {
    const html = await page('qm', '/staff?lang=en');
    expect(html).toContain('<html lang="en"');
    expect(countsOn(html).byDue).toEqual(['Overdue: 1', 'Due soon: 2', 'On time: 2', 'No term running: 1']);
    expect(rowText(html, 'VP-2026-00003')).toContain('Acknowledgement: by Tuesday 28 April 2026 Overdue');
  });

  it('sends whoever is not signed in to the sign-in page and back', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/staff?due=overdue' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/sign-in?next=%2Fstaff%3Fdue%3Doverdue');
  });
});

describeEachDialect('dashboard pagination', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  }, 120_000);
  afterAll(() => t.close());

  it('pages by the nearest term (then reference) with a next link and no offset', async () => {
    const { call } = await import('../helpers/app.ts');
    // 30 complaints received on three days, 10 a day: acknowledgement due on 8, 11 and 12 May.
    const days = ['2026-04-30', '2026-05-01', '2026-05-05'];
    for (let i = 0; i < 30; i++) {
      const at = `${days[i % 3]}T${String(8 + Math.floor(i / 3)).padStart(2, '0')}:00:00+02:00`;
      t.setNow(at);
      const response = await call(t, 'POST', '/api/v1/staff/complaints', {
        as: 'qm',
        body: { channel: 'phone', receivedAt: at, description: `Klacht nummer ${i + 1}` },
      });
      expect(response.statusCode).toBe(201);
    }
    t.setNow(DASHBOARD_DAY);
    const browser = await signedInAs(t, 'qm');
    const first = (await browser.get('/staff')).body;
    const references = referencesOn(first);
    // VP-2026-00001, 4, 7, … were received on 30 April (due 8 May), 2, 5, 8, … on 1 May (due 11 May), the rest
    // on 5 May (due 12 May); the same due date in the order of reference.
    const expected = [
      ...[1, 4, 7, 10, 13, 16, 19, 22, 25, 28],
      ...[2, 5, 8, 11, 14, 17, 20, 23, 26, 29],
      ...[3, 6, 9, 12, 15, 18, 21, 24, 27, 30],
    ].map((n) => `VP-2026-${String(n).padStart(5, '0')}`);
    expect(references).toEqual(expected.slice(0, 25));
    expect(first).toContain('25 zaken op deze pagina.');
    const next = first.match(/<a [^>]*href="([^"]+)"[^>]*rel="next"|<a [^>]*rel="next"[^>]*href="([^"]+)"/);
    expect(next).not.toBeNull();
    const nextUrl = (next![1] ?? next![2]!).replace(/&amp;/g, '&');
    expect(nextUrl).toMatch(/^\/staff\?cursor=[A-Za-z0-9_-]+$/);
    const second = (await browser.get(nextUrl)).body;
    expect(referencesOn(second)).toEqual(expected.slice(25));
    expect(second).not.toContain('rel="next"');
    expect(second).toMatch(/<a href="\/staff" [^>]*>Terug naar de eerste pagina<\/a>/);
    // Filters stay in the next link.
    const filtered = (await browser.get('/staff?q=Klacht&channel=phone')).body;
    const filteredNext = filtered.match(/href="(\/staff\?q=Klacht&amp;channel=phone&amp;cursor=[^"]+)"/);
    expect(filteredNext).not.toBeNull();
    expect(referencesOn((await browser.get(filteredNext![1]!.replace(/&amp;/g, '&'))).body)).toEqual(
      expected.slice(25),
    );
  });

  it('answers a broken cursor with 400', async () => {
    t.setNow(DASHBOARD_DAY);
    const browser = await signedInAs(t, 'qm');
    expect((await browser.get('/staff?cursor=bm9uc2Vuc2U')).statusCode).toBe(400);
  });
});

describeEachDialect('dashboard of the deputy quality manager', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        s.deputyQualityManagerEmail = 'handler2@loket3.example';
      },
    });
    await addStandardUsers(t);
  }, 120_000);
  afterAll(() => t.close());

  it('shows the deputy the cases in which the quality manager is involved, and the manager only her part', async () => {
    const { act, call } = await import('../helpers/app.ts');
    t.setNow('2026-04-30T09:00:00+02:00');
    const registered = await call(t, 'POST', '/api/v1/staff/complaints', {
      as: 'advisor',
      body: {
        channel: 'phone',
        receivedAt: '2026-04-30T09:00:00+02:00',
        reporter: { name: 'Gijs Bakker' },
        description: 'De kwaliteitsmanager zelf was onaardig.',
      },
    });
    const reference = registered.json().reference as string;
    const added = await act(t, 'qm', reference, 'add-involved-person', {
      person: { kind: 'user', userId: t.users.qm!.id },
    });
    expect(added.statusCode, added.body).toBe(200);
    t.setNow(DASHBOARD_DAY);
    const deputy = (await (await signedInAs(t, 'handler2')).get('/staff')).body;
    expect(referencesOn(deputy)).toEqual([reference]);
    expect(rowText(deputy, reference)).toContain('Plaatsvervangend kwaliteitsmanager');
    expect(rowText(deputy, reference)).toContain('Gijs Bakker');
    const manager = (await (await signedInAs(t, 'qm')).get('/staff')).body;
    expect(referencesOn(manager)).toEqual([reference]);
    expect(rowText(manager, reference)).toContain('Afgeschermd');
    expect(rowText(manager, reference)).not.toContain('Gijs Bakker');
  });
});
