/**
 * The administrator pages in Debian's Chromium: axe-core finds no WCAG 2.2 AA violation on any of them, in
 * Dutch and English (with content in every table, and forms with errors); nothing scrolls sideways at
 * 320 px; a user is created with the keyboard alone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/db/repositories/api-tokens.ts';
import { setSignInCounters } from '../../src/db/repositories/users.ts';
import { saveTemplate } from '../../src/letters/template-store.ts';
import { call } from '../helpers/app.ts';
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

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 300_000 };

let browser: E2eBrowser;
let server: E2eServer;

const SECTIONS = [
  'organisation',
  'branding',
  'terms',
  'calendar',
  'categories',
  'teams',
  'grounds',
  'appeal-routes',
  'advocacy-bodies',
  'deputy',
  'follow-up',
  'retention',
  'security',
];

const pages = () => [
  '/staff/admin',
  '/staff/admin/users',
  '/staff/admin/users/new',
  `/staff/admin/users/${server.t.users.handler2!.id}`,
  '/staff/admin/tokens',
  '/staff/admin/settings',
  ...SECTIONS.map((section) => `/staff/admin/settings/${section}`),
  '/staff/admin/letters',
  '/staff/admin/letters/acknowledgement/nl',
  '/staff/admin/audit',
];

const inLanguage = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

async function adminPage(options: PageOptions = DESKTOP): Promise<Page> {
  const page = await browser.newPage(options);
  await signInBrowser(page, server, 'admin');
  return page;
}

async function open(page: Page, url: string, status = 200) {
  const response = await page.goto(server.url(url));
  expect(response!.status(), url).toBe(status);
}

/** Submits the form that the button belongs to, and waits for the answer. */
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

describeInBrowser('the administrator pages in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    const { t } = server;
    // Content in every table: a locked user with a token, a changed letter, a settings version, sign-ins.
    await setSignInCounters(t.db.kysely, t.users.handler2!.id, {
      failedSignIns: 5,
      lastFailedAt: '2026-04-30T06:55:00.000Z',
      lockedUntil: '2026-04-30T07:10:00.000Z',
    });
    await createApiToken(t.db.kysely, t.users.handler2!.id, 'koppeling zaaksysteem', t.deps.now());
    await saveTemplate(t.db.kysely, {
      kind: 'acknowledgement',
      language: 'nl',
      subject: 'Uw klacht {{reference}}',
      body: '{{salutation}}\n\nWij hebben uw klacht ontvangen.',
      changedBy: t.users.admin!.id,
      now: t.deps.now(),
    });
    const current = await call(t, 'GET', '/api/v1/staff/settings', { as: 'admin' });
    const settings = current.json().settings;
    settings.calendar.closingDays = ['2026-12-24', '2026-12-31'];
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/settings',
      headers: { authorization: `Bearer ${t.users.admin!.token}` },
      payload: { settings, note: 'Sluitingsdagen rond Kerst' },
    });
    expect(saved.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(['nl', 'en'])('axe, %s', (lang) => {
    it('every administrator page', E2E, async () => {
      const page = await adminPage();
      for (const url of pages()) {
        await open(page, inLanguage(url, lang));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expectNoAxeViolations(page, `${url}, ${lang}`);
      }
      await page.context().close();
    });

    it('forms with errors, and the token shown once', E2E, async () => {
      const page = await adminPage();
      await open(page, inLanguage('/staff/admin/users/new', lang));
      await page.fill('#field-email', 'geen-adres');
      await submit(page, 'form[action="/staff/admin/users"] button[type=submit]');
      await page.locator('#error-summary').waitFor();
      await expectNoAxeViolations(page, `new user with errors, ${lang}`);

      await open(page, inLanguage('/staff/admin/settings/calendar', lang));
      await page.fill('#field-closingDays', '2026-02-30');
      await submit(page, 'form[action="/staff/admin/settings/calendar"] button[type=submit]');
      await page.locator('#error-summary').waitFor();
      await expectNoAxeViolations(page, `calendar with errors, ${lang}`);

      await open(page, inLanguage('/staff/admin/settings/grounds', lang));
      await page.fill('#field-new-code', 'Fout');
      await submit(page, 'form[action="/staff/admin/settings/grounds"] button[type=submit]');
      await page.locator('#error-summary').waitFor();
      await expectNoAxeViolations(page, `grounds with errors, ${lang}`);

      await open(page, inLanguage('/staff/admin/letters/findings/en', lang));
      await page.fill('#field-body', '{{unknown}}');
      await submit(
        page,
        'form[action="/staff/admin/letters/findings/en"] button.utrecht-button--primary-action',
      );
      await page.locator('#error-summary').waitFor();
      await expectNoAxeViolations(page, `letter with errors, ${lang}`);

      await open(page, inLanguage('/staff/admin/audit?from=2026-13-01', lang), 400);
      await expectNoAxeViolations(page, `audit with a wrong filter, ${lang}`);

      await open(page, inLanguage(`/staff/admin/users/${server.t.users.coach!.id}`, lang));
      await page.fill('#field-token-name', `e2e ${lang}`);
      await submit(page, `form[action="/staff/admin/users/${server.t.users.coach!.id}/tokens"] button`);
      await page.locator('#new-token').waitFor();
      await expectNoAxeViolations(page, `token shown once, ${lang}`);
      await page.context().close();
    });
  });

  it('nothing scrolls sideways at 320 px', E2E, async () => {
    const page = await adminPage(MOBILE_320);
    for (const url of pages()) {
      await open(page, url);
      const overflow = await horizontalOverflow(page);
      expect(
        overflow.scrollWidth,
        `${url} at 320 px scrolls sideways; sticking out:\n  ${overflow.offenders.join('\n  ')}`,
      ).toBeLessThanOrEqual(overflow.innerWidth);
    }
    await page.context().close();
  });

  it('creates a user with the keyboard alone', E2E, async () => {
    const page = await adminPage();
    await open(page, '/staff/admin/users/new');
    await tabTo(page, '#field-name');
    await page.keyboard.type('Lotte Visser');
    await page.keyboard.press('Tab');
    await page.keyboard.type('lotte.visser@loket3.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jobcoach');
    // Receiver is ticked already; tick handler too.
    await tabTo(page, '#field-roles-handler');
    await page.keyboard.press('Space');
    await tabTo(page, 'form[action="/staff/admin/users"] button[type=submit]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(/\/staff\/admin\/users\/[0-9a-f-]{36}\?done=created$/);
    expect(await page.locator('[role=status]').textContent()).toContain('De gebruiker is aangemaakt.');
    expect(await page.inputValue('#field-jobTitle')).toBe('Jobcoach');
    expect(await page.isChecked('#field-roles')).toBe(true);
    expect(await page.isChecked('#field-roles-handler')).toBe(true);
    expect(await page.isChecked('#field-roles-quality_manager')).toBe(false);
    await page.context().close();
  });
});
