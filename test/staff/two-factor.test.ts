/**
 * The second factor through inject on SQLite and PostgreSQL: setting it up with the QR code and a first code
 * (owed by the quality manager's role, or by choice), the step after the password with codes computed here
 * at the test's clock, never the same code twice, back-off and lockout shared with the password, recovery
 * codes, new codes, turning it off (refused while a role requires it), and the audit log.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { auditTrail, clearAudit, cookieSet, countersOf, totpAt, unordered } from './auth-helpers.ts';
import { emailOf, givePasswords, PASSWORD, StaffBrowser, signedInAs } from './helpers.ts';

const T0 = '2026-04-30T09:00:00.000Z';
/** 1777539600 s since 1970 / 30 s. */
const STEP_T0 = 59251320;

/** The key as the enrolment page shows it for typing by hand. */
function secretOn(html: string): string {
  const match = html.match(/id="totp-secret">([A-Z2-7 ]+)</);
  if (!match) throw new Error('No key on the page');
  return match[1]!.replace(/ /g, '');
}

const codesOn = (html: string): string[] =>
  [...html.matchAll(/<li><code>([0-9a-z-]+)<\/code><\/li>/g)].map((m) => m[1]!);

async function totpRow(t: TestApp, key: string) {
  const row = await t.db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', t.users[key]!.id)
    .executeTakeFirstOrThrow();
  return {
    secret: row.totp_secret,
    enabledAt: row.totp_enabled_at === null ? null : new Date(row.totp_enabled_at).toISOString(),
    lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

describeEachDialect(
  'two-step verification owed by the role: set up, then asked at every sign-in',
  (dialect) => {
    let t: TestApp;
    let secret = '';
    let recoveryCodes: string[] = [];
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await addStandardUsers(t);
      await givePasswords(t);
    });
    afterAll(() => t.close());

    it('sets it up with the QR code and a first code; only then is the sign-in complete, under a new cookie', async () => {
      t.setNow(T0);
      await clearAudit(t);
      const browser = new StaffBrowser(t);
      const signIn = await browser.signIn(emailOf('qm'), PASSWORD, '/staff/account');
      expect(signIn.headers.location).toBe('/staff/account/two-factor?next=%2Fstaff%2Faccount');
      const halfway = browser.cookies.get('vp_staff')!;

      const page = await browser.get('/staff/account/two-factor?next=%2Fstaff%2Faccount');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const text = textOf(page.body);
      expect(text).toContain('Tweestapsverificatie instellen');
      expect(text).toContain('Uw rol vraagt om een tweede stap bij het aanmelden');
      expect(page.body).toMatch(
        /<div class="vp-qr" role="img" aria-label="QR-code om Verbeterpunt aan uw authenticator-app toe te voegen"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="232" height="232" viewBox="0 0 \d+ \d+" shape-rendering="crispEdges"><path fill="#ffffff"/,
      );
      expect(page.body).not.toMatch(/<script|style="/);
      secret = secretOn(page.body);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(page.body).toContain(
        `otpauth://totp/Verbeterpunt%20(Loket3):qm%40loket3.example?secret=${secret}&amp;issuer=Verbeterpunt%20(Loket3)`,
      );
      // No menus until the sign-in is complete: they would only lead back here. Signing out is offered.
      expect(page.body).not.toContain('aria-label="Hoofdmenu"');
      expect(page.body).toContain('action="/staff/sign-out"');
      // Not in force yet: the secret is pending.
      expect(await totpRow(t, 'qm')).toEqual({ secret, enabledAt: null, lastStep: null });
      // A reload shows the same key (the app may have scanned it already).
      expect(secretOn((await browser.get('/staff/account/two-factor')).body)).toBe(secret);
      // Nothing else opens meanwhile.
      expect((await browser.get('/staff/account')).headers.location).toBe('/staff/account/two-factor');

      const empty = await browser.post('/staff/account/two-factor', { code: '', next: '/staff/account' });
      expect(empty.statusCode).toBe(400);
      expect(textOf(empty.body)).toContain('Vul de code van 6 cijfers uit uw app in.');
      const letters = await browser.post('/staff/account/two-factor', {
        code: '12a456',
        next: '/staff/account',
      });
      expect(textOf(letters.body)).toContain('Vul de 6 cijfers uit uw app in, zonder letters.');
      const wrong = await browser.post('/staff/account/two-factor', {
        code: (await totpAt(secret, '2026-04-30T09:05:00.000Z')) as string,
        next: '/staff/account',
      });
      expect(wrong.statusCode).toBe(400);
      expect(textOf(wrong.body)).toContain('Deze code klopt niet.');
      expect((await totpRow(t, 'qm')).enabledAt).toBeNull();

      const confirmed = await browser.post('/staff/account/two-factor', {
        code: await totpAt(secret, T0),
        next: '/staff/account',
      });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.headers['cache-control']).toBe('no-store');
      expect(textOf(confirmed.body)).toContain('Tweestapsverificatie staat aan.');
      recoveryCodes = codesOn(confirmed.body);
      expect(recoveryCodes).toHaveLength(10);
      for (const code of recoveryCodes)
        expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect(confirmed.body).toContain('href="/staff/account"');
      expect(await totpRow(t, 'qm')).toEqual({ secret, enabledAt: T0, lastStep: STEP_T0 });

      // Rotated: the half-way cookie is dead, the new one is a complete sign-in.
      const rotated = cookieSet(confirmed, 'vp_staff')!;
      expect(rotated.value).not.toBe(halfway);
      expect(rotated).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/staff' });
      expect((await browser.get('/staff/account')).statusCode).toBe(200);
      const stale = new StaffBrowser(t);
      stale.cookies.set('vp_staff', halfway);
      expect((await stale.get('/staff/account')).statusCode).toBe(303);

      // Only hashes are stored.
      const stored = await t.db.kysely.selectFrom('two_factor_recovery_codes').select('code_hash').execute();
      expect(stored).toHaveLength(10);
      expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));

      expect(unordered(await auditTrail(t))).toEqual(
        unordered([
          ['sign_in_password_ok', 'Petra de Vries', { method: 'password', stage: 'enrol_second_factor' }],
          ['two_factor_confirmation_failed', 'Petra de Vries', {}],
          ['two_factor_enabled', 'Petra de Vries', { recoveryCodes: 10 }],
          ['sign_in', 'Petra de Vries', { method: 'password', stage: 'complete', secondFactor: 'enrolled' }],
        ]),
      );
    });

    it('asks the code after the password, and never accepts one code twice', async () => {
      t.setNow('2026-04-30T09:00:10.000Z');
      await clearAudit(t);
      const browser = new StaffBrowser(t);
      const signIn = await browser.signIn(emailOf('qm'), PASSWORD, '/staff/account?lang=en');
      expect(signIn.headers.location).toBe(
        '/staff/sign-in/second-factor?next=%2Fstaff%2Faccount%3Flang%3Den',
      );
      expect((await browser.get('/staff/account')).headers.location).toBe('/staff/sign-in/second-factor');
      const page = await browser.get('/staff/sign-in/second-factor?next=%2Fstaff%2Faccount%3Flang%3Den');
      expect(page.statusCode).toBe(200);
      expect(textOf(page.body)).toContain('Tweede stap: de code uit uw app');
      expect(page.body).toContain('autoComplete="one-time-code"');
      expect(page.body).not.toContain('aria-label="Hoofdmenu"');

      // The code of the step that confirmed the set-up was used already.
      const replay = await browser.post('/staff/sign-in/second-factor', {
        code: await totpAt(secret, T0),
        next: '/staff/account?lang=en',
      });
      expect(replay.statusCode).toBe(401);
      expect(textOf(replay.body)).toContain('Deze code klopt niet of is al gebruikt.');

      t.setNow('2026-04-30T09:00:31.000Z');
      const halfway = browser.cookies.get('vp_staff')!;
      const code = await totpAt(secret, '2026-04-30T09:00:31.000Z');
      const ok = await browser.post('/staff/sign-in/second-factor', { code, next: '/staff/account?lang=en' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/staff/account?lang=en');
      expect(browser.cookies.get('vp_staff')).not.toBe(halfway);
      expect((await browser.get('/staff/account')).statusCode).toBe(200);
      expect((await totpRow(t, 'qm')).lastStep).toBe(STEP_T0 + 1);

      // The same code again, on another device at the same moment: refused.
      const other = new StaffBrowser(t);
      await other.signIn(emailOf('qm'));
      await other.get('/staff/sign-in/second-factor');
      const again = await other.post('/staff/sign-in/second-factor', { code, next: '/staff' });
      expect(again.statusCode).toBe(401);
      // The previous step's code, within the tolerance of one step, is older than the last used: refused too.
      const older = await other.post('/staff/sign-in/second-factor', {
        code: await totpAt(secret, T0),
        next: '/staff',
      });
      expect(older.statusCode).toBe(401);

      expect(unordered((await auditTrail(t)).map(([action, , details]) => [action, details]))).toEqual(
        unordered([
          ['sign_in_password_ok', { method: 'password', stage: 'second_factor' }],
          ['second_factor_failed', { failures: 1, lockedUntil: null }],
          ['sign_in', { method: 'password', stage: 'complete', secondFactor: 'totp' }],
          ['sign_in_password_ok', { method: 'password', stage: 'second_factor' }],
          ['second_factor_failed', { failures: 1, lockedUntil: null }],
          ['second_factor_failed', { failures: 2, lockedUntil: null }],
        ]),
      );
    });

    it('takes a recovery code once, typed in any case and with spaces', async () => {
      t.setNow('2026-04-30T09:10:00.000Z');
      const browser = new StaffBrowser(t);
      await browser.signIn(emailOf('qm'));
      await browser.get('/staff/sign-in/second-factor');
      const typed = recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ');
      const ok = await browser.post('/staff/sign-in/second-factor', { code: typed, next: '/staff/account' });
      expect(ok.statusCode).toBe(303);
      const manage = await browser.get('/staff/account/two-factor');
      expect(textOf(manage.body)).toContain('U heeft nog 9 ongebruikte herstelcodes.');

      t.setNow('2026-04-30T09:10:10.000Z');
      const other = new StaffBrowser(t);
      await other.signIn(emailOf('qm'));
      await other.get('/staff/sign-in/second-factor');
      const reused = await other.post('/staff/sign-in/second-factor', {
        code: recoveryCodes[0]!,
        next: '/staff',
      });
      expect(reused.statusCode).toBe(401);
      const second = await other.post('/staff/sign-in/second-factor', {
        code: recoveryCodes[1]!,
        next: '/staff',
      });
      expect(second.statusCode).toBe(303);
      expect(await auditTrail(t, { action: 'sign_in' }).then((a) => a.at(-1))).toEqual([
        'sign_in',
        'Petra de Vries',
        { method: 'password', stage: 'complete', secondFactor: 'recovery_code' },
      ]);
    });

    it('makes new recovery codes with the password; the old ones stop working', async () => {
      t.setNow('2026-04-30T09:20:00.000Z');
      const browser = await signedInAs(t, 'qm');
      await browser.get('/staff/account/two-factor');
      const wrong = await browser.post('/staff/account/two-factor/recovery-codes', {
        password: 'not my password',
      });
      expect(wrong.statusCode).toBe(400);
      expect(textOf(wrong.body)).toContain('Dit wachtwoord klopt niet.');
      expect(wrong.body).toContain('href="#field-renew-password"');
      const renewed = await browser.post('/staff/account/two-factor/recovery-codes', { password: PASSWORD });
      expect(renewed.statusCode).toBe(200);
      expect(textOf(renewed.body)).toContain(
        'Er zijn nieuwe herstelcodes gemaakt. De oude werken niet meer.',
      );
      const fresh = codesOn(renewed.body);
      expect(fresh).toHaveLength(10);
      expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);

      t.setNow('2026-04-30T09:20:10.000Z');
      const other = new StaffBrowser(t);
      await other.signIn(emailOf('qm'));
      await other.get('/staff/sign-in/second-factor');
      expect(
        (await other.post('/staff/sign-in/second-factor', { code: recoveryCodes[5]!, next: '/staff' }))
          .statusCode,
      ).toBe(401);
      expect(
        (await other.post('/staff/sign-in/second-factor', { code: fresh[5]!, next: '/staff' })).statusCode,
      ).toBe(303);
    });

    it('cannot be turned off while the role requires it (409)', async () => {
      t.setNow('2026-04-30T09:30:00.000Z');
      const browser = await signedInAs(t, 'qm');
      const manage = await browser.get('/staff/account/two-factor');
      expect(textOf(manage.body)).toContain(
        'Uw rol vraagt om tweestapsverificatie: u kunt die niet uitzetten.',
      );
      expect(manage.body).not.toContain('action="/staff/account/two-factor/remove"');
      const refused = await browser.post('/staff/account/two-factor/remove', { password: PASSWORD });
      expect(refused.statusCode).toBe(409);
      expect((await totpRow(t, 'qm')).enabledAt).toBe(T0);
    });
  },
);

