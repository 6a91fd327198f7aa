/**
 * Users on the administrator pages: the list, creating and changing a user (several roles), field-named
 * errors that keep what was typed, deactivation that ends the user's sessions and API access at once,
 * reactivation, unlocking, resetting the second factor, the last active administrator kept, every change in
 * the audit log without secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from '../../src/db/repositories/recovery-codes.ts';
import { findUserByEmail, getSignInRecord, setSignInCounters } from '../../src/db/repositories/users.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { givePasswords, signedInAs } from './helpers.ts';

const userFields = (fields: Record<string, string>) => ({
  name: 'Lotte Visser',
  email: 'lotte.visser@loket3.example',
  jobTitle: 'Jobcoach',
  'roles-receiver': 'yes',
  'roles-handler': 'yes',
  active: 'yes',
  ...fields,
});

describeEachDialect('administrator pages: users', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const db = () => t.db.kysely;
  const auditOf = async (userId: string) =>
    (await listAudit(db(), { targetType: 'user', targetId: userId })).map((e) => ({
      action: e.action,
      actorId: e.actorId,
      details: e.details,
    }));

  it('lists every user with roles, active, second factor, lock and last sign-in', async () => {
    t.setNow('2026-05-04T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    const page = await admin.get('/staff/admin/users');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Alle gebruikers (6 gebruikers)');
    expect(text).toContain(
      'Petra de Vries qm@loket3.example Kwaliteitsmanager Kwaliteitsmanager Actief Uit Nee Nooit',
    );
    expect(text).toContain(
      'Ahmed El Amrani handler@loket3.example Klachtbehandelaar Klachtbehandelaar, Ontvanger Actief Uit Nee Nooit',
    );
    const english = await admin.get('/staff/admin/users?lang=en');
    expect(textOf(english.body)).toContain(
      'Petra de Vries qm@loket3.example Kwaliteitsmanager Quality manager Active Off No Never',
    );
  });

  it('creates a user with several roles, and audits it without personal details', async () => {
    t.setNow('2026-05-04T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/users/new');
    const created = await admin.post('/staff/admin/users', userFields({}));
    expect(created.statusCode).toBe(303);
    const user = await findUserByEmail(db(), 'lotte.visser@loket3.example');
    expect(user).toMatchObject({
      name: 'Lotte Visser',
      jobTitle: 'Jobcoach',
      roles: ['receiver', 'handler'],
      active: true,
    });
    expect(created.headers.location).toBe(`/staff/admin/users/${user!.id}?done=created`);
    const page = await admin.get(created.headers.location!);
    expect(textOf(page.body)).toContain('De gebruiker is aangemaakt.');
    expect(await auditOf(user!.id)).toEqual([
      {
        action: 'user_created',
        actorId: t.users.admin!.id,
        details: { roles: ['receiver', 'handler'], active: true },
      },
    ]);
  });

  it('names each wrong field, keeps what was typed, and refuses an email that is taken', async () => {
    const admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/users/new');
    const wrong = await admin.post(
      '/staff/admin/users',
      userFields({ name: '  ', email: 'geen-adres', jobTitle: 'Adviseur' }),
    );
    expect(wrong.statusCode).toBe(400);
    const text = textOf(wrong.body);
    expect(text).toContain('Naam: Vul de naam in (hoogstens 200 tekens).');
    expect(text).toContain('E-mailadres: Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(wrong.body).toContain('href="#field-name"');
    expect(wrong.body).toContain('href="#field-email"');
    expect(wrong.body).toContain('value="geen-adres"');
    expect(wrong.body).toContain('value="Adviseur"');

    const taken = await admin.post('/staff/admin/users', userFields({ email: 'QM@loket3.example' }));
    expect(taken.statusCode).toBe(400);
    expect(textOf(taken.body)).toContain('E-mailadres: Er is al een gebruiker met dit e-mailadres.');

    const english = await admin.post('/staff/admin/users?lang=en', userFields({ name: '' }));
    expect(textOf(english.body)).toContain('Name: Enter the name (at most 200 characters).');
  });

  it('changes name, email, job title and roles, and audits the names of the changed fields', async () => {
    t.setNow('2026-05-05T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    const id = t.users.coach!.id;
    await admin.get(`/staff/admin/users/${id}`);
    const saved = await admin.post(`/staff/admin/users/${id}`, {
      name: 'Jeroen Bakker-de Wit',
      email: 'j.bakker@loket3.example',
      jobTitle: 'Senior jobcoach',
      'roles-quality_manager': 'yes',
      'roles-receiver': 'yes',
      active: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/staff/admin/users/${id}?done=saved`);
    const user = await findUserByEmail(db(), 'j.bakker@loket3.example');
    expect(user).toMatchObject({
      id,
      name: 'Jeroen Bakker-de Wit',
      jobTitle: 'Senior jobcoach',
      roles: ['receiver', 'quality_manager'],
    });
    expect(await auditOf(id)).toEqual([
      {
        action: 'user_updated',
        actorId: t.users.admin!.id,
        details: {
          changed: ['name', 'email', 'jobTitle', 'roles'],
          roles: { from: ['receiver', 'handler'], to: ['receiver', 'quality_manager'] },
        },
      },
    ]);
    const again = await admin.post(`/staff/admin/users/${id}`, {
      name: 'Jeroen Bakker-de Wit',
      email: 'j.bakker@loket3.example',
      jobTitle: 'Senior jobcoach',
      'roles-quality_manager': 'yes',
      'roles-receiver': 'yes',
      active: 'yes',
    });
    expect(again.headers.location).toBe(`/staff/admin/users/${id}?done=unchanged`);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('deactivates a user: their sessions end and their API token stops at once; reactivation restores the token', async () => {
    t.setNow('2026-05-06T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    const id = t.users.advisor!.id;
    const advisor = await signedInAs(t, 'advisor');
    expect((await advisor.get('/staff/account')).statusCode).toBe(200);
    expect((await call(t, 'GET', '/api/v1/staff/settings', { as: 'advisor' })).statusCode).toBe(200);

    await admin.get(`/staff/admin/users/${id}`);
    const deactivated = await admin.post(`/staff/admin/users/${id}/deactivate`);
    expect(deactivated.statusCode).toBe(303);
    expect(deactivated.headers.location).toBe(`/staff/admin/users/${id}?done=deactivated`);
    const after = await advisor.get('/staff/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount');
    const sessions = await db()
      .selectFrom('staff_sessions')
      .select(['revoked_at'])
      .where('user_id', '=', id)
      .execute();
    expect(sessions.map((s) => s.revoked_at !== null)).toEqual([true]);
    expect((await call(t, 'GET', '/api/v1/staff/settings', { as: 'advisor' })).statusCode).toBe(401);
    const page = await admin.get(`/staff/admin/users/${id}?done=deactivated`);
    expect(textOf(page.body)).toContain('De gebruiker is gedeactiveerd en overal afgemeld.');
    expect(textOf(page.body)).toContain('Account Gedeactiveerd');

    t.setNow('2026-05-06T10:05:00+02:00');
    const reactivated = await admin.post(`/staff/admin/users/${id}/reactivate`);
    expect(reactivated.headers.location).toBe(`/staff/admin/users/${id}?done=reactivated`);
    expect((await call(t, 'GET', '/api/v1/staff/settings', { as: 'advisor' })).statusCode).toBe(200);
    expect(await auditOf(id)).toEqual([
      { action: 'user_reactivated', actorId: t.users.admin!.id, details: {} },
      { action: 'user_deactivated', actorId: t.users.admin!.id, details: { sessionsEnded: 1 } },
    ]);
  });

  it('unlocks a locked account', async () => {
    t.setNow('2026-05-07T10:00:00+02:00');
    const id = t.users.handler2!.id;
    await setSignInCounters(db(), id, {
      failedSignIns: 5,
      lastFailedAt: '2026-05-07T07:58:00.000Z',
      lockedUntil: '2026-05-07T08:13:00.000Z',
    });
    const admin = await signedInAs(t, 'admin');
    const page = await admin.get(`/staff/admin/users/${id}`);
    expect(textOf(page.body)).toContain('Geblokkeerd na mislukte pogingen Tot 7 mei 2026 10:13');
    expect(textOf(page.body)).toContain('Mislukte pogingen op rij 5');
    const list = await admin.get('/staff/admin/users');
    expect(textOf(list.body)).toContain('Sanne Jansen handler2@loket3.example Teamleider');
    expect(textOf(list.body)).toContain('Actief Uit Tot 7 mei 2026 10:13 Nooit');

    const unlocked = await admin.post(`/staff/admin/users/${id}/unlock`);
    expect(unlocked.headers.location).toBe(`/staff/admin/users/${id}?done=unlocked`);
    expect(await getSignInRecord(db(), id)).toMatchObject({
      failedSignIns: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
    expect(await auditOf(id)).toEqual([
      {
        action: 'user_unlocked',
        actorId: t.users.admin!.id,
        details: { failedSignIns: 5, lockedUntil: '2026-05-07T08:13:00.000Z' },
      },
    ]);
  });

  it('resets a second factor: the secret and the recovery codes are gone, and the user is signed out everywhere', async () => {
    t.setNow('2026-05-08T10:00:00+02:00');
    const id = t.users.qm!.id;
    await db()
      .updateTable('users')
      .set({
        totp_secret: 'JBSWY3DPEHPK3PXP',
        totp_enabled_at: '2026-05-01T08:00:00.000Z',
        totp_last_step: 12345,
      })
      .where('id', '=', id)
      .execute();
    await replaceRecoveryCodes(db(), id, ['aaaaabbbbbcccccddddd', 'eeeeefffffggggghhhhh'], t.deps.now());
    const qm = await signedInAs(t, 'qm');
    const admin = await signedInAs(t, 'admin');
    const page = await admin.get(`/staff/admin/users/${id}`);
    expect(textOf(page.body)).toContain('Tweede factor (authenticator-app) Aan');
    const reset = await admin.post(`/staff/admin/users/${id}/reset-second-factor`);
    expect(reset.headers.location).toBe(`/staff/admin/users/${id}?done=secondFactorReset`);
    const row = await db()
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    expect(await countUnusedRecoveryCodes(db(), id)).toBe(0);
    expect((await qm.get('/staff/account')).statusCode).toBe(303);
    const audit = await auditOf(id);
    expect(audit).toEqual([
      {
        action: 'user_second_factor_reset',
        actorId: t.users.admin!.id,
        details: { hadSecondFactor: true, sessionsEnded: 1 },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('sends an invitation to a user without a password, and a new-password link to one with a password', async () => {
    t.setNow('2026-05-08T11:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    const id = t.users.handler!.id;
    const page = await admin.get(`/staff/admin/users/${id}`);
    expect(textOf(page.body)).toContain('Wachtwoord Nog niet ingesteld');
    expect(page.body).toContain(`action="/staff/admin/users/${id}/send-invitation"`);
    const invited = await admin.post(`/staff/admin/users/${id}/send-invitation`);
    expect(invited.headers.location).toBe(`/staff/admin/users/${id}?done=invited`);
    expect(textOf((await admin.get(invited.headers.location!)).body)).toContain(
      'De uitnodiging is verstuurd.',
    );
    await givePasswords(t, ['handler2']);
    const other = t.users.handler2!.id;
    const withPassword = await admin.get(`/staff/admin/users/${other}`);
    expect(withPassword.body).toContain(`action="/staff/admin/users/${other}/send-reset"`);
    const reset = await admin.post(`/staff/admin/users/${other}/send-reset`);
    expect(reset.headers.location).toBe(`/staff/admin/users/${other}?done=resetSent`);
    const mail = await db()
      .selectFrom('email_outbox')
      .select(['to_address', 'kind'])
      .where('kind', 'in', ['account_invitation', 'password_reset'])
      .orderBy('to_address')
      .execute();
    expect(mail).toEqual([
      { to_address: 'handler2@loket3.example', kind: 'password_reset' },
      { to_address: 'handler@loket3.example', kind: 'account_invitation' },
    ]);
    expect((await auditOf(id)).map((e) => [e.action, e.actorId])).toEqual([
      ['password_invitation_sent', t.users.admin!.id],
    ]);
    expect(textOf((await admin.get(`/staff/admin/audit?target=handler%40loket3.example`)).body)).toContain(
      'Beheerder Loket3 Uitnodiging verstuurd password_invitation_sent Ahmed El Amrani',
    );
  });

  it('answers 404 for an unknown user', async () => {
    const admin = await signedInAs(t, 'admin');
    expect((await admin.get('/staff/admin/users/no-such-user')).statusCode).toBe(404);
    expect((await admin.post('/staff/admin/users/no-such-user/deactivate')).statusCode).toBe(404);
  });

  describe('the last active administrator', () => {
    it('cannot remove their own administrator role or deactivate themselves', async () => {
      const admin = await signedInAs(t, 'admin');
      const id = t.users.admin!.id;
      await admin.get(`/staff/admin/users/${id}`);
      const demoted = await admin.post(`/staff/admin/users/${id}`, {
        name: 'Beheerder Loket3',
        email: 'admin@loket3.example',
        jobTitle: 'Applicatiebeheerder',
        'roles-quality_manager': 'yes',
        active: 'yes',
      });
      expect(demoted.statusCode).toBe(409);
      expect(textOf(demoted.body)).toContain(
        'Rollen: Dit is de laatste actieve beheerder: geef eerst een andere gebruiker de rol beheerder.',
      );
      const deactivated = await admin.post(`/staff/admin/users/${id}/deactivate`);
      expect(deactivated.statusCode).toBe(409);
      expect(textOf(deactivated.body)).toContain('Dit is de laatste actieve beheerder');
      expect(await findUserByEmail(db(), 'admin@loket3.example')).toMatchObject({
        roles: ['administrator'],
        active: true,
      });
      expect((await admin.get('/staff/admin')).statusCode).toBe(200);
    });

    it('may step down once another administrator is active, and then has no access', async () => {
      const admin = await signedInAs(t, 'admin');
      const second = await t.addUser('admin2', 'Tweede Beheerder', 'Beheerder', ['administrator']);
      const id = t.users.admin!.id;
      await admin.get(`/staff/admin/users/${id}`);
      const demoted = await admin.post(`/staff/admin/users/${id}`, {
        name: 'Beheerder Loket3',
        email: 'admin@loket3.example',
        jobTitle: 'Applicatiebeheerder',
        'roles-quality_manager': 'yes',
        active: 'yes',
      });
      expect(demoted.statusCode).toBe(303);
      expect((await admin.get('/staff/admin')).statusCode).toBe(403);
      // The other one is now the last: they cannot deactivate themselves either.
      const other = await signedInAs(t, 'admin2');
      await other.get(`/staff/admin/users/${second.id}`);
      expect((await other.post(`/staff/admin/users/${second.id}/deactivate`)).statusCode).toBe(409);
    });
  });
});
