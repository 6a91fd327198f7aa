import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { transaction } from '../../src/db/database.ts';
import {
  claimDueEmails,
  enqueueEmail,
  findOutboxEmail,
  listOutbox,
  markFailedAttempt,
  markLocal,
  markSent,
} from '../../src/db/repositories/outbox.ts';
import { describeEachDialect, skipReason, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const mail = (n: number, now = T0) => ({
  to: `r${n}@example.nl`,
  subject: `Mail ${n}`,
  text: 'Hallo',
  kind: 'test',
  now,
});

describeEachDialect('email outbox', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('email_outbox').execute();
  });
  afterAll(() => db.close());

  it('enqueues inside the caller’s transaction: nothing remains when it rolls back', async () => {
    await expect(
      transaction(db, async (trx) => {
        await enqueueEmail(trx, mail(1));
        throw new Error('change failed');
      }),
    ).rejects.toThrow();
    expect(await listOutbox(db.kysely, { limit: 10 })).toEqual([]);

    const { id, messageId } = await transaction(db, (trx) =>
      enqueueEmail(trx, {
        ...mail(2),
        html: '<p>Hallo</p>',
        complaintId: 'c1',
        messageIdDomain: 'loket3.nl',
      }),
    );
    expect(messageId).toBe(`<${id}@loket3.nl>`);
    expect(await findOutboxEmail(db.kysely, id)).toEqual({
      id,
      messageId,
      to: 'r2@example.nl',
      subject: 'Mail 2',
      text: 'Hallo',
      html: '<p>Hallo</p>',
      kind: 'test',
      complaintId: 'c1',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0.toISOString(),
      claimedBy: null,
      claimedUntil: null,
      lastError: null,
      letterId: null,
      smtpResponse: null,
      createdAt: T0.toISOString(),
      sentAt: null,
    });
  });

  it('claims due mails oldest first, leases them, and hands them out again when the lease runs out', async () => {
    await enqueueEmail(db.kysely, mail(2, at(2)));
    await enqueueEmail(db.kysely, mail(1, at(1)));
    await enqueueEmail(db.kysely, mail(3, at(100))); // not due yet

    const claimed = await claimDueEmails(db.kysely, 'w1', at(10), 10, 60);
    expect(claimed.map((m) => m.subject)).toEqual(['Mail 1', 'Mail 2']);
    expect(claimed[0]).toMatchObject({ claimedBy: 'w1', claimedUntil: at(70).toISOString(), attempts: 1 });
    expect(await claimDueEmails(db.kysely, 'w2', at(20), 10, 60)).toEqual([]);

    const reclaimed = await claimDueEmails(db.kysely, 'w2', at(71), 10, 60);
    expect(reclaimed.map((m) => [m.subject, m.claimedBy, m.attempts])).toEqual([
      ['Mail 1', 'w2', 2],
      ['Mail 2', 'w2', 2],
    ]);
  });

  it('records sends, failed attempts with a retry time, giving up, and local filing', async () => {
    const ids = [];
    for (const n of [1, 2, 3, 4]) ids.push((await enqueueEmail(db.kysely, mail(n))).id);
    const [sent, retried, givenUp, local] = ids as [string, string, string, string];
    await claimDueEmails(db.kysely, 'w1', at(1), 10, 60);

    await markSent(db.kysely, sent, '250 2.0.0 Ok: queued', at(2));
    await markFailedAttempt(db.kysely, retried, '421 try later', at(2), at(62));
    await markFailedAttempt(db.kysely, givenUp, '550 no such user', at(2), null);
    await markLocal(db.kysely, local, at(2));

    expect(await findOutboxEmail(db.kysely, sent)).toMatchObject({
      status: 'sent',
      smtpResponse: '250 2.0.0 Ok: queued',
      sentAt: at(2).toISOString(),
      claimedBy: null,
    });
    expect(await findOutboxEmail(db.kysely, retried)).toMatchObject({
      status: 'pending',
      nextAttemptAt: at(62).toISOString(),
      lastError: `${at(2).toISOString()} 421 try later`,
      claimedBy: null,
      claimedUntil: null,
    });
    expect(await findOutboxEmail(db.kysely, givenUp)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('550'),
    });
    expect(await findOutboxEmail(db.kysely, local)).toMatchObject({ status: 'local' });

    expect(await claimDueEmails(db.kysely, 'w1', at(61), 10, 60)).toEqual([]);
    expect((await claimDueEmails(db.kysely, 'w1', at(62), 10, 60)).map((m) => m.id)).toEqual([retried]);
    expect((await listOutbox(db.kysely, { status: 'local', limit: 10 })).map((m) => m.id)).toEqual([local]);
    expect(await listOutbox(db.kysely, { limit: 2 })).toHaveLength(2);
  });
});

describe.skipIf(skipReason('postgres') !== null)('email outbox [postgres, concurrent workers]', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase('postgres');
  });
  afterAll(() => db.close());

  it('never gives the same mail to two workers claiming at the same time', async () => {
    const count = 200;
    for (let n = 0; n < count; n++) await enqueueEmail(db.kysely, mail(n, at(n % 7)));
    const workers = await Promise.all([db.openAnother({ poolSize: 2 }), db.openAnother({ poolSize: 2 })]);
    try {
      const claimedBy = new Map<string, string[]>();
      const work = async (worker: TestDb | (typeof workers)[number], name: string) => {
        for (;;) {
          const batch = await claimDueEmails(worker.kysely, name, at(60), 7, 300);
          if (batch.length === 0) return;
          for (const m of batch) claimedBy.set(m.id, [...(claimedBy.get(m.id) ?? []), name]);
        }
      };
      await Promise.all([
        work(workers[0]!, 'a1'),
        work(workers[0]!, 'a2'),
        work(workers[1]!, 'b1'),
        work(workers[1]!, 'b2'),
      ]);
      expect(claimedBy.size).toBe(count);
      const twice = [...claimedBy.values()].filter((names) => names.length > 1);
      expect(twice).toEqual([]);
      // Every worker got some: they really ran side by side.
      expect(new Set([...claimedBy.values()].flat()).size).toBeGreaterThan(1);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
