/**
 * Submitting the improvement form in a real browser: without JavaScript (every field and attachment must
 * reach the staff API intact, on SQLite and PostgreSQL), with JavaScript, and with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import {
  describeInBrowser,
  type E2eBrowser,
  focusIndicator,
  launchBrowser,
  tabTo,
} from './helpers/browser.ts';
import {
  expectedStaffView,
  field,
  fillComplaintForm,
  followUpLink,
  fullComplaint,
  pressEnterAndWait,
  referenceOn,
  send,
  visibleText,
} from './helpers/form.ts';
import { type E2eServer, sha256, startServer } from './helpers/server.ts';

// Generous: on a loaded two-core machine one page with axe can take seconds.
const E2E = { timeout: 120_000 };

let browser: E2eBrowser;

describeInBrowser('submitting the form in a browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  describeEachDialect('the form without JavaScript', (dialect) => {
    let server: E2eServer;
    beforeAll(async () => {
      server = await startServer(dialect);
    }, 60_000);
    afterAll(() => server?.close());

    it(
      'stores every field and every attachment byte for byte, and shows the reference and follow-up link',
      E2E,
      async () => {
        server.setNow('2026-04-30T09:00:00+02:00');
        const page = await browser.newPage({ javaScript: false });
        expect((await page.goto(server.url('/')))!.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
        const values = fullComplaint(`zonder JS ${dialect}`);
        await fillComplaintForm(page, values);

        const result = await send(page);
        expect(result).toEqual({ status: 200, redirectedFrom: 303 });
        expect(new URL(page.url()).pathname).toMatch(/^\/confirmation\/[A-Za-z0-9_-]{22,}$/);
        const reference = await referenceOn(page);
        expect(reference).toMatch(/^VP-2026-\d{5}$/);
        // Real dates from the working-day calendar: received Thursday 30 April 2026 (King's Day was the 27th),
        // acknowledgement within 5 working days (5 May is a holiday in the Atw calendar), answer within 4 weeks.
        const main = await visibleText(page);
        expect(main).toContain('8 mei 2026');
        expect(main).toContain('4 juni 2026');

        const view = await server.staffView(reference);
        expect(view).toMatchObject(expectedStaffView(values));
        expect(view.mentions.map((m: { name: string }) => m.name)).toEqual(values.involved);

        // Every attachment stored, byte for byte: the stored hash and the hash of the stored bytes both
        // equal the uploaded file's (the database returns them ordered by name).
        const stored = await server.attachments(reference);
        const uploaded = [...values.attachments!].sort((a, b) => a.name.localeCompare(b.name));
        expect(stored.map((a) => [a.filename, a.contentType, a.size, a.sha256, a.contentSha256])).toEqual(
          uploaded.map((f) => [f.name, f.mimeType, f.buffer.length, sha256(f.buffer), sha256(f.buffer)]),
        );

        // The private link works from the confirmation page, without an account.
        const [followUp] = await Promise.all([page.waitForNavigation(), followUpLink(page).click()]);
        expect(followUp!.status()).toBe(200);
        expect(new URL(page.url()).pathname).toMatch(/^\/follow-up\/[A-Za-z0-9_-]{22,}$/);
        expect(await visibleText(page)).toContain(reference);
        await page.context().close();
      },
    );
  });

  describe('the form with JavaScript [sqlite]', () => {
    let server: E2eServer;
    beforeAll(async () => {
      server = await startServer('sqlite');
    }, 60_000);
    afterAll(() => server?.close());

    it('submits anonymously in English, with no script errors or CSP reports', E2E, async () => {
      server.setNow('2026-04-30T09:00:00+02:00');
      const page = await browser.newPage();
      await page.goto(server.url('/?lang=en'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const values = {
        description: 'Nobody told me the appointment had moved to Amersfoort.',
        desiredOutcome: 'Tell me in time, by text message.',
        contactChoice: 'anonymous' as const,
        role: 'candidate',
      };
      await fillComplaintForm(page, values);
      expect(await send(page)).toEqual({ status: 200, redirectedFrom: 303 });
      const reference = await referenceOn(page);
      const main = await visibleText(page);
      expect(main).toContain('8 May 2026');
      expect(main).toContain('4 June 2026');
      expect(await followUpLink(page).count()).toBe(1);
      const view = await server.staffView(reference);
      expect(view).toMatchObject({
        description: values.description,
        desiredOutcome: values.desiredOutcome,
        reporter: {
          anonymous: true,
          name: null,
          email: null,
          phone: null,
          postalAddress: null,
          language: 'en',
        },
      });
      expect(page.problems).toEqual([]);
      await page.context().close();
    });

    it(
      'can be done with the keyboard alone, with visible focus on every stop, from the form to a follow-up action',
      E2E,
      async () => {
        server.setNow('2026-04-30T09:00:00+02:00');
        const page = await browser.newPage();
        await page.goto(server.url('/'));
        const stops: string[] = [];
        const noFocusStyle: string[] = [];
        const tabAndType = async (name: string, text: string) => {
          stops.push(...(await tabTo(page, `#field-${name}`)));
          if (!(await focusIndicator(page))) noFocusStyle.push(`#field-${name}`);
          await page.keyboard.type(text);
        };

        await tabAndType('description', 'De jobcoach sprak over mij met een andere kandidaat erbij.');
        const dateType = await field(page, 'eventDate').getAttribute('type');
        // Headless Chromium lays out a date input's segments as mm/dd/yyyy whatever the locale, so the
        // digits go in that order; a text input takes the date as the hint writes it.
        await tabAndType('eventDate', dateType === 'date' ? '04282026' : '28-04-2026');
        expect(await field(page, 'eventDate').inputValue()).toMatch(/^(2026-04-28|28-04-2026)$/);
        await tabAndType('eventPlace', 'Wachtruimte');
        await tabAndType('desiredOutcome', 'Dat dit niet meer gebeurt.');
        // The radio group: Tab reaches it, Space chooses the focused option.
        stops.push(...(await tabTo(page, 'input[name=contactChoice]')));
        if (!(await focusIndicator(page))) noFocusStyle.push('input[name=contactChoice]');
        const focusedChoice = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
        if (focusedChoice !== 'contact') await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Space');
        await tabAndType('name', 'Sem Visser');
        await tabAndType('email', 'sem@example.nl');
        stops.push(...(await tabTo(page, '#field-consentToContact')));
        await page.keyboard.press('Space');
        stops.push(
          ...(await tabTo(page, 'form:has(#field-description) [type=submit]:not([name=switchLang])')),
        );
        if (!(await focusIndicator(page))) noFocusStyle.push('send button');
        const sent = await pressEnterAndWait(page);
        expect(sent, sent.status === 400 ? await visibleText(page.locator('#error-summary')) : '').toEqual({
          status: 200,
          redirectedFrom: 303,
        });

        const reference = await referenceOn(page);
        const view = await server.staffView(reference);
        expect(view).toMatchObject({
          description: 'De jobcoach sprak over mij met een andere kandidaat erbij.',
          event: { date: '2026-04-28', place: 'Wachtruimte' },
          desiredOutcome: 'Dat dit niet meer gebeurt.',
          reporter: { anonymous: false, name: 'Sem Visser', email: 'sem@example.nl', consentToContact: true },
        });
        // The honeypot is never a tab stop.
        expect(stops.filter((s) => s.includes('[name=website]'))).toEqual([]);

        // On to the follow-up page and one action there, still by keyboard.
        stops.push(...(await tabTo(page, 'main a[href*="/follow-up/"]')));
        if (!(await focusIndicator(page))) noFocusStyle.push('follow-up link');
        expect((await pressEnterAndWait(page)).status).toBe(200);
        stops.push(...(await tabTo(page, 'form[action$="/add-information"] textarea[name=text]')));
        await page.keyboard.type('Er was ook een collega bij.');
        stops.push(...(await tabTo(page, 'form[action$="/add-information"] [type=submit]')));
        if (!(await focusIndicator(page))) noFocusStyle.push('add-information button');
        expect(await pressEnterAndWait(page)).toEqual({ status: 200, redirectedFrom: 303 });
        expect(new URL(page.url()).searchParams.get('done')).toMatch(/add-?information/i);
        await page.getByRole('status').first().waitFor();
        const after = await server.staffView(reference);
        expect(after.reporterMessages.map((m: { text: string }) => m.text)).toEqual([
          'Er was ook een collega bij.',
        ]);

        expect(noFocusStyle, `no visible focus style on: ${noFocusStyle.join(', ')}`).toEqual([]);
        expect(page.problems).toEqual([]);
        await page.context().close();
      },
    );
  });
});
