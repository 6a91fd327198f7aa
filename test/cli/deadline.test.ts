/**
 * `verbeterpunt deadline` on a fresh clone: no database exists, so the regulation's default calendar applies
 * (Atw holidays and the equated days), and nothing is created on disk.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readSettingsFile } from '../../src/commands/bootstrap.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { runCli, scratchDir } from './run-cli.ts';

const EXAMPLE = path.resolve('config/organisation.example.json');

// Each case starts a process; generous on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

const scratch = scratchDir();
afterAll(() => scratch.remove());

const deadline = (...args: string[]) =>
  runCli(['deadline', ...args], {
    cwd: scratch.dir,
    env: { DATABASE_URL: `sqlite:${path.join(scratch.dir, 'data', 'verbeterpunt.sqlite')}` },
  });

describe.concurrent('verbeterpunt deadline (no database)', () => {
  it('Thursday 30 April 2026 + 5 working days: 1, 4, (5 May), 6, 7, 8 May', async () => {
    const result = await deadline('--from', '2026-04-30', '--working-days', '5');
    expect(result).toEqual({ code: 0, stdout: '2026-05-08\n', stderr: '' });
  });

  it('Wednesday 1 April 2026 + 5 working days: Good Friday and Easter Monday are skipped', async () => {
    const result = await deadline('--from', '2026-04-01', '--working-days', '5');
    expect(result).toEqual({ code: 0, stdout: '2026-04-10\n', stderr: '' });
  });

  it('refuses a date that does not exist with exit code 2 and one line naming --from', async () => {
    const result = await deadline('--from', '2026-02-30', '--working-days', '5');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*--from.*\n$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a working-day count that is not a whole number from 0 to 1000', async () => {
    const bad = ['-1', '1001', '2.5', 'five'];
    const results = await Promise.all(bad.map((n) => deadline('--from', '2026-04-30', '--working-days', n)));
    results.forEach((result, i) => {
      expect(result.code, bad[i]).toBe(2);
      expect(result.stderr, bad[i]).toMatch(/--working-days/);
    });
  });

  it('refuses a missing option with exit code 2 (commander usage error)', async () => {
    const result = await deadline('--from', '2026-04-30');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--working-days/);
  });

  it('has --help, and does not create the database directory just to compute a date', async () => {
    const help = await deadline('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--working-days/);
    expect(existsSync(path.join(scratch.dir, 'data'))).toBe(false);
  });
});

describe('config/organisation.example.json', () => {
  it("holds Loket3's values (the defaults) and passes the checks of the first start", () => {
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    // Every setting in the example has its default value; a setting added later may be missing (the defaults
    // fill it in), but a default that changes must change here too.
    for (const [key, value] of Object.entries(example)) {
      expect(value, key).toEqual((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key]);
    }
    expect(readSettingsFile(EXAMPLE)).toEqual(DEFAULT_SETTINGS);
  });

  it('without a database, deadline uses the settings file the first start would seed', async () => {
    const file = path.join(scratch.dir, 'organisation.json');
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    writeFileSync(file, JSON.stringify({ calendar: { ...example.calendar, closingDays: ['2026-05-06'] } }));
    const result = await runCli(['deadline', '--from', '2026-04-30', '--working-days', '5'], {
      cwd: scratch.dir,
      env: {
        DATABASE_URL: `sqlite:${path.join(scratch.dir, 'none', 'db.sqlite')}`,
        ORGANISATION_SETTINGS: file,
      },
    });
    expect(result).toEqual({ code: 0, stdout: '2026-05-11\n', stderr: '' });
  });
});
