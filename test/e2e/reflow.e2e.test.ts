/**
 * Reflow (WCAG 1.4.10) and zoom (1.4.4): no horizontal scrolling at 320 CSS px wide, nor at 200 % zoom of a
 * 1280 px window (a 640 px layout viewport at device pixel ratio 2: see helpers/browser.ts), on the form,
 * the form with errors, the confirmation page and the follow-up page (open, and with an offer).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeInBrowser,
  type E2eBrowser,
  horizontalOverflow,
  launchBrowser,
  MOBILE_320,
  type PageOptions,
  ZOOM_200,
} from './helpers/browser.ts';
import { fillComplaintForm, followUpLink, fullComplaint, send } from './helpers/form.ts';
import { bringToOffer, type E2eServer, startServer } from './helpers/server.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 120_000 };

let browser: E2eBrowser;
let server: E2eServer;

async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await horizontalOverflow(page);
  expect(
    overflow.scrollWidth,
    `${what} at ${overflow.innerWidth} px scrolls sideways (${page.url()}); sticking out:\n  ${overflow.offenders.join('\n  ')}`,
  ).toBeLessThanOrEqual(overflow.innerWidth);
}

const VIEWPORTS: Array<[string, PageOptions]> = [
  ['320 px', MOBILE_320],
  ['200 % zoom', ZOOM_200],
];

describeInBrowser('reflow and zoom', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(VIEWPORTS)('no horizontal scrolling at %s', (_label, viewport) => {
    it(
      'on the form (nl and en), with errors, on the confirmation page and the follow-up page',
      E2E,
      async () => {
        const page = await browser.newPage(viewport);
        await page.goto(server.url('/?lang=en'));
        await expectNoHorizontalScroll(page, 'the English form');
        await page.goto(server.url('/'));
        await expectNoHorizontalScroll(page, 'the form');
        expect(await page.evaluate(() => window.innerWidth)).toBe(viewport.width);

        // With errors, and long unbroken input (a pasted URL) in the fields.
        await fillComplaintForm(page, {
          description: '',
          eventPlace: `https://www.example.nl/${'heel-lang-pad-'.repeat(12)}`,
          email: 'geen-adres',
        });
        expect((await send(page)).status).toBe(400);
        await expectNoHorizontalScroll(page, 'the form with errors');

        await fillComplaintForm(page, fullComplaint(`reflow ${viewport.width}`));
        expect((await send(page)).status).toBe(200);
        await expectNoHorizontalScroll(page, 'the confirmation page');

        await Promise.all([page.waitForNavigation(), followUpLink(page).click()]);
        await expectNoHorizontalScroll(page, 'the follow-up page');
        await page.context().close();
      },
    );

    it('on the follow-up page with an offer and after an action', E2E, async () => {
      server.setNow('2026-04-30T09:00:00+02:00');
      const { reference, followUpUrl } = await server.submitViaApi({
        description: 'Afspraken werden steeds verzet.',
        commissioningParty: {
          type: 'UWV',
          name: 'UWV Werkbedrijf regio Midden-Utrecht',
          contact: 'klachten@uwv.example.nl',
        },
        reporter: { email: 'mila@example.nl' },
      });
      await bringToOffer(server, reference);
      const page = await browser.newPage(viewport);
      await page.goto(followUpUrl);
      await expectNoHorizontalScroll(page, 'the follow-up page with an offer');
      await page.locator('form[action$="/request-hearing"] [type=submit]').click();
      await page.waitForURL(/[?&]done=/);
      await expectNoHorizontalScroll(page, 'the follow-up page after asking to be heard');
      await page.context().close();
    });
  });
});
