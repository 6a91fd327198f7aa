/**
 * Signing in and the account in Debian's Chromium: signing in through the form by keyboard alone, a wrong
 * password (the error summary has the focus), setting up the second factor and the step after the password
 * with codes computed here at the server's clock, a forgotten password from the request to the new password,
 * axe-core with no WCAG 2.2 AA violation on every page of this area in Dutch and English, and nothing
 * scrolling sideways at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/db/repositories/api-tokens.ts';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { totpAt } from '../staff/auth-helpers.ts';
import { emailOf, givePasswords, PASSWORD } from '../staff/helpers.ts';
import {
  DESKTOP,
  describeInBrowser,
  type E2eBrowser,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  MOBILE_320,
  type PageOptions,
  tabTo,
} from './helpers/browser.ts';
import { type E2eServer, startServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/staff.ts';

const E2E = { timeout: 300_000 };
const NEW_PASSWORD = 'een wandeling langs de grachten';

let browser: E2eBrowser;
let server: E2eServer;

async function open(page: Page, url: string, status = 200) {
  const response = await page.goto(server.url(url));
  expect(response!.status(), url).toBe(status);
}

async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

/** The path the server's clock is at, as ISO (TOTP codes are computed at it). */
const serverNow = () => server.t.deps.now().toISOString();

/** A page whose session is at a sign-in step (made in the database, as signInBrowser does for complete ones). */
async function pageAtStage(
  key: string,
  stage: 'second_factor' | 'enrol_second_factor',
  options: PageOptions = DESKTOP,
) {
  const page = await browser.newPage(options);
  const now = server.t.deps.now();
  const { token } = await createStaffSession(server.t.db.kysely, {
    userId: server.t.users[key]!.id,
    stage,
    method: 'password',
    now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    ip: '127.0.0.1',
    userAgent: 'e2e',
  });
  await page.context().addCookies([{ name: 'vp_staff', value: token, url: server.url('/staff') }]);
  return page;
}

