/**
 * `verbeterpunt backup` and `restore` on SQLite, with the real CLI in a child process while the app has the
 * database open: a round trip keeps every row of every table identical; a backup taken while complaints keep
 * coming in is a consistent snapshot; restore refuses a damaged file, a database that is not ours, and a
 * target holding data unless --force (and then keeps the replaced database beside it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { call, createTestApp, type TestApp } from '../helpers/app.ts';
import { rowCounts, snapshot } from '../helpers/db-snapshot.ts';
import { fillWithEverything } from './backup-data.ts';
import { runCli, scratchDir } from './run-cli.ts';

describe('backup and restore [sqlite]', () => {
  let t: TestApp;
  const scratch = scratchDir();
  const file = (name: string) => path.join(scratch.dir, name);
  const cli = (databaseFile: string, ...args: string[]) =>
    runCli(args, { cwd: scratch.dir, env: { DATABASE_URL: `sqlite:${databaseFile}` } });
  const liveFile = () => t.db.url.slice('sqlite:'.length);

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await fillWithEverything(t);
  });
  afterAll(async () => {
    await t.close();
    scratch.remove();
  });

  it('backs up the live database and restores every row of every table identically', async () => {
    const before = await snapshot(t.db.kysely, 'sqlite');
    // Something in every table the app writes (the round trip must prove something for each).
    const counts = await rowCounts(t.db.kysely, 'sqlite');
    for (const table of [
      'complaints',
      'complaint_events',
      'attachments',
      'letters',
      'email_outbox',
      'users',
      'api_tokens',
      'organisation_settings',
      'spot_records',
      'reference_counters',
      'kysely_migration',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(counts.attachments).toBe(3);
    expect(counts.organisation_settings).toBe(2);

    const backup = await cli(liveFile(), 'backup', '--out', file('round-trip.sqlite'));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backup written to .*round-trip\.sqlite \(\d+\.\d MB, integrity ok, \d+ migrations, 2 complaints, \d+ history events, 3 attachments, 1 letters, \d+ mails, 6 users\)\.\n$/,
    );

    const restore = await cli(file('restored.sqlite'), 'restore', '--from', file('round-trip.sqlite'));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('Stop every server process that uses this database before restoring');
    expect(restore.stdout).toMatch(/^Restored .* \(.*2 complaints.*\)\.\n$/);

    const restored = await openDatabase(`sqlite:${file('restored.sqlite')}`);
    try {
      expect(await snapshot(restored.kysely, 'sqlite')).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it('a backup taken while complaints keep coming in is one consistent snapshot', async () => {
    let stop = false;
    let accepted = 0;
    const writer = (async () => {
      while (!stop) {
        const response = await call(t, 'POST', '/api/v1/complaints', {
          body: { description: `Tijdens de backup ${accepted}` },
        });
        expect(response.statusCode).toBe(201);
        accepted++;
      }
    })();
    const backup = await cli(liveFile(), 'backup', '--out', file('under-load.sqlite'));
    stop = true;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(accepted).toBeGreaterThan(0);

    const copy = await openDatabase(`sqlite:${file('under-load.sqlite')}`);
    try {
      const complaints = await copy.kysely
        .selectFrom('complaints')
        .selectAll()
        .orderBy('reference')
        .execute();
      const live = await t.db.kysely.selectFrom('complaints').selectAll().orderBy('reference').execute();
      // A prefix of what the live database holds now, each complaint exactly as it is there.
      expect(complaints.length).toBeGreaterThanOrEqual(2);
      expect(complaints.length).toBeLessThanOrEqual(live.length);
      expect(complaints).toEqual(live.slice(0, complaints.length));
      // Nothing half-written: each complaint has its registration event, no event or attachment without its
      // complaint, and the counter is the last number given out.
      const withoutRegistration = await sql<{ n: number }>`select count(*) as n from complaints c
        where not exists (select 1 from complaint_events e where e.complaint_id = c.id and e.seq = 1 and e.action = 'register')`.execute(
        copy.kysely,
      );
      expect(withoutRegistration.rows[0]!.n).toBe(0);
      const orphans = await sql<{ n: number }>`select
        (select count(*) from complaint_events e where not exists (select 1 from complaints c where c.id = e.complaint_id)) +
        (select count(*) from attachments a where not exists (select 1 from complaints c where c.id = a.complaint_id)) as n`.execute(
        copy.kysely,
      );
      expect(orphans.rows[0]!.n).toBe(0);
      const counter = await copy.kysely
        .selectFrom('reference_counters')
        .select('last_number')
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      expect(counter.last_number).toBe(complaints.length);
      console.log(
        `backup under load [sqlite]: ${accepted} complaints submitted while it ran, ${complaints.length} in the copy, ${live.length} live afterwards`,
      );
    } finally {
      await copy.close();
    }
  });

  it('refuses a damaged file and a database that is not a Verbeterpunt database', async () => {
    writeFileSync(file('garbage.sqlite'), 'this is not a database, just text '.repeat(200));
    const damaged = await cli(file('target-1.sqlite'), 'restore', '--from', file('garbage.sqlite'));
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/garbage\.sqlite is damaged: file is not a database/);

    const other = new SqliteDatabase(file('other.sqlite'));
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    const foreign = await cli(file('target-2.sqlite'), 'restore', '--from', file('other.sqlite'));
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/other\.sqlite is not a Verbeterpunt database/);

    const missing = await cli(file('target-3.sqlite'), 'restore', '--from', file('nowhere.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no backup at .*nowhere\.sqlite/);
  });

  it('refuses to overwrite a database holding data without --force, and keeps it beside the target with --force', async () => {
    const target = file('restored.sqlite'); // holds the round trip's restore
    const before = await cli(target, 'restore', '--from', file('under-load.sqlite'));
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/restored\.sqlite is not empty \(\d+ tables, 2 complaints\); pass --force/);

    const forced = await cli(target, 'restore', '--from', file('under-load.sqlite'), '--force');
    expect(forced.code, forced.stderr).toBe(0);
    const saved = forced.stdout.match(/saved as (\S+)\./)?.[1];
    expect(saved).toMatch(/restored\.sqlite\.before-restore-\d{4}-\d\d-\d\dT/);
    const old = await openDatabase(`sqlite:${saved}`);
    const now = await openDatabase(`sqlite:${target}`);
    try {
      expect((await rowCounts(old.kysely, 'sqlite')).complaints).toBe(2);
      expect((await rowCounts(now.kysely, 'sqlite')).complaints).toBeGreaterThan(2);
    } finally {
      await old.close();
      await now.close();
    }

    const exists = await cli(liveFile(), 'backup', '--out', file('round-trip.sqlite'));
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/round-trip\.sqlite exists already; choose another file or pass --force/);
  });
});
