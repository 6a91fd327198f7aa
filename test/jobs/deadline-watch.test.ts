/**
 * The deadline watch on real databases, with cases made through the API and a fixed clock. Dates are literal
 * and counted by hand on the Atw calendar of 2026 (5 May Bevrijdingsdag, Ascension 14 May + equated 15 May,
 * Whit Monday 25 May). A complaint received Thursday 30 April 2026 must be acknowledged by Friday 8 May
 * (1 May, 4, 6, 7, 8) and resolved by Thursday 4 June.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/db/database.ts';
import {
  type DeadlineWatchCounts,
  runDeadlineWatch,
  startDeadlineWatch,
} from '../../src/jobs/deadline-watch.ts';
import { deliverDueEmails } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { startTestSmtpServer } from '../helpers/smtp-server.ts';
import { caseDriver } from './cases.ts';

const WATCH_KINDS = ['deadline_reminder', 'deadline_escalation', 'unassigned_reminder', 'measure_reminder'];
const PUBLIC_URL = 'https://klachten.example.nl';

describeEachDialect('deadline watch', (dialect) => {
  let t: TestApp;
  let cases: ReturnType<typeof caseDriver>;
  const watch = (iso: string, config: { reminderWorkingDays?: number; pageSize?: number } = {}) =>
    runDeadlineWatch({ db: t.db, now: new Date(iso), config: { publicUrl: PUBLIC_URL, ...config } });
  const email = (key: string) => `${key}@loket3.example`;

  /** The watch's emails about one complaint, as [recipient key, kind, subject]. */
  async function sent(complaintId: string) {
    const rows = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['to_address', 'kind', 'subject', 'text_body', 'created_at'])
      .where('complaint_id', '=', complaintId)
      .where('kind', 'in', WATCH_KINDS)
      .orderBy('created_at')
      .orderBy('to_address')
      .execute();
    return rows.map((r) => ({
      to: r.to_address.split('@')[0],
      kind: r.kind,
      subject: r.subject,
      text: r.text_body,
    }));
  }
  const reminderRows = (complaintId: string) =>
    t.db.kysely
      .selectFrom('reminders')
      .select(['subject', 'stage', 'due'])
      .where('complaint_id', '=', complaintId)
      .orderBy('sent_at')
      .orderBy('subject')
      .execute();
  const nothingNew = (counts: DeadlineWatchCounts) =>
    expect(counts).toMatchObject({ reminded: 0, escalated: 0, emails: 0 });

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { PUBLIC_URL } });
    await addStandardUsers(t);
    cases = caseDriver(t);
  });
  // Each test looks at its own case only: retire the earlier ones so their deadlines stay out of the counts.
  afterEach(async () => {
    await t.db.kysely.updateTable('complaints').set({ status: 'closed' }).execute();
  });
  afterAll(() => t.close());

  it('reminds the handler once when the acknowledgement is near, and escalates to the quality manager once it is past', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.assign(c, '2026-04-30T10:00:00+02:00');

    // Thu 30 Apr and Mon 4 May: 8 May is 5 and 3 working days away (6, 7, 8): not near yet.
    nothingNew(await watch('2026-04-30T16:00:00+02:00'));
    nothingNew(await watch('2026-05-04T09:00:00+02:00'));

    // Wed 6 May: due within 2 working days (7, 8 May).
    const near = await watch('2026-05-06T08:00:00+02:00');
    expect(near).toMatchObject({
      today: '2026-05-06',
      workingDay: true,
      scanned: 1,
      reminded: 1,
      escalated: 0,
      emails: 1,
    });
    expect(await sent(c.id)).toEqual([
      {
        to: 'handler',
        kind: 'deadline_reminder',
        subject: `Herinnering: ontvangstbevestiging klacht ${c.ref} uiterlijk vrijdag 8 mei 2026`,
        text: expect.stringContaining('de ontvangstbevestiging (binnen 5 werkdagen na ontvangst)'),
      },
    ]);
    const [reminder] = await sent(c.id);
    expect(reminder!.text).toContain('Beste Ahmed El Amrani,');
    expect(reminder!.text).toContain('loopt af op vrijdag 8 mei 2026');
    expect(reminder!.text).toContain(`${PUBLIC_URL}/staff/complaints/${c.ref}`);

    // Again later that day, and on Thursday: the same stage of the same deadline, so nothing new.
    expect(await watch('2026-05-06T16:00:00+02:00')).toMatchObject({
      reminded: 0,
      emails: 0,
      alreadySent: 1,
    });
    expect(await watch('2026-05-07T09:00:00+02:00')).toMatchObject({
      reminded: 0,
      emails: 0,
      alreadySent: 1,
    });
    expect(await sent(c.id)).toHaveLength(1);

    // Mon 11 May: past due, the handler and the quality manager.
    const overdue = await watch('2026-05-11T08:00:00+02:00');
    expect(overdue).toMatchObject({ reminded: 1, escalated: 1, emails: 2 });
    const after = await sent(c.id);
    expect(after.slice(1)).toEqual([
      {
        to: 'handler',
        kind: 'deadline_reminder',
        subject: `Termijn verstreken: ontvangstbevestiging klacht ${c.ref} (uiterlijk vrijdag 8 mei 2026)`,
        text: expect.stringContaining('is verstreken: die liep af op vrijdag 8 mei 2026'),
      },
      {
        to: 'qm',
        kind: 'deadline_escalation',
        subject: `Escalatie: termijn ontvangstbevestiging klacht ${c.ref} verstreken (vrijdag 8 mei 2026)`,
        text: expect.stringContaining('Behandelaar: Ahmed El Amrani.'),
      },
    ]);
    nothingNew(await watch('2026-05-11T16:00:00+02:00'));
    nothingNew(await watch('2026-05-12T09:00:00+02:00'));
    expect(await reminderRows(c.id)).toEqual([
      { subject: 'acknowledge', stage: 'near', due: '2026-05-08' },
      { subject: 'acknowledge', stage: 'overdue', due: '2026-05-08' },
    ]);
  });

  it('reminds nobody of a term that is met, and nothing is made on a day off', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.assign(c, '2026-04-30T10:00:00+02:00');
    await cases.step(c, 'handler', 'record-summary', { summary: 'Twee gemiste afspraken.' });
    await cases.step(c, 'handler', 'acknowledge');
    // Tuesday 5 May is Bevrijdingsdag: no run makes reminders (Monday's and Wednesday's do).
    expect(await watch('2026-05-05T10:00:00+02:00')).toMatchObject({
      workingDay: false,
      scanned: 0,
      reminded: 0,
    });
    nothingNew(await watch('2026-05-06T10:00:00+02:00'));
    nothingNew(await watch('2026-05-11T10:00:00+02:00'));
    expect(await sent(c.id)).toEqual([]);
  });

  it('reminds the quality managers of a complaint without a handler: after a working day, and when the acknowledgement term has passed', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    // The day of receipt does not count.
    nothingNew(await watch('2026-04-30T17:00:00+02:00'));
    // Friday 1 May: one working day has passed.
    expect(await watch('2026-05-01T09:00:00+02:00')).toMatchObject({ reminded: 1, escalated: 0, emails: 1 });
    expect(await sent(c.id)).toEqual([
      {
        to: 'qm',
        kind: 'unassigned_reminder',
        subject: `Klacht ${c.ref} heeft nog geen behandelaar`,
        text: expect.stringContaining('uiterlijk vrijdag 8 mei 2026 de ontvangstbevestiging'),
      },
    ]);
    // The acknowledgement term's own reminders are left out while there is no handler: no double mail.
    nothingNew(await watch('2026-05-06T09:00:00+02:00'));
    expect(await watch('2026-05-11T09:00:00+02:00')).toMatchObject({ reminded: 1, escalated: 1, emails: 1 });
    expect((await sent(c.id))[1]).toMatchObject({
      to: 'qm',
      kind: 'unassigned_reminder',
      subject: `Escalatie: klacht ${c.ref} heeft nog geen behandelaar en de ontvangstbevestiging is te laat`,
    });
    expect(await reminderRows(c.id)).toEqual([
      { subject: 'unassigned', stage: 'near', due: '2026-05-08' },
      { subject: 'unassigned', stage: 'overdue', due: '2026-05-08' },
    ]);
    // Withdrawn: the watch no longer looks at it, even when its resolution term passes.
    await cases.step(c, 'qm', 'withdraw', { reason: 'Opgelost in een gesprek.' });
    expect(await watch('2026-06-05T09:00:00+02:00')).toMatchObject({ scanned: 0, reminded: 0 });
  });

  it('reminds the owner of an agreed measure 2 working days before its due date, and owner and handler after it', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.toReportedWithAgreedMeasure(c, { owner: 'coach', dueDate: '2026-06-15' });
    // The terms are met; the measure (due Monday 15 June) is open. Wednesday 10 June: 11, 12, 15 is 3 days away.
    nothingNew(await watch('2026-06-10T09:00:00+02:00'));
    expect(await watch('2026-06-11T09:00:00+02:00')).toMatchObject({ reminded: 1, escalated: 0, emails: 1 });
    nothingNew(await watch('2026-06-12T09:00:00+02:00'));
    nothingNew(await watch('2026-06-15T09:00:00+02:00'));
    expect(await watch('2026-06-16T09:00:00+02:00')).toMatchObject({ reminded: 1, escalated: 0, emails: 2 });
    const mails = await sent(c.id);
    expect(mails.map(({ to, kind, subject }) => ({ to, kind, subject }))).toEqual([
      {
        to: 'coach',
        kind: 'measure_reminder',
        subject: `Herinnering: afgesproken maatregel bij klacht ${c.ref} uiterlijk maandag 15 juni 2026`,
      },
      {
        to: 'coach',
        kind: 'measure_reminder',
        subject: `Verlopen: afgesproken maatregel bij klacht ${c.ref} (uiterlijk maandag 15 juni 2026)`,
      },
      {
        to: 'handler',
        kind: 'measure_reminder',
        subject: `Verlopen: afgesproken maatregel bij klacht ${c.ref} (uiterlijk maandag 15 juni 2026)`,
      },
    ]);
    expect(mails[0]!.text).toContain('  Nieuwe jobcoach inplannen');
    expect(mails[0]!.text).toContain('U bent eigenaar van deze maatregel.');
    expect(mails[2]!.text).toContain('Eigenaar: Jeroen Bakker. U krijgt dit bericht als behandelaar');
    const measureId = (await reminderRows(c.id))[0]!.subject.split(':')[1];
    expect(await reminderRows(c.id)).toEqual([
      { subject: `agreed_measure:${measureId}`, stage: 'near', due: '2026-06-15' },
      { subject: `agreed_measure:${measureId}`, stage: 'overdue', due: '2026-06-15' },
    ]);

    // A preventive measure, due Tuesday 30 June, owned by the advisor; the agreed measure is done meanwhile.
    t.setNow('2026-06-17T10:00:00+02:00');
    await cases.step(c, 'handler', 'complete-agreed-measure', { measureId });
    await cases.step(c, 'handler', 'decide-preventive-measures', {
      measures: [
        {
          description: 'Agenda bij ziekte overdragen',
          ownerId: t.users.advisor!.id,
          consulted: 'Teamleider',
          dueDate: '2026-06-30',
        },
      ],
    });
    // Thursday 25 June: 26, 29, 30 is 3 working days away; Friday 26 June: 2.
    nothingNew(await watch('2026-06-25T09:00:00+02:00'));
    expect(await watch('2026-06-26T09:00:00+02:00')).toMatchObject({ reminded: 1, emails: 1 });
    expect((await sent(c.id)).slice(3).map(({ to, subject }) => ({ to, subject }))).toEqual([
      {
        to: 'advisor',
        subject: `Herinnering: preventieve maatregel bij klacht ${c.ref} uiterlijk dinsdag 30 juni 2026`,
      },
    ]);
  });

  it('counts "near" in REMINDER_WORKING_DAYS working days', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.assign(c, '2026-04-30T10:00:00+02:00');
    // Monday 4 May: 6, 7, 8 May is 3 working days away (5 May is a holiday).
    nothingNew(await watch('2026-05-04T09:00:00+02:00', { reminderWorkingDays: 2 }));
    expect(await watch('2026-05-04T09:00:00+02:00', { reminderWorkingDays: 3 })).toMatchObject({
      reminded: 1,
      emails: 1,
    });
    expect(await reminderRows(c.id)).toEqual([{ subject: 'acknowledge', stage: 'near', due: '2026-05-08' }]);
  });

  it('two instances at once (separate connection pools) record every reminder once and send one email each, page by page', async () => {
    const a = await cases.submit('2026-04-30T09:00:00+02:00');
    const b = await cases.submit('2026-04-30T09:05:00+02:00');
    const d = await cases.submit('2026-04-30T09:10:00+02:00');
    await cases.assign(a, '2026-04-30T10:00:00+02:00');
    await cases.assign(b, '2026-04-30T10:00:00+02:00', 'handler2');
    // d stays without a handler. Monday 11 May: a and b are past their acknowledgement term, d too.
    // SQLite: one connection per process (database.ts), so the second "instance" shares it; the runs still
    // interleave at every await. Across processes: deadline-watch-processes.test.ts.
    const other = dialect === 'postgres' ? await t.db.openAnother({ poolSize: 3 }) : t.db;
    try {
      const now = new Date('2026-05-11T09:00:00+02:00');
      const config = { publicUrl: PUBLIC_URL, pageSize: 2 };
      const runs = await Promise.all([
        runDeadlineWatch({ db: t.db, now, config }),
        runDeadlineWatch({ db: other, now, config }),
        runDeadlineWatch({ db: t.db, now, config }),
      ]);
      expect(runs.map((r) => r.scanned)).toEqual([3, 3, 3]);
      expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(3);
      expect(runs.reduce((sum, r) => sum + r.escalated, 0)).toBe(3);
      expect(runs.reduce((sum, r) => sum + r.emails, 0)).toBe(5);
      expect(runs.reduce((sum, r) => sum + r.alreadySent, 0)).toBe(6);
      expect(runs.every((r) => r.failed === 0)).toBe(true);
    } finally {
      if (other !== t.db) await other.close();
    }
    expect((await sent(a.id)).map((m) => m.to)).toEqual(['handler', 'qm']);
    expect((await sent(b.id)).map((m) => m.to)).toEqual(['handler2', 'qm']);
    expect((await sent(d.id)).map((m) => [m.to, m.kind])).toEqual([['qm', 'unassigned_reminder']]);
    for (const c of [a, b, d]) expect(await reminderRows(c.id)).toHaveLength(1);
  });

  it('a reminder and its emails are one transaction: a failure leaves neither, the next run sends it', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.assign(c, '2026-04-30T10:00:00+02:00');
    // Another instance holds the reminder's key in an open transaction that then rolls back.
    await expect(
      transaction(t.db, async (trx) => {
        await trx
          .insertInto('reminders')
          .values({
            id: 'rolled-back',
            complaint_id: c.id,
            subject: 'acknowledge',
            stage: 'near',
            due: '2026-05-08',
            sent_at: '2026-05-06T06:00:00.000Z',
          })
          .execute();
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await watch('2026-05-06T09:00:00+02:00')).toMatchObject({
      reminded: 1,
      emails: 1,
      alreadySent: 0,
    });
    expect(await sent(c.id)).toHaveLength(1);
  });

  it('delivers a reminder through real SMTP: recipient, subject and body as staff read them', async () => {
    const c = await cases.submit('2026-04-30T09:00:00+02:00');
    await cases.assign(c, '2026-04-30T10:00:00+02:00');
    await t.db.kysely
      .updateTable('email_outbox')
      .set({ status: 'sent' })
      .where('status', '=', 'pending')
      .execute();
    await watch('2026-05-11T09:00:00+02:00');
    const server = await startTestSmtpServer();
    const transport = createMailTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      from: 'Loket3 klachten <klachten@loket3.nl>',
    });
    try {
      const counts = await deliverDueEmails({
        db: t.db,
        transport,
        workerId: 'test',
        now: () => new Date('2026-05-11T09:01:00+02:00'),
      });
      expect(counts).toEqual({ sent: 2, failed: 0, local: 0 });
      const byRecipient = new Map(server.received.map((m) => [m.envelope.rcptTo[0], m.parsed]));
      expect([...byRecipient.keys()].sort()).toEqual([email('handler'), email('qm')]);
      const escalation = byRecipient.get(email('qm'))!;
      expect(escalation.subject).toBe(
        `Escalatie: termijn ontvangstbevestiging klacht ${c.ref} verstreken (vrijdag 8 mei 2026)`,
      );
      expect(escalation.from?.value).toEqual([{ name: 'Loket3 klachten', address: 'klachten@loket3.nl' }]);
      expect(escalation.text).toContain('Beste Petra de Vries,');
      expect(escalation.text).toContain(
        'De termijn voor de ontvangstbevestiging (binnen 5 werkdagen na ontvangst)',
      );
      expect(escalation.text).toContain(`Klacht openen: ${PUBLIC_URL}/staff/complaints/${c.ref}`);
      expect(escalation.headers.get('auto-submitted')).toBe('auto-generated');
      expect(byRecipient.get(email('handler'))!.subject).toBe(
        `Termijn verstreken: ontvangstbevestiging klacht ${c.ref} (uiterlijk vrijdag 8 mei 2026)`,
      );
    } finally {
      transport.close();
      await server.close();
    }
  });

  describe('in the server process', () => {
    it('runs first shortly after the start, then every interval, and stops cleanly', async () => {
      const c = await cases.submit('2026-04-30T09:00:00+02:00');
      await cases.assign(c, '2026-04-30T10:00:00+02:00');
      const job = startDeadlineWatch({
        db: t.db,
        intervalMs: 60_000,
        firstRunAfterMs: 20,
        now: () => new Date('2026-05-06T09:00:00+02:00'),
        config: { publicUrl: PUBLIC_URL },
      });
      try {
        await expect.poll(() => sent(c.id).then((m) => m.length), { timeout: 5000, interval: 20 }).toBe(1);
        expect(await job.runOnce()).toMatchObject({ reminded: 0, alreadySent: 1 });
      } finally {
        await job.stop();
      }
    });
  });
});
