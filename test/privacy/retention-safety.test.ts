/**
 * Retention is safe to run anywhere, any number of times: two instances at once anonymise each case exactly
 * once (on PostgreSQL through two connection pools, as two processes would; on SQLite through one connection,
 * which is what a process has); a failure in the middle of a case (simulated by the database refusing the last
 * write of that case, its deletion-log entry) leaves that case whole and the others anonymised, and the next
 * run finishes it. Withdrawn and not-taken-up cases count from the day they ended.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRetention } from '../../src/commands/retention.ts';
import { parseConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { startRetentionJob } from '../../src/jobs/retention.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { findInDatabase } from './helpers.ts';

describeEachDialect('retention safety', (dialect) => {
  let t: TestApp;
  const refs: string[] = [];
  const ids: string[] = [];

  /** A case received on `day` and ended the same day (not taken up, or withdrawn by the reporter). */
  async function endedCase(n: number, day: string, how: 'not-take-up' | 'withdraw') {
    t.setNow(`${day}T09:00:00.000Z`);
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: `Melder Nummer${n}`, email: `melder${n}@example.nl` },
        description: `Klacht van melder nummer${n} over de bereikbaarheid.`,
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const reference = submitted.json().reference as string;
    t.setNow(`${day}T11:00:00.000Z`);
    const ended =
      how === 'not-take-up'
        ? await act(t, 'qm', reference, 'not-take-up', {
            ground: 'already_handled',
            motivation: `Al behandeld voor nummer${n}.`,
          })
        : await act(t, 'qm', reference, 'withdraw', { reason: `Nummer${n} trok de klacht in.` });
    expect(ended.statusCode, ended.body).toBe(200);
    refs.push(reference);
    ids.push(ended.json().id);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    for (let n = 1; n <= 6; n++) await endedCase(n, `2024-0${n}-1${n}`, n % 2 ? 'not-take-up' : 'withdraw');
    // Ended 2 years before the runs below minus a day: not yet due.
    await endedCase(7, '2024-11-27', 'withdraw');
  }, 120_000);
  afterAll(() => t.close());

  const entriesPerCase = async () =>
    (
      await sql<{ reference: string; n: number }>`select reference, count(*) as n from deletion_log
        where complaint_id is not null group by reference order by reference`.execute(t.db.kysely)
    ).rows.map((r) => [r.reference, Number(r.n)]);
  const snapshot = async (id: string) => ({
    complaint: (await sql`select * from complaints where id = ${id}`.execute(t.db.kysely)).rows,
    events: (
      await sql`select * from complaint_events where complaint_id = ${id} order by seq`.execute(t.db.kysely)
    ).rows,
    letters: (
      await sql`select * from letters where complaint_id = ${id} order by created_at, id`.execute(t.db.kysely)
    ).rows,
    emails: (
      await sql`select * from email_outbox where complaint_id = ${id} order by created_at, id`.execute(
        t.db.kysely,
      )
    ).rows,
  });

  it('a failure in the middle of a case leaves it whole, the others anonymised; the next run finishes it', async () => {
    const failing = refs[2]!;
    const before = await snapshot(ids[2]!);
    if (dialect === 'sqlite') {
      await sql
        .raw(`create trigger fail_one before insert on deletion_log when new.reference = '${failing}'
        begin select raise(abort, 'simulated crash'); end`)
        .execute(t.db.kysely);
    } else {
      await sql
        .raw(`create function fail_one() returns trigger language plpgsql as $$
        begin if new.reference = '${failing}' then raise exception 'simulated crash'; end if; return new; end $$`)
        .execute(t.db.kysely);
      await sql
        .raw('create trigger fail_one before insert on deletion_log for each row execute function fail_one()')
        .execute(t.db.kysely);
    }
    const errors: string[] = [];
    t.setNow('2026-11-26T10:00:00.000Z');
    const report = await runRetention({
      db: t.db,
      now: new Date('2026-11-26T10:00:00.000Z'),
      pageSize: 2,
      logger: { error: (_obj, msg) => errors.push(msg) },
    });
    expect(report).toMatchObject({
      anonymised: [refs[0], refs[1], refs[3], refs[4], refs[5]],
      failed: 1,
      held: [],
    });
    expect(errors).toEqual(['Retention failed for a complaint']);
    expect(await snapshot(ids[2]!)).toEqual(before);
    expect(await findInDatabase(t.db, ['nummer3'])).not.toEqual([]);
    expect(await findInDatabase(t.db, ['nummer1', 'nummer2', 'nummer4', 'nummer5', 'nummer6'])).toEqual([]);

    await sql
      .raw(`drop trigger fail_one${dialect === 'postgres' ? ' on deletion_log' : ''}`)
      .execute(t.db.kysely);
    const next = await runRetention({ db: t.db, now: new Date('2026-11-26T10:00:00.000Z') });
    expect(next).toMatchObject({ anonymised: [failing], failed: 0 });
    expect(await findInDatabase(t.db, ['nummer3'])).toEqual([]);
    // Not due yet: withdrawn on 27 November 2024, 2 years minus a day before.
    expect(await findInDatabase(t.db, ['nummer7'])).not.toEqual([]);
  });

  it('two instances at once anonymise each case exactly once', async () => {
    t.setNow('2026-11-28T10:00:00.000Z');
    for (let n = 8; n <= 12; n++) await endedCase(n, `2023-0${n - 7}-0${n - 7}`, 'withdraw');
    const other: Db = dialect === 'postgres' ? await t.db.openAnother() : t.db;
    try {
      const now = new Date('2026-11-28T10:00:00.000Z');
      const [a, b] = await Promise.all([
        runRetention({ db: t.db, now, pageSize: 2 }),
        runRetention({ db: other, now, pageSize: 2 }),
      ]);
      expect([...a.anonymised, ...b.anonymised].sort()).toEqual([refs[6], ...refs.slice(7)].sort());
      expect(a.failed + b.failed).toBe(0);
    } finally {
      if (other !== t.db) await other.close();
    }
    expect(await entriesPerCase()).toEqual(refs.map((ref) => [ref, 1]).sort());
  });

  it('runs as a scheduled job in the server process (RETENTION_JOB, on by default), logging counts only', async () => {
    expect(parseConfig({}).retentionJob).toBe(true);
    expect(parseConfig({ RETENTION_JOB: 'false' }).retentionJob).toBe(false);
    await endedCase(13, '2022-02-02', 'withdraw');
    const logged: object[] = [];
    const job = startRetentionJob({
      db: t.db,
      intervalMs: 3_600_000,
      firstRunAfterMs: 1,
      now: () => new Date('2026-11-28T12:00:00.000Z'),
      logger: { info: (obj: object) => logged.push(obj), warn: () => {}, error: () => {} },
    });
    try {
      for (let i = 0; i < 200 && logged.length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await job.stop();
    }
    expect(logged).toEqual([
      { anonymised: 1, held: 0, alreadyDone: 0, failed: 0, auditEntriesDeleted: 0, spotRecordsRedacted: 0 },
    ]);
    expect(await findInDatabase(t.db, ['nummer13'])).toEqual([]);
  });
});
