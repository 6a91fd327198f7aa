/**
 * Every action on the reporter's follow-up page, in a real browser: each form posts, redirects to
 * `?done=<action>` with a role=status message, and lands in the case as the handler sees it through the
 * staff API. Cases are brought to the right state through the staff API.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, type E2eBrowser, launchBrowser, makePdf, makePng } from './helpers/browser.ts';
import { navigationResult, visibleText } from './helpers/form.ts';
import { bringToClosed, bringToOffer, type E2eServer, sha256, startServer } from './helpers/server.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 120_000 };

let browser: E2eBrowser;
let server: E2eServer;

const actionForm = (page: Page, action: string): Locator => page.locator(`form[action$="/${action}"]`);

/** Submits the action's form and expects the 303 back to `?done=<action>` and a role=status message. */
async function submitAction(page: Page, action: string): Promise<string> {
  const form = actionForm(page, action);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    form.locator('[type=submit]').first().click(),
  ]);
  const result = await navigationResult(response);
  expect(result, `${action}: ${page.url()}`).toEqual({ status: 200, redirectedFrom: 303 });
  const url = new URL(page.url());
  expect(url.pathname).toMatch(/^\/follow-up\/[A-Za-z0-9_-]+$/);
  expect(url.searchParams.get('done')?.replace(/-/g, '').toLowerCase()).toBe(
    action.replace(/-/g, '').toLowerCase(),
  );
  const status = page.getByRole('status').filter({ hasText: /\S/ }).first();
  await status.waitFor();
  return visibleText(status);
}

async function openCase(options: { javaScript?: boolean; body?: Record<string, unknown> } = {}) {
  server.setNow('2026-04-30T09:00:00+02:00');
  const submitted = await server.submitViaApi({
    description: 'Afspraken met de jobcoach werden steeds verzet.',
    ...options.body,
  });
  const page = await browser.newPage({ javaScript: options.javaScript ?? true });
  const response = await page.goto(submitted.followUpUrl);
  expect(response!.status()).toBe(200);
  expect(await visibleText(page)).toContain(submitted.reference);
  return { ...submitted, page };
}

