/** Organisation settings: versioned, validated, and a changed calendar moves only the terms still open. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

describeEachDialect('organisation settings', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('recomputes open terms when a closing day is added, and keeps terms already met', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const open = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Niemand belde terug.' } })).json();
    const acknowledged = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Afspraak vergeten.' } })).json();
    expect((await act(t, 'qm', acknowledged.reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode).toBe(200);
    expect((await act(t, 'handler', acknowledged.reference, 'record-summary', { summary: 'Vergeten afspraak op 28 april.' })).statusCode).toBe(200);
    t.setNow('2026-05-04T10:00:00+02:00');
    expect((await act(t, 'handler', acknowledged.reference, 'acknowledge')).statusCode).toBe(200);

    const current = (await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json();
    expect(current.version).toBe(1);
    const settings = { ...current.settings, calendar: { ...current.settings.calendar, closingDays: ['2026-05-07'] } };
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${t.users.qm!.token}` },
      payload: { settings },
    });
    expect(refused.statusCode).toBe(403);

    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${t.users.admin!.token}` },
      payload: { settings, note: 'Kantoor dicht op 7 mei (verhuizing)' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ version: 2, recomputed: expect.arrayContaining([open.reference, acknowledged.reference]) });

    const a = (await call(t, 'GET', `/api/v1/staff/complaints/${open.reference}`, { as: 'qm' })).json();
    // 1 May (1), 4 (2), 5 May holiday, 6 (3), 7 May closed, 8 (4), 11 (5)
    expect(a.deadlines.acknowledgeBy).toBe('2026-05-11');
    // One closing day more in the term: Thursday 4 June becomes Friday 5 June.
    expect(a.deadlines.resolveBy).toBe('2026-06-05');
    expect(a.deadlines.calendarId).toMatch(/^atw\+equated\+closing:[0-9a-f]{8}$/);
    expect(a.history.at(-1)).toMatchObject({ action: 'recomputeDeadlines', actorLabel: 'Beheerder Loket3' });

    const b = (await call(t, 'GET', `/api/v1/staff/complaints/${acknowledged.reference}`, { as: 'qm' })).json();
    // Acknowledged on 4 May: that term was met and keeps its date.
    expect(b.deadlines.acknowledgeBy).toBe('2026-05-08');
    expect(b.deadlines.resolveBy).toBe('2026-06-05');

    const versions = await call(t, 'GET', '/api/v1/staff/settings/versions', { as: 'admin' });
    // Newest first.
    expect(versions.json()).toEqual([
      { version: 2, changedBy: t.users.admin!.id, changedAt: '2026-05-04T08:00:00.000Z', note: 'Kantoor dicht op 7 mei (verhuizing)' },
      { version: 1, changedBy: null, changedAt: '2026-04-30T07:00:00.000Z', note: "seeded from the regulation's defaults" },
    ]);
  });

  it('refuses invalid settings with the field named, and keeps the version in force', async () => {
    const current = (await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json();
    const bad = { ...current.settings, terms: { ...current.settings.terms, resolveWorkingDays: 0 }, calendar: { ...current.settings.calendar, closingDays: ['2026-02-30'] } };
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${t.users.admin!.token}` },
      payload: { settings: bad },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['settings.terms.resolveWorkingDays', 'settings.calendar.closingDays.0']));
    expect((await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json().version).toBe(current.version);
  });

  it('refuses a primary colour that does not reach 4.5:1 on white, whoever sets it', async () => {
    const current = (await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json();
    // #7fb2d9: relative luminance 0.4136, so (1 + 0.05) / (0.4136 + 0.05) = 2.26 on white.
    const pale = { ...current.settings, branding: { ...current.settings.branding, primaryColor: '#7fb2d9' } };
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${t.users.admin!.token}`, 'accept-language': 'en' },
      payload: { settings: pale },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: 'branding.primaryColor',
        message: 'This colour has a contrast of 2.26:1 on white; it must be at least 4.5:1. Choose a darker colour.',
      },
    ]);
    expect((await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' })).json().version).toBe(current.version);
  });
});
