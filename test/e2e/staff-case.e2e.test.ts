/**
 * The case page and its action forms in Debian's Chromium: axe-core finds no WCAG 2.2 AA violation in Dutch
 * and English (the page of a worked case, an involved person's own part, and forms with and without errors),
 * one action is taken with the keyboard alone, nothing scrolls sideways at 320 px, and the README's
 * screenshots are made (into docs/screenshots when UPDATE_SCREENSHOTS=1, else a temporary directory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { investigating, registerByPhone, workedCase } from '../staff/case-fixtures.ts';
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
import { navigationResult, visibleText } from './helpers/form.ts';
import { type E2eServer, startServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/staff.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 180_000 };

let browser: E2eBrowser;
let server: E2eServer;
let worked: string;
let open: string;

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

describeInBrowser('the case page in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    worked = await workedCase(server.t, {
      description:
        'Mijn jobcoach kwam drie keer niet op de afgesproken tijd. Ik voel me niet serieus genomen.',
    });
    server.setNow('2026-05-18T11:00:00+02:00');
    open = await registerByPhone(server.t);
    await investigating(server.t, open);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('axe-core, WCAG 2.2 AA', () => {
    for (const lang of ['nl', 'en']) {
      it(`finds no violations on the case pages in ${lang}`, E2E, async () => {
        const qm = await pageAs('qm', `/staff/complaints/${worked}?lang=${lang}`);
        await expectNoAxeViolations(qm, `worked case as the quality manager (${lang})`);
        await qm.goto(server.url(`/staff/complaints/${open}?lang=${lang}`));
        await expectNoAxeViolations(qm, `case under investigation (${lang})`);
        const involved = await pageAs('coach', `/staff/complaints/${open}?lang=${lang}`);
        await expectNoAxeViolations(involved, `the involved person's own part (${lang})`);
      });

      it(`finds no violations on action forms, also with errors, in ${lang}`, E2E, async () => {
        const handler = await pageAs('handler', `/staff/complaints/${open}/actions/decide?lang=${lang}`);
        await expectNoAxeViolations(handler, `decide (${lang})`);
        await Promise.all([handler.waitForNavigation(), handler.locator('main form [type=submit]').click()]);
        expect(await handler.locator('#error-summary').count()).toBe(1);
        await expectNoAxeViolations(handler, `decide with errors (${lang})`);
        for (const slug of ['record-third-party-agreement', 'add-attachment', 'add-involved-person']) {
          await handler.goto(server.url(`/staff/complaints/${open}/actions/${slug}`));
          await expectNoAxeViolations(handler, `${slug} (${lang})`);
        }
        const qm = await pageAs('qm', `/staff/complaints/${open}/actions/reassign-handler?lang=${lang}`);
        await expectNoAxeViolations(qm, `reassign-handler (${lang})`);
      });
    }
  });

  it('records the short summary with the keyboard alone', E2E, async () => {
    const page = await pageAs('handler', `/staff/complaints/${open}`);
    await tabTo(page, 'a[href$="/actions/record-summary"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/staff/complaints/${open}/actions/record-summary`);
    await tabTo(page, '#field-summary');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Jobcoach kwam op 27 april niet; met de bijzondere omstandigheden.');
    await tabTo(page, 'main form [type=submit]');
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await navigationResult(response)).toEqual({ status: 200, redirectedFrom: 303 });
    expect(await visibleText(page.getByRole('status').first())).toBe('De korte omschrijving is vastgelegd.');
    expect((await server.staffView(open)).summary).toBe(
      'Jobcoach kwam op 27 april niet; met de bijzondere omstandigheden.',
    );
  });

  it('does not scroll sideways at 320 px', E2E, async () => {
    const page = await pageAs('qm', `/staff/complaints/${worked}`, MOBILE_320);
    await expectNoHorizontalScroll(page, 'the worked case page');
    await page.goto(server.url(`/staff/complaints/${open}/actions/add-involved-person`));
    await expectNoHorizontalScroll(page, 'the form to add an involved person');
    await page.goto(server.url(`/staff/complaints/${open}/actions/reassign-handler`));
    await expectNoHorizontalScroll(page, 'the reassign form');
    const handler = await pageAs('handler', `/staff/complaints/${open}/actions/decide`, MOBILE_320);
    await Promise.all([handler.waitForNavigation(), handler.locator('main form [type=submit]').click()]);
    await expectNoHorizontalScroll(handler, 'the decide form with errors');
  });

  it('makes the screenshots of a worked case page and an action page', E2E, async () => {
    const update = process.env.UPDATE_SCREENSHOTS === '1';
    const dir = update
      ? path.resolve('docs/screenshots')
      : mkdtempSync(path.join(os.tmpdir(), 'vp-staff-case-'));
    try {
      const shoot = async (page: Page, name: string) => {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
        await page.screenshot({
          path: path.join(dir, name),
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        });
      };
      // The top of a worked case: the whole page is many screens long.
      const kase = await pageAs('qm', `/staff/complaints/${worked}`, { width: 1280, height: 2000 });
      await kase.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
      await kase.screenshot({
        path: path.join(dir, 'staff-case-nl.png'),
        animations: 'disabled',
        caret: 'hide',
      });
      const decide = await pageAs('handler', `/staff/complaints/${open}/actions/decide`);
      await Promise.all([decide.waitForNavigation(), decide.locator('main form [type=submit]').click()]);
      await shoot(decide, 'staff-action-nl.png');
    } finally {
      if (!update) rmSync(dir, { recursive: true, force: true });
    }
  });
});
