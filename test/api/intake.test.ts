/**
 * The public intake: whole or nothing, clear errors that name the field in Dutch or English, and the
 * follow-up link that opens exactly one complaint.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const valid = {
  reporter: { name: 'Mila Visser', email: 'Mila.Visser@Example.nl', phone: '06 12345678', role: 'candidate' },
  description: 'Mijn jobcoach kwam twee keer niet op de afspraak en belde niet af.',
  desiredOutcome: 'Een andere jobcoach.',
  event: { date: '2026-04-20', place: 'Kantoor Utrecht', circumstances: 'Ik was met de trein gekomen.' },
  involvedEmployees: ['Jeroen'],
  commissioningParty: { type: 'UWV' },
  language: 'nl',
};

async function rowCounts(t: TestApp) {
  const count = async (table: 'complaints' | 'complaint_events' | 'email_outbox') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { complaints: await count('complaints'), events: await count('complaint_events'), outbox: await count('email_outbox') };
}

describeEachDialect('public intake', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('stores a complaint received on 30 April 2026 with its terms across the 5 May holiday', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const response = await call(t, 'POST', '/api/v1/complaints', { body: valid });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.reference).toMatch(/^VP-2026-\d{5}$/);
    expect(body.status).toBe('registered');
    expect(body.receivedAt).toBe('2026-04-30T07:00:00.000Z');
    // 1 May (1), 4 (2), 5 May holiday, 6 (3), 7 (4), 8 (5)
    expect(body.deadlines).toEqual({ acknowledgeBy: '2026-05-08', resolveBy: '2026-06-04' });
    expect(body.followUpUrl).toMatch(/^https:\/\/klachten\.example\.nl\/follow-up\/[A-Za-z0-9_-]{32}$/);
    expect(body.anonymous).toBe(false);

    const stored = (await call(t, 'GET', `/api/v1/staff/complaints/${body.reference}`, { as: 'qm' })).json();
    expect(stored.reporter).toMatchObject({ name: 'Mila Visser', email: 'mila.visser@example.nl', role: 'candidate', language: 'nl' });
    expect(stored.trajectory.commissioningParty).toEqual({ type: 'UWV', name: null, contact: null });
    expect(stored.mentions).toEqual([{ id: expect.any(String), name: 'Jeroen', linkedTo: null }]);
    expect(stored.event).toEqual({ date: '2026-04-20', place: 'Kantoor Utrecht', circumstances: 'Ik was met de trein gekomen.' });
    expect(stored.history).toHaveLength(1);
    expect(stored.history[0]).toMatchObject({ action: 'register', fromStatus: null, toStatus: 'registered', actorLabel: 'reporter' });

    const mail = await t.db.kysely.selectFrom('email_outbox').selectAll().execute();
    const link = mail.find((m) => m.to_address === 'mila.visser@example.nl');
    expect(link?.kind).toBe('follow_up_link');
    expect(link?.text_body).toContain(body.followUpUrl);
    expect(link?.text_body).toContain('vrijdag 8 mei 2026');
  });

  it('opens exactly one complaint with the follow-up token, and nothing with another', async () => {
    t.setNow('2026-04-01T14:00:00+02:00');
    const first = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Eerste klacht.' } })).json();
    const second = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Tweede klacht.' } })).json();
    const token = first.followUpUrl.split('/').at(-1);
    const view = await call(t, 'GET', `/api/v1/follow-up/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      reference: first.reference,
      status: 'registered',
      receivedAt: '2026-04-01T12:00:00.000Z',
      // 2 April (1), Good Friday and Easter Monday skipped, 7 (2), 8 (3), 9 (4), 10 (5)
      deadlines: { acknowledgeBy: '2026-04-10', resolveBy: '2026-05-06', extendedBecause: null },
      acknowledgedAt: null,
      resolvedAt: null,
      handler: null,
      linkExpiresAt: null,
    });
    expect(view.json().reference).not.toBe(second.reference);
    const wrong = await call(t, 'GET', `/api/v1/follow-up/${'x'.repeat(32)}`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('not_found');
  });

  it('treats a submission without any contact details as anonymous', async () => {
    const response = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Ik wil liever anoniem blijven.', reporter: { name: '  ', email: '', role: 'client' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().anonymous).toBe(true);
    const stored = (await call(t, 'GET', `/api/v1/staff/complaints/${response.json().reference}`, { as: 'qm' })).json();
    expect(stored.reporter).toMatchObject({ anonymous: true, name: null, email: null, consentToContact: false, role: 'client' });
  });

  const badInputs: [string, unknown, string, string][] = [
    // [case, body, field, Dutch message]
    ['missing description', { reporter: { name: 'A' } }, 'description', 'Dit veld is verplicht.'],
    ['empty description', { description: '' }, 'description', 'Dit veld mag niet leeg zijn.'],
    ['whitespace description', { description: ' \n\t ' }, 'description', 'Dit veld mag niet leeg zijn.'],
    ['oversized description', { description: 'x'.repeat(10_001) }, 'description', 'Dit veld mag maximaal 10000 tekens lang zijn.'],
    ['wrong type', { description: 42 }, 'description', 'Verkeerd type: verwacht tekst.'],
    ['unknown field', { description: 'ok', bsn: '123456789' }, 'bsn', 'Dit veld is onbekend.'],
    ['unknown nested field', { description: 'ok', reporter: { age: 40 } }, 'reporter.age', 'Dit veld is onbekend.'],
    ['bad email', { description: 'ok', reporter: { email: 'niet-een-adres' } }, 'reporter.email', 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.'],
    ['bad role', { description: 'ok', reporter: { role: 'king' } }, 'reporter.role', 'Kies een van de toegestane waarden.'],
    ['bad date', { description: 'ok', event: { date: '30-04-2026' } }, 'event.date', 'Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-04-30.'],
    ['bad party', { description: 'ok', commissioningParty: { type: 'bank' } }, 'commissioningParty.type', 'Kies een van de toegestane waarden.'],
    ['bad language', { description: 'ok', language: 'de' }, 'language', 'Kies een van de toegestane waarden.'],
    ['mentions not a list', { description: 'ok', involvedEmployees: 'Jeroen' }, 'involvedEmployees', 'Verkeerd type: verwacht een lijst.'],
    ['phone with letters', { description: 'ok', reporter: { phone: 'bel me' } }, 'reporter.phone', 'Dit veld heeft een ongeldige vorm.'],
  ];

  it.each(badInputs)('refuses %s with a 400 naming the field, and stores nothing', async (_case, body, field, message) => {
    const before = await rowCounts(t);
    const response = await call(t, 'POST', '/api/v1/complaints', { body });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', title: 'De invoer is niet geldig.' });
    expect(problem.errors).toContainEqual({ field, message });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('answers in English with Accept-Language: en', async () => {
    const response = await call(t, 'POST', '/api/v1/complaints', { body: { description: ' ', extra: 1 }, lang: 'en-GB,en;q=0.9' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      title: 'The input is not valid.',
      errors: [
        { field: 'extra', message: 'This field is unknown.' },
        { field: 'description', message: 'This field cannot be empty.' },
      ],
    });
  });

  it('refuses an event date in the future and a body that is not JSON', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const future = await call(t, 'POST', '/api/v1/complaints', { body: { description: 'ok', event: { date: '2026-05-01' } } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'event.date', message: 'De datum van de gebeurtenis kan niet in de toekomst liggen.' }]);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'content-type': 'application/json' },
      payload: '{"description": "half',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors).toEqual([{ field: 'body', message: 'De inhoud van het verzoek ontbreekt of is geen geldige JSON.' }]);
    const huge = await call(t, 'POST', '/api/v1/complaints', { body: { description: 'x'.repeat(70_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('leaves no row behind when a failure happens after the first insert', async () => {
    // A real failure inside the transaction: the history insert that follows the complaint insert is refused.
    if (dialect === 'sqlite') {
      await sql`create trigger fail_history before insert on complaint_events begin select raise(abort, 'injected failure'); end`.execute(t.db.kysely);
    } else {
      await sql`create function fail_history() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(t.db.kysely);
      await sql`create trigger fail_history before insert on complaint_events for each row execute function fail_history()`.execute(t.db.kysely);
    }
    try {
      const before = await rowCounts(t);
      const response = await call(t, 'POST', '/api/v1/complaints', { body: valid });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ code: 'internal', title: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
      expect(JSON.stringify(response.json())).not.toContain('injected');
      expect(await rowCounts(t)).toEqual(before);
    } finally {
      await sql`drop trigger fail_history ${dialect === 'postgres' ? sql`on complaint_events` : sql``}`.execute(t.db.kysely);
    }
    expect((await call(t, 'POST', '/api/v1/complaints', { body: valid })).statusCode).toBe(201);
  });
});

describe('service endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    expect((await call(t, 'GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await call(t, 'GET', '/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document with every route and its schemas', async () => {
    const doc = (await call(t, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/complaints',
        '/api/v1/staff/complaints',
        '/api/v1/staff/complaints/{reference}',
        '/api/v1/staff/complaints/{reference}/assign-handler',
        '/api/v1/staff/complaints/{reference}/send-final-report',
        '/api/v1/staff/spot-records',
      ]),
    );
    const submit = doc.paths['/api/v1/complaints'].post;
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '429']));
    expect(submit.requestBody.content['application/json'].schema.required).toEqual(['description']);
    expect((await call(t, 'GET', '/api/docs')).statusCode).toBeLessThan(400);
  });

  it('rate limits public submissions per client with a 429 problem', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await call(t, 'POST', '/api/v1/complaints', { body: { description: `Klacht ${i}` } })).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await call(t, 'POST', '/api/v1/complaints', { body: { description: 'nog een' } });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('refuses the staff API without a valid token', async () => {
    const none = await call(t, 'GET', '/api/v1/staff/complaints');
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthorized');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/staff/complaints', headers: { authorization: 'Bearer vp_nope' } });
    expect(wrong.statusCode).toBe(401);
  });
});
