/**
 * Signing in to the staff workspace through inject, as a browser without JavaScript, on SQLite and
 * PostgreSQL: the cookie, `next`, rotation, the same answer for a wrong password and an unknown address,
 * back-off and lockout on the test's clock, timeouts from the settings, signing out (here and everywhere),
 * deactivation, CSRF, and the audit log of every outcome.
 *
 * The sign-in form is rate limited per address (30 a minute); each group has an app of its own so that
 * its attempts stay below that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { updateUser } from '../../src/db/repositories/users.ts';
import { safeNext } from '../../src/http/staff/session.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { auditTrail, clearAudit, cookieSet, countersOf, pageText, unordered } from './auth-helpers.ts';
import { emailOf, givePasswords, PASSWORD, StaffBrowser, signedInAs } from './helpers.ts';

const T0 = '2026-04-30T09:00:00.000Z';

describe('safeNext: only a staff page of this site', () => {
  it.each([
    ['/staff/account', '/staff/account'],
    ['/staff/account?lang=en', '/staff/account?lang=en'],
    ['/staff', '/staff'],
    ['/staff?lang=en', '/staff?lang=en'],
    ['/staff/complaints/VP-2026-00001', '/staff/complaints/VP-2026-00001'],
    ['https://evil.example/staff', '/staff'],
    ['//evil.example/staff', '/staff'],
    ['/\\evil.example', '/staff'],
    ['/staff/../api/v1/staff/complaints', '/staff'],
    ['/staff/%2e%2e/follow-up', '/staff'],
    ['/staffing', '/staff'],
    ['/api/v1/staff/complaints', '/staff'],
    ['/staff/\r\nSet-Cookie: x=1', '/staff'],
    ['staff/account', '/staff'],
    ['', '/staff'],
    [undefined, '/staff'],
  ])('%j → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describeEachDialect('signing in with email and password', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  it('signs in and goes to `next` (303) with an HttpOnly, SameSite=Lax, Secure cookie for /staff only', async () => {
    t.setNow(T0);
    await clearAudit(t);
    const browser = new StaffBrowser(t);
    const response = await browser.signIn(emailOf('handler'), PASSWORD, '/staff/account?lang=en');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/account?lang=en');
    const cookie = cookieSet(response, 'vp_staff');
    expect(cookie).toMatchObject({ path: '/staff', httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A cookie for the browser's session only: no Max-Age or Expires (the server ends it).
    expect(cookie?.maxAge).toBeUndefined();
    expect(cookie?.expires).toBeUndefined();

    const account = await browser.get('/staff/account');
    expect(account.statusCode).toBe(200);
    expect(textOf(account.body)).toContain('Ahmed El Amrani');
    expect(await auditTrail(t)).toEqual([
      ['sign_in', 'Ahmed El Amrani', { method: 'password', stage: 'complete' }],
    ]);
  });

  it('goes to a safe `next` only: another site, or a page outside /staff, sends to /staff', async () => {
    t.setNow(T0);
    for (const [next, location] of [
      ['https://evil.example/', '/staff'],
      ['/staff/../api/v1/staff/complaints', '/staff'],
    ] as const) {
      const response = await new StaffBrowser(t).signIn(emailOf('handler'), PASSWORD, next);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(location);
    }
  });

  it('rotates the session: the cookie sent before signing in no longer works afterwards', async () => {
    t.setNow(T0);
    const browser = await signedInAs(t, 'handler2');
    const before = browser.cookies.get('vp_staff')!;
    expect((await browser.get('/staff/account')).statusCode).toBe(200);

    // Signed in already, the sign-in page sends on; the form is posted again (another tab, or Back).
    const response = await browser.post('/staff/sign-in', { email: emailOf('handler2'), password: PASSWORD });
    expect(response.statusCode).toBe(303);
    const after = browser.cookies.get('vp_staff')!;
    expect(after).not.toBe(before);
    expect((await browser.get('/staff/account')).statusCode).toBe(200);

    const stale = new StaffBrowser(t);
    stale.cookies.set('vp_staff', before);
    const refused = await stale.get('/staff/account');
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount');
  });

  it('a user whose role requires a second factor is sent to set it up, and the audit log says so', async () => {
    t.setNow(T0);
    await clearAudit(t);
    const browser = new StaffBrowser(t);
    const response = await browser.signIn(emailOf('qm'), PASSWORD, '/staff/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/account/two-factor?next=%2Fstaff%2Faccount');
    // Nothing else opens until it is set up.
    const elsewhere = await browser.get('/staff/account');
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe('/staff/account/two-factor');
    expect(await auditTrail(t)).toEqual([
      ['sign_in_password_ok', 'Petra de Vries', { method: 'password', stage: 'enrol_second_factor' }],
    ]);
  });

  it('a deactivated user cannot sign in, and their open session stops at once', async () => {
    t.setNow(T0);
    const browser = await signedInAs(t, 'advisor');
    expect((await browser.get('/staff/account')).statusCode).toBe(200);
    await updateUser(t.db.kysely, t.users.advisor!.id, { active: false });
    try {
      const page = await browser.get('/staff/account');
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount');
      const again = await new StaffBrowser(t).signIn(emailOf('advisor'));
      expect(again.statusCode).toBe(401);
      expect(textOf(again.body)).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    } finally {
      await updateUser(t.db.kysely, t.users.advisor!.id, { active: true });
    }
  });

  it('without single sign-on configured: no button, and its address is like any unknown staff page', async () => {
    const page = await new StaffBrowser(t).get('/staff/sign-in');
    expect(page.body).not.toContain('/staff/sign-in/oidc');
    expect(textOf(page.body)).not.toContain('Aanmelden met');
    const start = await new StaffBrowser(t).get('/staff/sign-in/oidc');
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Fsign-in%2Foidc');
    expect((await (await signedInAs(t, 'handler')).get('/staff/sign-in/oidc')).statusCode).toBe(404);
  });

  it('asks for both fields, keeping the email typed (400)', async () => {
    const browser = new StaffBrowser(t);
    const page = await browser.get('/staff/sign-in');
    const response = await browser.post('/staff/sign-in', { email: 'petra@loket3.example', password: '' });
    expect(page.statusCode).toBe(200);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Vul uw wachtwoord in.');
    expect(response.body).toContain('value="petra@loket3.example"');
    expect(response.body).toContain('href="#field-password"');
  });
});

describeEachDialect(
  'the same answer for a wrong password and an unknown address; back-off and lockout',
  (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await addStandardUsers(t);
      await givePasswords(t);
    });
    afterAll(() => t.close());

    /** One wrong attempt for a real account and one for an address without an account, at the same instant. */
    async function both(at: string) {
      t.setNow(at);
      const known = await new StaffBrowser(t).signIn(emailOf('handler'), 'wrong password 123');
      const unknown = await new StaffBrowser(t).signIn('nobody@loket3.example', 'wrong password 123');
      const text = (body: string, email: string) => pageText(body).replace(email, '<email>');
      expect(text(unknown.body, 'nobody@loket3.example')).toBe(text(known.body, emailOf('handler')));
      expect(unknown.statusCode).toBe(known.statusCode);
      return { status: known.statusCode, text: textOf(known.body) };
    }

    it('answers alike for every attempt: 401, then waits of 2 s and 4 s, then a lock of 15 minutes', async () => {
      await clearAudit(t);
      const steps: [string, number, string][] = [
        ['2026-04-30T09:00:00.000Z', 401, 'Het e-mailadres of het wachtwoord klopt niet.'],
        ['2026-04-30T09:00:00.000Z', 401, 'Het e-mailadres of het wachtwoord klopt niet.'],
        ['2026-04-30T09:00:00.000Z', 401, 'Het e-mailadres of het wachtwoord klopt niet.'],
        // After the 3rd failure: wait 2 s. An attempt within it is refused and not counted.
        ['2026-04-30T09:00:00.000Z', 429, 'Probeer het over 2 seconden opnieuw.'],
        ['2026-04-30T09:00:02.000Z', 401, 'Het e-mailadres of het wachtwoord klopt niet.'],
        // After the 4th: wait 4 s.
        ['2026-04-30T09:00:04.000Z', 429, 'Probeer het over 2 seconden opnieuw.'],
        ['2026-04-30T09:00:06.000Z', 423, 'Dit account is 15 minuten geblokkeerd.'],
        // During the lock nothing is counted, also not with the right password.
        ['2026-04-30T09:10:06.000Z', 423, 'Dit account is 5 minuten geblokkeerd.'],
      ];
      for (const [at, status, text] of steps) {
        const answer = await both(at);
        expect([at, answer.status]).toEqual([at, status]);
        expect(answer.text).toContain(text);
      }
      t.setNow('2026-04-30T09:10:06.000Z');
      expect((await new StaffBrowser(t).signIn(emailOf('handler'))).statusCode).toBe(423);
      expect(await countersOf(t, t.users.handler!.id)).toEqual({
        failedSignIns: 5,
        lastFailedAt: '2026-04-30T09:00:06.000Z',
        lockedUntil: '2026-04-30T09:15:06.000Z',
      });

      const handler = await auditTrail(t, { actorId: t.users.handler!.id });
      expect(unordered(handler.map(([action, , details]) => [action, details]))).toEqual(
        unordered([
          ['sign_in_failed', { failures: 1, lockedUntil: null }],
          ['sign_in_failed', { failures: 2, lockedUntil: null }],
          ['sign_in_failed', { failures: 3, lockedUntil: null }],
          ['sign_in_refused', { reason: 'backoff', until: '2026-04-30T09:00:02.000Z' }],
          ['sign_in_failed', { failures: 4, lockedUntil: null }],
          ['sign_in_refused', { reason: 'backoff', until: '2026-04-30T09:00:06.000Z' }],
          ['sign_in_failed', { failures: 5, lockedUntil: '2026-04-30T09:15:06.000Z' }],
          ['sign_in_refused', { reason: 'locked', until: '2026-04-30T09:15:06.000Z' }],
          ['sign_in_refused', { reason: 'locked', until: '2026-04-30T09:15:06.000Z' }],
        ]),
      );
      // Attempts with an unknown address are logged without an actor, and without the address typed.
      const anonymous = (await auditTrail(t)).filter(([, label]) => label === 'unknown');
      expect(
        unordered(
          anonymous.map(([action, , details]) => [
            action,
            details.account,
            details.failures ?? details.reason,
          ]),
        ),
      ).toEqual(
        unordered([
          ['sign_in_failed', 'unknown', 1],
          ['sign_in_failed', 'unknown', 2],
          ['sign_in_failed', 'unknown', 3],
          ['sign_in_refused', 'unknown', 'backoff'],
          ['sign_in_failed', 'unknown', 4],
          ['sign_in_refused', 'unknown', 'backoff'],
          ['sign_in_failed', 'unknown', 5],
          ['sign_in_refused', 'unknown', 'locked'],
        ]),
      );
      const rows = await t.db.kysely.selectFrom('audit_log').select('details').execute();
      expect(JSON.stringify(rows)).not.toContain('nobody@loket3.example');
    });

    it('after a lock, 5 more failures lock for twice as long (30 minutes)', async () => {
      // Continues from the lock above, which ends at 09:15:06.
      const steps: [string, number, string][] = [
        ['2026-04-30T09:15:06.000Z', 401, 'klopt niet'],
        ['2026-04-30T09:15:06.000Z', 401, 'klopt niet'],
        ['2026-04-30T09:15:06.000Z', 401, 'klopt niet'],
        ['2026-04-30T09:15:06.000Z', 401, 'klopt niet'],
        ['2026-04-30T09:15:06.000Z', 423, 'Dit account is 30 minuten geblokkeerd.'],
      ];
      for (const [at, status, text] of steps) {
        const answer = await both(at);
        expect([at, answer.status]).toEqual([at, status]);
        expect(answer.text).toContain(text);
      }
      expect(await countersOf(t, t.users.handler!.id)).toEqual({
        failedSignIns: 10,
        lastFailedAt: '2026-04-30T09:15:06.000Z',
        lockedUntil: '2026-04-30T09:45:06.000Z',
      });
    });
  },
);

