/**
 * `verbeterpunt backup` and `restore` on PostgreSQL: pg_dump (custom format) of the test schema while the app
 * is connected, pg_restore into a new database, and every row of every table identical. A target that holds
 * the schema already is refused without --force, and replaced with it (pg_restore --clean).
 * Needs pg_dump and pg_restore (Debian: postgresql-client, which .ci/run installs).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { databaseUrlFor } from '../crash/processes.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { skipReason, TEST_POSTGRES_URL } from '../helpers/databases.ts';
import { snapshot } from '../helpers/db-snapshot.ts';
import { fillWithEverything } from './backup-data.ts';
import { runCli, scratchDir } from './run-cli.ts';

const pgToolsMissing = ['pg_dump', 'pg_restore'].filter(
  (tool) => spawnSync(tool, ['--version']).status !== 0,
);
if (pgToolsMissing.length > 0) {
  const message = `${pgToolsMissing.join(' and ')} not on PATH (Debian: apt-get install postgresql-client)`;
  if (process.env.CI) throw new Error(`${message}; CI is set, so the PostgreSQL backup test must run.`);
  console.warn(`\n⚠ ${message}: skipping the PostgreSQL backup round trip.\n`);
}

describe.skipIf(skipReason('postgres') !== null || pgToolsMissing.length > 0)(
  'backup and restore [postgres]',
  () => {
    let t: TestApp;
    const scratch = scratchDir();
    const restoreDatabase = `vp_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
    let restoreUrl: string;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      t = await createTestApp('postgres');
      await fillWithEverything(t);
      await admin(`create database ${restoreDatabase}`);
      const url = new URL(TEST_POSTGRES_URL);
      url.pathname = `/${restoreDatabase}`;
      url.searchParams.set('options', `-c search_path=${t.db.schema}`);
      restoreUrl = url.toString();
    });
    afterAll(async () => {
      await t?.close();
      await admin(`drop database if exists ${restoreDatabase} with (force)`);
      scratch.remove();
    });

    it('dumps the live schema with pg_dump and restores every row of every table into a new database', async () => {
      const before = await snapshot(t.db.kysely, 'postgres');
      expect(before.attachments).toHaveLength(3);
      expect(before.letters).toHaveLength(1);
      const out = path.join(scratch.dir, 'verbeterpunt.dump');

      const backup = await runCli(['backup', '--out', out], {
        cwd: scratch.dir,
        env: { DATABASE_URL: databaseUrlFor(t.db) },
      });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toContain(
        // The schema, and the extension its search index needs (a schema's dump leaves extensions out).
        `Running: pg_dump --format=custom --no-owner --no-privileges --file=${out} --schema=${t.db.schema} --extension=pg_trgm `,
      );
      expect(backup.stdout).toBe(
        `Backup written to ${out} (pg_dump custom format; restore with \`verbeterpunt restore --from ${out}\`).\n`,
      );

      const restore = await runCli(['restore', '--from', out], {
        cwd: scratch.dir,
        env: { DATABASE_URL: restoreUrl },
      });
      expect(restore.code, restore.stderr).toBe(0);
      // The new database had no pg_trgm: created first, as dumped; then everything else in one transaction.
      expect(restore.stderr).toContain('Creating the extensions the dump needs, where missing: pg_trgm\n');
      expect(restore.stderr).toMatch(
        new RegExp(
          `Running: pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --use-list=\\S+ '--dbname=postgres://postgres@127\\.0\\.0\\.1:5432/${restoreDatabase}\\?options=-c%20search_path%3D${t.db.schema}' ${out}\n`,
        ),
      );
      expect(restore.stdout).toBe(
        `Restored ${out} into the database of DATABASE_URL (schema ${t.db.schema}).\n`,
      );

      const restored = await openDatabase(restoreUrl.split('?')[0]!, { schema: t.db.schema! });
      try {
        expect(await snapshot(restored.kysely, 'postgres')).toEqual(before);
      } finally {
        await restored.close();
      }

      const refused = await runCli(['restore', '--from', out], {
        cwd: scratch.dir,
        env: { DATABASE_URL: restoreUrl },
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/already holds a Verbeterpunt schema; pass --force/);

      const forced = await runCli(['restore', '--from', out, '--force'], {
        cwd: scratch.dir,
        env: { DATABASE_URL: restoreUrl },
      });
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr).toContain('--clean --if-exists');
      const again = await openDatabase(restoreUrl.split('?')[0]!, { schema: t.db.schema! });
      try {
        expect(await snapshot(again.kysely, 'postgres')).toEqual(before);
      } finally {
        await again.close();
      }
    });
  },
);