/** Signs in through the form; returns on the page it leads to. */
async function signInThroughForm(page: Page, email: string, password = PASSWORD, next = '/staff/account') {
  await open(page, `/staff/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await submit(page, 'form[action="/staff/sign-in"] button[type=submit]');
}

describeInBrowser('signing in and the account in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    await givePasswords(server.t);
    // The account page with something in every table: another session, a token that was used.
    const now = server.t.deps.now();
    await createStaffSession(server.t.db.kysely, {
      userId: server.t.users.handler!.id,
      stage: 'complete',
      method: 'oidc',
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: '192.0.2.1',
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    });
    await createApiToken(server.t.db.kysely, server.t.users.handler!.id, 'maandrapportage', now);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in through the form with the keyboard alone', E2E, async () => {
    const page = await browser.newPage();
    await open(page, '/staff/sign-in?next=%2Fstaff%2Faccount');
    await tabTo(page, '#field-email');
    await page.keyboard.type(emailOf('coach'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/staff/account');
    expect(await page.locator('h1').textContent()).toBe('Mijn account');
    await page.context().close();
  });

  it('a wrong password shows the error summary, with the focus on it', E2E, async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, emailOf('advisor'), 'dit is het niet');
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
    const summary = page.locator('#error-summary');
    expect(await summary.textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await page.inputValue('#field-email')).toBe(emailOf('advisor'));
    await expectNoAxeViolations(page, 'sign-in with a wrong password');
    await page.context().close();
  });

  it('sets up the second factor, then asks for its code at the next sign-in', E2E, async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, emailOf('qm'));
    expect(new URL(page.url()).pathname).toBe('/staff/account/two-factor');
    expect(await page.locator('.vp-qr svg').count()).toBe(1);
    await expectNoAxeViolations(page, 'enrolment owed');
    await page.locator('.vp-manual-key summary').click();
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/ /g, '');
    await page.fill('#field-code', await totpAt(secret, serverNow()));
    await submit(page, 'form[action="/staff/account/two-factor"] button[type=submit]');
    expect(await page.locator('h1').textContent()).toBe('Uw herstelcodes');
    expect(await page.locator('.vp-recovery-codes li').count()).toBe(10);
    await expectNoAxeViolations(page, 'recovery codes');
    await Promise.all([page.waitForNavigation(), page.locator('main a[href="/staff/account"]').click()]);
    expect(await page.locator('h1').textContent()).toBe('Mijn account');

    // Signed out, and in again: the code is asked after the password.
    await submit(page, 'form[action="/staff/sign-out"] button');
    await signInThroughForm(page, emailOf('qm'));
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in/second-factor');
    await expectNoAxeViolations(page, 'second factor');
    server.setNow(new Date(Date.parse(serverNow()) + 30_000).toISOString());
    await page.fill('#field-code', await totpAt(secret, serverNow()));
    await submit(page, 'form[action="/staff/sign-in/second-factor"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/staff/account');
    await page.context().close();
  });

  it('sets a forgotten password through the emailed link', E2E, async () => {
    const page = await browser.newPage();
    await open(page, '/staff/sign-in');
    await Promise.all([page.waitForNavigation(), page.locator('a[href="/staff/password-reset"]').click()]);
    await page.fill('#field-email', emailOf('handler2'));
    await submit(page, 'form[action="/staff/password-reset"] button[type=submit]');
    expect(await page.locator('h1').textContent()).toBe('Kijk in uw e-mail');
    const mail = await server.t.db.kysely
      .selectFrom('email_outbox')
      .select('text_body')
      .where('kind', '=', 'password_reset')
      .where('to_address', '=', emailOf('handler2'))
      .executeTakeFirstOrThrow();
    const link = mail.text_body.match(/\/staff\/password-reset\/[A-Za-z0-9_-]{43}/)![0];
    await open(page, link);
    await page.fill('#field-newPassword', NEW_PASSWORD);
    await page.fill('#field-confirmPassword', NEW_PASSWORD);
    await submit(page, `form[action="${link}"] button[type=submit]`);
    expect(await page.locator('[role=status]').textContent()).toContain('Uw wachtwoord is opgeslagen.');
    await page.fill('#field-email', emailOf('handler2'));
    await page.fill('#field-password', NEW_PASSWORD);
    await submit(page, 'form[action="/staff/sign-in"] button[type=submit]');
    expect(new URL(page.url()).pathname).not.toBe('/staff/sign-in');
    await page.context().close();
  });

  describe.each(['nl', 'en'])('axe, %s', (lang) => {
    it('every page of signing in and the account', E2E, async () => {
      const page = await browser.newPage();
      for (const url of [
        '/staff/sign-in',
        '/staff/password-reset',
        '/staff/password-reset/not-a-link-that-works',
      ]) {
        await open(page, `${url}?lang=${lang}`, url.includes('not-a-link') ? 410 : 200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expectNoAxeViolations(page, `${url}, ${lang}`);
      }
      // A form with errors.
      await open(page, `/staff/password-reset?lang=${lang}`);
      await submit(page, 'form[action="/staff/password-reset"] button[type=submit]');
      await page.locator('#error-summary').waitFor();
      await expectNoAxeViolations(page, `password reset with errors, ${lang}`);
      await page.context().close();

      const stepPage = await pageAtStage('handler2', 'second_factor');
      await open(stepPage, `/staff/sign-in/second-factor?lang=${lang}`);
      await expectNoAxeViolations(stepPage, `second factor, ${lang}`);
      await submit(stepPage, 'form[action="/staff/sign-in/second-factor"] button[type=submit]');
      await stepPage.locator('#error-summary').waitFor();
      await expectNoAxeViolations(stepPage, `second factor with errors, ${lang}`);
      await stepPage.context().close();

      const enrol = await pageAtStage('advisor', 'enrol_second_factor');
      await open(enrol, `/staff/account/two-factor?lang=${lang}`);
      await enrol.locator('.vp-manual-key summary').click();
      await expectNoAxeViolations(enrol, `enrolment, ${lang}`);
      await submit(enrol, 'form[action="/staff/account/two-factor"] button[type=submit]');
      await enrol.locator('#error-summary').waitFor();
      await expectNoAxeViolations(enrol, `enrolment with errors, ${lang}`);
      await enrol.context().close();

      const account = await browser.newPage();
      await signInBrowser(account, server, 'handler');
      await open(account, `/staff/account?lang=${lang}`);
      await expectNoAxeViolations(account, `account, ${lang}`);
      await account.fill('#field-currentPassword', 'niet goed');
      await submit(account, 'form[action="/staff/account/password"] button[type=submit]');
      await account.locator('#error-summary').waitFor();
      await expectNoAxeViolations(account, `account with errors, ${lang}`);
      await account.fill('#field-token-name', `e2e ${lang}`);
      await submit(account, 'form[action="/staff/account/tokens"] button[type=submit]');
      await account.locator('#new-token').waitFor();
      await expectNoAxeViolations(account, `token shown once, ${lang}`);
      await account.context().close();
    });
  });

  it(
    'with single sign-on configured: the button, and the page when the provider cannot be reached',
    E2E,
    async () => {
      // Port 9 (discard) answers nothing: the provider is down.
      const sso = await startServer('sqlite', {
        env: {
          OIDC_ISSUER: 'http://127.0.0.1:9',
          OIDC_CLIENT_ID: 'verbeterpunt',
          OIDC_CLIENT_SECRET: 'geheim',
        },
      });
      try {
        for (const lang of ['nl', 'en']) {
          const page = await browser.newPage();
          const response = await page.goto(sso.url(`/staff/sign-in?lang=${lang}`));
          expect(response!.status()).toBe(200);
          const button = page.locator('a[href="/staff/sign-in/oidc?next=%2Fstaff"]');
          expect(await button.textContent()).toBe(
            lang === 'nl' ? 'Aanmelden met Microsoft' : 'Sign in with Microsoft',
          );
          await expectNoAxeViolations(page, `sign-in with single sign-on, ${lang}`);
          const [down] = await Promise.all([page.waitForNavigation(), button.click()]);
          expect(down!.status()).toBe(503);
          expect(await page.locator('h1').textContent()).toBe(
            lang === 'nl' ? 'Aanmelden is niet gelukt' : 'Signing in did not work',
          );
          await expectNoAxeViolations(page, `single sign-on unavailable, ${lang}`);
          await page.context().close();
        }
        const narrow = await browser.newPage(MOBILE_320);
        await narrow.goto(sso.url('/staff/sign-in'));
        const overflow = await horizontalOverflow(narrow);
        expect(overflow.scrollWidth, overflow.offenders.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
        await narrow.context().close();
      } finally {
        await sso.close();
      }
    },
  );

  it('nothing scrolls sideways at 320 px', E2E, async () => {
    const check = async (page: Page, url: string, status = 200) => {
      await open(page, url, status);
      const overflow = await horizontalOverflow(page);
      expect(
        overflow.scrollWidth,
        `${url} at 320 px scrolls sideways; sticking out:\n  ${overflow.offenders.join('\n  ')}`,
      ).toBeLessThanOrEqual(overflow.innerWidth);
    };
    const page = await browser.newPage(MOBILE_320);
    await check(page, '/staff/sign-in');
    await check(page, '/staff/password-reset');
    await page.context().close();
    const step = await pageAtStage('coach', 'second_factor', MOBILE_320);
    await check(step, '/staff/sign-in/second-factor');
    await step.context().close();
    const enrol = await pageAtStage('coach', 'enrol_second_factor', MOBILE_320);
    await check(enrol, '/staff/account/two-factor');
    await enrol.locator('.vp-manual-key summary').click();
    const overflow = await horizontalOverflow(enrol);
    expect(overflow.scrollWidth, overflow.offenders.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
    await enrol.context().close();
    const account = await browser.newPage(MOBILE_320);
    await signInBrowser(account, server, 'handler');
    await check(account, '/staff/account');
    await account.context().close();
  });
});
