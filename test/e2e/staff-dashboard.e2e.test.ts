/**
 * The dashboard, registering a complaint and the spot records in Debian's Chromium: axe-core finds no WCAG 2.2
 * AA violation in Dutch and English (also with errors shown), registering works with and without JavaScript
 * and with the keyboard alone (errors move focus to their summary), the attached files arrive with the same
 * SHA-256, nothing scrolls sideways at 320 px, and the README's screenshot of the dashboard is made (into
 * docs/screenshots when UPDATE_SCREENSHOTS=1, else a temporary directory) with demo data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftDashboardCases, DASHBOARD_DAY } from '../staff/dashboard-fixtures.ts';
import {
  DESKTOP,
  describeInBrowser,
  type E2eBrowser,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  MOBILE_320,
  makePdf,
  type PageOptions,
  tabTo,
} from './helpers/browser.ts';
import { navigationResult, pressEnterAndWait, visibleText } from './helpers/form.ts';
import { type E2eServer, sha256, startServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/staff.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 180_000 };

let browser: E2eBrowser;
let server: E2eServer;

async function pageAs(key: string, url: string, options: PageOptions = DESKTOP): Promise<Page> {
  const page = await browser.newPage(options);
  await signInBrowser(page, server, key);
  const response = await page.goto(server.url(url));
  expect(response!.status(), `${url} as ${key}`).toBe(200);
  return page;
}

async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await horizontalOverflow(page);
  expect(
    overflow.scrollWidth,
    `${what} at ${overflow.innerWidth} px scrolls sideways; sticking out:\n  ${overflow.offenders.join('\n  ')}`,
  ).toBeLessThanOrEqual(overflow.innerWidth);
}

/** The submit button of the page's main form: registering, or logging a spot record (not a row's convert button). */
const submit = (page: Page) =>
  page.locator(
    'main form[method="post"][action="/staff/complaints/new"] button[type=submit], main form[method="post"][action="/staff/spot-records"] button[type=submit]',
  );
const referenceOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1)!;

