/**
 * My account through inject on SQLite and PostgreSQL: where I am signed in (device, times, method; ending
 * another session), changing my password (current one first, counted like a sign-in; my other sessions
 * end), my personal API tokens (shown once, used by the API, revoked), Dutch and English, all audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { describeDevice } from '../../src/http/staff/views/device.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { auditTrail, clearAudit, countersOf } from './auth-helpers.ts';
import { emailOf, givePasswords, PASSWORD, StaffBrowser, signedInAs } from './helpers.ts';

const NEW_PASSWORD = 'zeven zeilboten op het ijsselmeer';
const UA = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  chromeLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe('describeDevice', () => {
  it.each([
    [UA.firefoxWindows, { browser: 'Firefox', os: 'Windows' }],
    [UA.chromeAndroid, { browser: 'Chrome', os: 'Android' }],
    [UA.safariIphone, { browser: 'Safari', os: 'iOS' }],
    [UA.edgeWindows, { browser: 'Edge', os: 'Windows' }],
    [UA.safariMac, { browser: 'Safari', os: 'macOS' }],
    [UA.chromeLinux, { browser: 'Chrome', os: 'Linux' }],
    ['curl/8.5.0', { browser: null, os: null }],
    [null, { browser: null, os: null }],
  ])('%s', (ua, expected) => {
    expect(describeDevice(ua)).toEqual(expected);
  });
});

describeEachDialect('my account', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  /** A browser signed in as `key` at `at` from a device, by a session made in the database. */
  async function sessionOn(
    key: string,
    at: string,
    userAgent: string,
    method: 'password' | 'oidc' = 'password',
  ) {
    t.setNow(at);
    const browser = new StaffBrowser(t);
    const { token, session } = await createStaffSession(t.db.kysely, {
      userId: t.users[key]!.id,
      stage: 'complete',
      method,
      now: new Date(at),
      expiresAt: new Date(Date.parse(at) + 12 * 3_600_000),
      ip: '192.0.2.7',
      userAgent,
    });
    browser.cookies.set('vp_staff', token);
    return { browser, id: session.id };
  }

  it('lists where I am signed in, and ends another session', async () => {
    await clearAudit(t);
    const phone = await sessionOn('handler', '2026-04-30T07:50:00.000Z', UA.chromeAndroid);
    const tablet = await sessionOn('handler', '2026-04-30T07:55:00.000Z', UA.safariIphone, 'oidc');
    const laptop = await sessionOn('handler', '2026-04-30T08:00:00.000Z', UA.firefoxWindows);
    const colleague = await sessionOn('coach', '2026-04-30T08:00:00.000Z', UA.edgeWindows);
    t.setNow('2026-04-30T08:10:00.000Z');
    await phone.browser.get('/staff/account');
    await tablet.browser.get('/staff/account');
    t.setNow('2026-04-30T08:20:00.000Z');
    const page = await laptop.browser.get('/staff/account');
    expect(page.statusCode).toBe(200);
    const rows = [...page.body.matchAll(/<tr class="utrecht-table__row">(.*?)<\/tr>/g)].map((m) =>
      textOf(m[1]!).trim(),
    );
    expect(rows.slice(0, 4)).toEqual([
      'Apparaat Aangemeld Laatst actief Manier Actie',
      'Firefox op Windows (dit apparaat) 30 apr 2026 10:00 30 apr 2026 10:20 Wachtwoord',
      'Safari op iOS 30 apr 2026 09:55 30 apr 2026 10:10 Eenmalige aanmelding Afmelden',
      'Chrome op Android 30 apr 2026 09:50 30 apr 2026 10:10 Wachtwoord Afmelden',
    ]);
    expect(page.body).toContain('aria-label="Afmelden op Chrome op Android, aangemeld 30 apr 2026 09:50"');

    const ended = await laptop.browser.post('/staff/account/sessions/end', { session: phone.id });
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe('/staff/account?done=session-ended');
    expect(textOf((await laptop.browser.get('/staff/account?done=session-ended')).body)).toContain(
      'U bent op dat apparaat afgemeld.',
    );
    expect((await phone.browser.get('/staff/account')).statusCode).toBe(303);
    // Not someone else's session, and not this one (signing out does that).
    await laptop.browser.post('/staff/account/sessions/end', { session: colleague.id });
    await laptop.browser.post('/staff/account/sessions/end', { session: laptop.id });
    expect((await colleague.browser.get('/staff/account')).statusCode).toBe(200);
    expect((await laptop.browser.get('/staff/account')).statusCode).toBe(200);
    expect((await tablet.browser.get('/staff/account')).statusCode).toBe(200);
    expect(await auditTrail(t)).toEqual([
      ['session_ended', 'Ahmed El Amrani', { createdAt: '2026-04-30T07:50:00.000Z', method: 'password' }],
    ]);
  });

  it('changes my password: the current one first, the rules, then my other sessions end', async () => {
    await clearAudit(t);
    const other = await sessionOn('handler2', '2026-04-30T09:00:00.000Z', UA.chromeLinux);
    const here = await sessionOn('handler2', '2026-04-30T09:00:00.000Z', UA.firefoxWindows);
    await here.browser.get('/staff/account');
    const post = (fields: Record<string, string>) => here.browser.post('/staff/account/password', fields);

    const missing = await post({ currentPassword: '', newPassword: 'kort', confirmPassword: '' });
    expect(missing.statusCode).toBe(400);
    for (const message of [
      'Vul uw huidige wachtwoord in.',
      'Kies een wachtwoord van minstens 12 tekens.',
      'Herhaal het nieuwe wachtwoord.',
    ]) {
      expect(textOf(missing.body)).toContain(message);
    }
    // A mistake in the new password costs no attempt.
    expect((await countersOf(t, t.users.handler2!.id)).failedSignIns).toBe(0);

    const wrong = await post({
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(textOf(wrong.body)).toContain('Uw huidige wachtwoord klopt niet.');
    expect(wrong.body).toContain('href="#field-currentPassword"');
    expect((await countersOf(t, t.users.handler2!.id)).failedSignIns).toBe(1);

    const done = await post({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/staff/account?done=password');
    expect(textOf((await here.browser.get('/staff/account?done=password')).body)).toContain(
      'Uw wachtwoord is gewijzigd. Op uw andere apparaten bent u afgemeld.',
    );
    expect((await other.browser.get('/staff/account')).statusCode).toBe(303);
    expect(await countersOf(t, t.users.handler2!.id)).toEqual({
      failedSignIns: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
    expect((await new StaffBrowser(t).signIn(emailOf('handler2'), PASSWORD)).statusCode).toBe(401);
    expect((await new StaffBrowser(t).signIn(emailOf('handler2'), NEW_PASSWORD)).statusCode).toBe(303);
    const changes = await auditTrail(t, { action: 'password_changed' });
    expect(changes).toEqual([['password_changed', 'Sanne Jansen', { sessionsEnded: 1 }]]);
    expect((await auditTrail(t, { action: 'password_confirmation_failed' })).map(([, , d]) => d)).toEqual([
      { purpose: 'change_password', failures: 1, lockedUntil: null },
    ]);
  });

  it('wrong current passwords meet the back-off like sign-ins', async () => {
    const here = await sessionOn('advisor', '2026-04-30T10:00:00.000Z', UA.firefoxWindows);
    await here.browser.get('/staff/account');
    const post = () =>
      here.browser.post('/staff/account/password', {
        currentPassword: 'nope nope nope',
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
    expect([(await post()).statusCode, (await post()).statusCode, (await post()).statusCode]).toEqual([
      400, 400, 400,
    ]);
    const wait = await post();
    expect(wait.statusCode).toBe(429);
    expect(textOf(wait.body)).toContain('Probeer het over 2 seconden opnieuw.');
  });

  it('makes a personal API token, shown once, that the API accepts until I revoke it', async () => {
    await clearAudit(t);
    const here = await sessionOn('coach', '2026-04-30T11:00:00.000Z', UA.firefoxWindows);
    await here.browser.get('/staff/account');

    const empty = await here.browser.post('/staff/account/tokens', { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Geef het token een naam.');
    const long = await here.browser.post('/staff/account/tokens', { name: 'x'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(textOf(long.body)).toContain('Gebruik voor de naam hoogstens 100 tekens.');
    expect(long.body).toContain(`value="${'x'.repeat(101)}"`);

    const made = await here.browser.post('/staff/account/tokens', { name: 'maandrapportage' });
    expect(made.statusCode).toBe(200);
    expect(made.headers['cache-control']).toBe('no-store');
    const token = made.body.match(/<code id="new-token">(vp_[A-Za-z0-9_-]{43})<\/code>/)?.[1];
    expect(token).toBeDefined();
    expect(textOf(made.body)).toContain(
      'Kopieer het token "maandrapportage" nu en bewaar het veilig: het wordt maar één keer getoond.',
    );

    t.setNow('2026-04-30T11:05:00.000Z');
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/complaints',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode).toBe(200);

    const page = await here.browser.get('/staff/account');
    expect(page.body).not.toContain(token!);
    const rows = [...page.body.matchAll(/<tr class="utrecht-table__row">(.*?)<\/tr>/g)]
      .map((m) => textOf(m[1]!).trim())
      .filter((row) => row.startsWith('maandrapportage') || row.startsWith('test '));
    expect(rows).toEqual([
      'maandrapportage 30 apr 2026 13:00 30 apr 2026 13:05 Intrekken',
      'test 30 apr 2026 09:00 Nog nooit Intrekken',
    ]);

    const id = (
      await t.db.kysely
        .selectFrom('api_tokens')
        .select('id')
        .where('name', '=', 'maandrapportage')
        .executeTakeFirstOrThrow()
    ).id;
    // Someone else's token cannot be revoked from my page.
    const foreign = (
      await t.db.kysely
        .selectFrom('api_tokens')
        .select('id')
        .where('user_id', '=', t.users.qm!.id)
        .executeTakeFirstOrThrow()
    ).id;
    await here.browser.post('/staff/account/tokens/revoke', { token: foreign });
    expect((await call(t, 'GET', '/api/v1/staff/complaints', { as: 'qm' })).statusCode).toBe(200);

    const revoked = await here.browser.post('/staff/account/tokens/revoke', { token: id });
    expect(revoked.headers.location).toBe('/staff/account?done=token-revoked');
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/complaints',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(await auditTrail(t)).toEqual([
      ['api_token_created', 'Jeroen Bakker', { tokenId: id, name: 'maandrapportage' }],
      ['api_token_revoked', 'Jeroen Bakker', { tokenId: id }],
    ]);
  });

  it('is in English with ?lang=en', async () => {
    const browser = await signedInAs(t, 'qm');
    const page = await browser.get('/staff/account?lang=en');
    const text = textOf(page.body);
    for (const words of [
      'My account',
      'Two-step verification',
      'Off. A second step protects your account better.',
      'Your role asks for two-step verification.',
      'Change password',
      'Where you are signed in',
      'Personal API tokens',
    ]) {
      expect(text).toContain(words);
    }
  });
});
