/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on a random port), through inject on
 * SQLite and PostgreSQL: the button, the authorization request (PKCE S256, state, nonce) and its short-lived
 * signed cookie, linking an existing user on first use by a verified email and by subject afterwards, no
 * account for anyone else, the provider's MFA (amr) against our second factor, and every way the callback
 * can be wrong.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { updateUser } from '../../src/db/repositories/users.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { auditTrail, clearAudit, cookieSet, unordered } from './auth-helpers.ts';
import { StaffBrowser, signedInAs } from './helpers.ts';
import { type ProviderAccount, startOidcProvider, type TestOidcProvider } from './oidc-provider.ts';

const PUBLIC_URL = 'https://klachten.example.nl';
const CALLBACK = `${PUBLIC_URL}/staff/sign-in/oidc/callback`;

describeEachDialect('single sign-on with OpenID Connect', (dialect) => {
  let t: TestApp;
  let provider: TestOidcProvider;
  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: CALLBACK });
    t = await createTestApp(dialect, {
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_DISPLAY_NAME: 'Loket3 Entra ID',
      },
    });
    await addStandardUsers(t);
    t.setNow('2026-04-30T09:00:00.000Z');
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const subjectOf = (sub: string) => `${provider.issuer}|${sub}`;

  async function storedSubject(key: string) {
    const row = await t.db.kysely
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', t.users[key]!.id)
      .executeTakeFirstOrThrow();
    return row.oidc_subject;
  }

  /** Starts at the app, signs in at the provider as `account`, and returns the app's answer to the callback. */
  async function viaProvider(browser: StaffBrowser, account: ProviderAccount, next = '/staff') {
    provider.signInAs(account);
    const start = await browser.get(`/staff/sign-in/oidc?next=${encodeURIComponent(next)}`);
    expect(start.statusCode).toBe(303);
    const back = new URL(await provider.follow(start.headers.location as string));
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    return browser.get(`${back.pathname}${back.search}`);
  }

  it('offers the button on the sign-in page', async () => {
    const page = await new StaffBrowser(t).get('/staff/sign-in?next=%2Fstaff%2Faccount');
    expect(page.body).toContain('href="/staff/sign-in/oidc?next=%2Fstaff%2Faccount"');
    expect(textOf(page.body)).toContain('Aanmelden met Loket3 Entra ID');
    expect(textOf((await new StaffBrowser(t).get('/staff/sign-in?lang=en')).body)).toContain(
      'Sign in with Loket3 Entra ID',
    );
  });

  it('sends the browser to the provider with PKCE, state and nonce, kept in a signed cookie for 10 minutes', async () => {
    const start = await new StaffBrowser(t).get('/staff/sign-in/oidc?next=%2Fstaff%2Faccount');
    expect(start.statusCode).toBe(303);
    const to = new URL(start.headers.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(
      Object.fromEntries(
        [...to.searchParams].filter(([k]) => !['state', 'nonce', 'code_challenge'].includes(k)),
      ),
    ).toEqual({
      client_id: 'verbeterpunt',
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge_method: 'S256',
    });
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookieSet(start, 'vp_oidc')).toMatchObject({
      path: '/staff/sign-in/oidc',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      maxAge: 600,
    });
  });

  it('links an existing user on first use by a verified email, then knows them by subject', async () => {
    await clearAudit(t);
    const browser = await signedInAs(t, 'handler');
    const before = browser.cookies.get('vp_staff')!;
    const answer = await viaProvider(
      browser,
      { sub: 'entra-0001', email: 'Handler@Loket3.example', email_verified: true, amr: ['pwd'] },
      '/staff/account',
    );
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/staff/account');
    expect(cookieSet(answer, 'vp_oidc')?.value).toBe('');
    // A new session (the one before is revoked), made by single sign-on.
    expect(browser.cookies.get('vp_staff')).not.toBe(before);
    const account = await browser.get('/staff/account');
    expect(account.statusCode).toBe(200);
    expect(textOf(account.body)).toContain('Eenmalige aanmelding');
    expect(await storedSubject('handler')).toBe(subjectOf('entra-0001'));

    // Later the provider knows another address for them: the subject decides.
    const later = await viaProvider(new StaffBrowser(t), {
      sub: 'entra-0001',
      email: 'ahmed@nieuw.example',
      email_verified: true,
    });
    expect(later.headers.location).toBe('/staff');
    expect(
      unordered((await auditTrail(t)).map(([action, label, details]) => [action, label, details])),
    ).toEqual(
      unordered([
        ['oidc_identity_linked', 'Ahmed El Amrani', { issuer: provider.issuer }],
        ['sign_in', 'Ahmed El Amrani', { method: 'oidc', stage: 'complete', providerMfa: false }],
        ['sign_in', 'Ahmed El Amrani', { method: 'oidc', stage: 'complete', providerMfa: false }],
      ]),
    );
  });

  it('creates no account: an unknown, unverified, inactive or already linked identity gets a clear page', async () => {
    await clearAudit(t);
    const cases: [ProviderAccount, string][] = [
      [
        { sub: 'entra-0002', email: 'onbekend@loket3.example', email_verified: true },
        'onbekend@loket3.example',
      ],
      [{ sub: 'entra-0003', email: 'coach@loket3.example', email_verified: false }, 'coach@loket3.example'],
      [{ sub: 'entra-0004' }, 'iemand zonder bevestigd e-mailadres'],
      // The handler is linked to entra-0001 already: another identity with their address does not take over.
      [
        { sub: 'entra-0005', email: 'handler@loket3.example', email_verified: true },
        'handler@loket3.example',
      ],
    ];
    for (const [account, who] of cases) {
      const answer = await viaProvider(new StaffBrowser(t), account);
      expect([account.sub, answer.statusCode]).toEqual([account.sub, 403]);
      const text = textOf(answer.body);
      expect(text).toContain('Geen account gevonden');
      expect(text).toContain(
        `U bent bij Loket3 Entra ID aangemeld als ${who}, maar in Verbeterpunt hoort daar geen actief account bij.`,
      );
      expect(cookieSet(answer, 'vp_staff')).toBeUndefined();
    }
    expect(await storedSubject('coach')).toBeNull();
    const users = await t.db.kysely.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).not.toContain('onbekend@loket3.example');

    await updateUser(t.db.kysely, t.users.handler!.id, { active: false });
    try {
      const inactive = await viaProvider(new StaffBrowser(t), { sub: 'entra-0001' });
      expect(inactive.statusCode).toBe(403);
    } finally {
      await updateUser(t.db.kysely, t.users.handler!.id, { active: true });
    }
    expect(unordered((await auditTrail(t)).map(([action, , d]) => [action, d.method, d.reason]))).toEqual(
      unordered([
        ['sign_in_failed', 'oidc', 'unknown_identity'],
        ['sign_in_failed', 'oidc', 'unknown_identity'],
        ['sign_in_failed', 'oidc', 'unknown_identity'],
        ['sign_in_failed', 'oidc', 'unknown_identity'],
        ['sign_in_failed', 'oidc', 'inactive'],
      ]),
    );
  });

  it("trusts the provider's MFA (amr) as the second factor; otherwise ours is asked", async () => {
    await clearAudit(t);
    const qm = { sub: 'entra-qm', email: 'qm@loket3.example', email_verified: true };
    const single = await viaProvider(new StaffBrowser(t), { ...qm, amr: ['pwd'] }, '/staff/account');
    expect(single.headers.location).toBe('/staff/account/two-factor?next=%2Fstaff%2Faccount');
    const multi = await viaProvider(new StaffBrowser(t), { ...qm, amr: ['pwd', 'mfa'] }, '/staff/account');
    expect(multi.headers.location).toBe('/staff/account');
    const kinds = await viaProvider(new StaffBrowser(t), { ...qm, amr: ['pwd', 'otp'] });
    expect(kinds.headers.location).toBe('/staff');

    // With our second factor set up, a sign-on without MFA asks for its code.
    await t.db.kysely
      .updateTable('users')
      .set({ totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totp_enabled_at: '2026-04-01T00:00:00.000Z' })
      .where('id', '=', t.users.qm!.id)
      .execute();
    const owed = await viaProvider(new StaffBrowser(t), { ...qm, amr: ['pwd'] });
    expect(owed.headers.location).toBe('/staff/sign-in/second-factor?next=%2Fstaff');
    expect(
      unordered((await auditTrail(t, { action: 'sign_in_password_ok' })).map(([, , d]) => d)).concat(
        unordered((await auditTrail(t, { action: 'sign_in' })).map(([, , d]) => d)),
      ),
    ).toEqual([
      { method: 'oidc', stage: 'enrol_second_factor', providerMfa: false },
      { method: 'oidc', stage: 'second_factor', providerMfa: false },
      { method: 'oidc', stage: 'complete', providerMfa: true },
      { method: 'oidc', stage: 'complete', providerMfa: true },
    ]);
  });

  it('refuses a callback without its cookie, too late, with another state, replayed, or with an error', async () => {
    const account = { sub: 'entra-coach', email: 'coach@loket3.example', email_verified: true };

    // No cookie: another browser, or the cookie expired.
    provider.signInAs(account);
    const starter = new StaffBrowser(t);
    const start = await starter.get('/staff/sign-in/oidc');
    const back = new URL(await provider.follow(start.headers.location as string));
    const stranger = await new StaffBrowser(t).get(`${back.pathname}${back.search}`);
    expect(stranger.statusCode).toBe(400);
    expect(textOf(stranger.body)).toContain('Het aanmelden duurde te lang, of begon in een ander venster.');

    // Too late: more than 10 minutes on the app's clock.
    t.setNow('2026-04-30T09:10:01.000Z');
    const late = await starter.get(`${back.pathname}${back.search}`);
    expect(late.statusCode).toBe(400);
    t.setNow('2026-04-30T09:00:00.000Z');

    // The state of another attempt.
    const first = new StaffBrowser(t);
    provider.signInAs(account);
    const firstStart = await first.get('/staff/sign-in/oidc');
    const firstBack = new URL(await provider.follow(firstStart.headers.location as string));
    await first.get('/staff/sign-in/oidc');
    const mixed = await first.get(`${firstBack.pathname}${firstBack.search}`);
    expect(mixed.statusCode).toBe(401);
    expect(textOf(mixed.body)).toContain('Aanmelden via Loket3 Entra ID is niet gelukt.');

    // A callback that worked does not work twice.
    const once = new StaffBrowser(t);
    provider.signInAs(account);
    const onceStart = await once.get('/staff/sign-in/oidc');
    const onceBack = new URL(await provider.follow(onceStart.headers.location as string));
    const callback = `${onceBack.pathname}${onceBack.search}`;
    expect((await once.get(callback)).statusCode).toBe(303);
    expect((await once.get(callback)).statusCode).toBe(400);
    // Even with the cookie of a new attempt, the old code is refused (its state belongs to the old one).
    await once.get('/staff/sign-in/oidc');
    expect((await once.get(callback)).statusCode).toBe(401);

    // The provider says no (the person cancelled).
    const cancel = new StaffBrowser(t);
    const cancelled = await cancel.get('/staff/sign-in/oidc');
    const state = new URL(cancelled.headers.location as string).searchParams.get('state');
    const refused = await cancel.get(`/staff/sign-in/oidc/callback?error=access_denied&state=${state}`);
    expect(refused.statusCode).toBe(401);
    expect(textOf(refused.body)).toContain('Aanmelden via Loket3 Entra ID is niet gelukt.');
  });

  it('a partly signed-in session cannot start a second sign-in into another account', async () => {
    const now = t.deps.now();
    const { token } = await createStaffSession(t.db.kysely, {
      userId: t.users.advisor!.id,
      stage: 'second_factor',
      method: 'password',
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: null,
    });
    const browser = new StaffBrowser(t);
    browser.cookies.set('vp_staff', token);
    const answer = await viaProvider(browser, {
      sub: 'entra-coach',
      email: 'coach@loket3.example',
      email_verified: true,
    });
    expect(answer.statusCode).toBe(303);
    // The advisor's half session is gone; the browser is the coach's now.
    const stale = new StaffBrowser(t);
    stale.cookies.set('vp_staff', token);
    expect((await stale.get('/staff/sign-in/second-factor')).headers.location).toBe(
      '/staff/sign-in?next=%2Fstaff%2Fsign-in%2Fsecond-factor',
    );
    expect(textOf((await browser.get('/staff/account')).body)).toContain('Jeroen Bakker');
  });
});
