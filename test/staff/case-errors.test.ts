/**
 * What goes wrong on the action forms: invalid input comes back at its field with everything typed kept;
 * a rule of the regulation shows in its own words; a case changed meanwhile is 409; what the user may not do
 * is 403 when posted directly, and changes nothing; the handler list says why someone cannot be chosen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateUser } from '../../src/db/repositories/users.ts';
import { act, addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import {
  hiddenFields,
  investigating,
  must,
  registerByPhone,
  submitAction,
  view,
  workedCase,
} from './case-fixtures.ts';
import { type StaffBrowser, signedInAs } from './helpers.ts';

/** The messages at the fields of a page: `field-<name>-error` → its text. */
function fieldErrors(html: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const m of html.matchAll(/id="field-([\w-]+)-error"[^>]*>([\s\S]*?)<\/div>/g))
    errors[m[1]!] = textOf(m[2]!).trim();
  return errors;
}

/** The error summary at the top: its text. */
const summaryOf = (html: string) =>
  textOf(html.match(/<div class="vp-error-summary"[\s\S]*?<\/div>/)?.[0] ?? '').trim();

const textareaValue = (html: string, name: string) =>
  textOf(
    html.match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`))?.[1] ?? '',
  ).trim();

describeEachDialect('errors on the action forms', (dialect) => {
  let t: TestApp;
  let handler: StaffBrowser;
  let qm: StaffBrowser;
  let reference: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        (s.terms as { extension: unknown }).extension = { allowed: true, maxWorkingDays: 20 };
      },
    });
    await addStandardUsers(t);
    t.setNow('2026-05-04T09:00:00+02:00');
    reference = await registerByPhone(t);
    await investigating(t, reference);
    handler = await signedInAs(t, 'handler');
    qm = await signedInAs(t, 'qm');
  });
  afterAll(() => t.close());

  it('shows each problem at its field, in Dutch, and keeps what was typed', async () => {
    const response = await submitAction(handler, reference, 'decide', {
      reasons: '   ',
      findings: 'De agenda liet dubbele boekingen toe.',
      cause: '',
      responsibleParty: 'Team Utrecht',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response.body)).toEqual({
      judgement: 'Fout: Dit veld is verplicht.',
      reasons: 'Fout: Dit veld mag niet leeg zijn.',
      severity: 'Fout: Dit veld is verplicht.',
      cause: 'Fout: Dit veld mag niet leeg zijn.',
    });
    expect(summaryOf(response.body)).toBe(
      'Er is iets niet goed ingevuld Oordeel: Dit veld is verplicht. Motivering: Dit veld mag niet leeg zijn. Ernst: Dit veld is verplicht. Oorzaak: Dit veld mag niet leeg zijn.',
    );
    expect(response.body).toContain('href="#field-judgement"');
    expect(textareaValue(response.body, 'findings')).toBe('De agenda liet dubbele boekingen toe.');
    expect(response.body).toContain('name="responsibleParty" value="Team Utrecht"');
    expect((await view(t, reference)).status).toBe('investigating');
  });

  it('speaks English on the English page', async () => {
    const english = await signedInAs(t, 'handler');
    await english.get(`/staff/complaints/${reference}?lang=en`);
    const response = await submitAction(english, reference, 'record-summary', { summary: '' });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response.body)).toEqual({ summary: 'Error: This field cannot be empty.' });
  });

  it('shows a rule of the regulation in its own words: deciding without agreed reactions asks for a reason', async () => {
    const decision = {
      judgement: 'unfounded',
      reasons: 'Wel gekomen.',
      findings: 'Presentielijst.',
      severity: 'low',
      cause: 'Misverstand.',
      responsibleParty: 'Team Utrecht',
      overrideReason: '',
    };
    const refused = await submitAction(handler, reference, 'decide', decision);
    expect(refused.statusCode).toBe(409);
    const rule =
      'Nog geen oordeel mogelijk: geen akkoord op de reactie van Jeroen Bakker, Bureau Werkfit. Leg een reden vast om toch te beslissen.';
    expect(fieldErrors(refused.body)).toEqual({ overrideReason: `Fout: ${rule}` });
    expect(summaryOf(refused.body)).toBe(`Er is iets niet goed ingevuld Reden om toch te beslissen: ${rule}`);
    expect(textareaValue(refused.body, 'reasons')).toBe('Wel gekomen.');
    // The form said so before it was posted, too.
    expect(textOf(refused.body)).toContain(
      'Nodig: geen akkoord op de reactie van Jeroen Bakker, Bureau Werkfit.',
    );
    const decided = await submitAction(handler, reference, 'decide', {
      ...decision,
      overrideReason: 'Werkfit reageert niet meer.',
    });
    expect(decided.statusCode).toBe(303);
    expect((await view(t, reference)).decision.overrideReason).toBe('Werkfit reageert niet meer.');
  });

  it('shows a rule without a field in the error summary', async () => {
    t.setNow('2026-05-04T09:00:00+02:00');
    const fresh = await registerByPhone(t);
    const assign = await submitAction(await signedInAs(t, 'qm'), fresh, 'assign-handler', {
      handlerId: t.users.handler!.id,
    });
    expect(assign.statusCode).toBe(409);
    expect(summaryOf(assign.body)).toBe(
      'Er is iets niet goed ingevuld Koppel eerst iedereen die de melder noemt voordat u een behandelaar toewijst (nog open: Jeroen, Bureau Werkfit).',
    );
    // What was chosen stays chosen.
    expect(assign.body).toMatch(new RegExp(`<option value="${t.users.handler!.id}"[^>]* selected=""`));
  });

  it('checks the fields that matter for the choice made (a third party), and the domain rule at its field', async () => {
    const other = await registerByPhone(t, { involvedEmployees: ['Bureau Extern'] });
    const mentionId = (await view(t, other)).mentions[0].id;
    const fields = {
      mentionId,
      'link-kind': 'third_party',
      'link-userId': '',
      'link-thirdParty-name': '',
      'link-thirdParty-organisation': 'Extern BV',
    };
    const invalid = await submitAction(qm, other, 'link-mention', fields);
    expect(invalid.statusCode).toBe(400);
    expect(fieldErrors(invalid.body)).toEqual({
      'link-thirdParty-name': 'Fout: Dit veld mag niet leeg zijn.',
    });
    expect(invalid.body).toContain('name="link-thirdParty-organisation" value="Extern BV"');
    const noAddress = await submitAction(qm, other, 'link-mention', {
      ...fields,
      'link-thirdParty-name': 'Bureau Extern',
    });
    expect(noAddress.statusCode).toBe(409);
    expect(fieldErrors(noAddress.body)).toEqual({
      'link-thirdParty-email': 'Fout: Een derde heeft een e-mailadres of postadres nodig.',
    });
    const badEmail = await submitAction(qm, other, 'link-mention', {
      ...fields,
      'link-thirdParty-name': 'Bureau Extern',
      'link-thirdParty-email': 'geen-adres',
    });
    expect(fieldErrors(badEmail.body)).toEqual({
      'link-thirdParty-email': 'Fout: Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    });
  });

  it('points at the row of a list that is wrong, and at the extension beyond the regulation', async () => {
    const offerCase = await registerByPhone(t);
    await investigating(t, offerCase);
    await must(t, 'handler', offerCase, 'decide', {
      judgement: 'well_founded',
      reasons: 'Niet gekomen.',
      findings: 'Agenda.',
      severity: 'high',
      cause: 'Agenda.',
      responsibleParty: 'Team',
      overrideReason: 'Spoed.',
    });
    const none = await submitAction(handler, offerCase, 'make-offer', { method: 'phone' });
    expect(fieldErrors(none.body)).toEqual({ 'measures-0-description': 'Fout: Geef minimaal 1 waarde(n).' });
    const second = await submitAction(handler, offerCase, 'make-offer', {
      method: 'email',
      'measures-0-kind': 'redress',
      'measures-0-description': 'Excuses.',
      'measures-2-kind': '',
      'measures-2-description': 'Een nieuwe afspraak.',
    });
    expect(fieldErrors(second.body)).toEqual({ 'measures-2-kind': 'Fout: Dit veld is verplicht.' });
    expect(summaryOf(second.body)).toBe(
      'Er is iets niet goed ingevuld Maatregel 3, soort maatregel: Dit veld is verplicht.',
    );
    expect(textareaValue(second.body, 'measures-2-description')).toBe('Een nieuwe afspraak.');
    const notByPhone = await submitAction(handler, offerCase, 'make-offer', {
      method: 'email',
      'measures-0-kind': 'redress',
      'measures-0-description': 'Excuses.',
    });
    expect(notByPhone.statusCode).toBe(409);
    expect(fieldErrors(notByPhone.body)).toEqual({
      phoneSkippedReason: 'Fout: Leg vast waarom het aanbod niet telefonisch wordt gedaan.',
    });

    const tooLong = await submitAction(handler, reference, 'extend-resolution-term', {
      workingDays: '25',
      reason: 'Drukte.',
    });
    expect(tooLong.statusCode).toBe(409);
    expect(fieldErrors(tooLong.body)).toEqual({
      workingDays: 'Fout: Een verlenging is maximaal 20 werkdagen.',
    });
    const notANumber = await submitAction(handler, reference, 'extend-resolution-term', {
      workingDays: 'tien',
      reason: 'Drukte.',
    });
    expect(fieldErrors(notANumber.body)).toEqual({
      workingDays: 'Fout: Verkeerd type: verwacht een geheel getal.',
    });
    expect(notANumber.body).toContain('name="workingDays" value="tien"');
  });

  it('checks what the schema cannot: a date and time, a confirmation, a copy, a file of an allowed type', async () => {
    const hearing = await submitAction(handler, reference, 'offer-hearing', {
      method: 'phone',
      offeredAt: '2026-02-30T10:00',
    });
    expect(fieldErrors(hearing.body)).toEqual({ offeredAt: 'Fout: Vul een geldige datum en tijd in.' });
    const withdraw = await submitAction(handler, reference, 'withdraw', { reason: 'Gebeld.' });
    expect(fieldErrors(withdraw.body)).toEqual({
      confirm: 'Fout: Bevestig dat de melder heeft gevraagd de klacht in te trekken.',
    });
    const upload = await submitAction(
      handler,
      reference,
      'add-attachment',
      {},
      {
        files: [
          {
            filename: 'programma.exe',
            content: Buffer.from('MZ\x90\x00 not a document'),
            type: 'application/octet-stream',
          },
        ],
      },
    );
    expect(upload.statusCode).toBe(400);
    expect(fieldErrors(upload.body).attachments).toMatch(/^Fout: Het bestand "?programma\.exe"? /);
    const empty = await submitAction(handler, reference, 'add-attachment', {}, { files: [] });
    expect(fieldErrors(empty.body)).toEqual({ attachments: 'Fout: Kies ten minste één bestand.' });
    const ack = await registerByPhone(t, { involvedEmployees: [] });
    await must(t, 'qm', ack, 'assign-handler', { handlerId: t.users.handler!.id });
    await must(t, 'handler', ack, 'record-summary', { summary: 'Niet gebeld.' });
    const noCopy = await submitAction(handler, ack, 'acknowledge', { how: 'outside' }, { files: [] });
    expect(fieldErrors(noCopy.body)).toEqual({
      attachments: 'Fout: Voeg de kopie van de verstuurde ontvangstbevestiging toe.',
    });
    expect((await view(t, ack)).acknowledgedAt).toBeNull();
  });

  it('says "changed meanwhile" (409) when the case changed after the form was opened, and saves nothing', async () => {
    const url = `/staff/complaints/${reference}/actions/record-hearing`;
    const page = await handler.get(url);
    const hidden = hiddenFields(page.body, url);
    await act(t, 'qm', reference, 'set-classification', { category: 'service' });
    const response = await handler.post(url, { ...hidden, heldAt: '', report: 'Gebeld met de melder.' });
    expect(response.statusCode).toBe(409);
    expect(textOf(response.body)).toContain('Intussen gewijzigd Iemand anders heeft dit intussen gewijzigd.');
    expect((await view(t, reference)).hearings).toEqual([]);
  });

  it('refuses (403) an action posted directly by someone it is not offered to, and changes nothing', async () => {
    const before = (await view(t, reference)).version;
    const post = async (key: string, ref: string, slug: string, fields: Record<string, string>) => {
      const browser = await signedInAs(t, key);
      await browser.get(`/staff/complaints/${ref}`);
      return browser.post(`/staff/complaints/${ref}/actions/${slug}`, {
        caseVersion: String((await view(t, ref)).version),
        ...fields,
      });
    };
    // The involved employee, the receiver, and a handler of another case.
    expect(
      (await post('coach', reference, 'record-summary', { summary: 'Zelf geschreven.' })).statusCode,
    ).toBe(403);
    expect((await post('advisor', reference, 'decide', { judgement: 'unfounded' })).statusCode).toBe(403);
    const foreign = await post('handler2', reference, 'record-summary', { summary: 'Van buiten.' });
    expect(foreign.statusCode).toBe(403);
    expect(textOf(foreign.body)).toContain('Geen toegang');
    // The handler may not reassign (the quality manager does).
    expect(
      (
        await post('handler', reference, 'reassign-handler', {
          handlerId: t.users.handler2!.id,
          reason: 'Zelf.',
        })
      ).statusCode,
    ).toBe(403);
    expect((await view(t, reference)).version).toBe(before);
    // No CSRF token, no change.
    const noToken = await handler.postForm(`/staff/complaints/${reference}/actions/record-summary`, {
      caseVersion: String(before),
      summary: 'Zonder token.',
    });
    expect(noToken.statusCode).toBe(403);
    expect(textOf(noToken.body)).toContain('Formulier verlopen');
  });

  it('leaves out of the handler list whoever is involved or delivered the service, and says why for everyone not eligible', async () => {
    await t.addUser('former', 'Oud Medewerker', 'Klachtbehandelaar', ['handler']);
    await updateUser(t.db.kysely, t.users.former!.id, { active: false });
    t.setNow('2026-05-04T09:00:00+02:00');
    const fresh = await registerByPhone(t, { involvedEmployees: ['Jeroen'] });
    const mentionId = (await view(t, fresh)).mentions[0].id;
    await must(t, 'qm', fresh, 'link-mention', {
      mentionId,
      link: { kind: 'user', userId: t.users.coach!.id },
    });
    await must(t, 'qm', fresh, 'add-involved-person', {
      person: { kind: 'user', userId: t.users.handler2!.id },
    });
    await must(t, 'qm', fresh, 'set-service-provided-by', {
      involvedPersonId: (await view(t, fresh)).involved[0].id,
    });
    const page = await (await signedInAs(t, 'qm')).get(`/staff/complaints/${fresh}/actions/assign-handler`);
    const options = [...page.body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(
      (m) => m[2],
    );
    expect(options).toEqual(['Kies …', 'Ahmed El Amrani (Klachtbehandelaar)']);
    const panel = textOf(page.body.match(/Niet te kiezen als behandelaar[\s\S]*?<\/ul>/)![0]);
    expect(panel).toBe(
      'Niet te kiezen als behandelaar Beheerder Loket3: heeft de rol behandelaar niet Fatima Yilmaz: heeft de rol behandelaar niet Jeroen Bakker: verleende de dienst Oud Medewerker: account is niet actief Petra de Vries: heeft de rol behandelaar niet Sanne Jansen: betrokken bij de klacht ',
    );
  });
});

describeEachDialect('the actions a closed case refuses', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it("refuses reopening by the handler (403) and a step the lifecycle no longer allows (409, in the rule's words)", async () => {
    const closed = await workedCase(t);
    const handler = await signedInAs(t, 'handler');
    await handler.get(`/staff/complaints/${closed}`);
    const version = String((await view(t, closed)).version);
    expect(
      (
        await handler.post(`/staff/complaints/${closed}/actions/reopen`, {
          caseVersion: version,
          reason: 'Zelf.',
        })
      ).statusCode,
    ).toBe(403);
    const late = await handler.post(`/staff/complaints/${closed}/actions/record-summary`, {
      caseVersion: version,
      summary: 'Te laat.',
    });
    expect(late.statusCode).toBe(409);
    expect(textOf(late.body)).toContain(
      "De handeling 'recordSummary' is niet toegestaan als de klacht de status 'closed' heeft.",
    );
  }, 180_000);
});
