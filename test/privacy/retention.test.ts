/**
 * Retention: a case worked through every step and closed 2 years and 1 day ago is anonymised — afterwards no
 * table holds any of its personal values (every text, JSON and blob column of every table is read), the staff
 * list's search finds nothing for the old name, the statistics columns are unchanged, and the deletion log says
 * what went. A case closed 1 year ago is untouched; a legal hold suspends anonymisation until it is lifted; the
 * audit log loses entries older than 5 years; a second run changes nothing; two instances at once anonymise
 * each case once; a failure in the middle of a case leaves it whole. The clock is set by the test.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRetention } from '../../src/commands/retention.ts';
import { recordAudit } from '../../src/db/repositories/audit-log.ts';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import {
  ANNABEL as ANNA,
  addSpotRecord,
  findInDatabase,
  JOHAN,
  MARIEKE,
  personalValues,
  type WorkedCase,
  workThroughEveryStep,
} from './helpers.ts';

const NOW = '2026-11-26T10:00:00.000Z';
/** Columns that anonymisation rewrites; every other column of the row must stay as it was. */
const REWRITTEN = [
  'reporter_name',
  'reporter_email',
  'reporter_phone',
  'description',
  'data',
  'version',
  'updated_at',
  'follow_up_token_hash',
];

describeEachDialect('retention', (dialect) => {
  let t: TestApp;
  let marieke: WorkedCase;
  let johan: WorkedCase;
  let anna: WorkedCase;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    // Closed 2 years and 1 day before NOW; closed 1 year before NOW; closed 2 years and 1 day ago, held.
    marieke = await workThroughEveryStep(t, MARIEKE, {
      receivedAt: '2024-10-01T08:00:00.000Z',
      closedAt: '2024-11-25T10:00:00.000Z',
    });
    johan = await workThroughEveryStep(t, JOHAN, {
      receivedAt: '2025-10-01T08:00:00.000Z',
      closedAt: '2025-11-26T10:00:00.000Z',
    });
    anna = await workThroughEveryStep(t, ANNA, {
      receivedAt: '2024-09-02T08:00:00.000Z',
      closedAt: '2024-11-25T09:00:00.000Z',
    });
    await addSpotRecord(t, '2024-06-03T09:00:00.000Z', 'Mevrouw Zeldenrust klaagde over de koffie');
    await addSpotRecord(t, '2026-06-03T09:00:00.000Z', 'Meneer Bosveld vond de wachtkamer koud');
  }, 240_000);
  afterAll(() => t.close());

  const row = async (id: string) =>
    (await sql<Record<string, unknown>>`select * from complaints where id = ${id}`.execute(t.db.kysely))
      .rows[0]!;
  const search = async (q: string) =>
    (await call(t, 'GET', `/api/v1/staff/complaints?q=${encodeURIComponent(q)}`, { as: 'qm' }))
      .json()
      .items.map((c: { reference: string }) => c.reference);

  it('anonymises the case closed 2 years and 1 day ago everywhere, keeps its statistics and the other cases', async () => {
    const hold = await call(t, 'POST', `/api/v1/staff/complaints/${anna.reference}/legal-hold`, {
      as: 'admin',
      body: { hold: true, reason: 'Procedure bij de rechtbank' },
    });
    expect(hold.statusCode, hold.body).toBe(200);
    expect(await search('Oosterhuis')).toEqual([marieke.reference]);
    expect(await findInDatabase(t.db, personalValues(MARIEKE))).not.toEqual([]);
    const before = await row(marieke.id);
    const johanBefore = await row(johan.id);
    const annaBefore = await row(anna.id);

    t.setNow(NOW);
    const dryRun = await runRetention({ db: t.db, now: new Date(NOW), dryRun: true });
    expect(dryRun.anonymised).toEqual([marieke.reference]);
    expect(await row(marieke.id)).toEqual(before);

    const report = await runRetention({ db: t.db, now: new Date(NOW) });
    expect(report).toMatchObject({
      dryRun: false,
      complaintCutoff: '2024-11-26T10:00:00.000Z',
      auditCutoff: '2021-11-26T10:00:00.000Z',
      anonymised: [marieke.reference],
      held: [anna.reference],
      alreadyDone: 0,
      failed: 0,
      spotRecordsRedacted: 1,
    });

    // Not one personal value of the case is left in any column of any table.
    expect(await findInDatabase(t.db, personalValues(MARIEKE))).toEqual([]);
    // The other cases are untouched: the one closed a year ago, and the held one.
    expect(await row(johan.id)).toEqual(johanBefore);
    expect(await row(anna.id)).toEqual(annaBefore);
    expect(
      (await findInDatabase(t.db, [JOHAN.email, JOHAN.health, ANNA.email])).map((h) => h.value),
    ).toContain(JOHAN.email);
    // The search finds nothing under the old name, address or text.
    expect(await search('Oosterhuis')).toEqual([]);
    expect(await search(MARIEKE.email)).toEqual([]);
    expect(await search('burn-out')).toEqual([]);
    expect(await search('Kuipers')).toEqual([johan.reference]);

    // Statistics: every column but the rewritten ones is as it was.
    const after = await row(marieke.id);
    const kept = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !REWRITTEN.includes(k)));
    expect(kept(after)).toEqual(kept(before));
    expect(after).toMatchObject({
      status: 'closed',
      channel: 'web',
      reporter_role: 'candidate',
      reporter_name: null,
      reporter_email: null,
      reporter_phone: null,
      description: '[verwijderd]',
      closed_at: '2024-11-25T10:00:00.000Z',
      updated_at: NOW,
      version: Number(before.version) + 1,
    });
    expect(after.follow_up_token_hash).not.toBe(before.follow_up_token_hash);

    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${marieke.reference}`, { as: 'qm' })).json();
    expect(form).toMatchObject({
      status: 'closed',
      description: '[verwijderd]',
      desiredOutcome: '[verwijderd]',
      reporter: {
        anonymous: false,
        name: null,
        email: null,
        phone: null,
        postalAddress: null,
        role: 'candidate',
        language: 'nl',
      },
      trajectory: {
        reference: null,
        jobcoach: null,
        commissioningParty: { type: 'employer', name: null, contact: null },
      },
      event: { date: '2024-10-01', place: '[verwijderd]', circumstances: '[verwijderd]' },
      summary: '[verwijderd]',
      decision: {
        judgement: 'partly_well_founded',
        severity: 'high',
        reasons: '[verwijderd]',
        findings: '[verwijderd]',
        cause: '[verwijderd]',
        responsibleParty: '[verwijderd]',
      },
      survey: { handledWell: 'partly', onTime: 'no', comment: '[verwijderd]' },
      closingNote: '[verwijderd]',
    });
    expect(form.mentions.map((m: { name: string }) => m.name)).toEqual(['[verwijderd]', '[verwijderd]']);
    expect(
      form.offers.map((o: { satisfied: boolean; measures: { kind: string; description: string }[] }) => [
        o.satisfied,
        o.measures,
      ]),
    ).toEqual([
      [false, [{ kind: 'redress', description: '[verwijderd]' }]],
      [true, [{ kind: 'replacement_service', description: '[verwijderd]' }]],
    ]);
    expect(form.escalations.map((e: { route: string; note: string }) => [e.route, e.note])).toEqual([
      ['national_ombudsman', '[verwijderd]'],
    ]);
    expect(form.handler).toMatchObject({ name: 'Ahmed El Amrani', jobTitle: 'Klachtbehandelaar' });

    // Attachments deleted; letters keep kind, delivery and date, without PDF, text or addressee.
    expect(
      (await sql`select id from attachments where complaint_id = ${marieke.id}`.execute(t.db.kysely)).rows,
    ).toEqual([]);
    const letters = await sql<{
      kind: string;
      delivery: string;
      recipient_role: string;
      recipient_name: string | null;
      recipient_address: string | null;
      body_text: string;
      size: number;
    }>`
      select kind, delivery, recipient_role, recipient_name, recipient_address, body_text, length(pdf) as size
      from letters where complaint_id = ${marieke.id} order by created_at, kind`.execute(t.db.kysely);
    expect(
      letters.rows.map((l) => [
        l.kind,
        l.delivery,
        l.recipient_role,
        l.recipient_name,
        l.recipient_address,
        l.body_text,
        Number(l.size),
      ]),
    ).toEqual([
      ['acknowledgement', 'email', 'reporter', null, null, '[verwijderd]', 0],
      ['complaint_copy', 'email', 'involved', null, null, '[verwijderd]', 0],
      ['complaint_copy', 'email', 'involved', null, null, '[verwijderd]', 0],
      ['written_confirmation', 'email', 'reporter', null, null, '[verwijderd]', 0],
      ['final_report', 'email', 'reporter', null, null, '[verwijderd]', 0],
      ['final_report', 'email', 'involved', null, null, '[verwijderd]', 0],
      ['final_report', 'email', 'involved', null, null, '[verwijderd]', 0],
      ['survey_invitation', 'email', 'reporter', null, null, '[verwijderd]', 0],
    ]);
    // The follow-up link opens nothing any more.
    expect((await call(t, 'GET', `/api/v1/follow-up/${marieke.token}`)).statusCode).toBe(404);
  });

  it('writes one deletion-log entry per case, saying what went and never the data', async () => {
    const entries = await sql<
      Record<string, unknown>
    >`select * from deletion_log order by at, coalesce(reference, '')`.execute(t.db.kysely);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(
      entries.rows.map((e) => ({
        ...e,
        id: undefined,
        categories: parse(e.categories),
        counts: parse(e.counts),
      })),
    ).toEqual([
      {
        id: undefined,
        at: NOW,
        complaint_id: null,
        reference: null,
        reason: 'retention',
        actor_id: null,
        actor_label: 'system',
        categories: ['spot_records'],
        counts: { spot_records: 1 },
        request_reference: null,
        note: null,
      },
      {
        id: undefined,
        at: NOW,
        complaint_id: marieke.id,
        reference: marieke.reference,
        reason: 'retention',
        actor_id: null,
        actor_label: 'system',
        categories: [
          'reporter_identity',
          'third_parties',
          'involved_people',
          'free_text',
          'history',
          'attachments',
          'letters',
          'emails',
          'audit_details',
          'follow_up_link',
          'legal_hold_reasons',
        ],
        counts: {
          history: 31,
          attachments: 1,
          letters: 8,
          emails: 14,
          audit_details: 4,
          legal_hold_reasons: 1,
        },
        request_reference: null,
        note: null,
      },
    ]);
  });

  it('a second run changes nothing; lifting the hold lets the next run anonymise the held case', async () => {
    const snapshot = await findInDatabase(t.db, [ANNA.email]);
    const again = await runRetention({ db: t.db, now: new Date(NOW) });
    expect(again).toMatchObject({
      anonymised: [],
      held: [anna.reference],
      auditEntriesDeleted: 0,
      spotRecordsRedacted: 0,
    });
    expect(await findInDatabase(t.db, [ANNA.email])).toEqual(snapshot);

    const lift = await call(t, 'POST', `/api/v1/staff/complaints/${anna.reference}/legal-hold`, {
      as: 'qm',
      body: { hold: false, reason: 'Procedure afgerond' },
    });
    expect(lift.statusCode, lift.body).toBe(200);
    t.setNow('2026-11-26T16:00:00.000Z');
    const next = await runRetention({ db: t.db, now: new Date('2026-11-26T16:00:00.000Z') });
    expect(next).toMatchObject({ anonymised: [anna.reference], held: [] });
    expect(await findInDatabase(t.db, personalValues(ANNA))).toEqual([]);
    expect(await findInDatabase(t.db, [JOHAN.email])).not.toEqual([]);
  });

  it("deletes audit entries older than 5 years and forgets old sessions' addresses", async () => {
    const at = (iso: string, action: string) =>
      recordAudit(t.db.kysely, {
        at: iso,
        actorId: t.users.admin!.id,
        actorLabel: 'Beheerder Loket3',
        action,
        ip: '198.51.100.7',
      });
    await at('2021-11-26T15:59:59.000Z', 'sign_in_old');
    await at('2021-11-26T16:00:01.000Z', 'sign_in_recent');
    await createStaffSession(t.db.kysely, {
      userId: t.users.admin!.id,
      stage: 'complete',
      method: 'password',
      now: new Date('2021-03-01T09:00:00.000Z'),
      expiresAt: new Date('2021-03-01T21:00:00.000Z'),
      ip: '203.0.113.9',
      userAgent: 'Firefox',
    });
    const report = await runRetention({ db: t.db, now: new Date('2026-11-26T16:00:00.000Z') });
    expect(report).toMatchObject({
      auditCutoff: '2021-11-26T16:00:00.000Z',
      auditEntriesDeleted: 1,
      sessionAddressesForgotten: 1,
    });
    const actions = (
      await sql<{
        action: string;
      }>`select action from audit_log where action like 'sign_in_%' order by action`.execute(t.db.kysely)
    ).rows;
    expect(actions.map((a) => a.action)).toEqual(['sign_in_recent']);
    expect(await findInDatabase(t.db, ['203.0.113.9'])).toEqual([]);
  });
});
