/**
 * Versioned letter templates on SQLite and PostgreSQL: the default is version 0, an administrator's valid
 * template becomes version 1 and composeLetter uses it; an invalid one is refused and nothing is stored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { transaction } from '../../src/db/database.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { LETTER_KINDS } from '../../src/domain/letters.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { composeLetter } from '../../src/letters/compose.ts';
import { sampleLetter } from '../../src/letters/sample.ts';
import {
  defaultTemplate,
  listTemplateVersions,
  loadCurrentTemplates,
  loadTemplate,
  saveTemplate,
} from '../../src/letters/template-store.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';
import { readPdf } from './pdf-text.ts';

const CUSTOM = {
  subject: 'Ontvangen: {{reference}}',
  body: '{{salutation}}\n\n# Aangepast\nDeze brief schreef de beheerder van {{organisationName}}. Het gaat over: {{summary}}\n\nGroet,',
};

describeEachDialect('letter templates', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  const sample = sampleLetter('acknowledgement', DEFAULT_SETTINGS);

  it('uses the built-in default (version 0) while nothing is stored', async () => {
    expect(await loadTemplate(db.kysely, 'acknowledgement', 'nl')).toEqual(
      defaultTemplate('acknowledgement', 'nl'),
    );
    const letter = await composeLetter(
      db.kysely,
      sample.request,
      sample.complaint,
      DEFAULT_SETTINGS,
      sample.now,
    );
    expect(letter.templateVersion).toBe(0);
    expect(letter.subject).toBe('Wij hebben uw klacht ontvangen (VP-2026-00042)');
  });

  it("stores an administrator's valid template as version 1, and composeLetter uses it", async () => {
    const saved = await saveTemplate(db.kysely, {
      kind: 'acknowledgement',
      language: 'nl',
      ...CUSTOM,
      changedBy: 'u-admin',
      now: new Date('2026-05-01T10:00:00Z'),
    });
    expect(saved).toEqual({
      kind: 'acknowledgement',
      language: 'nl',
      version: 1,
      ...CUSTOM,
      changedBy: 'u-admin',
      changedAt: '2026-05-01T10:00:00.000Z',
    });
    const letter = await composeLetter(
      db.kysely,
      sample.request,
      sample.complaint,
      DEFAULT_SETTINGS,
      sample.now,
    );
    expect(letter.templateVersion).toBe(1);
    expect(letter.subject).toBe('Ontvangen: VP-2026-00042');
    const text = readPdf(letter.pdf).flat;
    expect(text).toContain('Deze brief schreef de beheerder van Loket3. Het gaat over: Mevrouw Zoë van Dijk');
    expect(text).toContain('Pieter van den Berg Senior re-integratieadviseur Loket3');
    expect(letter.text).toContain('Aangepast\nDeze brief schreef de beheerder');
    // The English letter and the other kinds keep their defaults.
    expect((await loadTemplate(db.kysely, 'acknowledgement', 'en')).version).toBe(0);
    expect((await loadTemplate(db.kysely, 'findings', 'nl')).version).toBe(0);
  });

  it('refuses an invalid template and stores nothing', async () => {
    const attempt = saveTemplate(db.kysely, {
      kind: 'acknowledgement',
      language: 'nl',
      subject: 'x',
      body: 'regel 1\n{{{summary}}}',
      changedBy: 'u-admin',
      now: new Date('2026-05-01T11:00:00Z'),
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', field: 'body' });
    expect((await loadTemplate(db.kysely, 'acknowledgement', 'nl')).version).toBe(1);
  });

  it('each save adds a version; the latest is in force; earlier versions stay', async () => {
    await saveTemplate(db.kysely, {
      kind: 'acknowledgement',
      language: 'nl',
      subject: 'Versie 2 {{reference}}',
      body: '{{salutation}}',
      changedBy: 'u-admin',
      now: '2026-05-02T10:00:00Z',
    });
    expect((await listTemplateVersions(db.kysely, 'acknowledgement', 'nl')).map((t) => t.version)).toEqual([
      2, 1,
    ]);
    const current = await loadCurrentTemplates(db.kysely, LETTER_KINDS, ['nl', 'en']);
    expect(current).toHaveLength(16);
    expect(current.map((t) => `${t.kind}/${t.language}/${t.version}`)).toContain('acknowledgement/nl/2');
    expect(current.filter((t) => t.version > 0)).toHaveLength(1);
  });

  it("reads through the caller's transaction (a letter composed in the action's transaction)", async () => {
    const rollback = new Error('rollback');
    await expect(
      transaction(db, async (trx) => {
        await saveTemplate(trx, {
          kind: 'acknowledgement',
          language: 'nl',
          subject: 'Versie 3 {{reference}}',
          body: '{{salutation}}',
          changedBy: 'u-admin',
          now: '2026-05-03T10:00:00Z',
        });
        const letter = await composeLetter(
          trx,
          sample.request,
          sample.complaint,
          DEFAULT_SETTINGS,
          sample.now,
        );
        expect(letter).toMatchObject({ templateVersion: 3, subject: 'Versie 3 VP-2026-00042' });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await loadTemplate(db.kysely, 'acknowledgement', 'nl')).version).toBe(2);
  });
});
