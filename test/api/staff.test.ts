/** The staff API around the lifecycle: intake of complaints received otherwise, spot records, the list, attachments. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describeEachDialect('staff API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('registers a phone complaint received in the past, with terms from the time of receipt', async () => {
    t.setNow('2026-04-08T10:00:00+02:00');
    const response = await call(t, 'POST', '/api/v1/staff/complaints', {
      as: 'advisor',
      body: {
        channel: 'phone',
        receivedAt: '2026-04-01T16:30:00+02:00',
        reporter: { name: 'Henk de Boer', phone: '030-1234567', role: 'employer' },
        description: 'De werkgever kreeg geen voortgangsrapportage.',
        trajectory: { reference: 'TR-2026-118', jobcoach: 'Jeroen Bakker' },
        commissioningParty: { type: 'employer', name: 'Bakkerij Smit' },
        category: 'communication',
      },
    });
    expect(response.statusCode).toBe(201);
    const complaint = response.json();
    expect(complaint).toMatchObject({
      channel: 'phone',
      receivedAt: '2026-04-01T14:30:00.000Z',
      registeredAt: '2026-04-08T08:00:00.000Z',
      receiverId: t.users.advisor!.id,
      category: 'communication',
      trajectory: { reference: 'TR-2026-118', jobcoach: 'Jeroen Bakker', commissioningParty: { type: 'employer', name: 'Bakkerij Smit', contact: null } },
    });
    // Receipt Wednesday 1 April 2026: Good Friday 3 April and Easter Monday 6 April are skipped.
    expect(complaint.deadlines).toMatchObject({ acknowledgeBy: '2026-04-10', resolveBy: '2026-05-06', reportBy: null });
    // Registered a week late: the acknowledgement is due soon (2 working days left: 9 and 10 April).
    expect(complaint.deadlines.overview.acknowledge).toEqual({ due: '2026-04-10', state: 'due_soon' });
  });

  it('refuses a time of receipt in the future, an unknown category and an unknown channel', async () => {
    t.setNow('2026-04-08T10:00:00+02:00');
    const base = { channel: 'letter', receivedAt: '2026-04-09T09:00:00+02:00', description: 'Brief over de begeleiding.' };
    const future = await call(t, 'POST', '/api/v1/staff/complaints', { as: 'advisor', body: base });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'receivedAt', message: 'Het tijdstip van ontvangst kan niet in de toekomst liggen.' }]);
    const category = await call(t, 'POST', '/api/v1/staff/complaints', {
      as: 'advisor',
      body: { ...base, receivedAt: '2026-04-07T09:00:00+02:00', category: 'weather' },
      lang: 'en',
    });
    expect(category.json().errors).toEqual([{ field: 'category', message: "Unknown category 'weather'." }]);
    const channel = await call(t, 'POST', '/api/v1/staff/complaints', { as: 'advisor', body: { ...base, channel: 'pigeon' } });
    expect(channel.json().errors).toEqual([{ field: 'channel', message: 'Kies een van de toegestane waarden.' }]);
    const admin = await call(t, 'POST', '/api/v1/staff/complaints', { as: 'admin', body: { ...base, receivedAt: '2026-04-07T09:00:00+02:00' } });
    expect(admin.statusCode).toBe(403);
  });

  it('logs a complaint resolved on the spot and converts it later, keeping the time of receipt', async () => {
    t.setNow('2026-04-30T15:00:00+02:00');
    const spot = await call(t, 'POST', '/api/v1/staff/spot-records', {
      as: 'advisor',
      body: { receivedAt: '2026-04-30T14:10:00+02:00', channel: 'in_person', category: 'appointments', summary: 'Wachtte 20 minuten, excuses aangeboden.' },
    });
    expect(spot.statusCode).toBe(201);
    expect(spot.json()).toMatchObject({ channel: 'in_person', category: 'appointments', convertedComplaintId: null, receivedAt: '2026-04-30T12:10:00.000Z' });
    const twoLines = await call(t, 'POST', '/api/v1/staff/spot-records', {
      as: 'advisor',
      body: { receivedAt: '2026-04-30T14:10:00+02:00', channel: 'phone', summary: 'regel een\nregel twee' },
    });
    expect(twoLines.statusCode).toBe(400);
    expect(twoLines.json().errors[0].field).toBe('summary');

    const listed = await call(t, 'GET', '/api/v1/staff/spot-records?from=2026-04-30&to=2026-04-30', { as: 'qm' });
    expect(listed.json().map((r: { id: string }) => r.id)).toContain(spot.json().id);

    t.setNow('2026-05-04T09:00:00+02:00');
    const converted = await call(t, 'POST', `/api/v1/staff/spot-records/${spot.json().id}/convert`, {
      as: 'advisor',
      body: { reporter: { name: 'Mevrouw Kok', email: 'kok@example.nl' } },
    });
    expect(converted.statusCode).toBe(201);
    expect(converted.json()).toMatchObject({
      channel: 'in_person',
      receivedAt: '2026-04-30T12:10:00.000Z',
      description: 'Wachtte 20 minuten, excuses aangeboden.',
      category: 'appointments',
      deadlines: { acknowledgeBy: '2026-05-08', resolveBy: '2026-06-04' },
    });
    const again = await call(t, 'POST', `/api/v1/staff/spot-records/${spot.json().id}/convert`, { as: 'advisor', body: {} });
    expect(again.statusCode).toBe(409);
  });

  it('lists newest first with filters, keyset pages and visibility per role', async () => {
    t.setNow('2026-06-15T10:00:00+02:00');
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.setNow(`2026-06-1${i}T10:00:00+02:00`);
      refs.push((await call(t, 'POST', '/api/v1/complaints', { body: { description: `Lijsttest ${i} over de wachttijd` } })).json().reference);
    }
    await act(t, 'qm', refs[4]!, 'assign-handler', { handlerId: t.users.handler2!.id });

    const page1 = (await call(t, 'GET', '/api/v1/staff/complaints?q=lijsttest&limit=2', { as: 'qm' })).json();
    expect(page1.items.map((c: { reference: string }) => c.reference)).toEqual([refs[4], refs[3]]);
    const page2 = (await call(t, 'GET', `/api/v1/staff/complaints?q=lijsttest&limit=2&cursor=${page1.next}`, { as: 'qm' })).json();
    expect(page2.items.map((c: { reference: string }) => c.reference)).toEqual([refs[2], refs[1]]);
    const page3 = (await call(t, 'GET', `/api/v1/staff/complaints?q=LIJSTTEST&limit=2&cursor=${page2.next}`, { as: 'qm' })).json();
    expect(page3.items.map((c: { reference: string }) => c.reference)).toEqual([refs[0]]);
    expect(page3.next).toBeNull();

    const byHandler = (await call(t, 'GET', `/api/v1/staff/complaints?handler=${t.users.handler2!.id}`, { as: 'qm' })).json();
    expect(byHandler.items.map((c: { reference: string }) => c.reference)).toEqual([refs[4]]);
    const byStatus = (await call(t, 'GET', '/api/v1/staff/complaints?status=handler_assigned&q=lijsttest', { as: 'qm' })).json();
    expect(byStatus.items).toHaveLength(1);
    const between = (await call(t, 'GET', '/api/v1/staff/complaints?receivedFrom=2026-06-11&receivedTo=2026-06-12&q=lijsttest', { as: 'qm' })).json();
    expect(between.items.map((c: { reference: string }) => c.reference)).toEqual([refs[2], refs[1]]);

    // A handler sees the cases they handle; someone else's are not in the list and not readable.
    const own = (await call(t, 'GET', '/api/v1/staff/complaints?q=lijsttest', { as: 'handler2' })).json();
    expect(own.items.map((c: { reference: string }) => c.reference)).toEqual([refs[4]]);
    expect((await call(t, 'GET', `/api/v1/staff/complaints/${refs[3]}`, { as: 'handler2' })).statusCode).toBe(403);

    // Overdue on 1 September: every open one of these five is past its acknowledgement term.
    t.setNow('2026-09-01T10:00:00+02:00');
    const overdue = (await call(t, 'GET', '/api/v1/staff/complaints?overdue=true&q=lijsttest', { as: 'qm' })).json();
    expect(overdue.items).toHaveLength(5);
    expect(overdue.items[0].deadlines.overview.acknowledge.state).toBe('overdue');

    const bad = await call(t, 'GET', '/api/v1/staff/complaints?limit=0&status=nope&extra=1', { as: 'qm' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.extra', 'query.limit', 'query.status.0']);
  });

  it('stores an attachment with its type sniffed from the bytes, and refuses an executable', async () => {
    t.setNow('2026-06-20T10:00:00+02:00');
    const ref = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Met bijlage.' } })).json().reference;
    await act(t, 'qm', ref, 'assign-handler', { handlerId: t.users.handler!.id });
    const stored = await act(t, 'handler', ref, 'add-attachment', { filename: '../../brief.pdf', contentBase64: PNG.toString('base64') });
    expect(stored.statusCode).toBe(200);
    const rows = await t.db.kysely.selectFrom('attachments').select(['filename', 'content_type', 'size', 'sha256']).execute();
    expect(rows).toContainEqual({
      filename: 'brief.pdf',
      content_type: 'image/png',
      size: 70,
      sha256: '6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0',
    });
    const history = (await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as: 'qm' })).json().history;
    expect(history.at(-1)).toMatchObject({ action: 'addAttachment', note: expect.stringContaining('brief.pdf (image/png') });

    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refused = await act(t, 'handler', ref, 'add-attachment', { filename: 'scan.pdf', contentBase64: exe.toString('base64') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('attachments');
    expect(await t.db.kysely.selectFrom('attachments').select('id').execute()).toHaveLength(1);
  });
});
