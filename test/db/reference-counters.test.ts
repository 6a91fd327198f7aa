import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { transaction } from '../../src/db/database.ts';
import { nextReferenceNumber } from '../../src/db/repositories/reference-counters.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const execFileAsync = promisify(execFile);

describeEachDialect('reference counters', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  it('counts from 1 per year', async () => {
    expect(await nextReferenceNumber(db.kysely, 2025)).toBe(1);
    expect(await nextReferenceNumber(db.kysely, 2025)).toBe(2);
    expect(await nextReferenceNumber(db.kysely, 2024)).toBe(1);
  });

  it('gives 20 concurrent callers the numbers 1..20, each once', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextReferenceNumber(db.kysely, 2026)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives transactions in two processes distinct numbers', async () => {
    // Two processes, as the web server and the CLI would be; on SQLite this exercises `begin immediate` and
    // busy_timeout. (Two SQLite connections in one process cannot do this: better-sqlite3 waits for a lock
    // synchronously, blocking the very event loop the lock holder needs.)
    const child = fileURLToPath(new URL('../helpers/reference-number-child.ts', import.meta.url));
    const run = async () => {
      const args = ['--import', 'tsx', child, db.url, db.schema ?? '-', '2027', '10'];
      const { stdout } = await execFileAsync(process.execPath, args);
      return JSON.parse(stdout) as number[];
    };
    const numbers = (await Promise.all([run(), run()])).flat();
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives the number back when the transaction rolls back', async () => {
    await expect(
      transaction(db, async (trx) => {
        await nextReferenceNumber(trx, 2028);
        throw new Error('registration failed');
      }),
    ).rejects.toThrow();
    expect(await nextReferenceNumber(db.kysely, 2028)).toBe(1);
  });
});
