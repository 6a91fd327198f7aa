/**
 * The privacy pages in Debian's Chromium: axe-core finds no WCAG 2.2 AA violation on the public privacy
 * statement and on the administrator's privacy pages (overview with holds and a deletion log, search results,
 * the results with errors, a case's legal hold with its history and with an error), in Dutch and English;
 * nothing scrolls sideways at 320 px; a search and a legal hold work without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/commands/retention.ts';
import { act, call } from '../helpers/app.ts';
import {
  describeInBrowser,
  type E2eBrowser,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  MOBILE_320,
} from './helpers/browser.ts';
import { type E2eServer, startServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/staff.ts';

const E2E = { timeout: 300_000 };

let browser: E2eBrowser;
let server: E2eServer;
let open = '';

describeInBrowser('privacy pages in the browser', () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    const t = server.t;
    // One old case (anonymised: the deletion log has a row), one held, one open.
    for (const [day, name] of [
      ['2023-03-01', 'Lotte Brouwer'],
      ['2023-04-03', 'Lotte Brouwer'],
    ] as const) {
      t.setNow(`${day}T09:00:00.000Z`);
      const submitted = await call(t, 'POST', '/api/v1/complaints', {
        body: {
          reporter: { name, email: 'lotte.brouwer@example.nl' },
          description: 'Mijn afspraak werd drie keer verzet.',
        },
      });
      await act(t, 'qm', submitted.json().reference, 'withdraw', { reason: 'Opgelost in een gesprek.' });
    }
    t.setNow('2026-11-02T09:00:00.000Z');
    const held = (await call(t, 'GET', '/api/v1/staff/complaints?q=lotte', { as: 'qm' }))
      .json()
      .items.at(-1).reference;
    await call(t, 'POST', `/api/v1/staff/complaints/${held}/legal-hold`, {
      as: 'qm',
      body: { hold: true, reason: 'Procedure C/16/777' },
    });
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Lotte Brouwer', email: 'lotte.brouwer@example.nl', phone: '06 12121212' },
        description: 'Weer niemand bereikbaar.',
      },
    });
    open = submitted.json().reference;
    await runRetention({ db: t.db, now: new Date('2026-11-02T09:00:00.000Z') });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(['nl', 'en'] as const)('in %s', (lang) => {
    const q = (path: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

    it('the public privacy statement', E2E, async () => {
      const page = await browser.newPage();
      await page.goto(server.url(q('/privacy')));
      await expectNoAxeViolations(page, `privacy statement, ${lang}`);
      expect(await page.locator('h1').textContent()).toBe(
        lang === 'nl'
          ? 'Privacyverklaring: uw klacht en uw gegevens'
          : 'Privacy statement: your complaint and your information',
      );
      const narrow = await browser.newPage(MOBILE_320);
      await narrow.goto(server.url(q('/privacy')));
      const overflow = await horizontalOverflow(narrow);
      expect(overflow.scrollWidth, overflow.offenders.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
      await page.context().close();
      await narrow.context().close();
    });

    it(
      'the administrator pages: overview, results, errors; the legal hold with and without an error',
      E2E,
      async () => {
        const page = await browser.newPage();
        await signInBrowser(page, server, 'admin');
        await page.goto(server.url(q('/staff/admin/privacy')));
        await expectNoAxeViolations(page, `privacy overview, ${lang}`);

        await page.getByLabel(lang === 'nl' ? 'Zoek naar' : 'Search for').fill('lotte.brouwer@example.nl');
        await page.getByRole('button', { name: lang === 'nl' ? 'Zoeken' : 'Search', exact: true }).click();
        await page.waitForURL(/\/staff\/admin\/privacy\/find/);
        expect(await page.locator('#field-cases tbody tr').count()).toBe(2);
        await expectNoAxeViolations(page, `search results, ${lang}`);

        await page
          .getByRole('button', {
            name: lang === 'nl' ? 'Gekozen klachten wissen' : 'Erase the chosen complaints',
          })
          .click();
        await page.locator('#error-summary').waitFor();
        await expectNoAxeViolations(page, `results with errors, ${lang}`);

        await page.goto(server.url(q(`/staff/admin/privacy/cases/${open}`)));
        await expectNoAxeViolations(page, `legal hold, ${lang}`);
        await page
          .getByRole('button', { name: lang === 'nl' ? 'Bewaarplicht instellen' : 'Set the legal hold' })
          .click();
        await page.locator('#error-summary').waitFor();
        await expectNoAxeViolations(page, `legal hold with an error, ${lang}`);
        await page.getByLabel(lang === 'nl' ? 'Reden' : 'Reason', { exact: true }).fill(`Onderzoek ${lang}`);
        await page
          .getByRole('button', { name: lang === 'nl' ? 'Bewaarplicht instellen' : 'Set the legal hold' })
          .click();
        await page.waitForURL(/done=hold-set/);
        await page
          .getByRole('button', { name: lang === 'nl' ? 'Bewaarplicht opheffen' : 'Lift the legal hold' })
          .waitFor();
        await page.getByLabel(lang === 'nl' ? 'Reden' : 'Reason', { exact: true }).fill(`Klaar ${lang}`);
        await page
          .getByRole('button', { name: lang === 'nl' ? 'Bewaarplicht opheffen' : 'Lift the legal hold' })
          .click();
        await page.waitForURL(/done=hold-lifted/);
        await expectNoAxeViolations(page, `legal hold with history, ${lang}`);
        await page.context().close();
      },
    );

    it('the overview at 320 px scrolls only inside its tables', E2E, async () => {
      const page = await browser.newPage(MOBILE_320);
      await signInBrowser(page, server, 'admin');
      await page.goto(server.url(q('/staff/admin/privacy')));
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, overflow.offenders.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
      await expectNoAxeViolations(page, `privacy overview at 320 px, ${lang}`);
      await page.context().close();
    });
  });
});
