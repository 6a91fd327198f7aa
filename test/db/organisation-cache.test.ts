/**
 * loadOrganisationOf: the organisation settings parsed once per settings version and database, and still the
 * settings in force after any change, by this process or another.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrap } from '../../src/commands/bootstrap.ts';
import { loadOrganisationOf } from '../../src/commands/context.ts';
import { transaction } from '../../src/db/database.ts';
import { loadCurrentSettings, saveSettingsVersion } from '../../src/db/repositories/settings.ts';
import {
  describeEachDialect,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';

const NOW = new Date('2026-11-26T10:00:00Z');

describeEachDialect('organisation settings, cached per version', (dialect) => {
  let db: TestDb;
  let other: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    other = await withTestDatabase(dialect);
    for (const d of [db, other])
      await whileTestSchemasStay(() => bootstrap(d, '/nonexistent/organisation.json', NOW));
  });
  afterAll(async () => {
    await db.close();
    await other.close();
  });

  it('gives the same frozen object while the version stays, inside a transaction too', async () => {
    const first = await loadOrganisationOf(db);
    expect(first.settingsVersion).toBe(1);
    expect(first.settings.name).toBe('Loket3');
    expect(await loadOrganisationOf(db)).toBe(first);
    expect(await transaction(db, (trx) => loadOrganisationOf(db, trx))).toBe(first);
    expect(Object.isFrozen(first.settings.terms.extension)).toBe(true);
    expect(() => {
      (first.settings as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });

  it('sees a new version saved by another connection (another instance) at once', async () => {
    const before = await loadOrganisationOf(db);
    const elsewhere = await db.openAnother();
    try {
      const current = await loadCurrentSettings(elsewhere.kysely);
      await saveSettingsVersion(
        elsewhere.kysely,
        { ...current!.data, name: 'Loket Drie' },
        null,
        NOW,
        'renamed',
      );
    } finally {
      await elsewhere.close();
    }
    const after = await loadOrganisationOf(db);
    expect(after).not.toBe(before);
    expect(after.settingsVersion).toBe(2);
    expect(after.settings.name).toBe('Loket Drie');
  });

  it('keeps databases apart, even at the same version number', async () => {
    expect((await loadOrganisationOf(other)).settings.name).toBe('Loket3');
    expect((await loadOrganisationOf(db)).settings.name).toBe('Loket Drie');
    const current = await loadCurrentSettings(other.kysely);
    await saveSettingsVersion(other.kysely, { ...current!.data, name: 'Ander' }, null, NOW);
    expect((await loadOrganisationOf(other)).settings.name).toBe('Ander');
    expect((await loadOrganisationOf(db)).settings.name).toBe('Loket Drie');
  });
});
