/**
 * Personal API tokens on the administrator pages: created for a user and shown once (not cached, not on any
 * later page), working on the API at once; revoked, and refused by the API from then on; listed per user and
 * all together; audited by id and name, never the token.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { signedInAs } from './helpers.ts';

describeEachDialect('administrator pages: API tokens', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const apiWith = (token: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${token}` },
    });

  it('creates a token shown once, which works on the API, and revokes it, after which the API refuses it', async () => {
    t.setNow('2026-05-04T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    const id = t.users.handler!.id;
    await admin.get(`/staff/admin/users/${id}`);
    const created = await admin.post(`/staff/admin/users/${id}/tokens`, { name: 'koppeling zaaksysteem' });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const token = created.body.match(/<code id="new-token">(vp_[A-Za-z0-9_-]{43})<\/code>/)?.[1];
    expect(token).toBeDefined();
    expect(textOf(created.body)).toContain(
      'Kopieer dit token nu. U ziet het maar één keer: wij bewaren het niet.',
    );
    expect(textOf(created.body)).toContain('Token "koppeling zaaksysteem"');
    expect((await apiWith(token!)).statusCode).toBe(200);

    t.setNow('2026-05-04T10:30:00+02:00');
    const page = await admin.get(`/staff/admin/users/${id}`);
    expect(page.body).not.toContain(token!);
    expect(textOf(page.body)).toContain(
      'koppeling zaaksysteem 4 mei 2026 10:00 4 mei 2026 10:00 In gebruik Intrekken',
    );
    const all = await admin.get('/staff/admin/tokens');
    expect(all.body).not.toContain(token!);
    expect(textOf(all.body)).toContain(
      'Ahmed El Amrani koppeling zaaksysteem 4 mei 2026 10:00 4 mei 2026 10:00 In gebruik Intrekken',
    );

    const tokenId = page.body.match(/tokens\/([0-9a-f-]{36})\/revoke/)?.[1];
    const [row] = await t.db.kysely
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'koppeling zaaksysteem')
      .execute();
    expect(tokenId).toBe(row!.id);
    const revoked = await admin.post(`/staff/admin/users/${id}/tokens/${tokenId}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`/staff/admin/users/${id}?done=tokenRevoked#tokens`);
    expect((await apiWith(token!)).statusCode).toBe(401);
    const after = await admin.get(`/staff/admin/users/${id}?done=tokenRevoked`);
    expect(textOf(after.body)).toContain('Het token is ingetrokken. Het werkt vanaf nu niet meer.');
    expect(textOf(after.body)).toContain(
      'koppeling zaaksysteem 4 mei 2026 10:00 4 mei 2026 10:00 Ingetrokken op 4 mei 2026 10:30',
    );

    const audit = await listAudit(t.db.kysely, { targetType: 'user', targetId: id });
    expect(audit.map((e) => ({ action: e.action, details: e.details }))).toEqual([
      { action: 'api_token_revoked', details: { tokenId } },
      { action: 'api_token_created', details: { tokenId, name: 'koppeling zaaksysteem' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(token!);
  });

  it('revokes from the list of all tokens and comes back to it', async () => {
    const admin = await signedInAs(t, 'admin');
    const id = t.users.qm!.id;
    const tokenId = (
      await t.db.kysely
        .selectFrom('api_tokens')
        .select('id')
        .where('user_id', '=', id)
        .executeTakeFirstOrThrow()
    ).id;
    await admin.get('/staff/admin/tokens');
    const revoked = await admin.post(`/staff/admin/users/${id}/tokens/${tokenId}/revoke`, { from: 'tokens' });
    expect(revoked.headers.location).toBe('/staff/admin/tokens?done=revoked');
    expect((await apiWith(t.users.qm!.token)).statusCode).toBe(401);
  });

  it('asks for a name, and finds no token of another user under this user', async () => {
    const admin = await signedInAs(t, 'admin');
    const id = t.users.coach!.id;
    await admin.get(`/staff/admin/users/${id}`);
    const nameless = await admin.post(`/staff/admin/users/${id}/tokens`, { name: '   ' });
    expect(nameless.statusCode).toBe(400);
    expect(textOf(nameless.body)).toContain('Geef het token een naam van 1 tot 100 tekens.');
    expect(nameless.body).toContain('href="#field-token-name"');

    const otherToken = (
      await t.db.kysely
        .selectFrom('api_tokens')
        .select('id')
        .where('user_id', '=', t.users.advisor!.id)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await admin.post(`/staff/admin/users/${id}/tokens/${otherToken}/revoke`)).statusCode).toBe(404);
    expect((await apiWith(t.users.advisor!.token)).statusCode).toBe(200);
  });
});