describeInBrowser('the follow-up page in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('the follow-up page', () => {
    it('adds information with attachments; the handler sees the text and the exact files', E2E, async () => {
      const { reference, page } = await openCase();
      server.setNow('2026-05-01T10:00:00+02:00');
      const files = [
        { name: 'brief-uwv.pdf', mimeType: 'application/pdf', buffer: makePdf('follow-up') },
        { name: 'schermafdruk.png', mimeType: 'image/png', buffer: makePng('follow-up', 40, 30) },
      ];
      const form = actionForm(page, 'add-information');
      await form.locator('[name=text]').fill('Het gebeurde ook op 28 april.\nZie de brief.');
      await form.locator('input[type=file][name=attachments]').setInputFiles(files);
      const message = await submitAction(page, 'add-information');
      expect(message.length).toBeGreaterThan(5);

      const view = await server.staffView(reference);
      expect(view.reporterMessages.map((m: { at: string; text: string }) => [m.at, m.text])).toEqual([
        ['2026-05-01T08:00:00.000Z', 'Het gebeurde ook op 28 april.\nZie de brief.'],
      ]);
      expect(view.history.map((e: { action: string }) => e.action)).toContain('addInformation');
      expect(view.history.at(-1)).toMatchObject({ actorLabel: 'reporter' });
      const stored = await server.attachments(reference);
      expect(stored.map((a) => [a.filename, a.contentType, a.size, a.sha256, a.contentSha256])).toEqual(
        files.map((f) => [f.name, f.mimeType, f.buffer.length, sha256(f.buffer), sha256(f.buffer)]),
      );
      expect(page.problems).toEqual([]);
      await page.context().close();
    });

    it('refuses empty information with a message at the field, and stores nothing', E2E, async () => {
      const { reference, page } = await openCase({ javaScript: false });
      const form = actionForm(page, 'add-information');
      await form.locator('[name=text]').fill('   ');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        form.locator('[type=submit]').first().click(),
      ]);
      expect(response!.status()).toBe(400);
      await page.locator('[role=alert]').first().waitFor();
      expect((await server.staffView(reference)).reporterMessages).toEqual([]);
      await page.context().close();
    });

    it('asks to be heard (without JavaScript)', E2E, async () => {
      const { reference, page } = await openCase({ javaScript: false });
      await submitAction(page, 'request-hearing');
      const view = await server.staffView(reference);
      expect(view.hearingOffers).toEqual([
        expect.objectContaining({ method: 'follow_up_page', answer: 'accepted' }),
      ]);
      expect(view.history.at(-1)).toMatchObject({ action: 'requestHearing', actorLabel: 'reporter' });
      await page.context().close();
    });

    it('reacts to an offer: satisfied', E2E, async () => {
      const { reference, page } = await openCase({ body: { reporter: { phone: '0612345678' } } });
      await bringToOffer(server, reference);
      await page.reload();
      expect(await visibleText(page)).toContain('Een vaste afspraakdag met dezelfde jobcoach.');
      await actionForm(page, 'record-offer-accepted').locator('[name=reaction]').fill('Fijn, dat helpt mij.');
      await submitAction(page, 'record-offer-accepted');
      const view = await server.staffView(reference);
      expect(view.offers.at(-1)).toMatchObject({ satisfied: true, reaction: 'Fijn, dat helpt mij.' });
      expect(view.status).toBe('offer_accepted');
      // The offer is answered: no reaction forms any more.
      expect(await actionForm(page, 'record-offer-accepted').count()).toBe(0);
      expect(await actionForm(page, 'record-offer-rejected').count()).toBe(0);
      await page.context().close();
    });

    it('reacts to an offer: not satisfied', E2E, async () => {
      const { reference, page } = await openCase({ javaScript: false });
      await bringToOffer(server, reference);
      await page.reload();
      await actionForm(page, 'record-offer-rejected')
        .locator('[name=reaction]')
        .fill('Ik wil liever een andere jobcoach.');
      await submitAction(page, 'record-offer-rejected');
      const view = await server.staffView(reference);
      expect(view.offers.at(-1)).toMatchObject({
        satisfied: false,
        reaction: 'Ik wil liever een andere jobcoach.',
      });
      expect(view.status).toBe('offer_rejected');
      await page.context().close();
    });

    it('withdraws only after the confirmation box is ticked', E2E, async () => {
      const { reference, page } = await openCase();
      const form = actionForm(page, 'withdraw');
      await form.locator('[name=reason]').fill('Opgelost met mijn werkgever.');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        form.locator('[type=submit]').first().click(),
      ]);
      expect(refused!.status()).toBe(400);
      expect((await server.staffView(reference)).status).toBe('registered');
      // The reason typed is still there.
      expect(await actionForm(page, 'withdraw').locator('[name=reason]').inputValue()).toBe(
        'Opgelost met mijn werkgever.',
      );

      await actionForm(page, 'withdraw').locator('[name=confirm]').check();
      await submitAction(page, 'withdraw');
      const view = await server.staffView(reference);
      expect(view.status).toBe('withdrawn');
      expect(view.withdrawal).toMatchObject({ reason: 'Opgelost met mijn werkgever.' });
      // Nothing more to do on a withdrawn case.
      expect(await page.locator('main form[action*="/follow-up/"]').count()).toBe(0);
      await page.context().close();
    });

    it('answers the satisfaction survey after closing, once', E2E, async () => {
      const { reference, page } = await openCase();
      expect(await actionForm(page, 'answer-survey').count()).toBe(0);
      await bringToClosed(server, reference);
      await page.reload();
      const form = actionForm(page, 'answer-survey');
      await form.locator('input[name=handledWell][value=partly]').check();
      await form.locator('input[name=onTime][value=yes]').check();
      await form
        .locator('[name=comment]')
        .fill('Duidelijke brief, maar het duurde lang voor ik iets hoorde.');
      await submitAction(page, 'answer-survey');
      const view = await server.staffView(reference);
      expect(view.survey).toMatchObject({
        handledWell: 'partly',
        onTime: 'yes',
        comment: 'Duidelijke brief, maar het duurde lang voor ik iets hoorde.',
      });
      expect(await actionForm(page, 'answer-survey').count()).toBe(0);
      await page.context().close();
    });
  });
});
