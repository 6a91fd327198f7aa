/**
 * Every staff action through its form on the case pages, as a browser without JavaScript posts it: each
 * answers 303 back to the case page, which says what was done and which letter went out, and the improvement
 * form holds what was typed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { pdf, textOf } from '../pages/helpers.ts';
import { doneText, registerByPhone, submitAction, view } from './case-fixtures.ts';
import { type StaffBrowser, signedInAs } from './helpers.ts';

describeEachDialect('every action through its page form', (dialect) => {
  let t: TestApp;
  let qm: StaffBrowser;
  let handler: StaffBrowser;
  let coach: StaffBrowser;
  beforeAll(async () => {
    // The extension is off for Loket3; this organisation's regulation allows one.
    t = await createTestApp(dialect, {
      settings: (s) => {
        (s.terms as { extension: unknown }).extension = { allowed: true, maxWorkingDays: 20 };
      },
    });
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  /** Posts an action's form and returns the case page's message about it. */
  const step = async (
    browser: StaffBrowser,
    ref: string,
    slug: string,
    ...rest: Parameters<typeof submitAction> extends [unknown, unknown, unknown, ...infer R] ? R : never
  ) => doneText(browser, await submitAction(browser, ref, slug, ...rest), ref, slug);

  /** Assigned, summarised, acknowledged and investigated, each through its form. */
  async function toInvestigation(ref: string, summary: string) {
    await step(qm, ref, 'assign-handler', { handlerId: t.users.handler!.id });
    await step(handler, ref, 'record-summary', { summary });
    await step(handler, ref, 'acknowledge', { how: 'letter' }, { files: [] });
    await step(handler, ref, 'start-investigation');
  }

  /** Sessions time out after 30 idle minutes: each test signs in at its own clock. */
  async function signIn(at: string) {
    t.setNow(at);
    qm = await signedInAs(t, 'qm');
    handler = await signedInAs(t, 'handler');
    coach = await signedInAs(t, 'coach');
  }

  // About 150 requests in one test: generous on a loaded two-core machine.
  it('takes a complaint from registration to closed and reopened, one form at a time', async () => {
    await signIn('2026-04-30T09:00:00+02:00');
    const ref = await registerByPhone(t);
    const mentions = (await view(t, ref)).mentions;

    expect(
      await step(qm, ref, 'link-mention', {
        mentionId: mentions[0].id,
        'link-kind': 'user',
        'link-userId': t.users.coach!.id,
      }),
    ).toBe('De genoemde persoon is gekoppeld.');
    await step(qm, ref, 'link-mention', {
      mentionId: mentions[1].id,
      'link-kind': 'third_party',
      'link-thirdParty-name': 'Bureau Werkfit',
      'link-thirdParty-organisation': 'Werkfit BV',
      'link-thirdParty-email': 'info@werkfit.example',
      'link-thirdParty-postalAddress': '',
    });
    expect(
      await step(qm, ref, 'add-involved-person', {
        'person-kind': 'user',
        'person-userId': t.users.advisor!.id,
      }),
    ).toBe('De betrokkene is toegevoegd.');
    let form = await view(t, ref);
    expect(form.mentions.map((m: { linkedTo: unknown }) => m.linkedTo === null)).toEqual([false, false]);
    expect(form.involved.map((p: { name: string; kind: string }) => `${p.name}/${p.kind}`)).toEqual([
      'Jeroen Bakker/user',
      'Bureau Werkfit/third_party',
      'Fatima Yilmaz/user',
    ]);
    expect(form.involved[1]).toMatchObject({
      organisation: 'Werkfit BV',
      email: 'info@werkfit.example',
      postalAddress: null,
    });

    await step(qm, ref, 'set-service-provided-by', { involvedPersonId: form.involved[0].id });
    await step(qm, ref, 'set-classification', { category: 'coaching', subject: 'person' });
    const attached = await submitAction(
      qm,
      ref,
      'add-attachment',
      {},
      {
        files: [
          { filename: 'brief.pdf', content: pdf('brief'), type: 'application/pdf' },
          { filename: 'notitie.pdf', content: pdf('notitie'), type: 'application/pdf' },
        ],
      },
    );
    expect(await doneText(qm, attached, ref, 'add-attachment')).toBe('De bijlage is toegevoegd.');
    expect(await step(qm, ref, 'assign-handler', { handlerId: t.users.handler2!.id })).toBe(
      'De behandelaar is toegewezen.',
    );
    await step(qm, ref, 'reassign-handler', {
      handlerId: t.users.handler!.id,
      reason: 'Sanne is ziek.',
    });
    form = await view(t, ref);
    expect(form).toMatchObject({
      serviceProvidedBy: form.involved[0].id,
      category: 'coaching',
      subject: 'person',
    });
    expect(
      form.handlerHistory.map((h: { name: string; reason: string | null }) => [h.name, h.reason]),
    ).toEqual([
      ['Sanne Jansen', null],
      ['Ahmed El Amrani', 'Sanne is ziek.'],
    ]);

    await step(handler, ref, 'record-summary', { summary: 'Jobcoach drie keer niet gekomen.' });
    expect(await step(handler, ref, 'acknowledge', { how: 'letter', note: '' }, { files: [] })).toBe(
      'De ontvangst is bevestigd. Verstuurd: Ontvangstbevestiging aan de melder (per e-mail).',
    );
    await step(handler, ref, 'offer-hearing', { method: 'phone', offeredAt: '2026-04-30T11:30' });
    form = await view(t, ref);
    expect(form.hearingOffers[0]).toMatchObject({
      method: 'phone',
      offeredAt: '2026-04-30T09:30:00.000Z',
      answer: null,
    });
    await step(handler, ref, 'record-hearing-answer', {
      hearingOfferId: form.hearingOffers[0].id,
      answer: 'accepted',
    });
    await step(handler, ref, 'record-hearing', {
      heldAt: '2026-05-01T10:00',
      report: 'Gebeld: de melder wil een vaste jobcoach.',
    });
    expect(await step(handler, ref, 'start-investigation', { note: '' })).toBe(
      'Het onderzoek is gestart. Verstuurd: Kopie van de klacht (verzoek om reactie) aan betrokkene Jeroen Bakker (per e-mail); Kopie van de klacht (verzoek om reactie) aan betrokkene Bureau Werkfit (per e-mail); Kopie van de klacht (verzoek om reactie) aan betrokkene Fatima Yilmaz (per e-mail).',
    );
    form = await view(t, ref);
    for (const [index, summary] of [
      'Dubbel geboekt.',
      'Werkfit wist het niet.',
      'Fatima was er niet bij.',
    ].entries()) {
      await step(
        handler,
        ref,
        'record-reaction',
        { involvedPersonId: form.involved[index].id, summary },
        { query: `?person=${form.involved[index].id}` },
      );
    }
    // The involved employee agrees on their own page; the third party's agreement is recorded for them.
    expect(await step(coach, ref, 'agree-reaction')).toBe(
      'U bent akkoord gegaan met de samenvatting van uw reactie.',
    );
    await step(handler, ref, 'record-third-party-agreement', {
      reaction: `${form.involved[1].id}@1`,
      method: 'Per e-mail van 1 mei.',
    });
    const advisor = await signedInAs(t, 'advisor');
    await step(advisor, ref, 'agree-reaction');
    form = await view(t, ref);
    expect(
      form.reactions.map((r: { agreedVersion: number | null; agreementMethod: string | null }) => [
        r.agreedVersion,
        r.agreementMethod,
      ]),
    ).toEqual([
      [1, null],
      [1, 'Per e-mail van 1 mei.'],
      [1, null],
    ]);

    const decision = {
      judgement: 'partly_well_founded',
      reasons: 'Twee keer niet gekomen.',
      findings: 'Agenda dubbel.',
      severity: 'medium',
      cause: 'Agenda.',
      responsibleParty: 'Team Utrecht',
      overrideReason: '',
    };
    await step(handler, ref, 'decide', decision);
    const measureRows = {
      'measures-0-kind': '',
      'measures-0-description': '',
      'measures-2-kind': '',
      'measures-2-description': '',
    };
    await step(handler, ref, 'make-offer', {
      method: 'phone',
      phoneSkippedReason: '',
      ...measureRows,
      'measures-1-kind': 'redress',
      'measures-1-description': 'Excuses.',
    });
    await step(handler, ref, 'record-offer-rejected', { reaction: 'Niet genoeg.' });
    await step(handler, ref, 'start-new-investigation', { reason: 'Nieuwe feiten.' });
    await step(handler, ref, 'decide', decision);
    await step(handler, ref, 'make-offer', {
      method: 'phone',
      ...measureRows,
      'measures-1-kind': 'redress',
      'measures-1-description': 'Excuses.',
    });
    await step(handler, ref, 'record-offer-rejected', { reaction: '' });
    await step(handler, ref, 'make-offer', {
      method: 'in_person',
      phoneSkippedReason: 'Op kantoor besproken.',
      reason: 'Vaste coach gevraagd.',
      'measures-0-kind': 'replacement_service',
      'measures-0-description': 'Vaste jobcoach.',
      'measures-1-kind': 'correction',
      'measures-1-description': 'Agenda aangepast.',
    });
    await step(handler, ref, 'record-offer-accepted', { reaction: 'Prima.' });
    form = await view(t, ref);
    expect(form.offers.at(-1)).toMatchObject({
      method: 'in_person',
      phoneSkippedReason: 'Op kantoor besproken.',
      measures: [
        { kind: 'replacement_service', description: 'Vaste jobcoach.' },
        { kind: 'correction', description: 'Agenda aangepast.' },
      ],
      satisfied: true,
      reaction: 'Prima.',
    });
    expect(
      form.afterRejection.map((c: { choice: string; reason: string | null }) => [c.choice, c.reason]),
    ).toEqual([
      ['new_investigation', 'Nieuwe feiten.'],
      ['new_offer', 'Vaste coach gevraagd.'],
    ]);

    await step(handler, ref, 'add-agreed-measure', {
      kind: 'replacement_service',
      description: 'Vaste coach inplannen.',
      ownerId: t.users.advisor!.id,
      dueDate: '2026-05-29',
    });
    expect(await step(handler, ref, 'send-written-confirmation', { note: '' })).toBe(
      'De schriftelijke bevestiging is verstuurd. Verstuurd: Schriftelijke bevestiging aan de melder (per e-mail).',
    );
    form = await view(t, ref);
    await step(handler, ref, 'complete-agreed-measure', { measureId: form.agreedMeasures[0].id });
    await step(handler, ref, 'send-final-report', { note: 'Verslag met bijlage.' });
    await step(handler, ref, 'decide-preventive-measures', {
      'measures-0-description': 'Agenda blokkeert dubbel boeken.',
      'measures-0-ownerId': t.users.handler2!.id,
      'measures-0-consulted': 'Planning',
      'measures-0-dueDate': '2026-06-30',
    });
    form = await view(t, ref);
    expect(form.preventiveMeasures).toHaveLength(1);
    expect(form.preventiveMeasures[0]).toMatchObject({
      description: 'Agenda blokkeert dubbel boeken.',
      ownerUserId: t.users.handler2!.id,
      consulted: 'Planning',
      dueDate: '2026-06-30',
    });
    const measureId = form.preventiveMeasures[0].id;
    await step(handler, ref, 'complete-preventive-measure', { measureId });
    await step(handler, ref, 'escalate', { route: 'uwv_complaints_office', note: '' });
    expect(await step(handler, ref, 'close', { reason: '' })).toBe(
      'De klacht is afgesloten. Verstuurd: Uitnodiging vragenlijst aan de melder (per e-mail).',
    );
    // Evaluated after closing, without reopening (step 8).
    await step(
      handler,
      ref,
      'evaluate-preventive-measure',
      { measureId, effective: 'no', note: 'Nog steeds dubbel.' },
      { query: `?measure=${measureId}` },
    );
    expect(await step(qm, ref, 'reopen', { reason: 'Melder belt opnieuw.' })).toBe('De klacht is heropend.');
    form = await view(t, ref);
    expect(form.status).toBe('investigating');
    expect(form.preventiveMeasures[0].evaluation).toMatchObject({
      effective: false,
      note: 'Nog steeds dubbel.',
    });
    expect(form.escalations.map((e: { route: string }) => e.route)).toEqual(['uwv_complaints_office']);
    expect(
      form.reopenings.map((r: { reason: string; fromStatus: string }) => [r.fromStatus, r.reason]),
    ).toEqual([['closed', 'Melder belt opnieuw.']]);
  }, 240_000);

  it('acknowledges with a copy sent elsewhere, extends the term, does not take up, reopens and withdraws', async () => {
    await signIn('2026-05-04T09:00:00+02:00');
    const ref = await registerByPhone(t, { involvedEmployees: [] });
    await step(qm, ref, 'assign-handler', { handlerId: t.users.handler!.id });
    await step(handler, ref, 'record-summary', { summary: 'Niet teruggebeld.' });
    const copy = pdf('kopie ontvangstbevestiging');
    // No letter goes out: the copy of what was sent is stored with the acknowledgement.
    expect(
      await step(
        handler,
        ref,
        'acknowledge',
        { how: 'outside', note: 'Per post verstuurd op 4 mei.' },
        { files: [{ filename: 'bevestiging.pdf', content: copy, type: 'application/pdf' }] },
      ),
    ).toBe('De ontvangst is bevestigd.');
    let page = await handler.get(`/staff/complaints/${ref}`);
    expect(textOf(page.body)).toContain('bevestiging.pdf application/pdf');
    expect(
      await step(handler, ref, 'extend-resolution-term', {
        workingDays: '10',
        reason: 'Wachten op de opdrachtgever.',
      }),
    ).toBe(
      'De afhandeltermijn is verlengd. Verstuurd: Bericht: verlenging van de termijn aan de melder (per e-mail).',
    );
    page = await handler.get(`/staff/complaints/${ref}`);
    expect(textOf(page.body)).toContain(
      'Verlengd met 10 werkdagen (was 4 jun 2026). Reden: Wachten op de opdrachtgever.',
    );
    // Once per complaint: the form is no longer offered.
    expect(page.body).not.toContain('data-action="extendResolutionTerm"');
    expect(
      await step(handler, ref, 'not-take-up', {
        ground: 'already_handled',
        motivation: 'Dezelfde klacht is in maart behandeld.',
      }),
    ).toBe(
      'De klacht is niet in behandeling genomen. Verstuurd: Bericht: niet in behandeling aan de melder (per e-mail).',
    );
    await step(qm, ref, 'reopen', { reason: 'Toch een nieuw feit.' });
    expect((await view(t, ref)).status).toBe('registered');
    expect(await step(qm, ref, 'withdraw', { reason: 'Opgelost in een gesprek.', confirm: 'yes' })).toBe(
      'De klacht is ingetrokken.',
    );
    expect((await view(t, ref)).withdrawal).toMatchObject({ reason: 'Opgelost in een gesprek.' });
  });

  it('sends the findings, and records no further step after a rejection and no possible prevention', async () => {
    await signIn('2026-05-04T09:00:00+02:00');
    const ref = await registerByPhone(t, { involvedEmployees: [] });
    await toInvestigation(ref, 'Niet teruggebeld.');
    const decision = {
      judgement: 'unfounded',
      reasons: 'Wel gebeld.',
      findings: 'Belnotities.',
      severity: 'low',
      cause: 'Verkeerd nummer.',
      responsibleParty: 'Team Utrecht',
    };
    await step(handler, ref, 'decide', decision);
    await step(handler, ref, 'make-offer', {
      method: 'phone',
      'measures-0-kind': 'redress',
      'measures-0-description': 'Excuses.',
    });
    await step(handler, ref, 'record-offer-rejected', { reaction: 'Nee.' });
    expect(await step(handler, ref, 'decide-no-further-step', { reason: 'Alles is onderzocht.' })).toBe(
      'Vastgelegd: geen verdere stap. De bevindingen zijn verstuurd. Verstuurd: Bevindingen aan de melder (per e-mail).',
    );
    await step(handler, ref, 'send-final-report');
    await step(handler, ref, 'record-no-preventive-measures', { reason: 'Eenmalig voorval.' });
    expect((await view(t, ref)).prevention).toMatchObject({
      decision: 'none_possible',
      reason: 'Eenmalig voorval.',
    });

    const second = await registerByPhone(t, { involvedEmployees: [] });
    await toInvestigation(second, 'Brief kwam niet aan.');
    await step(handler, second, 'decide', decision);
    expect(await step(handler, second, 'send-findings')).toBe(
      'De bevindingen zijn verstuurd. Verstuurd: Bevindingen aan de melder (per e-mail).',
    );
  });

  it('lets the involved person comment on the summary of their reaction, which the handler reads', async () => {
    await signIn('2026-05-04T09:00:00+02:00');
    const ref = await registerByPhone(t, { involvedEmployees: ['Jeroen'] });
    const mention = (await view(t, ref)).mentions[0].id;
    await submitAction(qm, ref, 'link-mention', {
      mentionId: mention,
      'link-kind': 'user',
      'link-userId': t.users.coach!.id,
    });
    await toInvestigation(ref, 'Niet gekomen.');
    const person = (await view(t, ref)).involved[0].id;
    await submitAction(handler, ref, 'record-reaction', {
      involvedPersonId: person,
      summary: 'Jeroen was ziek.',
    });
    const own = await coach.get(`/staff/complaints/${ref}`);
    const caseVersion = own.body.match(/name="caseVersion" value="(\d+)"/)![1]!;
    const commented = await coach.post(`/staff/complaints/${ref}/comment`, {
      caseVersion,
      involvedPersonId: person,
      text: 'Ik was niet ziek maar op cursus.',
    });
    expect(commented.statusCode).toBe(303);
    expect(commented.headers.location).toBe(`/staff/complaints/${ref}?done=comment`);
    const after = await coach.get(String(commented.headers.location));
    expect(textOf(after.body)).toContain('Uw opmerking is naar de behandelaar gestuurd.');
    expect(textOf(after.body)).toContain('Ik was niet ziek maar op cursus.');
    const handlerPage = textOf((await handler.get(`/staff/complaints/${ref}`)).body);
    expect(handlerPage).toContain('Opmerkingen bij de samenvatting');
    expect(handlerPage).toContain('Ik was niet ziek maar op cursus.');
    const mail = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('kind', '=', 'notification:reaction_comment')
      .execute();
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([
      ['handler@loket3.example', `Opmerking bij de samenvatting van een reactie: klacht ${ref}`],
    ]);
    // Like every notification, the mail links to the case and never quotes it.
    expect(mail[0]!.text_body).not.toContain('cursus');
  });
});
