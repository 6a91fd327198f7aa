/**
 * The annual analysis page in Debian's Chromium, on the crafted data set: axe-core finds no WCAG 2.2 AA
 * violation (internal and publishable, Dutch and English, the judgement with errors, the confirmation, an
 * adopted year, an administrator's view); the judgement is saved and adopted without JavaScript and with the
 * keyboard alone; the page does not scroll sideways at 320 px (wide tables scroll inside their own box).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  describeInBrowser,
  type E2eBrowser,
  type E2ePage,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  MOBILE_320,
  type PageOptions,
} from '../e2e/helpers/browser.ts';
import { type E2eServer, startServer } from '../e2e/helpers/server.ts';
import { signInBrowser } from '../e2e/helpers/staff.ts';
import { DATASET_SETTINGS, insertDataset, REPORT_NOW } from './dataset.ts';

const E2E = { timeout: 240_000 };

let browser: E2eBrowser;
let server: E2eServer;

async function pageAs(key: string, url: string, options: PageOptions = DESKTOP): Promise<E2ePage> {
  const page = await browser.newPage(options);
  await signInBrowser(page, server, key);
  const response = await page.goto(server.url(url));
  expect(response!.status(), `${url} as ${key}`).toBe(200);
  return page;
}

describeInBrowser('the annual analysis page in a browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchBrowser(),
      startServer('sqlite', {
        settings: (settings) => {
          settings.teams = DATASET_SETTINGS.teams;
        },
      }),
    ]);
    await insertDataset(server.t.db.kysely);
    server.setNow(REPORT_NOW.toISOString());
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('axe-core, WCAG 2.2 AA', () => {
    for (const lang of ['nl', 'en']) {
      it(`finds no violations on the internal and the publishable report in ${lang}`, E2E, async () => {
        const page = await pageAs('qm', `/staff/analysis/2025?lang=${lang}`);
        expect(await page.locator('svg[role="img"]').count()).toBe(15);
        await expectNoAxeViolations(page, `internal report (${lang})`);
        await page.goto(server.url('/staff/analysis/2025?version=publishable'));
        expect(await page.locator('textarea').count()).toBe(0);
        await expectNoAxeViolations(page, `publishable report (${lang})`);
        expect(page.problems).toEqual([]);
      });
    }

    it('finds none for an administrator, who reads without the form', E2E, async () => {
      const page = await pageAs('admin', '/staff/analysis/2024');
      expect(await page.locator('textarea').count()).toBe(0);
      await expectNoAxeViolations(page, 'report for an administrator');
    });
  });

  it('saves and adopts the judgement without JavaScript, errors first', E2E, async () => {
    const page = await browser.newPage({ ...DESKTOP, javaScript: false });
    await signInBrowser(page, server, 'qm');
    await page.goto(server.url('/staff/analysis/2025'));
    await page.fill('#field-trends_conclusions', 'Klachten over afspraken stegen duidelijk.');
    await page.fill('#field-satisfaction_conclusions', 'Meestal tevreden na het eerste aanbod.');
    await page.click('button[formaction="/staff/analysis/2025/adopt"]');
    // The third conclusion is missing: the page comes back with the summary, the rest kept.
    expect(await page.locator('#error-summary').textContent()).toContain(
      'Schrijf een conclusie over preventie',
    );
    expect(await page.inputValue('#field-satisfaction_conclusions')).toBe(
      'Meestal tevreden na het eerste aanbod.',
    );
    await page.fill('#field-prevention_conclusions', 'Nog te vroeg om te zeggen.');
    await page.click('button[formaction="/staff/analysis/2025/adopt"]');
    expect(await page.locator('h1').textContent()).toBe('Jaaranalyse 2025 vaststellen?');
    await page.click('main form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/staff/analysis/2025');
    expect(await page.locator('main').textContent()).toContain(
      'Vastgesteld op 16 februari 2026 door Petra de Vries.',
    );
  });

  it('after adoption: the adopted year and the error and confirmation pages pass axe too', E2E, async () => {
    const page = await pageAs('qm', '/staff/analysis/2025');
    await expectNoAxeViolations(page, 'an adopted year');
    // 2024: the judgement with an error (a conclusion missing when adopting), then the confirmation page.
    await page.goto(server.url('/staff/analysis/2024'));
    await page.fill('#field-trends_conclusions', 'Conclusie over trends.');
    await page.click('button[formaction="/staff/analysis/2024/adopt"]');
    expect(await page.locator('#error-summary').count()).toBe(1);
    await expectNoAxeViolations(page, 'judgement with an error');
    for (const question of ['trends', 'satisfaction', 'prevention']) {
      await page.fill(`#field-${question}_conclusions`, `Conclusie over ${question}.`);
    }
    await page.click('button[formaction="/staff/analysis/2024/adopt"]');
    await expectNoAxeViolations(page, 'confirmation');
  });

  it('works with the keyboard alone: the chooser', E2E, async () => {
    const page = await pageAs('qm', '/staff/analysis/2025');
    await page.focus('#field-year');
    // The year one down the list (2024), Tab to the version (one stop for the group), the next choice.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/staff\/analysis\/2024/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).search).toBe('?version=publishable');
  });

  it('does not scroll sideways at 320 px', E2E, async () => {
    const page = await pageAs('qm', '/staff/analysis/2025', MOBILE_320);
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.offenders.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
  });
});
