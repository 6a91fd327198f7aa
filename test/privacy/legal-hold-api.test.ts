/**
 * The legal hold over the staff API: quality managers and administrators set and lift it with a reason (in
 * the audit log); everyone else gets 403; setting it twice is a 409; an unknown case 404; a missing reason 400
 * naming the field. Retention skips a held case (tested in retention.test.ts).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

describeEachDialect('legal hold API', (dialect) => {
  let t: TestApp;
  let reference = '';
  let id = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Niemand nam de telefoon op.' },
    });
    reference = submitted.json().reference;
    id = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json().id;
  });
  afterAll(() => t.close());

  const hold = (as: string, body: unknown, lang = 'nl') =>
    call(t, 'POST', `/api/v1/staff/complaints/${reference}/legal-hold`, { as, body, lang });

  it('is set and lifted by a quality manager or an administrator, with a reason, and audited', async () => {
    expect(
      (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/legal-hold`, { as: 'qm' })).json(),
    ).toEqual({
      reference,
      legalHold: false,
      holds: [],
    });
    t.setNow('2026-05-04T10:00:00.000Z');
    const set = await hold('qm', { hold: true, reason: 'Klacht bij de rechter (C/16/555)' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      reference,
      legalHold: true,
      holds: [
        {
          setAt: '2026-05-04T10:00:00.000Z',
          setBy: 'Petra de Vries',
          reason: 'Klacht bij de rechter (C/16/555)',
          liftedAt: null,
          liftedBy: null,
          liftReason: null,
        },
      ],
    });
    const twice = await hold('admin', { hold: true, reason: 'Nog een keer' }, 'en');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: 'guard_failed',
      detail: `Complaint ${reference} is under a legal hold already.`,
    });

    t.setNow('2026-06-01T08:30:00.000Z');
    const lifted = await hold('admin', { hold: false, reason: 'Uitspraak gedaan' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().legalHold).toBe(false);
    expect(lifted.json().holds[0]).toEqual({
      setAt: '2026-05-04T10:00:00.000Z',
      setBy: 'Petra de Vries',
      reason: 'Klacht bij de rechter (C/16/555)',
      liftedAt: '2026-06-01T08:30:00.000Z',
      liftedBy: 'Beheerder Loket3',
      liftReason: 'Uitspraak gedaan',
    });
    const audit = await sql<{ action: string; actor_label: string; target_id: string; at: string }>`
      select action, actor_label, target_id, at from audit_log where action like 'legal_hold_%' order by at`.execute(
      t.db.kysely,
    );
    expect(audit.rows).toEqual([
      {
        action: 'legal_hold_set',
        actor_label: 'Petra de Vries',
        target_id: id,
        at: '2026-05-04T10:00:00.000Z',
      },
      {
        action: 'legal_hold_lifted',
        actor_label: 'Beheerder Loket3',
        target_id: id,
        at: '2026-06-01T08:30:00.000Z',
      },
    ]);
  });

  it('refuses other roles (403), a missing reason (400), lifting what is not held (409) and unknown cases (404)', async () => {
    for (const key of ['handler', 'coach', 'advisor']) {
      const refused = await hold(key, { hold: true, reason: 'Waarom niet' });
      expect(refused.statusCode, key).toBe(403);
      expect(refused.json().code).toBe('forbidden');
      expect(
        (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/legal-hold`, { as: key })).statusCode,
      ).toBe(403);
    }
    const empty = await hold('qm', { hold: true, reason: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const notHeld = await hold('qm', { hold: false, reason: 'Opheffen' });
    expect(notHeld.statusCode).toBe(409);
    expect(notHeld.json().detail).toBe(`Voor klacht ${reference} geldt geen bewaarplicht.`);
    const unknown = await call(t, 'POST', '/api/v1/staff/complaints/VP-2026-99999/legal-hold', {
      as: 'qm',
      body: { hold: true, reason: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (
        await call(t, 'POST', `/api/v1/staff/complaints/${reference}/legal-hold`, {
          body: { hold: true, reason: 'x' },
        })
      ).statusCode,
    ).toBe(401);
    const spec = (await call(t, 'GET', '/api/openapi.json')).json();
    expect(Object.keys(spec.paths['/api/v1/staff/complaints/{reference}/legal-hold'])).toEqual([
      'get',
      'post',
    ]);
  });
});
