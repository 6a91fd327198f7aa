/**
 * Two app instances running the deadline watch at the same moment, as separate processes on one database
 * (SQLite file, PostgreSQL schema): every reminder is recorded once and every recipient gets one email.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeadlineWatchCounts } from '../../src/jobs/deadline-watch.ts';
import { databaseArgs, startChild } from '../crash/processes.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { caseDriver } from './cases.ts';

const WATCH = fileURLToPath(new URL('./children/watch.ts', import.meta.url));
const PUBLIC_URL = 'https://klachten.example.nl';

describeEachDialect('deadline watch in concurrent processes', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { PUBLIC_URL } });
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('two processes started together: each reminder once, one email per recipient', async () => {
    const cases = caseDriver(t);
    const a = await cases.submit('2026-04-30T09:00:00+02:00');
    const b = await cases.submit('2026-04-30T09:05:00+02:00');
    const d = await cases.submit('2026-04-30T09:10:00+02:00');
    await cases.assign(a, '2026-04-30T10:00:00+02:00');
    await cases.assign(b, '2026-04-30T10:00:00+02:00', 'handler2');

    // Monday 11 May: a and b are past their acknowledgement term (8 May), d has no handler.
    const children = [1, 2].map(() =>
      startChild(WATCH, [...databaseArgs(t.db), '2026-05-11T09:00:00+02:00', PUBLIC_URL]),
    );
    try {
      await Promise.all(children.map((c) => c.line(/^ready$/, 60_000)));
      for (const child of children) child.send('go');
      const counts = await Promise.all(
        children.map(
          async (c) => JSON.parse((await c.line(/^counts (.*)$/, 60_000))[1]!) as DeadlineWatchCounts,
        ),
      );
      expect(counts.map((c) => c.scanned)).toEqual([3, 3]);
      expect(counts.map((c) => c.failed)).toEqual([0, 0]);
      expect(counts.reduce((n, c) => n + c.reminded, 0)).toBe(3);
      expect(counts.reduce((n, c) => n + c.emails, 0)).toBe(5);
      expect(counts.reduce((n, c) => n + c.alreadySent, 0)).toBe(3);
      for (const child of children) expect((await child.exited).code, child.stderr()).toBe(0);
    } finally {
      await Promise.all(children.map((c) => c.kill()));
    }

    const rows = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['to_address', 'kind', 'complaint_id'])
      .where('kind', 'in', ['deadline_reminder', 'deadline_escalation', 'unassigned_reminder'])
      .execute();
    const byCase = (id: string) =>
      rows
        .filter((r) => r.complaint_id === id)
        .map((r) => r.to_address.split('@')[0])
        .sort();
    expect(byCase(a.id)).toEqual(['handler', 'qm']);
    expect(byCase(b.id)).toEqual(['handler2', 'qm']);
    expect(byCase(d.id)).toEqual(['qm']);
    const reminders = await t.db.kysely
      .selectFrom('reminders')
      .select(['complaint_id', 'subject', 'stage'])
      .execute();
    expect(reminders).toHaveLength(3);
  }, 150_000);
});