describeEachDialect('guesses sent at the same moment', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  it('are counted one by one: 3 are checked, the other 7 meet the back-off', async () => {
    t.setNow(T0);
    const browsers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const browser = new StaffBrowser(t);
        await browser.get('/staff/sign-in');
        return browser;
      }),
    );
    const answers = await Promise.all(
      browsers.map((b) =>
        b.post('/staff/sign-in', { email: emailOf('handler2'), password: 'guess 1234567' }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect((await countersOf(t, t.users.handler2!.id)).failedSignIns).toBe(3);
  });

  it('a success clears the counters', async () => {
    const browser = new StaffBrowser(t);
    t.setNow('2026-04-30T10:00:00.000Z');
    for (let i = 0; i < 3; i++)
      expect((await browser.signIn(emailOf('coach'), 'not it at all')).statusCode).toBe(401);
    t.setNow('2026-04-30T10:00:02.000Z');
    expect((await browser.signIn(emailOf('coach'))).statusCode).toBe(303);
    expect(await countersOf(t, t.users.coach!.id)).toEqual({
      failedSignIns: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
    // So the next failure is the first again, without a wait.
    expect((await new StaffBrowser(t).signIn(emailOf('coach'), 'not it at all')).statusCode).toBe(401);
    expect((await countersOf(t, t.users.coach!.id)).failedSignIns).toBe(1);
  });
});

describeEachDialect('sessions: timeouts from the settings, signing out', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { PUBLIC_URL: 'http://klachten.example.nl' },
      settings: (s) => {
        (s.security as Record<string, unknown>).sessionIdleMinutes = 10;
        (s.security as Record<string, unknown>).sessionMaxHours = 2;
      },
    });
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  it('behind plain http the cookie is not Secure', async () => {
    t.setNow(T0);
    const response = await new StaffBrowser(t).signIn(emailOf('handler'));
    expect(cookieSet(response, 'vp_staff')).toMatchObject({
      path: '/staff',
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookieSet(response, 'vp_staff')?.secure).toBeUndefined();
  });

  it('ends a session after sessionIdleMinutes (10) without a request, and says so', async () => {
    await clearAudit(t);
    t.setNow('2026-04-30T09:00:00.000Z');
    const browser = new StaffBrowser(t);
    await browser.signIn(emailOf('handler'));
    for (const at of ['2026-04-30T09:09:59.000Z', '2026-04-30T09:19:58.000Z']) {
      t.setNow(at);
      expect([at, (await browser.get('/staff/account')).statusCode]).toEqual([at, 200]);
    }
    t.setNow('2026-04-30T09:30:00.000Z');
    const expired = await browser.get('/staff/account');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount&expired=1');
    const signIn = await browser.get(expired.headers.location as string);
    expect(textOf(signIn.body)).toContain('Uw sessie is verlopen. Meld u opnieuw aan.');
    // Said once: the session is gone now.
    const later = await browser.get('/staff/account');
    expect(later.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount');
    expect((await auditTrail(t)).map(([action, , details]) => [action, details])).toEqual([
      ['sign_in', { method: 'password', stage: 'complete' }],
      ['session_expired', { timeout: 'idle' }],
    ]);
  });

  it('ends a session sessionMaxHours (2) after signing in, however active', async () => {
    await clearAudit(t);
    t.setNow('2026-04-30T11:00:00.000Z');
    const browser = new StaffBrowser(t);
    await browser.signIn(emailOf('handler'));
    for (let minutes = 9; minutes < 120; minutes += 9) {
      t.setNow(new Date(Date.parse('2026-04-30T11:00:00.000Z') + minutes * 60_000).toISOString());
      expect([minutes, (await browser.get('/staff/account')).statusCode]).toEqual([minutes, 200]);
    }
    t.setNow('2026-04-30T12:59:59.000Z');
    expect((await browser.get('/staff/account')).statusCode).toBe(200);
    t.setNow('2026-04-30T13:00:00.000Z');
    const expired = await browser.get('/staff/account');
    expect(expired.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Faccount&expired=1');
    expect((await auditTrail(t)).map(([action, , details]) => [action, details])).toEqual([
      ['sign_in', { method: 'password', stage: 'complete' }],
      ['session_expired', { timeout: 'absolute' }],
    ]);
  });

  it('signs out: the cookie is cleared and the session ends', async () => {
    t.setNow(T0);
    await clearAudit(t);
    const browser = new StaffBrowser(t);
    await browser.signIn(emailOf('coach'));
    const token = browser.cookies.get('vp_staff')!;
    t.setNow('2026-04-30T09:00:01.000Z');
    await browser.get('/staff/account');
    const response = await browser.post('/staff/sign-out');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/sign-in?signedOut=1');
    expect(cookieSet(response, 'vp_staff')).toMatchObject({ value: '', path: '/staff' });
    const old = new StaffBrowser(t);
    old.cookies.set('vp_staff', token);
    expect((await old.get('/staff/account')).statusCode).toBe(303);
    expect(textOf((await browser.get('/staff/sign-in?signedOut=1')).body)).toContain('U bent afgemeld.');
    expect((await auditTrail(t)).map(([action]) => action)).toEqual(['sign_in', 'sign_out']);
  });

  it('signs out everywhere: every session of the user ends, other users stay signed in', async () => {
    t.setNow(T0);
    await clearAudit(t);
    const here = new StaffBrowser(t);
    await here.signIn(emailOf('handler2'));
    const phone = await signedInAs(t, 'handler2');
    const laptop = await signedInAs(t, 'handler2');
    const colleague = await signedInAs(t, 'coach');
    t.setNow('2026-04-30T09:00:01.000Z');
    await here.get('/staff/account');
    const response = await here.post('/staff/sign-out-everywhere');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/staff/sign-in?signedOut=everywhere');
    for (const browser of [here, phone, laptop]) {
      expect((await browser.get('/staff/account')).statusCode).toBe(303);
    }
    expect((await colleague.get('/staff/account')).statusCode).toBe(200);
    expect(await auditTrail(t)).toEqual([
      ['sign_in', 'Sanne Jansen', { method: 'password', stage: 'complete' }],
      ['sign_out_everywhere', 'Sanne Jansen', { sessions: 3 }],
    ]);
  });
});

describeEachDialect('deny by default and CSRF', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
  });
  afterAll(() => t.close());

  it('sends a visitor without a session from any staff page to the sign-in page, with the way back', async () => {
    const browser = new StaffBrowser(t);
    for (const [url, location] of [
      ['/staff', '/staff/sign-in?next=%2Fstaff'],
      ['/staff/account', '/staff/sign-in?next=%2Fstaff%2Faccount'],
      ['/staff/account?lang=en', '/staff/sign-in?next=%2Fstaff%2Faccount%3Flang%3Den'],
      ['/staff/account/two-factor', '/staff/sign-in?next=%2Fstaff%2Faccount%2Ftwo-factor'],
      ['/staff/sign-in/second-factor', '/staff/sign-in?next=%2Fstaff%2Fsign-in%2Fsecond-factor'],
    ]) {
      const response = await browser.get(url!);
      expect([url, response.statusCode, response.headers.location]).toEqual([url, 303, location]);
    }
    for (const url of ['/staff/sign-in', '/staff/password-reset', '/staff/password-reset?lang=en']) {
      expect([url, (await browser.get(url)).statusCode]).toEqual([url, 200]);
    }
  });

  it('refuses every form post without the CSRF token, or with a wrong one (403), and changes nothing', async () => {
    const browser = await signedInAs(t, 'handler');
    await browser.get('/staff/account');
    const posts: [string, Record<string, string>][] = [
      ['/staff/sign-in', { email: emailOf('handler'), password: PASSWORD }],
      ['/staff/sign-out', {}],
      ['/staff/sign-out-everywhere', {}],
      ['/staff/password-reset', { email: emailOf('handler') }],
      [
        '/staff/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        { newPassword: 'x', confirmPassword: 'x' },
      ],
      [
        '/staff/account/password',
        {
          currentPassword: PASSWORD,
          newPassword: 'a new passphrase here',
          confirmPassword: 'a new passphrase here',
        },
      ],
      ['/staff/account/sessions/end', { session: 'x' }],
      ['/staff/account/tokens', { name: 'script' }],
      ['/staff/account/tokens/revoke', { token: 'x' }],
      ['/staff/account/two-factor', { code: '123456' }],
      ['/staff/account/two-factor/remove', { password: PASSWORD }],
      ['/staff/account/two-factor/recovery-codes', { password: PASSWORD }],
    ];
    for (const [url, fields] of posts) {
      for (const csrf of ['', 'not-the-token']) {
        const response = await browser.postForm(url, { ...fields, ...(csrf ? { _csrf: csrf } : {}) });
        expect([url, csrf, response.statusCode]).toEqual([url, csrf, 403]);
        expect(textOf(response.body)).toContain('Formulier verlopen');
      }
    }
    // Still signed in: the sign-out posts did nothing.
    expect((await browser.get('/staff/account')).statusCode).toBe(200);

    // The second factor's form, with a session at that step.
    const halfway = new StaffBrowser(t);
    const now = t.deps.now();
    const { token } = await createStaffSession(t.db.kysely, {
      userId: t.users.qm!.id,
      stage: 'second_factor',
      method: 'password',
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: null,
    });
    halfway.cookies.set('vp_staff', token);
    expect((await halfway.get('/staff/sign-in/second-factor')).statusCode).toBe(200);
    for (const csrf of ['', 'not-the-token']) {
      const response = await halfway.postForm('/staff/sign-in/second-factor', {
        code: '123456',
        ...(csrf ? { _csrf: csrf } : {}),
      });
      expect(response.statusCode).toBe(403);
    }
  });
});