describeInBrowser('the dashboard, registering and spot records in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    await craftDashboardCases(server.t);
    server.setNow(DASHBOARD_DAY);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('axe-core, WCAG 2.2 AA', () => {
    for (const lang of ['nl', 'en']) {
      it(`finds no violations on the dashboard in ${lang}`, E2E, async () => {
        const qm = await pageAs('qm', `/staff?lang=${lang}`);
        await expectNoAxeViolations(qm, `dashboard of the quality manager (${lang})`);
        await qm.goto(server.url('/staff?due=due_soon&q=a'));
        await expectNoAxeViolations(qm, `dashboard filtered (${lang})`);
        await qm.goto(server.url('/staff?from=31-02-2026&status=x'));
        expect(await qm.locator('#error-summary').count()).toBe(1);
        await expectNoAxeViolations(qm, `dashboard with errors in its filters (${lang})`);
        // An involved person's row, and the measures she owns.
        const advisor = await pageAs('advisor', `/staff?lang=${lang}`);
        await expectNoAxeViolations(advisor, `dashboard of an involved receiver (${lang})`);
      });

      it(`finds no violations on registering, also with errors, in ${lang}`, E2E, async () => {
        const page = await pageAs('qm', `/staff/complaints/new?lang=${lang}`);
        await expectNoAxeViolations(page, `registration form (${lang})`);
        await Promise.all([page.waitForNavigation(), submit(page).click()]);
        expect(await page.locator('#error-summary').count()).toBe(1);
        await expectNoAxeViolations(page, `registration form with errors (${lang})`);
      });

      it(`finds no violations on the spot records, also with errors, in ${lang}`, E2E, async () => {
        const page = await pageAs('advisor', `/staff/spot-records?lang=${lang}`);
        await page.locator('#field-summary').fill('Wachttijd aan de balie; meteen geholpen.');
        await Promise.all([page.waitForNavigation(), submit(page).click()]);
        await expectNoAxeViolations(page, `spot records with one logged (${lang})`);
        await page.locator('#field-summary').fill('');
        await Promise.all([page.waitForNavigation(), submit(page).click()]);
        expect(await page.locator('#error-summary').count()).toBe(1);
        await expectNoAxeViolations(page, `spot records with errors (${lang})`);
        const admin = await pageAs('admin', `/staff/spot-records?lang=${lang}`);
        await expectNoAxeViolations(admin, `spot records, looking only (${lang})`);
      });
    }
  });

  it('searches the dashboard with the keyboard alone, the filters in the address', E2E, async () => {
    const page = await pageAs('qm', '/staff');
    await tabTo(page, '#field-q');
    await page.keyboard.type('mila');
    const result = await pressEnterAndWait(page);
    expect(result.status).toBe(200);
    expect(new URL(page.url()).searchParams.get('q')).toBe('mila');
    expect(await page.locator('a.vp-reference-link').allTextContents()).toEqual(['VP-2026-00004']);
    await tabTo(page, 'a[aria-current="true"], a[href="/staff?due=overdue"]');
    await pressEnterAndWait(page);
    expect(await page.locator('a.vp-reference-link').allTextContents()).toEqual(['VP-2026-00003']);
    expect(
      await visibleText(page.locator('a.vp-reference-link').first().locator('xpath=ancestor::tr')),
    ).toContain('Te laat');
  });

  describe('registering a complaint', () => {
    it('works with the keyboard alone', E2E, async () => {
      const page = await pageAs('handler', '/staff/complaints/new');
      await tabTo(page, '#field-channel');
      await page.keyboard.type('Telefoon');
      await tabTo(page, '#field-name');
      await page.keyboard.type('Sara Kok');
      await tabTo(page, '#field-phone');
      await page.keyboard.type('06 9876 5432');
      await tabTo(page, '#field-description');
      await page.keyboard.type('Ik werd drie keer doorverbonden en toen viel de lijn weg.');
      await tabTo(page, 'main form[action="/staff/complaints/new"] button[type=submit]');
      const result = await pressEnterAndWait(page);
      expect(result).toEqual({ status: 200, redirectedFrom: 303 });
      const reference = referenceOf(page);
      const stored = await server.staffView(reference);
      expect({
        channel: stored.channel,
        receivedAt: stored.receivedAt,
        receiverId: stored.receiverId,
        name: stored.reporter.name,
        phone: stored.reporter.phone,
        description: stored.description,
      }).toEqual({
        channel: 'phone',
        // Now, as the form proposed: Wednesday 6 May 2026, 10:00 in Amsterdam.
        receivedAt: '2026-05-06T08:00:00.000Z',
        receiverId: server.t.users.handler!.id,
        name: 'Sara Kok',
        phone: '06 9876 5432',
        description: 'Ik werd drie keer doorverbonden en toen viel de lijn weg.',
      });
      const text = await visibleText(page);
      expect(text).toContain(`Klacht ${reference} is geregistreerd.`);
      expect(text).toMatch(/\/follow-up\/[A-Za-z0-9_-]{20,}/);
    });

    for (const javaScript of [true, false]) {
      it(
        `registers one received in the past with its files ${javaScript ? 'with' : 'without'} JavaScript`,
        E2E,
        async () => {
          const page = await pageAs('qm', '/staff/complaints/new', { javaScript });
          const files = [
            { name: 'brief.pdf', mimeType: 'application/pdf', buffer: makePdf(`brief ${javaScript}`) },
            {
              name: 'mail.eml',
              mimeType: 'message/rfc822',
              buffer: Buffer.from(
                `From: a@example.nl\r\nTo: klachten@loket3.nl\r\nSubject: Klacht ${javaScript}\r\n\r\nTekst.\r\n`,
              ),
            },
          ];
          await page.locator('#field-channel').selectOption('letter');
          await page.locator('#field-receivedAt').fill('2026-04-29T16:45');
          await page.locator('#field-receiverId').selectOption({ label: 'Fatima Yilmaz' });
          await page.locator('#field-name').fill('Tom de Graaf');
          await page.locator('#field-email').fill('tom@example.nl');
          await page.locator('#field-language-en').check();
          await page.locator('#field-description').fill('Mijn brief van 27 april is niet beantwoord.');
          await page.locator('#field-involved').fill('Jeroen Bakker');
          await page.locator('#field-attachments').setInputFiles(files);
          const [response] = await Promise.all([page.waitForNavigation(), submit(page).click()]);
          expect(await navigationResult(response)).toEqual({ status: 200, redirectedFrom: 303 });
          const reference = referenceOf(page);
          const stored = await server.staffView(reference);
          expect([stored.channel, stored.receivedAt, stored.receiverId, stored.reporter.language]).toEqual([
            'letter',
            '2026-04-29T14:45:00.000Z',
            server.t.users.advisor!.id,
            'en',
          ]);
          expect(stored.deadlines.acknowledgeBy).toBe('2026-05-07');
          const attachments = await server.attachments(reference);
          expect(attachments.map((a) => [a.filename, a.sha256, a.contentSha256])).toEqual(
            files.map((f) => [f.name, sha256(f.buffer), sha256(f.buffer)]),
          );
          expect(await visibleText(page)).toContain('ook gemaild naar tom@example.nl');
        },
      );

      it(
        `moves the focus to the errors ${javaScript ? 'with' : 'without'} JavaScript, keeping what was typed`,
        E2E,
        async () => {
          const page = await pageAs('handler', '/staff/complaints/new', { javaScript });
          await page.locator('#field-receivedAt').fill('2026-05-07T09:00');
          await page.locator('#field-name').fill('Lotte Vos');
          const [response] = await Promise.all([page.waitForNavigation(), submit(page).click()]);
          expect(response!.status()).toBe(400);
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
          const links = await page.locator('#error-summary a').allTextContents();
          expect(links).toEqual([
            'Kies hoe de klacht binnenkwam.',
            'Schrijf in een paar woorden wat er is gebeurd.',
          ]);
          expect(await page.locator('#field-name').inputValue()).toBe('Lotte Vos');
          expect(await page.locator('#field-receivedAt').inputValue()).toBe('2026-05-07T09:00');
        },
      );
    }

    it('says a moment in the future at its field', E2E, async () => {
      const page = await pageAs('handler', '/staff/complaints/new');
      await page.locator('#field-channel').selectOption('email');
      await page.locator('#field-receivedAt').fill('2026-05-07T09:00');
      await page.locator('#field-description').fill('Morgen pas.');
      await Promise.all([page.waitForNavigation(), submit(page).click()]);
      expect(await page.locator('#field-receivedAt-error').innerText()).toContain(
        'Het tijdstip van ontvangst kan niet in de toekomst liggen.',
      );
    });
  });

  it('logs a spot record and converts one into a complaint', E2E, async () => {
    const page = await pageAs('coach', '/staff/spot-records');
    await page.locator('#field-channel').selectOption('phone');
    await page.locator('#field-summary').fill('Factuur was onduidelijk; uitgelegd aan de telefoon.');
    const [logged] = await Promise.all([page.waitForNavigation(), submit(page).click()]);
    expect(await navigationResult(logged)).toEqual({ status: 200, redirectedFrom: 303 });
    expect(await visibleText(page.getByRole('status').first())).toBe('Vastgelegd. Dank u wel.');
    const row = page.locator('tr', { hasText: 'Factuur was onduidelijk' });
    await Promise.all([page.waitForNavigation(), row.getByRole('button').click()]);
    expect(new URL(page.url()).pathname).toMatch(/^\/staff\/complaints\/VP-2026-\d{5}$/);
    const stored = await server.staffView(referenceOf(page));
    expect([stored.channel, stored.receivedAt, stored.description]).toEqual([
      'phone',
      '2026-05-06T08:00:00.000Z',
      'Factuur was onduidelijk; uitgelegd aan de telefoon.',
    ]);
  });

  it('does not scroll sideways at 320 px', E2E, async () => {
    const dashboard = await pageAs('qm', '/staff', MOBILE_320);
    await expectNoHorizontalScroll(dashboard, 'the dashboard');
    await dashboard.goto(server.url('/staff/complaints/new'));
    await expectNoHorizontalScroll(dashboard, 'the registration form');
    await Promise.all([dashboard.waitForNavigation(), submit(dashboard).click()]);
    await expectNoHorizontalScroll(dashboard, 'the registration form with errors');
    await dashboard.goto(server.url('/staff/spot-records?from=2026-04-01'));
    await expectNoHorizontalScroll(dashboard, 'the spot records');
    const advisor = await pageAs('advisor', '/staff', MOBILE_320);
    await expectNoHorizontalScroll(advisor, "the advisor's dashboard with her measures");
  });

  describe('the README screenshot', () => {
    it('shows the dashboard of the quality manager with demo data', { timeout: 600_000 }, async () => {
      const update = process.env.UPDATE_SCREENSHOTS === '1';
      const dir = update
        ? path.resolve('docs/screenshots')
        : mkdtempSync(path.join(os.tmpdir(), 'vp-dashboard-'));
      try {
        const { ensureDemoUsers, fillDemoData } = await import('../../src/cli/demo.ts');
        const { byKey } = await ensureDemoUsers(server.t.db, undefined);
        await fillDemoData(server.t.deps, byKey, { count: update ? 40 : 8, seed: 7 });
        server.setNow(DASHBOARD_DAY);
        const page = await pageAs('qm', '/staff', { width: 1280, height: 1900 });
        expect(await page.locator('a.vp-reference-link').count()).toBeGreaterThan(5);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
        await page.screenshot({
          path: path.join(dir, 'staff-dashboard-nl.png'),
          animations: 'disabled',
          caret: 'hide',
        });
      } finally {
        if (!update) rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
