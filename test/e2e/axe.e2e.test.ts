/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds nothing, in Dutch and in English, on: the form empty,
 * with errors and submitted (the confirmation page); the follow-up page open, with an offer, and closed with
 * the survey. Also the form at 320 px, where layouts change.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeInBrowser,
  type E2eBrowser,
  expectNoAxeViolations,
  launchBrowser,
  MOBILE_320,
} from './helpers/browser.ts';
import { fillComplaintForm, fullComplaint, send } from './helpers/form.ts';
import { bringToClosed, bringToOffer, type E2eServer, startServer } from './helpers/server.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 120_000 };

let browser: E2eBrowser;
let server: E2eServer;

const LANGUAGES = ['nl', 'en'] as const;

/** The follow-up page in the language: the link as issued, with ?lang=en for English. */
const inLanguage = (url: string, lang: string) =>
  lang === 'nl' ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

async function expectLang(page: Page, lang: string) {
  const actual = await page.evaluate(() => document.documentElement.lang);
  if (actual !== lang) throw new Error(`Expected <html lang="${lang}"> on ${page.url()}, got "${actual}"`);
}

describeInBrowser('axe-core on the public pages', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(LANGUAGES)('axe, %s', (lang) => {
    it('the form: empty, with errors, and submitted (confirmation page)', E2E, async () => {
      const page = await browser.newPage();
      await page.goto(server.url(`/?lang=${lang}`));
      await expectLang(page, lang);
      await expectNoAxeViolations(page, `empty form, ${lang}`);

      await fillComplaintForm(page, { description: '', email: 'geen-adres', eventDate: '2099-01-01' });
      await send(page);
      await page.locator('[role=alert]').first().waitFor();
      await expectLang(page, lang);
      await expectNoAxeViolations(page, `form with errors, ${lang}`);

      await fillComplaintForm(page, fullComplaint(`axe ${lang}`));
      await send(page);
      await page.waitForURL(/\/confirmation\//);
      await expectLang(page, lang);
      await expectNoAxeViolations(page, `confirmation page, ${lang}`);
      await page.context().close();
    });

    it('the form at 320 px', E2E, async () => {
      const page = await browser.newPage(MOBILE_320);
      await page.goto(server.url(`/?lang=${lang}`));
      await expectNoAxeViolations(page, `form at 320 px, ${lang}`);
      await page.context().close();
    });

    it('the follow-up page: open, with an offer, and closed with the survey', E2E, async () => {
      server.setNow('2026-04-30T09:00:00+02:00');
      const body = {
        description: 'Afspraken werden steeds verzet.',
        language: lang,
        commissioningParty: { type: 'UWV', name: 'UWV Utrecht', contact: '088 898 92 94' },
      };
      const page = await browser.newPage();

      const open = await server.submitViaApi(body);
      await page.goto(inLanguage(open.followUpUrl, lang));
      await expectLang(page, lang);
      await expectNoAxeViolations(page, `follow-up page, open, ${lang}`);

      const offered = await server.submitViaApi(body);
      await bringToOffer(server, offered.reference);
      await page.goto(inLanguage(offered.followUpUrl, lang));
      await expectNoAxeViolations(page, `follow-up page with an offer, ${lang}`);
      // After an action: the role=status message.
      await page.locator('form[action$="/request-hearing"] [type=submit]').click();
      await page.waitForURL(/[?&]done=/);
      await expectLang(page, lang);
      await expectNoAxeViolations(page, `follow-up page after an action, ${lang}`);

      const closed = await server.submitViaApi(body);
      await bringToClosed(server, closed.reference);
      await page.goto(inLanguage(closed.followUpUrl, lang));
      await page.locator('form[action$="/answer-survey"]').waitFor();
      await expectNoAxeViolations(page, `follow-up page, closed, with the survey, ${lang}`);
      await page.context().close();
    });
  });

  it('gives the personal fields labels and autocomplete tokens (WCAG 1.3.5)', E2E, async () => {
    const page = await browser.newPage({ javaScript: false });
    await page.goto(server.url('/'));
    const fields = await page.evaluate(() =>
      ['name', 'email', 'phone', 'postalAddress'].map((name) => {
        const input = document.getElementById(`field-${name}`) as HTMLInputElement | null;
        const label = input
          ? document.querySelector(`label[for="field-${name}"]`)?.textContent?.trim()
          : null;
        return { name, autocomplete: input?.getAttribute('autocomplete') ?? null, labelled: Boolean(label) };
      }),
    );
    expect(fields).toEqual([
      { name: 'name', autocomplete: 'name', labelled: true },
      { name: 'email', autocomplete: 'email', labelled: true },
      { name: 'phone', autocomplete: 'tel', labelled: true },
      { name: 'postalAddress', autocomplete: 'street-address', labelled: true },
    ]);
    await page.context().close();
  });

  it(
    'fails on a page that breaks the rules, naming the rule (so 0 violations means something)',
    E2E,
    async () => {
      const page = await browser.newPage();
      await page.setContent('<html><body><main><img src="x.png"><input id="q"></main></body></html>');
      const error = await expectNoAxeViolations(page, 'a bad page').catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/html-has-lang/);
      expect((error as Error).message).toMatch(/image-alt/);
      expect((error as Error).message).toMatch(/label/);
      await page.context().close();
    },
  );
});
