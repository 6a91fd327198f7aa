/**
 * The actions the case page offers, per relation to the case and state: exactly the expected list, written
 * out here (never derived from the policy under test). What is not offered has no form (403).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import {
  assigned,
  investigating,
  must,
  offeredOn,
  registerByPhone,
  view,
  workedCase,
} from './case-fixtures.ts';
import { signedInAs } from './helpers.ts';

describeEachDialect('the actions offered on the case page', (dialect) => {
  let t: TestApp;
  let registered: string;
  let underInvestigation: string;
  let closed: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    closed = await workedCase(t);
    t.setNow('2026-05-04T09:00:00+02:00');
    registered = await registerByPhone(t);
    underInvestigation = await registerByPhone(t);
    await investigating(t, underInvestigation);
  }, 180_000);
  afterAll(() => t.close());

  async function offered(key: string, reference: string): Promise<string[] | number> {
    const page = await (await signedInAs(t, key)).get(`/staff/complaints/${reference}`);
    return page.statusCode === 200 ? offeredOn(page.body) : page.statusCode;
  }

  it('a registered complaint: the quality manager links, assigns and can decline; the receiver and the administrator only read', async () => {
    expect(await offered('qm', registered)).toEqual([
      'assignHandler',
      'linkMention',
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'notTakeUp',
      'withdraw',
    ]);
    expect(await offered('advisor', registered)).toEqual([]);
    expect(await offered('admin', registered)).toEqual([]);
    expect(await offered('handler', registered)).toBe(403);
    expect(await offered('coach', registered)).toBe(403);
  });

  it('under investigation: the handler investigates, the quality manager also reassigns and links, the involved employee agrees', async () => {
    expect(await offered('handler', underInvestigation)).toEqual([
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'recordSummary',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'recordReaction',
      'recordThirdPartyAgreement',
      'decide',
      'notTakeUp',
      'withdraw',
      'escalate',
    ]);
    expect(await offered('qm', underInvestigation)).toEqual([
      'reassignHandler',
      'linkMention',
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'recordSummary',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'recordReaction',
      'recordThirdPartyAgreement',
      'decide',
      'notTakeUp',
      'withdraw',
      'escalate',
    ]);
    expect(await offered('coach', underInvestigation)).toEqual(['agreeReaction']);
    expect(await offered('advisor', underInvestigation)).toEqual([]);
    expect(await offered('handler2', underInvestigation)).toBe(403);
    // The involved employee's own part has the button to agree and the form to comment.
    const own = await (await signedInAs(t, 'coach')).get(`/staff/complaints/${underInvestigation}`);
    expect(textOf(own.body)).toContain(
      'Uw reactie Versie 1 Jeroen had de afspraken dubbel geboekt. Nog geen akkoord met deze versie Ik ga akkoord met deze samenvatting',
    );
    expect(own.body).toContain(`action="/staff/complaints/${underInvestigation}/comment"`);
  });

  it('a closed complaint: measures are completed and evaluated, an appeal recorded; only the quality manager reopens', async () => {
    expect(await offered('qm', closed)).toEqual([
      'completeAgreedMeasure',
      'completePreventiveMeasure',
      'evaluatePreventiveMeasure',
      'escalate',
      'reopen',
    ]);
    expect(await offered('handler', closed)).toEqual([
      'completeAgreedMeasure',
      'completePreventiveMeasure',
      'evaluatePreventiveMeasure',
      'escalate',
    ]);
    expect(await offered('coach', closed)).toEqual([]);
  });

  it('has no form for what is not offered (403)', async () => {
    const handler = await signedInAs(t, 'handler');
    expect((await handler.get(`/staff/complaints/${closed}/actions/reopen`)).statusCode).toBe(403);
    expect((await handler.get(`/staff/complaints/${underInvestigation}/actions/close`)).statusCode).toBe(403);
    // Loket3's regulation has no extension: the form is not offered.
    expect(
      (await handler.get(`/staff/complaints/${underInvestigation}/actions/extend-resolution-term`))
        .statusCode,
    ).toBe(403);
    const coach = await signedInAs(t, 'coach');
    expect(
      (await coach.get(`/staff/complaints/${underInvestigation}/actions/record-reaction`)).statusCode,
    ).toBe(403);
  });
});

describeEachDialect('the extension where the regulation allows one', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        (s.terms as { extension: unknown }).extension = { allowed: true, maxWorkingDays: 20 };
      },
    });
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('is offered to the handler until the term was extended once', async () => {
    t.setNow('2026-05-04T09:00:00+02:00');
    const reference = await registerByPhone(t);
    await assigned(t, reference);
    await must(t, 'handler', reference, 'record-summary', { summary: 'Niet gekomen.' });
    await must(t, 'handler', reference, 'acknowledge');
    const expected = [
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'recordSummary',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'startInvestigation',
      'notTakeUp',
      'withdraw',
      'extendResolutionTerm',
      'escalate',
    ];
    const handler = await signedInAs(t, 'handler');
    expect(offeredOn((await handler.get(`/staff/complaints/${reference}`)).body)).toEqual(expected);
    await must(t, 'handler', reference, 'extend-resolution-term', {
      workingDays: 5,
      reason: 'Wachten op UWV.',
    });
    expect(offeredOn((await handler.get(`/staff/complaints/${reference}`)).body)).toEqual(
      expected.filter((a) => a !== 'extendResolutionTerm'),
    );
  });
});

describeEachDialect('a quality manager who is involved', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        s.deputyQualityManagerEmail = 'advisor@loket3.example';
      },
    });
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('sees only their own part, and the configured deputy acts as quality manager for the case', async () => {
    t.setNow('2026-05-04T09:00:00+02:00');
    const reference = await registerByPhone(t, { involvedEmployees: ['Petra'] });
    const mentionId = (await view(t, reference)).mentions[0].id;
    await must(t, 'qm', reference, 'link-mention', {
      mentionId,
      link: { kind: 'user', userId: t.users.qm!.id },
    });
    const qm = await (await signedInAs(t, 'qm')).get(`/staff/complaints/${reference}`);
    expect(qm.statusCode).toBe(200);
    expect(textOf(qm.body)).toContain('U bent betrokken bij deze klacht.');
    expect(textOf(qm.body)).not.toContain('anouk@example.org');
    expect(offeredOn(qm.body)).toEqual([]);
    const deputy = await (await signedInAs(t, 'advisor')).get(`/staff/complaints/${reference}`);
    expect(offeredOn(deputy.body)).toEqual([
      'assignHandler',
      'linkMention',
      'addInvolvedPerson',
      'setServiceProvidedBy',
      'shareReporterContact',
      'setClassification',
      'addAttachment',
      'offerHearing',
      'recordHearingAnswer',
      'recordHearing',
      'notTakeUp',
      'withdraw',
    ]);
    expect(textOf(deputy.body)).toContain('Inzage');
  });
});
