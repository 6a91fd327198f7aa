/**
 * Intake survives a crash (issue 7, "What must be shown"): the real server in its own process takes 50
 * concurrent submissions (JSON API, and the multipart form with attachments), is killed with SIGKILL in the
 * middle of them, and is started again on the same database. Then every submission that was acknowledged
 * (201, or the form's 303) is there and whole — its fields, its attachments byte for byte, its follow-up mail —
 * and nothing is half-written: whatever was stored without an answer is whole too, and the database passes
 * the consistency checks (history, orphans, reference counter, attachment hashes).
 * One file per dialect (intake-crash-*.test.ts), so the two run in parallel.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/database.ts';
import { consistencyProblems } from '../helpers/consistency.ts';
import { skipReason, type TestDb, withTestDatabase } from '../helpers/databases.ts';
import { type Acknowledged, runLoad, type Submission } from './intake-load.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const CONCURRENCY = 50;
/** Acknowledged submissions before the kill: enough for the load to be in full swing. */
const KILL_AFTER = 120;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function describeIntakeCrash(dialect: Dialect): void {
  describe.skipIf(skipReason(dialect) !== null)(`intake crash safety [${dialect}]`, () => {
    let db: TestDb;
    let server: ServerProcess | null = null;
    beforeAll(async () => {
      db = await withTestDatabase(dialect);
    });
    afterAll(async () => {
      await server?.child.kill('SIGKILL');
      await db?.close();
    });

    it('every acknowledged submission is whole after kill -9 during 50 concurrent submissions, and nothing is half-written', async () => {
      const run = randomBytes(4).toString('hex');
      server = await startServerProcess(db);
      const first = server;
      let killed: Promise<unknown> | null = null;
      const load = await runLoad(first.url, {
        run,
        concurrency: CONCURRENCY,
        onAcknowledged: (count) => {
          // A moment later, so the kill lands wherever the server happens to be: mid-transaction,
          // mid-upload, between the commit and the answer.
          if (count >= KILL_AFTER && !killed) {
            killed = new Promise((resolve) => setTimeout(resolve, Math.random() * 20)).then(() =>
              first.child.kill('SIGKILL'),
            );
          }
        },
      });
      expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
      expect(load.unexpected).toEqual([]);

      // Started again on the same database: it comes up, and takes the next submission with the next number.
      server = await startServerProcess(db);
      const ready = await fetch(`${server.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready' });

      const stored = await storedSubmissions(db, run);
      const byNumber = new Map(stored.map((s) => [s.n, s]));
      const found = load.acknowledged.filter((ack) => {
        const row = byNumber.get(ack.submission.n);
        return row !== undefined && matchesAck(row, ack);
      });
      const storedWithoutAnswer = stored.filter(
        (s) => !load.acknowledged.some((a) => a.submission.n === s.n),
      );
      console.log(
        `intake crash [${dialect}]: ${load.sent.length} submissions sent (${CONCURRENCY} in flight), ` +
          `${load.acknowledged.length} acknowledged, ${found.length} of them found whole after the restart; ` +
          `${load.unanswered.length} unanswered at the kill, of which ${storedWithoutAnswer.length} committed (whole) and the rest not stored`,
      );
      expect(load.acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(load.unanswered.length).toBeGreaterThan(0);
      expect(found.length).toBe(load.acknowledged.length);

      // Everything stored is exactly what was sent: no half-written complaint, attachment or mail.
      const sentByNumber = new Map(load.sent.map((s) => [s.n, s]));
      for (const row of stored) {
        const sent = sentByNumber.get(row.n);
        expect(sent, `stored complaint nr. ${row.n} was never sent`).toBeDefined();
        expect(row.whole(sent!), `complaint nr. ${row.n}`).toEqual([]);
      }
      expect(await consistencyProblems(db.kysely)).toEqual([]);

      const after = await fetch(`${server.url}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'Na de herstart.' }),
      });
      expect(after.status).toBe(201);
      expect((await after.json()).reference).toBe(`VP-2026-${String(stored.length + 1).padStart(5, '0')}`);
    }, 240_000);
  });
}

interface StoredSubmission {
  n: number;
  reference: string;
  tokenHash: string;
  /** What differs from the submission as sent (empty when whole). */
  whole(sent: Submission): string[];
}

function matchesAck(row: StoredSubmission, ack: Acknowledged): boolean {
  return ack.reference !== null ? row.reference === ack.reference : row.tokenHash === ack.tokenHash;
}

/** The complaints of this run as stored, with their attachments and follow-up mails. */
async function storedSubmissions(db: TestDb, run: string): Promise<StoredSubmission[]> {
  const complaints = await db.kysely
    .selectFrom('complaints')
    .select([
      'id',
      'reference',
      'follow_up_token_hash',
      'description',
      'reporter_name',
      'reporter_email',
      'reporter_phone',
    ])
    .where('description', 'like', `Crashtest ${run} nr. %`)
    .execute();
  const attachments = await db.kysely
    .selectFrom('attachments')
    .select(['complaint_id', 'filename', 'content'])
    .execute();
  const mails = await db.kysely
    .selectFrom('email_outbox')
    .select(['complaint_id', 'to_address', 'kind'])
    .where('kind', '=', 'follow_up_link')
    .execute();
  return complaints.map((c) => {
    const n = Number(c.description.match(/ nr\. (\d+):/)![1]);
    return {
      n,
      reference: c.reference,
      tokenHash: c.follow_up_token_hash,
      whole(sent) {
        const problems: string[] = [];
        if (c.description !== sent.description) problems.push('description differs');
        const reporter = { name: c.reporter_name, email: c.reporter_email, phone: c.reporter_phone };
        if (
          JSON.stringify(reporter) !==
          JSON.stringify(sent.reporter ?? { name: null, email: null, phone: null })
        ) {
          problems.push(`reporter differs: ${JSON.stringify(reporter)}`);
        }
        const files = attachments
          .filter((a) => a.complaint_id === c.id)
          .map((a) => `${a.filename} ${sha256(Buffer.from(a.content))}`)
          .sort();
        const sentFiles = sent.files.map((f) => `${f.filename} ${f.sha256}`).sort();
        if (JSON.stringify(files) !== JSON.stringify(sentFiles))
          problems.push(`attachments differ: ${files.join(', ')}`);
        const mail = mails.filter((m) => m.complaint_id === c.id).map((m) => m.to_address);
        if (JSON.stringify(mail) !== JSON.stringify(sent.reporter ? [sent.reporter.email] : [])) {
          problems.push(`follow-up mail differs: ${mail.join(', ')}`);
        }
        return problems;
      },
    };
  });
}
