/**
 * The fuzzing test (issue 7): thousands of generated malformed or hostile requests (requests.ts) against the
 * public API, the public pages' forms and the staff API, one at a time on a real app and database. After each:
 * - no 5xx, ever;
 * - a rejected request (4xx) stored nothing: the row count of every table, and the sum of the complaints'
 *   versions (which every change raises), are what they were before it;
 * and at the end the database passes the consistency checks. Prints the figures: requests fuzzed, the status
 * histogram, the 5xx count. FUZZ_SEED=<n> repeats a run; FUZZ_RUNS=<n> changes its length.
 */
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../../src/db/database.ts';
import type { Database } from '../../../src/db/tables.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { consistencyProblems } from '../../helpers/consistency.ts';
import { skipReason } from '../../helpers/databases.ts';
import { REQUEST_COUNTERS, tableNames } from '../../helpers/db-snapshot.ts';
import { type FuzzRequest, type FuzzWorld, requestArbitrary } from './requests.ts';
import { prepareWorld } from './world.ts';

/**
 * Tables whose rows a rejected request may add by design: the rate limiter counts every request (that is
 * its job), and Kysely's bookkeeping is not data.
 */
const COUNTED_ANYWAY = new Set([...REQUEST_COUNTERS, 'kysely_migration', 'kysely_migration_lock']);

interface Finding {
  request: string;
  status: number;
  detail: string;
}

export function describeFuzzing(dialect: Dialect, runs: number): void {
  describe.skipIf(skipReason(dialect) !== null)(`fuzzing the HTTP surface [${dialect}]`, () => {
    let t: TestApp;
    let world: FuzzWorld;
    beforeAll(async () => {
      // TRUST_PROXY: each request comes from its own generated X-Forwarded-For address, so the per-address
      // rate limits leave most requests through to the handlers (and the header is fuzzed too).
      t = await createTestApp(dialect, { env: { TRUST_PROXY: 'true' } });
      world = await prepareWorld(t);
    });
    afterAll(() => t?.close());

    it(`${runs} hostile requests: no 5xx, nothing stored from a rejected request, the database consistent`, async () => {
      const fingerprint = await fingerprintQuery(t.db.kysely, dialect);
      const histogram = new Map<number, number>();
      const serverErrors: Finding[] = [];
      const storedByRejected: Finding[] = [];
      const unsendable: string[] = [];
      let fuzzed = 0;
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
      const started = Date.now();

      // Requests run one at a time, so the state after one is the state before the next.
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(world), async (request: FuzzRequest) => {
          const { route, ...options } = request;
          let status: number;
          let body: string;
          try {
            const response = await t.app.inject(options);
            status = response.statusCode;
            body = response.body;
          } catch (error) {
            // light-my-request refuses what no HTTP client could send (e.g. an invalid header value).
            unsendable.push(`${route}: ${(error as Error).message}`);
            return;
          }
          fuzzed++;
          histogram.set(status, (histogram.get(status) ?? 0) + 1);
          const label = `${options.method} ${options.url.slice(0, 200)} (${route})`;
          if (status >= 500)
            serverErrors.push({
              request: label,
              status,
              detail: `${describePayload(options)} → ${body.slice(0, 300)}`,
            });
          const after = await fingerprint();
          const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
          if (status >= 400 && changed.length > 0) {
            storedByRejected.push({
              request: label,
              status,
              detail: changed.map((k) => `${k}: ${before[k]} → ${after[k]}`).join(', '),
            });
          }
          before = after;
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );

      const statuses = [...histogram]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      const fiveXx = [...histogram].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
      console.log(
        `fuzzing [${dialect}] (seed ${seed}): ${fuzzed} requests fuzzed in ${Math.round((Date.now() - started) / 1000)} s over ${world.routes.length} routes; ` +
          `status codes ${statuses}; 5xx: ${fiveXx}; rejected requests that stored something: ${storedByRejected.length}` +
          (unsendable.length ? `; ${unsendable.length} not sendable over HTTP (skipped)` : ''),
      );
      expect(serverErrors.slice(0, 5)).toEqual([]);
      expect(storedByRejected.slice(0, 5)).toEqual([]);
      expect(fuzzed).toBeGreaterThanOrEqual(runs * 0.99);
      expect(await consistencyProblems(t.db.kysely)).toEqual([]);
    }, 600_000);
  });
}

/** One query for the row count of every table and the sum of the complaints' versions. */
async function fingerprintQuery(
  db: Kysely<Database>,
  dialect: Dialect,
): Promise<() => Promise<Record<string, number>>> {
  const tables = (await tableNames(db, dialect)).filter((name) => !COUNTED_ANYWAY.has(name));
  const columns = tables.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
  const query = sql<Record<string, number | string>>`select ${sql.join(columns)},
    (select coalesce(sum(version), 0) from complaints) as complaint_versions`;
  return async () => {
    const row = (await query.execute(db)).rows[0]!;
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  };
}

function describePayload(options: Omit<FuzzRequest, 'route'>): string {
  const payload = options.payload;
  const text = Buffer.isBuffer(payload)
    ? payload.toString('latin1')
    : typeof payload === 'string'
      ? payload
      : '';
  return `[${(options.headers as Record<string, string>)?.['content-type'] ?? 'no content-type'}] ${text.slice(0, 300)}`;
}
