/**
 * Complaints resolved on the spot (/staff/spot-records) through inject, on SQLite and PostgreSQL: logged in a
 * few seconds with sensible defaults, listed by period with the latest first, converted into a complaint that
 * keeps its moment of receipt, errors at their fields, CSRF, and who may log, convert or only look.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { signedInAs } from './helpers.ts';

const NOW = '2026-05-06T10:00:00+02:00';

describeEachDialect('complaints resolved on the spot', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await t.addUser('visitor', 'Vera Gast', 'Stagiair', []);
  }, 60_000);
  afterAll(() => t.close());
  beforeEach(() => t.setNow(NOW));

  const log = async (as: string, fields: Record<string, string>) => {
    const browser = await signedInAs(t, as);
    await browser.get('/staff/spot-records');
    return { browser, response: await browser.post('/staff/spot-records', fields) };
  };
  const rows = (html: string) =>
    [...html.matchAll(/<tbody[^>]*>(.*?)<\/tbody>/gs)].flatMap((m) =>
      m[1]!
        .split('</tr>')
        .filter((r) => r.includes('<td'))
        .map((r) => textOf(r).trim()),
    );

  it('offers a short form set to now, above an empty list', async () => {
    const browser = await signedInAs(t, 'advisor');
    const page = await browser.get('/staff/spot-records');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/ name="receivedAt" value="2026-05-06T10:00"\/>/);
    expect(page.body).toMatch(
      /<option value="in_person" class="utrecht-select__option" selected="">Persoonlijk \(balie of gesprek\)<\/option>/,
    );
    expect(textOf(page.body)).toContain('Er is in deze periode niets vastgelegd.');
    expect(textOf(page.body)).toContain(
      '0 vastgelegd van maandag 6 april 2026 tot en met woensdag 6 mei 2026, de laatste eerst.',
    );
  });

  it('logs one in a single post and lists it, the latest first', async () => {
    const { browser, response } = await log('advisor', {
      receivedAt: '2026-05-06T09:40',
      channel: 'phone',
      category: 'appointments',
      summary: 'Afspraak verzet op verzoek; meteen opgelost.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/spot-records?done=recorded');
    t.setNow('2026-05-06T10:05:00+02:00');
    await browser.post('/staff/spot-records', {
      receivedAt: '2026-05-06T10:02',
      channel: 'in_person',
      category: '',
      summary: 'Wachtrij aan de balie; koffie aangeboden.',
    });
    const page = await browser.get('/staff/spot-records?done=recorded');
    expect(textOf(page.body)).toContain('Vastgelegd. Dank u wel.');
    expect(rows(page.body)).toEqual([
      '6 mei 2026 10:02 Persoonlijk (balie of gesprek) – Wachtrij aan de balie; koffie aangeboden. Fatima Yilmaz Omzetten in een klacht (vastgelegd op 6 mei 2026 10:02)',
      '6 mei 2026 09:40 Telefoon Afspraken en bereikbaarheid Afspraak verzet op verzoek; meteen opgelost. Fatima Yilmaz Omzetten in een klacht (vastgelegd op 6 mei 2026 09:40)',
    ]);
    const stored = await t.db.kysely
      .selectFrom('spot_records')
      .select(['received_at', 'channel', 'category', 'summary', 'recorded_by'])
      .orderBy('received_at')
      .execute();
    expect(stored).toEqual([
      {
        received_at: '2026-05-06T07:40:00.000Z',
        channel: 'phone',
        category: 'appointments',
        summary: 'Afspraak verzet op verzoek; meteen opgelost.',
        recorded_by: t.users.advisor!.id,
      },
      {
        received_at: '2026-05-06T08:02:00.000Z',
        channel: 'in_person',
        category: null,
        summary: 'Wachtrij aan de balie; koffie aangeboden.',
        recorded_by: t.users.advisor!.id,
      },
    ]);
  });

  it('shows a period, and only that period', async () => {
    const { browser } = await log('coach', {
      receivedAt: '01-04-2026 16:30',
      channel: 'email',
      category: 'service',
      summary: 'Mail kwam niet aan; opnieuw gestuurd.',
    });
    const april = await browser.get('/staff/spot-records?from=01-04-2026&to=2026-04-30');
    expect(rows(april.body)).toEqual([
      '1 apr 2026 16:30 E-mail Dienstverlening Mail kwam niet aan; opnieuw gestuurd. Jeroen Bakker Omzetten in een klacht (vastgelegd op 1 apr 2026 16:30)',
    ]);
    expect(textOf(april.body)).toContain(
      '1 vastgelegd van woensdag 1 april 2026 tot en met donderdag 30 april 2026',
    );
    // The default period, the last 30 days, leaves 1 April out.
    expect(
      rows((await browser.get('/staff/spot-records')).body).some((row) => row.includes('Mail kwam niet aan')),
    ).toBe(false);
    const wrong = await browser.get('/staff/spot-records?from=2026-05-01&to=2026-04-01');
    expect(wrong.statusCode).toBe(400);
    expect(textOf(wrong.body)).toContain('Deze datum ligt voor "Van".');
  });

  it('refuses what cannot be stored at its field, keeping what was typed', async () => {
    const future = await log('advisor', {
      receivedAt: '2026-05-06T11:00',
      channel: 'phone',
      summary: 'Later vandaag.',
    });
    expect(future.response.statusCode).toBe(400);
    expect(future.response.body).toContain('href="#field-receivedAt"');
    expect(textOf(future.response.body)).toContain(
      'Het tijdstip van ontvangst kan niet in de toekomst liggen.',
    );
    expect(future.response.body).toContain('value="Later vandaag."');
    const empty = await log('advisor', { receivedAt: '', channel: 'fax', summary: '   ' });
    expect(empty.response.statusCode).toBe(400);
    expect(
      [...empty.response.body.matchAll(/<a href="#field-(\w+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['receivedAt', 'Vul datum en tijd in zoals 30-04-2026 10:15.'],
      ['channel', 'Kies hoe het binnenkwam.'],
      ['summary', 'Schrijf in één regel waar het over ging.'],
    ]);
  });

  it('converts a record into a complaint that keeps its moment of receipt, once', async () => {
    const { browser } = await log('handler2', {
      receivedAt: '2026-04-30T11:20',
      channel: 'in_person',
      category: 'coaching',
      summary: 'Jobcoach kwam niet; toch niet opgelost.',
    });
    const page = await browser.get('/staff/spot-records?from=2026-04-30&to=2026-04-30');
    const action = page.body.match(/action="(\/staff\/spot-records\/[^"]+\/convert)"/)![1]!;
    const converted = await browser.post(action);
    expect(converted.statusCode).toBe(303);
    const location = converted.headers.location as string;
    expect(location).toMatch(/^\/staff\/complaints\/VP-2026-\d{5}\?done=converted$/);
    const reference = location.split('/').at(-1)!.split('?')[0]!;
    const complaint = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect({
      channel: complaint.channel,
      receivedAt: complaint.receivedAt,
      receiverId: complaint.receiverId,
      description: complaint.description,
      category: complaint.category,
      anonymous: complaint.reporter.anonymous,
      acknowledgeBy: complaint.deadlines.acknowledgeBy,
    }).toEqual({
      channel: 'in_person',
      receivedAt: '2026-04-30T09:20:00.000Z',
      receiverId: t.users.handler2!.id,
      description: 'Jobcoach kwam niet; toch niet opgelost.',
      category: 'coaching',
      anonymous: true,
      // From Thursday 30 April, the moment it was first received: 8 May, though converted on 6 May.
      acknowledgeBy: '2026-05-08',
    });
    const casePage = await browser.get(location);
    expect(textOf(casePage.body)).toContain(
      `De registratie is omgezet in klacht ${reference}. Het moment van ontvangst bleef gelijk.`,
    );
    expect(textOf(casePage.body)).toContain('Er is geen e-mailadres bekend');
    expect(casePage.body).toMatch(/https:\/\/klachten\.example\.nl\/follow-up\/[A-Za-z0-9_-]{20,}/);
    // The list links the complaint now, and a second conversion is refused.
    const after = await browser.get('/staff/spot-records?from=2026-04-30&to=2026-04-30');
    expect(after.body).toContain(`href="/staff/complaints/${reference}"`);
    expect(after.body).not.toContain(action);
    expect((await browser.post(action)).statusCode).toBe(409);
    expect((await browser.post('/staff/spot-records/no-such-record/convert')).statusCode).toBe(404);
  });

  describe('who may do what', () => {
    it('lets a quality manager look, log and convert', async () => {
      const browser = await signedInAs(t, 'qm');
      const page = await browser.get('/staff/spot-records?from=2026-04-01');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/staff/spot-records"');
      expect(page.body).toContain('/convert"');
    });

    it('lets an administrator only look: no form, no conversion, 403 on a post', async () => {
      const browser = await signedInAs(t, 'admin');
      const page = await browser.get('/staff/spot-records?from=2026-04-01');
      expect(page.statusCode).toBe(200);
      expect(textOf(page.body)).toContain('U kunt deze registraties bekijken.');
      expect(page.body).not.toContain('method="post" action="/staff/spot-records"');
      expect(page.body).not.toContain('/convert"');
      expect(rows(page.body).length).toBeGreaterThan(0);
      const record = await t.db.kysely.selectFrom('spot_records').select('id').executeTakeFirstOrThrow();
      const count = async () =>
        Number(
          (
            await t.db.kysely
              .selectFrom('spot_records')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      expect(
        (
          await browser.post('/staff/spot-records', {
            receivedAt: '2026-05-06T09:00',
            channel: 'phone',
            summary: 'x',
          })
        ).statusCode,
      ).toBe(403);
      expect((await browser.post(`/staff/spot-records/${record.id}/convert`)).statusCode).toBe(403);
      expect(await count()).toBe(before);
    });

    it('shows nothing to a user with no role for it (403)', async () => {
      const browser = await signedInAs(t, 'visitor');
      expect((await browser.get('/staff/spot-records')).statusCode).toBe(403);
    });

    it('refuses a post without the form token (CSRF)', async () => {
      const browser = await signedInAs(t, 'advisor');
      const response = await browser.postForm('/staff/spot-records', {
        receivedAt: '2026-05-06T09:00',
        channel: 'phone',
        summary: 'Zonder token.',
      });
      expect(response.statusCode).toBe(403);
      expect(textOf(response.body)).toContain('Formulier verlopen');
    });
  });

  it('is in English with ?lang=en', async () => {
    const browser = await signedInAs(t, 'advisor');
    const page = await browser.get('/staff/spot-records?lang=en&from=2026-05-06');
    expect(page.body).toContain('<html lang="en"');
    expect(textOf(page.body)).toContain('Resolved on the spot');
    expect(textOf(page.body)).toContain('Convert into a complaint');
  });
});