describeEachDialect('wrong codes: the same back-off and lockout as passwords', (dialect) => {
  let t: TestApp;
  let secret = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
    t.setNow(T0);
    const browser = await signedInAs(t, 'handler');
    secret = secretOn((await browser.get('/staff/account/two-factor')).body);
    const on = await browser.post('/staff/account/two-factor', { code: await totpAt(secret, T0) });
    expect(on.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  async function halfSignedIn(at: string) {
    t.setNow(at);
    const browser = new StaffBrowser(t);
    expect((await browser.signIn(emailOf('handler'))).headers.location).toBe(
      '/staff/sign-in/second-factor?next=%2Fstaff',
    );
    await browser.get('/staff/sign-in/second-factor');
    return browser;
  }

  it('a correct password does not reset the count of wrong codes', async () => {
    const first = await halfSignedIn('2026-04-30T10:00:00.000Z');
    for (let i = 0; i < 2; i++)
      expect((await first.post('/staff/sign-in/second-factor', { code: '000000' })).statusCode).toBe(401);
    const second = await halfSignedIn('2026-04-30T10:00:00.000Z');
    expect(await countersOf(t, t.users.handler!.id)).toMatchObject({ failedSignIns: 2 });
    expect((await second.post('/staff/sign-in/second-factor', { code: '000000' })).statusCode).toBe(401);
    const wait = await second.post('/staff/sign-in/second-factor', { code: '000000' });
    expect(wait.statusCode).toBe(429);
    expect(textOf(wait.body)).toContain('Probeer het over 2 seconden opnieuw.');
  });

  it('locks at the 5th failure: the half-signed-in session ends, and the password is refused too', async () => {
    const browser = await halfSignedIn('2026-04-30T10:00:02.000Z');
    const halfway = browser.cookies.get('vp_staff')!;
    expect((await browser.post('/staff/sign-in/second-factor', { code: '000000' })).statusCode).toBe(401);
    t.setNow('2026-04-30T10:00:06.000Z');
    const locked = await browser.post('/staff/sign-in/second-factor', { code: '000000', next: '/staff' });
    expect(locked.statusCode).toBe(423);
    expect(textOf(locked.body)).toContain('Dit account is 15 minuten geblokkeerd.');
    expect(textOf(locked.body)).toContain('Aanmelden');
    expect(cookieSet(locked, 'vp_staff')?.value).toBe('');
    const stale = new StaffBrowser(t);
    stale.cookies.set('vp_staff', halfway);
    expect((await stale.get('/staff/sign-in/second-factor')).headers.location).toBe(
      '/staff/sign-in?next=%2Fstaff%2Fsign-in%2Fsecond-factor',
    );
    expect(await countersOf(t, t.users.handler!.id)).toEqual({
      failedSignIns: 5,
      lastFailedAt: '2026-04-30T10:00:06.000Z',
      lockedUntil: '2026-04-30T10:15:06.000Z',
    });
    // Even the right code and the right password wait for the lock.
    expect((await new StaffBrowser(t).signIn(emailOf('handler'))).statusCode).toBe(423);

    // After the lock: password, then the right code, and the counters are cleared.
    const after = await halfSignedIn('2026-04-30T10:15:06.000Z');
    const ok = await after.post('/staff/sign-in/second-factor', {
      code: await totpAt(secret, '2026-04-30T10:15:06.000Z'),
    });
    expect(ok.statusCode).toBe(303);
    expect(await countersOf(t, t.users.handler!.id)).toEqual({
      failedSignIns: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
  });

  it('set up by choice, it is turned off with the password; then a password alone signs in', async () => {
    t.setNow('2026-04-30T11:00:00.000Z');
    const browser = await signedInAs(t, 'handler');
    const manage = await browser.get('/staff/account/two-factor');
    expect(textOf(manage.body)).toContain('Tweestapsverificatie staat aan sinds 30 apr 2026 11:00.');
    expect(manage.body).toContain('aria-label="Hoofdmenu"');
    const wrong = await browser.post('/staff/account/two-factor/remove', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#field-remove-password"');
    const removed = await browser.post('/staff/account/two-factor/remove', { password: PASSWORD });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/staff/account?done=two-factor-removed');
    expect(await totpRow(t, 'handler')).toEqual({ secret: null, enabledAt: null, lastStep: null });
    const codes = await t.db.kysely.selectFrom('two_factor_recovery_codes').selectAll().execute();
    expect(codes).toEqual([]);
    const signIn = await new StaffBrowser(t).signIn(emailOf('handler'));
    expect(signIn.headers.location).toBe('/staff');
    expect((await auditTrail(t, { action: 'two_factor_removed' })).length).toBe(1);
  });
});

describeEachDialect('which roles must use it comes from the settings', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        (s.security as Record<string, unknown>).twoFactorRequiredForRoles = ['handler'];
      },
    });
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  it('a handler must set it up; a quality manager need not', async () => {
    t.setNow(T0);
    expect((await new StaffBrowser(t).signIn(emailOf('handler2'))).headers.location).toBe(
      '/staff/account/two-factor?next=%2Fstaff',
    );
    expect((await new StaffBrowser(t).signIn(emailOf('qm'))).headers.location).toBe('/staff');
  });

  it('a complete session does not open the step pages: they send to /staff', async () => {
    const browser = await signedInAs(t, 'advisor');
    expect((await browser.get('/staff/sign-in/second-factor')).headers.location).toBe('/staff');
    // Setting it up by choice is open to a complete session.
    expect((await browser.get('/staff/account/two-factor')).statusCode).toBe(200);
  });
});
