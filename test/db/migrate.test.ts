import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Dialect } from '../../src/db/database.ts';
import { migrateToLatest, migrationStatus } from '../../src/db/migrate.ts';
import {
  describeEachDialect,
  skipReason,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';

const execFileAsync = promisify(execFile);

/** Introspection lists every schema of a PostgreSQL database; other test files run beside us in theirs. */
const ownTables = async (db: TestDb) =>
  (await whileTestSchemasStay(() => db.kysely.introspection.getTables())).filter(
    (t) => db.schema === null || t.schema === db.schema,
  );
const migrate = (db: Db) => whileTestSchemasStay(() => migrateToLatest(db));

const TABLES = [
  'annual_analyses',
  'api_tokens',
  'attachments',
  'audit_log',
  'complaint_events',
  'complaint_work_items',
  'complaints',
  'deletion_log',
  'email_outbox',
  'legal_holds',
  'letter_templates',
  'letters',
  'organisation_settings',
  'password_resets',
  'rate_limits',
  'reference_counters',
  'reminders',
  'sign_in_throttles',
  'spot_records',
  'staff_sessions',
  'two_factor_recovery_codes',
  'users',
];

/** SQLite's text search is an FTS5 table (with its shadow tables) over a narrow table (migration 0008). */
const SQLITE_SEARCH = [
  'complaint_search',
  'complaint_search_fts',
  'complaint_search_fts_config',
  'complaint_search_fts_data',
  'complaint_search_fts_docsize',
  'complaint_search_fts_idx',
];
const tablesOf = (dialect: Dialect): string[] =>
  dialect === 'sqlite' ? [...TABLES, ...SQLITE_SEARCH].sort() : TABLES;

const MIGRATIONS = [
  '2026-11-25-0001-initial',
  '2026-11-25-0002-letters-and-reminders',
  '2026-11-26-0003-staff-sessions',
  '2026-11-26-0004-dashboard',
  '2026-11-26-0005-sign-in-accounts',
  '2026-11-26-0006-analysis-facts',
  '2026-11-26-0007-rate-limits',
  '2026-11-26-0008-list-indexes',
  '2026-11-26-0009-privacy',
];

describeEachDialect('migrations', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => db.close());

  it('creates every table on the first run and nothing on the second', async () => {
    expect(await migrate(db)).toEqual({ applied: MIGRATIONS });
    expect(await migrate(db)).toEqual({ applied: [] });

    const tables = (await ownTables(db)).map((t) => t.name).sort();
    expect(tables).toEqual(tablesOf(dialect));
    const status = await whileTestSchemasStay(() => migrationStatus(db));
    expect(status.map((m) => m.name)).toEqual(MIGRATIONS);
    expect(status[0]?.executedAt).toBeInstanceOf(Date);
  });

  it('uses the native types of the dialect', async () => {
    const columns = await ownTables(db);
    const type = (table: string, column: string) =>
      columns
        .find((t) => t.name === table)
        ?.columns.find((c) => c.name === column)
        ?.dataType.toLowerCase();
    const expected =
      dialect === 'postgres'
        ? {
            received_at: 'timestamptz',
            resolve_by: 'date',
            anonymous: 'bool',
            data: 'jsonb',
            content: 'bytea',
          }
        : { received_at: 'text', resolve_by: 'text', anonymous: 'integer', data: 'text', content: 'blob' };
    expect({
      received_at: type('complaints', 'received_at'),
      resolve_by: type('complaints', 'resolve_by'),
      anonymous: type('complaints', 'anonymous'),
      data: type('complaints', 'data'),
      content: type('attachments', 'content'),
    }).toEqual(expected);
  });

  it('enforces the unique keys', async () => {
    const user = {
      name: 'A',
      job_title: 'x',
      roles: '[]',
      password_hash: null,
      active: 1,
      created_at: '2026-01-01T00:00:00.000Z',
    };
    await db.kysely
      .insertInto('users')
      .values({ ...user, id: 'u1', email: 'a@example.org' })
      .execute();
    await expect(
      db.kysely
        .insertInto('users')
        .values({ ...user, id: 'u2', email: 'a@example.org' })
        .execute(),
    ).rejects.toThrow();
  });

  it('enforces foreign keys', async () => {
    await expect(
      db.kysely
        .insertInto('api_tokens')
        .values({
          id: 't1',
          user_id: 'nobody',
          token_hash: 'h',
          name: 'n',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describeEachDialect('migrations in two processes at once', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => db.close());

  it('applies each migration exactly once when four processes start together', async () => {
    const child = fileURLToPath(new URL('../helpers/migrate-child.ts', import.meta.url));
    const run = async () => {
      const { stdout } = await execFileAsync(process.execPath, [
        '--import',
        'tsx',
        child,
        db.url,
        db.schema ?? '-',
      ]);
      return JSON.parse(stdout) as string[];
    };
    const applied = (await whileTestSchemasStay(() => Promise.all([run(), run(), run(), run()]))).flat();
    expect(applied).toEqual(MIGRATIONS);
    expect((await ownTables(db)).map((t) => t.name).sort()).toEqual(tablesOf(dialect));
  });
});

describe.skipIf(skipReason('postgres') !== null)(
  'migrations [postgres, two pools in one process at once]',
  () => {
    let db: TestDb;
    beforeAll(async () => {
      db = await withTestDatabase('postgres', { migrate: false });
    });
    afterAll(() => db.close());

    it('applies each migration exactly once when two instances migrate concurrently', async () => {
      const first = await db.openAnother();
      const second = await db.openAnother();
      try {
        const results = await Promise.all([migrate(first), migrate(second)]);
        expect(results.flatMap((r) => r.applied)).toEqual(MIGRATIONS);
        const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
          db.kysely,
        );
        expect(rows[0]?.n).toBe(MIGRATIONS.length);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  },
);
