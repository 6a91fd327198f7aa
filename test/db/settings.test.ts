import { afterAll, beforeAll, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/database.ts';
import {
  listSettingsVersions,
  loadCurrentSettings,
  saveSettingsVersion,
} from '../../src/db/repositories/settings.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

describeEachDialect('organisation settings', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  it('has no settings before the first save', async () => {
    expect(await loadCurrentSettings(db.kysely)).toBeNull();
    expect(await listSettingsVersions(db.kysely)).toEqual([]);
  });

  it('adds a version per save and keeps the earlier ones', async () => {
    const first = await saveSettingsVersion(
      db.kysely,
      DEFAULT_SETTINGS,
      null,
      new Date('2026-11-25T09:00:00Z'),
      'seed',
    );
    expect(first).toEqual({
      version: 1,
      data: DEFAULT_SETTINGS,
      changedBy: null,
      changedAt: '2026-11-25T09:00:00.000Z',
      note: 'seed',
    });
    const changed = {
      ...DEFAULT_SETTINGS,
      terms: { ...DEFAULT_SETTINGS.terms, extension: { allowed: true, maxWorkingDays: 10 } },
    };
    const second = await saveSettingsVersion(db.kysely, changed, 'admin-1', new Date('2026-11-26T09:00:00Z'));
    expect(second.version).toBe(2);
    expect(await loadCurrentSettings(db.kysely)).toEqual(second);
    expect((await loadCurrentSettings(db.kysely))?.data.terms.extension.allowed).toBe(true);
    const versions = await listSettingsVersions(db.kysely);
    expect(versions.map((v) => [v.version, v.changedBy, v.note])).toEqual([
      [2, 'admin-1', null],
      [1, null, 'seed'],
    ]);
    expect(versions[1]?.data).toEqual(DEFAULT_SETTINGS);
  });

  it('never lets two simultaneous saves both become the same version', async () => {
    const other = await db.openAnother();
    try {
      const results = await Promise.allSettled([
        saveSettingsVersion(db.kysely, DEFAULT_SETTINGS, 'a', new Date()),
        saveSettingsVersion(other.kysely, DEFAULT_SETTINGS, 'b', new Date()),
      ]);
      const versions = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.version] : []));
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(new Set(versions).size).toBe(versions.length);
      expect(failures.every(isUniqueViolation)).toBe(true);
      expect((await listSettingsVersions(db.kysely)).length).toBe(2 + versions.length);
    } finally {
      await other.close();
    }
  });
});
