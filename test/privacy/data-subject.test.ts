/**
 * Data subjects' requests through the commands the pages and the CLI share: finding a person's complaints by
 * email (any case), phone (any notation) or name (part of it, also where someone else mentions them), the
 * export as JSON (complete), PDF (read back with pdftotext) and ZIP (the attachments byte for byte), and
 * erasure: refused under a legal hold and for an open case without a reason — all or nothing — then done, in
 * the deletion log and the audit log. Only administrators may do any of it.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  eraseDataSubjectCases,
  exportDataSubjectCases,
  findDataSubjectCases,
} from '../../src/commands/data-subject-requests.ts';
import type { Actor } from '../../src/domain/action-context.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { pdf } from '../pages/helpers.ts';
import { findInDatabase, MARIEKE, type WorkedCase, workThroughEveryStep } from './helpers.ts';

const META = { requestReference: 'AVG-2026-014', ip: '192.0.2.10' };
const BY_EMAIL = { by: 'email' as const, value: 'Marieke.Oosterhuis@example.nl' };

describeEachDialect('data subject requests', (dialect) => {
  let t: TestApp;
  let admin: Actor;
  let closed: WorkedCase;
  let open: string;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    admin = { userId: t.users.admin!.id, name: 'Beheerder Loket3', roles: ['administrator'] };
    closed = await workThroughEveryStep(t, MARIEKE, {
      receivedAt: '2025-09-01T08:00:00.000Z',
      closedAt: '2025-10-20T10:00:00.000Z',
    });
    t.setNow('2026-11-02T09:00:00.000Z');
    const second = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'M. Oosterhuis', email: 'MARIEKE.OOSTERHUIS@example.nl', phone: '0698765432' },
        description: 'Mijn nieuwe jobcoach belt ook niet terug.',
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    open = second.json().reference;
    const third = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Peter Bosman', email: 'peter.bosman@example.nl' },
        description: 'Mijn collega Marieke Oosterhuis werd slecht behandeld.',
      },
    });
    other = third.json().reference;
  }, 180_000);
  afterAll(() => t.close());

  const audit = async (action: string) =>
    (
      await sql<{
        actor_label: string;
        ip: string;
        details: unknown;
      }>`select actor_label, ip, details from audit_log
        where action = ${action} order by at desc`.execute(t.db.kysely)
    ).rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));

  it('finds the person by email, phone or name; someone else mentioning them is found but marked so', async () => {
    const summary = (found: { reference: string; matchedAs: string; status: string; legalHold: boolean }[]) =>
      found.map((c) => [c.reference, c.matchedAs, c.status, c.legalHold]);
    expect(summary(await findDataSubjectCases(t.deps, admin, BY_EMAIL, META))).toEqual([
      [closed.reference, 'reporter', 'closed', false],
      [open, 'reporter', 'registered', false],
    ]);
    expect(
      summary(await findDataSubjectCases(t.deps, admin, { by: 'phone', value: '+31 6 9876 5432' }, META)),
    ).toEqual([
      [closed.reference, 'reporter', 'closed', false],
      [open, 'reporter', 'registered', false],
    ]);
    expect(
      summary(await findDataSubjectCases(t.deps, admin, { by: 'name', value: 'oosterhuis' }, META)),
    ).toEqual([
      [closed.reference, 'reporter', 'closed', false],
      [open, 'reporter', 'registered', false],
      [other, 'mentioned', 'registered', false],
    ]);
    const found = await findDataSubjectCases(t.deps, admin, BY_EMAIL, META);
    expect(found[0]).toMatchObject({
      reporterName: 'Marieke Oosterhuis',
      receivedAt: '2025-09-01T08:00:00.000Z',
      endedAt: '2025-10-20T10:00:00.000Z',
      anonymisationDueAt: '2027-10-20T10:00:00.000Z',
    });

    // Logged: who, how, what was found — not what was searched for.
    expect((await audit('data_subject_find'))[0]).toEqual({
      actor_label: 'Beheerder Loket3',
      ip: '192.0.2.10',
      details: {
        by: 'email',
        references: [closed.reference, open],
        mentionedIn: 0,
        requestReference: 'AVG-2026-014',
        count: 2,
      },
    });
    const logged = await sql<{
      details: unknown;
    }>`select details from audit_log where action like 'data_subject_%'`.execute(t.db.kysely);
    expect(JSON.stringify(logged.rows).toLowerCase()).not.toContain('oosterhuis');
    expect(JSON.stringify(logged.rows)).not.toContain('9876');
  });

  it('refuses a search without a proper value, naming the field; refuses everyone but an administrator', async () => {
    await expect(
      findDataSubjectCases(t.deps, admin, { by: 'email', value: 'geen-adres' }, META),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'value',
      messageNl: 'Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    });
    await expect(
      findDataSubjectCases(t.deps, admin, { by: 'name', value: 'ab' }, META),
    ).rejects.toMatchObject({ field: 'value' });
    const qm: Actor = { userId: t.users.qm!.id, name: 'Petra de Vries', roles: ['quality_manager'] };
    await expect(findDataSubjectCases(t.deps, qm, BY_EMAIL, META)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      exportDataSubjectCases(t.deps, qm, { query: BY_EMAIL, format: 'json' }, META),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      eraseDataSubjectCases(t.deps, qm, { query: BY_EMAIL, openCaseReason: 'x' }, META),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports the whole form, its history, the letters as sent and the attachment list as JSON', async () => {
    const file = await exportDataSubjectCases(t.deps, admin, { query: BY_EMAIL, format: 'json' }, META);
    expect(file.filename).toBe('avg-export-2026-11-02.json');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    const json = JSON.parse(file.body.toString('utf8'));
    expect(json).toMatchObject({
      organisation: 'Loket3',
      exportedAt: '2026-11-02T09:00:00.000Z',
      requestReference: 'AVG-2026-014',
    });
    expect(json.complaints.map((c: { form: { reference: string } }) => c.form.reference)).toEqual([
      closed.reference,
      open,
    ]);
    const [first] = json.complaints;
    expect(first.form.reporter).toEqual({
      anonymous: false,
      name: 'Marieke Oosterhuis',
      email: 'marieke.oosterhuis@example.nl',
      phone: '06 98765432',
      postalAddress: 'Lindelaan 17, 3581 AB Utrecht',
      role: 'candidate',
      language: 'nl',
      consentToContact: true,
    });
    expect(first.form.description).toBe(
      'Mijn jobcoach Kees Vermeulen besprak mijn burn-out met Bouwbedrijf Hendriks zonder mijn toestemming.',
    );
    expect(first.form.survey).toMatchObject({ comment: 'Traag, zegt Marieke Oosterhuis.' });
    expect(first.history).toHaveLength(31);
    expect(first.history[0]).toMatchObject({ seq: 1, action: 'register', toStatus: 'registered' });
    expect(first.history[30]).toMatchObject({ seq: 31, action: 'escalate' });
    // Letters made in the same action share their instant; their order among themselves is not defined.
    expect(
      first.letters
        .map((l: { kind: string; recipientRole: string }) => `${l.kind}:${l.recipientRole}`)
        .sort(),
    ).toEqual([
      'acknowledgement:reporter',
      'complaint_copy:involved',
      'complaint_copy:involved',
      'final_report:involved',
      'final_report:involved',
      'final_report:reporter',
      'survey_invitation:reporter',
      'written_confirmation:reporter',
    ]);
    expect(first.letters[0].text).toContain(
      'Kees Vermeulen besprak de burn-out van mevrouw Oosterhuis met de werkgever.',
    );
    expect(first.attachments).toEqual([
      expect.objectContaining({
        filename: 'verslag-oosterhuis.pdf',
        contentType: 'application/pdf',
        size: 145,
      }),
    ]);
    expect(json.complaints[1].history.map((e: { action: string }) => e.action)).toEqual(['register']);
    // Someone else's complaint is never part of the person's export.
    await expect(
      exportDataSubjectCases(t.deps, admin, { query: BY_EMAIL, references: [other], format: 'json' }, META),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'references',
      message: `Not a complaint of this person: ${other}.`,
    });
    expect((await audit('data_subject_export'))[0]?.details).toEqual({
      by: 'email',
      format: 'json',
      references: [closed.reference, open],
      requestReference: 'AVG-2026-014',
      count: 2,
    });
  });

  it('exports a readable PDF and a ZIP with both files and the attachments', async () => {
    const file = await exportDataSubjectCases(
      t.deps,
      admin,
      { query: BY_EMAIL, references: [closed.reference], format: 'pdf' },
      META,
    );
    expect(file.contentType).toBe('application/pdf');
    const text = readPdf(file.body);
    expect(text.flat).toContain('Uw gegevens in onze klachtenregistratie');
    expect(text.flat).toContain(
      'Loket3 maakte dit overzicht op 2-11-2026 op uw verzoek (AVG artikel 15). Het gaat over 1 klacht.',
    );
    expect(text.flat).toContain(`Klacht ${closed.reference}`);
    expect(text.flat).toContain('Naam Marieke Oosterhuis');
    expect(text.flat).toContain('E-mailadres marieke.oosterhuis@example.nl');
    expect(text.flat).toContain(
      'Wat er is gebeurd Mijn jobcoach Kees Vermeulen besprak mijn burn-out met Bouwbedrijf Hendriks zonder mijn toestemming.',
    );
    expect(text.flat).toContain(
      'Oordeel Deels gegrond. Kees Vermeulen deelde medische informatie over Marieke.',
    );
    expect(text.flat).toContain('Ontvangstbevestiging');
    expect(text.flat).toContain('verslag-oosterhuis.pdf (application/pdf, 145 bytes');
    expect(text.fonts).toContain('DejaVuSans');

    const zip = await exportDataSubjectCases(t.deps, admin, { query: BY_EMAIL, format: 'zip' }, META);
    expect(zip.filename).toBe('avg-export-2026-11-02.zip');
    const entries = unzipSync(new Uint8Array(zip.body));
    expect(Object.keys(entries).sort()).toEqual([
      `attachments/${closed.reference}/1-verslag-oosterhuis.pdf`,
      'export.json',
      'export.pdf',
    ]);
    const attachment = Buffer.from(entries[`attachments/${closed.reference}/1-verslag-oosterhuis.pdf`]!);
    expect(createHash('sha256').update(attachment).digest('hex')).toBe(
      createHash('sha256')
        .update(pdf('Gespreksverslag Marieke Oosterhuis, Lindelaan 17, 3581 AB Utrecht'))
        .digest('hex'),
    );
    expect(JSON.parse(Buffer.from(entries['export.json']!).toString('utf8')).complaints).toHaveLength(2);
  });

  it('refuses erasure under a legal hold, and of an open case without a reason; nothing is erased then', async () => {
    const snapshot = async () => findInDatabase(t.db, [MARIEKE.email, MARIEKE.address]);
    const before = await snapshot();
    const hold = await call(t, 'POST', `/api/v1/staff/complaints/${closed.reference}/legal-hold`, {
      as: 'qm',
      body: { hold: true, reason: 'Bezwaarprocedure' },
    });
    expect(hold.statusCode, hold.body).toBe(200);
    await expect(
      eraseDataSubjectCases(
        t.deps,
        admin,
        { query: BY_EMAIL, openCaseReason: 'Melder trekt alles in' },
        META,
      ),
    ).rejects.toMatchObject({
      code: 'guard_failed',
      field: 'legalHold',
      messageNl: `Voor klacht ${closed.reference} geldt een bewaarplicht (legal hold). Hef die eerst op.`,
    });
    expect(await snapshot()).toEqual(before);
    const lift = await call(t, 'POST', `/api/v1/staff/complaints/${closed.reference}/legal-hold`, {
      as: 'admin',
      body: { hold: false, reason: 'Bezwaar ingetrokken' },
    });
    expect(lift.statusCode, lift.body).toBe(200);
    await expect(
      eraseDataSubjectCases(t.deps, admin, { query: BY_EMAIL, openCaseReason: null }, META),
    ).rejects.toMatchObject({
      code: 'guard_failed',
      field: 'openCaseReason',
      message: `Complaint ${open} is still open. Write down why its data must be erased now.`,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('erases the person\'s cases with the reason "data subject request", in the deletion log and the audit log', async () => {
    t.setNow('2026-11-03T10:00:00.000Z');
    const entries = await eraseDataSubjectCases(
      t.deps,
      admin,
      { query: BY_EMAIL, openCaseReason: 'De melder vroeg om wissen en trok de klacht in.' },
      META,
    );
    expect(entries.map((e) => [e.reference, e.reason, e.actorLabel, e.requestReference, e.note])).toEqual([
      [closed.reference, 'data_subject_request', 'Beheerder Loket3', 'AVG-2026-014', null],
      [
        open,
        'data_subject_request',
        'Beheerder Loket3',
        'AVG-2026-014',
        'De melder vroeg om wissen en trok de klacht in.',
      ],
    ]);
    expect((await audit('data_subject_erase'))[0]).toEqual({
      actor_label: 'Beheerder Loket3',
      ip: '192.0.2.10',
      details: {
        by: 'email',
        requestReference: 'AVG-2026-014',
        references: [closed.reference, open],
        count: 2,
      },
    });
    // The person's data is gone; someone else's complaint that mentions them is theirs, and stays.
    expect(
      await findInDatabase(t.db, [
        MARIEKE.email,
        MARIEKE.address,
        MARIEKE.health,
        MARIEKE.phone,
        '98765432',
        MARIEKE.employer.name,
      ]),
    ).toEqual([]);
    expect(await findDataSubjectCases(t.deps, admin, BY_EMAIL, META)).toEqual([]);
    expect(
      (await findDataSubjectCases(t.deps, admin, { by: 'name', value: 'Oosterhuis' }, META)).map((c) => [
        c.reference,
        c.matchedAs,
      ]),
    ).toEqual([[other, 'mentioned']]);
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${open}`, { as: 'qm' })).json();
    expect(form).toMatchObject({
      status: 'registered',
      description: '[verwijderd]',
      reporter: { name: null, email: null, phone: null },
    });
  });
});
