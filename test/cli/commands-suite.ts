/**
 * The real CLI against a real database: migrate, users, tokens, the organisation's calendar for deadlines,
 * the outbox, and demo data in every lifecycle state. The process gets the database through DATABASE_URL
 * alone; on PostgreSQL the test schema travels in the URL (`options=-c search_path=…`).
 *
 * One suite, run by one test file per dialect (commands-sqlite.test.ts, commands-postgres.test.ts) so that the
 * two run in parallel: every step starts a process, which is what makes these tests slow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dialect } from '../../src/db/database.ts';
import { findUserByToken } from '../../src/db/repositories/api-tokens.ts';
import { listComplaints } from '../../src/db/repositories/complaints.ts';
import { listOutbox } from '../../src/db/repositories/outbox.ts';
import { loadCurrentSettings, saveSettingsVersion } from '../../src/db/repositories/settings.ts';
import { listSpotRecords } from '../../src/db/repositories/spot-records.ts';
import { findUserByEmail, getPasswordHash, listUsers } from '../../src/db/repositories/users.ts';
import { COMPLAINT_STATUSES } from '../../src/domain/lifecycle.ts';
import { skipReason, type TestDb, withTestDatabase } from '../helpers/databases.ts';
import { runCli, scratchDir } from './run-cli.ts';

const TOKEN = /^vp_[A-Za-z0-9_-]{40,}$/;

// Each test starts one or more processes (about a second each when the machine is idle).
vi.setConfig({ testTimeout: 60_000 });

export function describeCliOn(dialect: Dialect): void {
  describe.skipIf(skipReason(dialect) !== null)(`verbeterpunt CLI [${dialect}]`, () => suite(dialect));
}

function suite(dialect: Dialect): void {
  let db: TestDb;
  let databaseUrl: string;
  const scratch = scratchDir();
  const cli = (...args: string[]) => runCli(args, { cwd: scratch.dir, env: { DATABASE_URL: databaseUrl } });
  // Every process costs a second or more: checks that do not depend on the database run on SQLite only.
  const sqliteOnly = it.runIf(dialect === 'sqlite');

  beforeAll(async () => {
    // An empty database (no migrations): the CLI must create the schema itself.
    db = await withTestDatabase(dialect, { migrate: false });
    if (db.schema) {
      const url = new URL(db.url);
      url.searchParams.set('options', `-c search_path=${db.schema}`);
      databaseUrl = url.toString();
    } else {
      databaseUrl = db.url;
    }
  });
  afterAll(async () => {
    await db.close();
    scratch.remove();
  });

  it('migrate applies the migrations and seeds the settings once; a second run is up to date', async () => {
    const first = await cli('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^applied \S+/m);
    expect(first.stdout).toMatch(/settings seeded/i);
    const second = await cli('migrate');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/up to date/);
    expect(second.stdout).not.toMatch(/applied |seeded/);
    expect((await loadCurrentSettings(db.kysely))?.version).toBe(1);
  });

  it('user create stores the user with an argon2id hash; token create prints only a working token', async () => {
    const created = await cli(
      ...[
        'user',
        'create',
        '--email',
        'Beheer@Loket3.example',
        '--name',
        'Sanne de Wit',
        '--job-title',
        'Beheerder',
      ],
      ...[
        '--role',
        'administrator',
        '--role',
        'quality_manager',
        '--password',
        'correct horse battery staple',
      ],
    );
    expect(created.code, created.stderr).toBe(0);
    const user = await findUserByEmail(db.kysely, 'beheer@loket3.example');
    expect(user).toMatchObject({
      name: 'Sanne de Wit',
      jobTitle: 'Beheerder',
      roles: ['administrator', 'quality_manager'],
    });
    expect(created.stdout).toContain(user?.id);
    expect(created.stdout).toMatch(/administrator, quality_manager/);
    expect(await getPasswordHash(db.kysely, user?.id ?? '')).toMatch(/^\$argon2id\$/);

    const token = await cli('token', 'create', '--email', 'beheer@loket3.example', '--name', 'test');
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^vp_\S+\n$/);
    const value = token.stdout.trim();
    expect(value).toMatch(TOKEN);
    expect((await findUserByToken(db.kysely, value, new Date()))?.id).toBe(user?.id);
  });

  it('refuses a second user with the same email: exit 1, one line', async () => {
    const duplicate = await cli(
      ...[
        'user',
        'create',
        '--email',
        'beheer@loket3.example',
        '--name',
        'X',
        '--job-title',
        'Y',
        '--role',
        'handler',
      ],
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stdout).toBe('');
    expect(duplicate.stderr).toMatch(/^error: .*already exists.*\n$/);
    expect((await listUsers(db.kysely)).map((u) => u.email)).toEqual(['beheer@loket3.example']);
  });

  sqliteOnly(
    'refuses an unknown role and a missing option (exit 2), and a token for nobody (exit 1)',
    async () => {
      const [role, missing, nobody] = await Promise.all([
        cli(
          'user',
          'create',
          '--email',
          'x@loket3.example',
          '--name',
          'X',
          '--job-title',
          'Y',
          '--role',
          'boss',
        ),
        cli('user', 'create', '--email', 'x@loket3.example', '--name', 'X', '--role', 'handler'),
        cli('token', 'create', '--email', 'nobody@loket3.example'),
      ]);
      expect(role.code).toBe(2);
      expect(role.stderr).toMatch(/receiver, handler, quality_manager, administrator/);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--job-title/);
      expect(nobody).toMatchObject({ code: 1, stdout: '' });
      expect((await listUsers(db.kysely)).map((u) => u.email)).toEqual(['beheer@loket3.example']);
    },
  );

  it('user set-password, unlock and reset-two-factor change the user, end their sessions and are audited', async () => {
    const user = (await findUserByEmail(db.kysely, 'beheer@loket3.example'))!;
    await db.kysely
      .updateTable('users')
      .set({
        failed_sign_ins: 7,
        locked_until: '2099-01-01T00:00:00.000Z',
        totp_secret: 'JBSWY3DPEHPK3PXP',
        totp_enabled_at: '2026-01-01T00:00:00.000Z',
      })
      .where('id', '=', user.id)
      .execute();
    const before = await getPasswordHash(db.kysely, user.id);

    const short = await runCli(['user', 'set-password', '--email', 'beheer@loket3.example'], {
      cwd: scratch.dir,
      env: { DATABASE_URL: databaseUrl },
      stdin: 'too short\n',
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('error: The password (from stdin) must be at least 12 characters.\n');

    const set = await runCli(['user', 'set-password', '--email', 'BEHEER@loket3.example'], {
      cwd: scratch.dir,
      env: { DATABASE_URL: databaseUrl },
      stdin: 'a long enough passphrase\n',
    });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('Password set for beheer@loket3.example; 0 session(s) ended.\n');
    const after = await getPasswordHash(db.kysely, user.id);
    expect(after).toMatch(/^\$argon2id\$/);
    expect(after).not.toBe(before);

    const reset = await cli('user', 'reset-two-factor', '--email', 'beheer@loket3.example');
    expect(reset.code, reset.stderr).toBe(0);
    const row = await db.kysely
      .selectFrom('users')
      .select(['failed_sign_ins', 'locked_until', 'totp_secret', 'totp_enabled_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    // set-password lifted the lockout; reset-two-factor removed the second factor.
    expect({ ...row, failed_sign_ins: Number(row.failed_sign_ins) }).toEqual({
      failed_sign_ins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled_at: null,
    });
    expect((await cli('user', 'unlock', '--email', 'beheer@loket3.example')).stdout).toBe(
      'beheer@loket3.example can sign in again.\n',
    );
    const unknown = await cli('user', 'unlock', '--email', 'nobody@loket3.example');
    expect(unknown).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: there is no user with the email nobody@loket3.example.\n',
    });
    const audited = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('target_id', '=', user.id)
      .orderBy('at')
      .execute();
    expect(audited).toEqual([
      { action: 'password_set', actor_label: 'command line' },
      { action: 'second_factor_reset', actor_label: 'command line' },
      { action: 'unlocked', actor_label: 'command line' },
    ]);
  });

  sqliteOnly('user list shows the users', async () => {
    const list = await cli('user', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      /beheer@loket3\.example\s+Sanne de Wit\s+Beheerder\s+administrator,quality_manager\s+yes/,
    );
  });

  it("deadline uses the organisation's calendar from the database (a closing day moves the date)", async () => {
    const current = await loadCurrentSettings(db.kysely);
    if (!current) throw new Error('settings were not seeded');
    const calendar = { ...current.data.calendar, closingDays: ['2026-05-06'] };
    await saveSettingsVersion(
      db.kysely,
      { ...current.data, calendar },
      null,
      new Date(),
      'test: a closing day',
    );
    const result = await cli('deadline', '--from', '2026-04-30', '--working-days', '5');
    expect(result).toEqual({ code: 0, stdout: '2026-05-11\n', stderr: '' });
  });

  it('demo --count 20 fills every one of the 14 states through the real commands', {
    timeout: 120_000,
  }, async () => {
    const demo = await cli('demo', '--count', '20', '--seed', '42');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Added 20 demo complaints/);
    for (const status of COMPLAINT_STATUSES) {
      const page = await listComplaints(db.kysely, { statuses: [status] }, { limit: 1 });
      expect(page.items, status).toHaveLength(1);
      expect(page.items[0]?.status).toBe(status);
    }
    const all = await listComplaints(db.kysely, {}, { limit: 200 });
    expect(all.items).toHaveLength(20);
    // Receipt spread over the past year, never in the future.
    const now = Date.now();
    for (const c of all.items) {
      expect(Date.parse(c.receivedAt)).toBeLessThanOrEqual(now);
      expect(Date.parse(c.receivedAt)).toBeGreaterThan(now - 366 * 86_400_000);
    }
    const spots = await listSpotRecords(db.kysely, {
      from: new Date(now - 366 * 86_400_000),
      to: new Date(now + 1000),
    });
    expect(spots.length).toBeGreaterThanOrEqual(2);
    const qm = await findUserByEmail(db.kysely, 'marieke.dejong@loket3.example');
    expect(qm?.roles).toContain('quality_manager');
  });

  sqliteOnly(
    'demo runs again: it reuses the demo users and adds more complaints',
    { timeout: 120_000 },
    async () => {
      const again = await cli('demo', '--count', '3');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/0 created, 8 reused/);
      expect((await listComplaints(db.kysely, {}, { limit: 200 })).items).toHaveLength(23);
    },
  );

  it('outbox list and show print the local outbox', async () => {
    const [mail] = await listOutbox(db.kysely, { limit: 1 });
    if (!mail) throw new Error('the demo queued no mail');
    const [list, show] = await Promise.all([
      cli('outbox', 'list', '--status', 'pending'),
      cli('outbox', 'show', mail.id),
    ]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(mail.id);
    expect(list.stdout).toContain(mail.to);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`Subject: ${mail.subject}`);
    expect(show.stdout).toContain(mail.text.trim().split('\n')[0]);
  });

  sqliteOnly('outbox refuses an unknown status (exit 2) and an unknown id (exit 1)', async () => {
    const [badStatus, unknown] = await Promise.all([
      cli('outbox', 'list', '--status', 'lost'),
      cli('outbox', 'show', 'no-such-id'),
    ]);
    expect(badStatus.code).toBe(2);
    expect(unknown.code).toBe(1);
  });

  sqliteOnly(
    '--version prints the package version; --help lists every command; an unknown command is exit 2',
    async () => {
      const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };
      const [version, help, unknown] = await Promise.all([
        cli('--version'),
        cli('--help'),
        cli('frobnicate'),
      ]);
      expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
      expect(help.code).toBe(0);
      for (const command of ['serve', 'migrate', 'user', 'token', 'deadline', 'outbox', 'demo']) {
        expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      }
      expect(unknown.code).toBe(2);
    },
  );
}
