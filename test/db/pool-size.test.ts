/** DATABASE_POOL_SIZE: how many PostgreSQL connections one process opens (docs/deploy.md sizes it). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { skipReason, TEST_POSTGRES_URL } from '../helpers/databases.ts';

describe('DATABASE_POOL_SIZE', () => {
  it('is 10 unless set, from 1 to 100', () => {
    expect(parseConfig({}).databasePoolSize).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(
      "DATABASE_POOL_SIZE must be a whole number from 1 to 100 (got '0').",
    );
  });
});

describe.skipIf(skipReason('postgres') !== null)('a pool of two on PostgreSQL', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDatabase(TEST_POSTGRES_URL, { poolSize: 2 });
  });
  afterAll(() => db.close());

  it('runs five concurrent queries on two connections', async () => {
    const pids = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(
          db.kysely,
        );
        return rows[0]?.pid;
      }),
    );
    expect(new Set(pids).size).toBe(2);
  });
});
