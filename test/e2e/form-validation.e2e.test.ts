/**
 * Validation errors as a person meets them: a summary at the top (role=alert) that links to each field, a
 * message at the field, focus on the summary when JavaScript runs, nothing typed lost, in the chosen
 * language. Also the language switch, which must keep what was typed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, type E2eBrowser, launchBrowser } from './helpers/browser.ts';
import { field, fillComplaintForm, referenceOn, send, visibleText } from './helpers/form.ts';
import { type E2eServer, startServer } from './helpers/server.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 120_000 };

let browser: E2eBrowser;
let server: E2eServer;

const summary = (page: Page) =>
  page
    .locator('[role=alert]')
    .filter({ has: page.locator('a[href^="#field-"]') })
    .first();

/** Where each summary link points, and its text. */
const summaryLinks = (page: Page) =>
  summary(page)
    .locator('a[href^="#field-"]')
    .evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })),
    );

/** The error message tied to a field: its aria-describedby texts, and whether it says it is invalid. */
const fieldError = (page: Page, name: string) =>
  field(page, name).evaluate((input) => ({
    invalid: input.getAttribute('aria-invalid'),
    described: (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
      .join(' | '),
  }));

const typed = {
  eventPlace: 'Loket3 Utrecht',
  involved: ['Jeroen Bakker'],
  desiredOutcome: 'Excuses.',
  name: 'Noor Bakker',
  email: 'noor@example.nl',
  phone: '030 123 45 67',
  postalAddress: 'Neude 11\n3512 AE Utrecht',
  role: 'representative',
  commissioningPartyType: 'municipality',
  commissioningPartyName: 'Gemeente Utrecht',
  consentToContact: true,
};

async function expectTypedValuesKept(page: Page) {
  expect(await field(page, 'eventPlace').inputValue()).toBe(typed.eventPlace);
  expect(await field(page, 'involved').inputValue()).toBe(typed.involved.join('\n'));
  expect(await field(page, 'desiredOutcome').inputValue()).toBe(typed.desiredOutcome);
  expect(await field(page, 'name').inputValue()).toBe(typed.name);
  expect(await field(page, 'phone').inputValue()).toBe(typed.phone);
  expect(await field(page, 'postalAddress').inputValue()).toBe(typed.postalAddress);
  expect(await field(page, 'role').inputValue()).toBe(typed.role);
  expect(await field(page, 'commissioningPartyType').inputValue()).toBe(typed.commissioningPartyType);
  expect(await field(page, 'commissioningPartyName').inputValue()).toBe(typed.commissioningPartyName);
  expect(await field(page, 'consentToContact').isChecked()).toBe(true);
}

describeInBrowser('validation errors in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('validation errors', () => {
    it(
      'with JavaScript: 400, a summary that takes focus, links that move focus to the field, values kept',
      E2E,
      async () => {
        const page = await browser.newPage();
        await page.goto(server.url('/'));
        await fillComplaintForm(page, { description: '', ...typed });
        const result = await send(page);
        expect(result).toEqual({ status: 400, redirectedFrom: null });

        await summary(page).waitFor();
        expect(await summary(page).isVisible()).toBe(true);
        // Focus moves to the summary (the page's own script), so a screen reader announces it at once.
        await page
          .waitForFunction(() => document.activeElement?.closest('[role=alert]') !== null, null, {
            timeout: 3000,
          })
          .catch(() => {});
        const focused = await page.evaluate(() => {
          const active = document.activeElement;
          return {
            inSummary: active?.closest('[role=alert]') !== null,
            tag: active?.tagName,
            id: active?.id,
            tabindex: active?.getAttribute('tabindex'),
          };
        });
        expect(focused, `focus is on ${JSON.stringify(focused)}`).toMatchObject({ inSummary: true });

        const links = await summaryLinks(page);
        expect(links.map((l) => l.href)).toContain('#field-description');
        expect(links.find((l) => l.href === '#field-description')!.text.length).toBeGreaterThan(3);
        const description = await fieldError(page, 'description');
        expect(description.invalid).toBe('true');
        expect(description.described).toContain(links.find((l) => l.href === '#field-description')!.text);

        await summary(page).locator('a[href="#field-description"]').click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-description');
        // The label stays in view when the link brings the field into view.
        const labelInView = await page.locator('label[for=field-description]').evaluate((label) => {
          const rect = label.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= window.innerHeight;
        });
        expect(labelInView).toBe(true);

        await expectTypedValuesKept(page);
        expect(await field(page, 'email').inputValue()).toBe(typed.email);

        // Corrected, it goes through.
        await field(page, 'description').fill('Mijn uitkering werd te laat doorgegeven.');
        expect(await send(page)).toEqual({ status: 200, redirectedFrom: 303 });
        expect(page.problems).toEqual([]);
        await page.context().close();
      },
    );

    it(
      'without JavaScript: the summary comes first in the main content, and every message is at its field',
      E2E,
      async () => {
        const page = await browser.newPage({ javaScript: false });
        await page.goto(server.url('/'));
        await fillComplaintForm(page, { description: '   ', ...typed, email: 'noor@' });
        const complaintsBefore = await server.complaintCount();
        expect((await send(page)).status).toBe(400);
        expect(await server.complaintCount()).toBe(complaintsBefore);
        // Only the page heading comes before the summary in the main content.
        const before = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const summary = main.querySelector('[role=alert]');
          if (!summary) return null;
          const top = Array.from(main.children).find((child) => child.contains(summary))!;
          return Array.from(main.children)
            .slice(0, Array.from(main.children).indexOf(top))
            .map((child) => child.tagName.toLowerCase());
        });
        expect(before).toEqual(['h1']);
        const links = await summaryLinks(page);
        expect(links.map((l) => l.href).sort()).toEqual(['#field-description', '#field-email']);
        for (const name of ['description', 'email']) {
          const error = await fieldError(page, name);
          expect(error.invalid, name).toBe('true');
          expect(error.described, name).toContain(links.find((l) => l.href === `#field-${name}`)!.text);
        }
        await expectTypedValuesKept(page);
        expect(await field(page, 'email').inputValue()).toBe('noor@');
        // Without the script a summary link still takes the reader to the field: focus lands on it.
        await summary(page).locator('a[href="#field-email"]').click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');
        await page.context().close();
      },
    );

    it('speaks the chosen language: English messages after an English submission', E2E, async () => {
      const nl = await browser.newPage({ javaScript: false });
      await nl.goto(server.url('/'));
      await send(nl);
      const dutch = (await summaryLinks(nl)).find((l) => l.href === '#field-description')!.text;
      await nl.context().close();

      const page = await browser.newPage({ javaScript: false });
      await page.goto(server.url('/?lang=en'));
      expect((await send(page)).status).toBe(400);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const english = (await summaryLinks(page)).find((l) => l.href === '#field-description')!.text;
      expect(english).not.toBe(dutch);
      expect(english).toMatch(/[a-z]/i);
      expect(await visibleText(summary(page))).not.toMatch(/\b(het|een|veld|niet)\b/i);
      await page.context().close();
    });

    it('keeps what was typed when switching language, with and without JavaScript', E2E, async () => {
      for (const javaScript of [false, true]) {
        const page = await browser.newPage({ javaScript });
        await page.goto(server.url('/'));
        await fillComplaintForm(page, {
          description: 'Ik werd niet teruggebeld.\nTwee keer niet.',
          ...typed,
        });
        const complaintsBefore = await server.complaintCount();
        const [response] = await Promise.all([
          page.waitForNavigation(),
          page.locator('[name=switchLang]').first().click(),
        ]);
        expect(response!.status(), `JS ${javaScript}`).toBeLessThan(400);
        expect(await page.evaluate(() => document.documentElement.lang), `JS ${javaScript}`).toBe('en');
        expect(await field(page, 'description').inputValue()).toBe(
          'Ik werd niet teruggebeld.\nTwee keer niet.',
        );
        await expectTypedValuesKept(page);
        expect(await field(page, 'email').inputValue()).toBe(typed.email);
        // Switching is not submitting: no error summary, no complaint.
        expect(await summary(page).count()).toBe(0);
        expect(await server.complaintCount()).toBe(complaintsBefore);
        // And it goes through in the new language, which becomes the reporter's.
        expect(await send(page)).toEqual({ status: 200, redirectedFrom: 303 });
        const view = await server.staffView(await referenceOn(page));
        expect(view.reporter.language).toBe('en');
        expect(view.description).toBe('Ik werd niet teruggebeld.\nTwee keer niet.');
        await page.context().close();
      }
    });

    it('answers a filled honeypot like a submission, and stores nothing', E2E, async () => {
      const page = await browser.newPage({ javaScript: false });
      await page.goto(server.url('/'));
      await fillComplaintForm(page, { description: 'Koop goedkope horloges!', email: 'bot@example.com' });
      // Hidden from people (off-screen, not a tab stop); a bot fills it anyway.
      await field(page, 'website').fill('https://spam.example', { force: true });
      const complaintsBefore = await server.complaintCount();
      expect(await send(page)).toEqual({ status: 200, redirectedFrom: 303 });
      expect(new URL(page.url()).pathname).toMatch(/^\/confirmation\//);
      expect(await server.complaintCount()).toBe(complaintsBefore);
      await page.context().close();
    });
  });
});
