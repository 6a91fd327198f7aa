import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dialectOf,
  isUniqueViolation,
  openDatabase,
  readyCheck,
  transaction,
} from '../../src/db/database.ts';
import { fromBool, parseJson, toBool, toJson } from '../../src/db/normalise.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('openDatabase', () => {
  it('creates the parent directories of a relative sqlite: path and sets the pragmas', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-open-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const db = await openDatabase('sqlite:nested/deeper/app.sqlite');
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1); // NORMAL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await readyCheck(db)).toBe(true);
      await db.close();
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const db = await openDatabase('sqlite::memory:');
    expect(db.dialect).toBe('sqlite');
    expect(await readyCheck(db)).toBe(true);
    await db.close();
  });

  it('refuses other URLs without echoing a password', async () => {
    await expect(openDatabase('mysql://me:secret@host/db')).rejects.toThrow(/mysql:\/\/me:\*\*\*@host/);
  });

  it('reports not ready when PostgreSQL cannot be reached', async () => {
    const db = await openDatabase('postgres://postgres@127.0.0.1:1/none');
    expect(await readyCheck(db)).toBe(false);
    await db.close();
  });
});

describeEachDialect('database', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  it('knows its dialect, also inside a transaction', async () => {
    expect(dialectOf(db.kysely)).toBe(dialect);
    await transaction(db, async (trx) => expect(dialectOf(trx)).toBe(dialect));
  });

  it('round-trips booleans, JSON, timestamps and dates', async () => {
    const complaint = {
      id: `c-${dialect}`,
      reference: `2026-${dialect}`,
      status: 'registered',
      version: 1,
      channel: 'web',
      received_at: '2026-04-30T10:00:00.000Z',
      registered_at: '2026-04-30T10:05:00.123Z',
      receiver_id: null,
      language: 'nl',
      anonymous: fromBool(true),
      reporter_name: null,
      reporter_email: null,
      reporter_phone: null,
      reporter_role: null,
      description: 'Te lang gewacht',
      category: null,
      team: null,
      handler_id: null,
      acknowledge_by: '2026-05-08',
      resolve_by: '2026-06-01',
      report_by: null,
      calendar_id: 'atw',
      acknowledged_at: null,
      resolved_at: null,
      closed_at: null,
      follow_up_token_hash: `h-${dialect}`,
      data: toJson({ mentions: [{ name: 'Jan' }], nested: { ok: true } }),
      updated_at: '2026-04-30T10:05:00.123Z',
    };
    await db.kysely.insertInto('complaints').values(complaint).execute();
    const row = await db.kysely
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(toBool(row.anonymous)).toBe(true);
    expect(parseJson(row.data)).toEqual({ mentions: [{ name: 'Jan' }], nested: { ok: true } });
    expect(row.received_at).toBe('2026-04-30T10:00:00.000Z');
    expect(row.registered_at).toBe('2026-04-30T10:05:00.123Z');
    expect(row.acknowledge_by).toBe('2026-05-08');
    expect(row.report_by).toBeNull();
    // Comparisons on timestamps and dates work on the stored form of both dialects.
    const due = await db.kysely
      .selectFrom('complaints')
      .select('id')
      .where('acknowledge_by', '<=', '2026-05-08')
      .where('received_at', '<', '2026-04-30T10:00:00.001Z')
      .execute();
    expect(due.map((r) => r.id)).toEqual([complaint.id]);
  });

  it('returns counts and sums as numbers', async () => {
    const row = await db.kysely
      .selectFrom('complaints')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('version').as('total')])
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(1);
    expect(row.total).toBe(1);
  });

  it('serialises concurrent transactions so that both read-modify-writes count', async () => {
    await db.kysely.insertInto('reference_counters').values({ year: 1999, last_number: 0 }).execute();
    const increment = () =>
      transaction(db, async (trx) => {
        const { last_number } = await trx
          .selectFrom('reference_counters')
          .select('last_number')
          .where('year', '=', 1999)
          .executeTakeFirstOrThrow();
        await sleep(20); // give the other transaction every chance to interleave
        await trx
          .updateTable('reference_counters')
          .set({ last_number: last_number + 1 })
          .where('year', '=', 1999)
          .execute();
      });
    if (dialect === 'sqlite') {
      await Promise.all([increment(), increment()]);
      const { last_number } = await db.kysely
        .selectFrom('reference_counters')
        .select('last_number')
        .where('year', '=', 1999)
        .executeTakeFirstOrThrow();
      expect(last_number).toBe(2);
    } else {
      // PostgreSQL runs them side by side (read committed): both commit; serialising is the repositories' job
      // (single-statement upserts, version columns), not the transaction helper's.
      await expect(Promise.all([increment(), increment()])).resolves.toHaveLength(2);
    }
  });

  it('rolls back when the function throws', async () => {
    await expect(
      transaction(db, async (trx) => {
        await trx.insertInto('reference_counters').values({ year: 1990, last_number: 1 }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const row = await db.kysely
      .selectFrom('reference_counters')
      .selectAll()
      .where('year', '=', 1990)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('recognises a unique violation', async () => {
    const error = await db.kysely
      .insertInto('reference_counters')
      .values({ year: 1999, last_number: 5 })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });
});
