/**
 * The outbox survives a crash at either side of the SMTP hand-off (issue 5, "What must be shown"), with real
 * processes killed by SIGKILL on a real database and a real SMTP server:
 * - killed after the commit, before the hand-off: the mail is delivered once after the restart;
 * - killed while handing off (the server is reached, nothing accepted yet): delivered once after the lease;
 * - killed after the SMTP server accepted the mail but before the row is marked sent: the restarted worker
 *   sends it again, and both copies carry the same Message-ID, so the receiver can drop the duplicate.
 * One file per dialect (outbox-crash-*.test.ts), so the two run in parallel.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/database.ts';
import { enqueueEmail, findOutboxEmail } from '../../src/db/repositories/outbox.ts';
import { skipReason, type TestDb, withTestDatabase } from '../helpers/databases.ts';
import { databaseArgs, startChild } from './processes.ts';
import { type CrashSmtpServer, startCrashSmtpServer } from './smtp.ts';

const WORKER = fileURLToPath(new URL('./children/worker.ts', import.meta.url));
const ENQUEUE = fileURLToPath(new URL('./children/enqueue.ts', import.meta.url));
/** The lease of a killed worker's claim: after it the mail is due again. */
const LEASE_SECONDS = '1';

export function describeOutboxCrashes(dialect: Dialect): void {
  describe.skipIf(skipReason(dialect) !== null)(`outbox crash safety [${dialect}]`, () => {
    let db: TestDb;
    let smtp: CrashSmtpServer;
    const worker = (mode: 'once' | 'until' | 'hang-after-smtp', expected = 1) =>
      startChild(WORKER, [...databaseArgs(db), String(smtp.port), mode, LEASE_SECONDS, String(expected)]);
    /** A fresh worker process, as after a restart: it runs until it has delivered one mail. */
    async function restartAndDeliver() {
      const fresh = worker('until', 1);
      const done = JSON.parse((await fresh.line(/^done (.*)$/, 60_000))[1]!);
      expect((await fresh.exited).code, fresh.stderr()).toBe(0);
      return done;
    }

    beforeAll(async () => {
      db = await withTestDatabase(dialect);
      smtp = await startCrashSmtpServer();
    });
    afterAll(async () => {
      await smtp?.close();
      await db?.close();
    });

    it('killed between the commit and the SMTP hand-off: delivered exactly once after the restart', async () => {
      const app = startChild(ENQUEUE, [...databaseArgs(db), 'melder@example.nl']);
      const [, id, messageId] = await app.line(/^committed (\S+) (\S+)$/, 60_000);
      expect(await app.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      // The commit survived the kill; nothing left.
      expect(await findOutboxEmail(db.kysely, id!)).toMatchObject({
        status: 'pending',
        attempts: 0,
        messageId,
      });
      expect(smtp.copiesOf(messageId!)).toHaveLength(0);

      expect(await restartAndDeliver()).toEqual({ sent: 1, failed: 0, local: 0 });
      expect(smtp.copiesOf(messageId!)).toHaveLength(1);
      expect(smtp.copiesOf(messageId!)[0]!.subject).toBe('Uw klacht is ontvangen');
      expect(await findOutboxEmail(db.kysely, id!)).toMatchObject({ status: 'sent', attempts: 1 });
    }, 150_000);

    it('killed during the hand-off, before the server accepted anything: delivered exactly once after the lease', async () => {
      const { id, messageId } = await enqueueEmail(db.kysely, {
        to: 'melder@example.nl',
        subject: 'Bevindingen',
        text: 'Zie bijlage.',
        kind: 'crash_test',
        now: new Date(),
      });
      const dying = worker('once');
      // The worker has claimed the mail and connected: the server kills it at MAIL FROM.
      smtp.onMailFrom = () => {
        process.kill(dying.pid, 'SIGKILL');
        return true;
      };
      try {
        expect((await dying.exited).signal).toBe('SIGKILL');
      } finally {
        smtp.onMailFrom = null;
      }
      expect(await findOutboxEmail(db.kysely, id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        claimedBy: expect.stringMatching(/^worker:/),
      });
      expect(smtp.copiesOf(messageId)).toHaveLength(0);

      expect(await restartAndDeliver()).toEqual({ sent: 1, failed: 0, local: 0 });
      expect(smtp.copiesOf(messageId)).toHaveLength(1);
      expect(await findOutboxEmail(db.kysely, id)).toMatchObject({ status: 'sent', attempts: 2 });
    }, 150_000);

    it('killed after the SMTP answer, before the row is marked sent: the resend carries the same Message-ID', async () => {
      const { id, messageId } = await enqueueEmail(db.kysely, {
        to: 'melder@example.nl',
        subject: 'Schriftelijke bevestiging',
        text: 'Zoals telefonisch besproken.',
        kind: 'crash_test',
        now: new Date(),
      });
      const dying = worker('hang-after-smtp');
      const [, accepted, answer] = await dying.line(/^accepted (\S+) (.*)$/, 60_000);
      expect(accepted).toBe(messageId);
      expect(answer).toMatch(/^250/);
      expect(await dying.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      // The server has the mail; the row does not know.
      expect(smtp.copiesOf(messageId)).toHaveLength(1);
      expect(await findOutboxEmail(db.kysely, id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        sentAt: null,
      });

      expect(await restartAndDeliver()).toEqual({ sent: 1, failed: 0, local: 0 });
      const copies = smtp.copiesOf(messageId);
      expect(copies).toHaveLength(2);
      expect(copies.map((m) => m.messageId)).toEqual([messageId, messageId]);
      expect(copies.map((m) => m.subject)).toEqual([
        'Schriftelijke bevestiging',
        'Schriftelijke bevestiging',
      ]);
      expect(await findOutboxEmail(db.kysely, id)).toMatchObject({ status: 'sent', attempts: 2 });
    }, 150_000);
  });
}
