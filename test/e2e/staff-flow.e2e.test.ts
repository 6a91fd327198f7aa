/**
 * One complaint from a phone call to closed, in the browser, acting as each role in turn (the issue's
 * end-to-end test): the receiver registers it, the quality manager links the person the reporter named and
 * appoints a neutral handler, the handler acknowledges and investigates, the involved employee agrees to the
 * summary of their reaction, the handler judges, offers a measure, records the reporter's satisfaction,
 * confirms in writing, follows the agreed measure up, reports, decides on prevention and closes. Every step
 * is a click on what the case page offers, and a form filled in as a person would.
 *
 * On SQLite always; on PostgreSQL as well where it runs (CI makes it mandatory).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIALECTS, skipReason } from '../helpers/databases.ts';
import { describeInBrowser, type E2eBrowser, type E2ePage, launchBrowser } from './helpers/browser.ts';
import { type E2eServer, startServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/staff.ts';

for (const dialect of DIALECTS) {
  describeInBrowser(`from phone intake to closed, as each role [${dialect}]`, () => {
    let server: E2eServer;
    let browser: E2eBrowser;
    const pages: Record<string, E2ePage> = {};
    let reference = '';

    beforeAll(async () => {
      if (skipReason(dialect)) return;
      server = await startServer(dialect);
      browser = await launchBrowser();
      // Thursday 30 April 2026: the call comes in at 14:30; the receiver registers it at 16:00.
      server.setNow('2026-04-30T16:00:00+02:00');
      for (const key of ['advisor', 'qm', 'handler', 'coach']) pages[key] = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const ready = () => !skipReason(dialect);

    /**
     * The browser of `key`, signed in now: the test moves the clock by days between steps, which ends any
     * session by its idle timeout, as it would in real life.
     */
    async function as(key: string): Promise<E2ePage> {
      await signInBrowser(pages[key]!, server, key);
      return pages[key]!;
    }

    /** Opens the case page as this user. */
    async function openCase(page: E2ePage) {
      const response = await page.goto(server.url(`/staff/complaints/${reference}`));
      expect(response?.status()).toBe(200);
    }

    /** Follows the case page's link to an action (it must be offered) and lands on its form. */
    async function startAction(page: E2ePage, action: string) {
      await openCase(page);
      const link = page.locator(`li[data-action="${action}"] a`);
      expect(await link.count(), `${action} offered`).toBe(1);
      await Promise.all([page.waitForURL(/\/actions\//), link.click()]);
    }

    /** Sends the action's form and checks it went through: back on the case page, no error summary. */
    async function submit(page: E2ePage) {
      const button = page.locator('main form[method="post"] button[type="submit"]').last();
      await Promise.all([page.waitForEvent('load'), button.click()]);
      // Back on the case page; if not, the page's text says why (the error summary).
      expect(page.url(), await page.locator('main').innerText()).toMatch(
        new RegExp(`/staff/complaints/${reference}(\\?|$)`),
      );
      expect(await page.locator('#error-summary').count()).toBe(0);
      expect(page.problems).toEqual([]);
    }

    /** Chooses an option of a field by its visible text, whether the form shows a list or radio buttons. */
    async function choose(page: E2ePage, name: string, label: string) {
      if ((await page.locator(`select[name="${name}"]`).count()) > 0) {
        await page.selectOption(`select[name="${name}"]`, { label });
        return;
      }
      const id = await page
        .locator(`input[type="radio"][name="${name}"]`)
        .evaluateAll(
          (inputs, text) =>
            inputs.find((i) => document.querySelector(`label[for="${i.id}"]`)?.textContent?.trim() === text)
              ?.id,
          label,
        );
      expect(id, `${name}: ${label}`).toBeTruthy();
      await page.check(`#${id}`);
    }

    const offered = (page: E2ePage) =>
      page
        .locator('li[data-action]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-action')));

    it('the receiver registers the phone call', async () => {
      if (!ready()) return;
      const page = await as('advisor');
      await page.goto(server.url('/staff'));
      await Promise.all([
        page.waitForURL(/\/staff\/complaints\/new/),
        page.getByRole('link', { name: 'Klacht registreren' }).first().click(),
      ]);
      await page.selectOption('select[name="channel"]', 'phone');
      await page.fill('[name="receivedAt"]', '2026-04-30T14:30');
      await page.fill('[name="name"]', 'Anouk Verbeek');
      await page.fill('[name="phone"]', '06 12345678');
      await page.fill('[name="email"]', 'anouk@example.org');
      await page.fill(
        '[name="description"]',
        'Mijn jobcoach is drie keer niet op de afspraak verschenen. Ik heb steeds voor niets gewacht.',
      );
      await page.fill('[name="involved"]', 'Jeroen Bakker');
      await page.fill('[name="desiredOutcome"]', 'Vaste afspraken die worden nagekomen.');
      const button = page.locator('main form[method="post"] button[type="submit"]').last();
      await Promise.all([page.waitForURL(/\/staff\/complaints\/VP-\d{4}-\d{5}/), button.click()]);
      reference = /\/staff\/complaints\/(VP-\d{4}-\d{5})/.exec(page.url())![1]!;
      expect(reference).toBe('VP-2026-00001');
      const main = await page.locator('main').innerText();
      expect(main).toContain('Anouk Verbeek');
      // Received Thursday 30 April: 1, 4, (5 May), 6, 7, 8 May → acknowledgement due Friday 8 May 2026;
      // resolution 21 working days: Ascension 14 May, the equated 15 May and Whit Monday 25 May skipped → 4 June.
      expect(main).toMatch(/8 mei 2026/);
      const stored = await server.staffView(reference);
      expect(stored.channel).toBe('phone');
      expect(stored.receivedAt).toBe('2026-04-30T12:30:00.000Z');
      expect(stored.receiverId).toBe(server.t.users.advisor!.id);
      expect(stored.deadlines.acknowledgeBy).toBe('2026-05-08');
      expect(stored.deadlines.resolveBy).toBe('2026-06-04');
      // A receiver who is neither handler nor quality manager has nothing to do on the case.
      expect(await offered(page)).toEqual([]);
    });

    it('the quality manager links the named person and appoints a neutral handler', async () => {
      if (!ready()) return;
      server.setNow('2026-05-01T09:00:00+02:00');
      const page = await as('qm');
      await openCase(page);
      expect(await offered(page)).toContain('linkMention');

      await startAction(page, 'linkMention');
      // The one name the reporter mentioned is chosen already.
      expect(await page.locator('select[name="mentionId"]').inputValue()).not.toBe('');
      await page.check('input[name="link-kind"][value="user"]');
      await choose(page, 'link-userId', 'Jeroen Bakker (Jobcoach)');
      await submit(page);

      await startAction(page, 'setServiceProvidedBy');
      await choose(page, 'involvedPersonId', 'Jeroen Bakker');
      await submit(page);

      await startAction(page, 'assignHandler');
      // The jobcoach is involved: not offered as handler, and the page says why.
      const form = await page.locator('main').innerText();
      expect(form).toContain('Jeroen Bakker');
      const options = await page
        .locator('[name="handlerId"] option, input[name="handlerId"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(options).toContain(server.t.users.handler!.id);
      expect(options).not.toContain(server.t.users.coach!.id);
      if ((await page.locator('select[name="handlerId"]').count()) > 0) {
        await page.selectOption('select[name="handlerId"]', server.t.users.handler!.id);
      } else {
        await page.check(`input[name="handlerId"][value="${server.t.users.handler!.id}"]`);
      }
      await submit(page);
      expect((await server.staffView(reference)).status).toBe('handler_assigned');
    });

    it('the handler summarises, acknowledges, records a call and puts the complaint to the jobcoach', async () => {
      if (!ready()) return;
      server.setNow('2026-05-04T10:00:00+02:00');
      const page = await as('handler');
      await startAction(page, 'recordSummary');
      await page.fill('[name="summary"]', 'Drie afspraken met de jobcoach gingen niet door zonder bericht.');
      await submit(page);

      await startAction(page, 'acknowledge');
      await submit(page);

      await startAction(page, 'recordHearing');
      await page.fill('[name="heldAt"]', '2026-05-04T09:30');
      await page.fill('[name="report"]', 'Melder gebeld: zij wil graag een vaste dag en dezelfde jobcoach.');
      await submit(page);

      await startAction(page, 'startInvestigation');
      await submit(page);

      await startAction(page, 'recordReaction');
      await choose(page, 'involvedPersonId', 'Jeroen Bakker');
      await page.fill(
        '[name="summary"]',
        'De agenda was dubbel geboekt; de afzeggingen zijn niet doorgegeven.',
      );
      await submit(page);

      const stored = await server.staffView(reference);
      expect(stored.status).toBe('investigating');
      expect(stored.acknowledgedAt).toBe('2026-05-04T08:00:00.000Z');
      expect(stored.deadlines.overview.acknowledge).toEqual({ due: '2026-05-08', state: 'met' });
      const letters = await server.t.db.kysely
        .selectFrom('letters')
        .select(['kind', 'recipient_role'])
        .orderBy('created_at')
        .execute();
      expect(letters).toEqual([
        { kind: 'acknowledgement', recipient_role: 'reporter' },
        { kind: 'complaint_copy', recipient_role: 'involved' },
      ]);
    });

    it('the jobcoach sees only their part and agrees to the summary of their reaction', async () => {
      if (!ready()) return;
      server.setNow('2026-05-05T11:00:00+02:00');
      const page = await as('coach');
      await openCase(page);
      const main = await page.locator('main').innerText();
      expect(main).toContain('De agenda was dubbel geboekt');
      // Never the reporter's contact details.
      expect(main).not.toContain('06 12345678');
      expect(main).not.toContain('anouk@example.org');
      expect(await offered(page)).toEqual(['agreeReaction']);
      await startAction(page, 'agreeReaction');
      await submit(page);
    });

    it('the handler judges, offers a measure by phone and records that the reporter is satisfied', async () => {
      if (!ready()) return;
      server.setNow('2026-05-11T10:00:00+02:00');
      const page = await as('handler');
      await startAction(page, 'decide');
      await page.check('input[name="judgement"][value="well_founded"]');
      await page.fill('[name="reasons"]', 'Drie afspraken vervielen zonder bericht aan de melder.');
      await page.fill('[name="findings"]', 'De dubbele boeking is bevestigd door de planning.');
      await page.check('input[name="severity"][value="medium"]');
      await page.fill('[name="cause"]', 'Dubbele boeking in de agenda.');
      await page.fill('[name="responsibleParty"]', 'Team Utrecht');
      await submit(page);

      await startAction(page, 'makeOffer');
      await page.check('input[name="method"][value="phone"]');
      await page.selectOption('select[name="measures-0-kind"]', 'replacement_service');
      await page.fill('[name="measures-0-description"]', 'Een vaste afspraakdag met dezelfde jobcoach.');
      await submit(page);

      await startAction(page, 'recordOfferAccepted');
      await page.fill('[name="reaction"]', 'Melder is tevreden met de vaste dag.');
      await submit(page);

      await startAction(page, 'sendWrittenConfirmation');
      await submit(page);
      const stored = await server.staffView(reference);
      expect(stored.status).toBe('resolved');
      expect(stored.deadlines.overview.resolve).toEqual({ due: '2026-06-04', state: 'met' });
      // Resolved Monday 11 May: the final report is due 21 working days later (Ascension 14 May, Whit Monday
      // 25 May and the equated 15 May skipped).
      expect(stored.deadlines.reportBy).toBe('2026-06-12');
    });

    it('the handler follows the agreed measure up, reports, decides on prevention and closes', async () => {
      if (!ready()) return;
      server.setNow('2026-05-12T10:00:00+02:00');
      const page = await as('handler');
      await startAction(page, 'addAgreedMeasure');
      await page.selectOption('select[name="kind"]', 'replacement_service');
      await page.fill('[name="description"]', 'Vaste afspraakdag op dinsdag inplannen.');
      await page.selectOption('select[name="ownerId"]', server.t.users.handler!.id);
      await page.fill('[name="dueDate"]', '2026-05-19');
      await submit(page);

      await startAction(page, 'completeAgreedMeasure');
      // The one open measure is chosen already.
      expect(await page.locator('select[name="measureId"]').inputValue()).not.toBe('');
      await submit(page);

      await startAction(page, 'sendFinalReport');
      await submit(page);

      await startAction(page, 'decidePreventiveMeasures');
      await page.fill(
        '[name="measures-0-description"]',
        'Agenda van jobcoaches dagelijks controleren op dubbele boekingen.',
      );
      await page.selectOption('select[name="measures-0-ownerId"]', server.t.users.qm!.id);
      await page.fill('[name="measures-0-consulted"]', 'Teamleider planning');
      await page.fill('[name="measures-0-dueDate"]', '2026-06-30');
      await submit(page);

      await startAction(page, 'close');
      await submit(page);

      const stored = await server.staffView(reference);
      expect(stored.status).toBe('closed');
      expect(stored.closedAt).toBe('2026-05-12T08:00:00.000Z');
      const letters = await server.t.db.kysely
        .selectFrom('letters')
        .select('kind')
        .orderBy('created_at')
        .execute();
      expect(letters.map((l) => l.kind)).toEqual([
        'acknowledgement',
        'complaint_copy',
        'written_confirmation',
        'final_report',
        'final_report',
        'survey_invitation',
      ]);
    });

    it('the quality manager sees the closed case with its whole history, and may reopen it', async () => {
      if (!ready()) return;
      const page = await as('qm');
      await openCase(page);
      const main = await page.locator('main').innerText();
      expect(main).toContain('Afgesloten');
      expect(main).toContain('Agenda van jobcoaches dagelijks controleren');
      expect(await offered(page)).toContain('reopen');
      const history = await server.t.db.kysely
        .selectFrom('complaint_events')
        .select(['action', 'actor_label'])
        .orderBy('seq')
        .execute();
      expect(history.map((e) => `${e.action} by ${e.actor_label}`)).toEqual([
        'register by Fatima Yilmaz',
        'linkMention by Petra de Vries',
        'setServiceProvidedBy by Petra de Vries',
        'assignHandler by Petra de Vries',
        'recordSummary by Ahmed El Amrani',
        'acknowledge by Ahmed El Amrani',
        'recordHearing by Ahmed El Amrani',
        'startInvestigation by Ahmed El Amrani',
        'recordReaction by Ahmed El Amrani',
        'agreeReaction by Jeroen Bakker',
        'decide by Ahmed El Amrani',
        'makeOffer by Ahmed El Amrani',
        'recordOfferAccepted by Ahmed El Amrani',
        'sendWrittenConfirmation by Ahmed El Amrani',
        'addAgreedMeasure by Ahmed El Amrani',
        'completeAgreedMeasure by Ahmed El Amrani',
        'sendFinalReport by Ahmed El Amrani',
        'decidePreventiveMeasures by Ahmed El Amrani',
        'close by Ahmed El Amrani',
      ]);
    });
  });
}
