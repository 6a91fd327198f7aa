/**
 * Letter templates, versioned per kind and language: the defaults in templates/{nl,en}.ts are version 0, every
 * administrator's save adds the next version, and the highest version is the one letters use. Earlier versions
 * stay, so a sent letter's `templateVersion` always names the text it was made from.
 */
import type { Selectable } from 'kysely';
import { type DbExecutor, isUniqueViolation } from '../db/database.ts';
import { toTimestamp } from '../db/normalise.ts';
import type { LetterTemplatesTable } from '../db/tables.ts';
import type { Language } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import type { LetterKind } from '../domain/letters.ts';
import { type TemplateText, validateTemplate } from './template.ts';
import { EN_TEMPLATES } from './templates/en.ts';
import { NL_TEMPLATES } from './templates/nl.ts';

export interface StoredTemplate extends TemplateText {
  kind: LetterKind;
  language: Language;
  /** 0 for the built-in default. */
  version: number;
  /** The administrator's user id; null for the default. */
  changedBy: string | null;
  changedAt: string | null;
}

const DEFAULTS: Record<Language, Record<LetterKind, TemplateText>> = { nl: NL_TEMPLATES, en: EN_TEMPLATES };

/** The built-in text of a letter (version 0). */
export function defaultTemplate(kind: LetterKind, language: Language): StoredTemplate {
  const { subject, body } = DEFAULTS[language][kind];
  return { kind, language, version: 0, subject, body, changedBy: null, changedAt: null };
}

/** The template in force: the administrator's latest version, or the default. */
export async function loadTemplate(
  db: DbExecutor,
  kind: LetterKind,
  language: Language,
): Promise<StoredTemplate> {
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('kind', '=', kind)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStoredTemplate(row) : defaultTemplate(kind, language);
}

/** The templates in force for every kind and language in the given order (one query). */
export async function loadCurrentTemplates(
  db: DbExecutor,
  kinds: readonly LetterKind[],
  languages: readonly Language[],
): Promise<StoredTemplate[]> {
  const rows = await db.selectFrom('letter_templates').selectAll().orderBy('version', 'desc').execute();
  const latest = new Map<string, Selectable<LetterTemplatesTable>>();
  for (const row of rows) {
    const key = `${row.kind}/${row.language}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  return kinds.flatMap((kind) =>
    languages.map((language) => {
      const row = latest.get(`${kind}/${language}`);
      return row ? toStoredTemplate(row) : defaultTemplate(kind, language);
    }),
  );
}

/** Every stored version of one template, newest first (the default is not stored). */
export async function listTemplateVersions(
  db: DbExecutor,
  kind: LetterKind,
  language: Language,
): Promise<StoredTemplate[]> {
  const rows = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('kind', '=', kind)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toStoredTemplate);
}

/**
 * Validates and stores a new version (current + 1). Two saves at the same moment compute the same number; the
 * primary key refuses the second, which is told to reload instead of silently overwriting the first.
 */
export async function saveTemplate(
  db: DbExecutor,
  input: {
    kind: LetterKind;
    language: Language;
    subject: string;
    body: string;
    changedBy: string | null;
    now: Date | string;
  },
): Promise<StoredTemplate> {
  const template = { subject: input.subject, body: input.body };
  validateTemplate(input.kind, template);
  const current = await db
    .selectFrom('letter_templates')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('kind', '=', input.kind)
    .where('language', '=', input.language)
    .executeTakeFirst();
  try {
    const row = await db
      .insertInto('letter_templates')
      .values({
        kind: input.kind,
        language: input.language,
        version: Number(current?.version ?? 0) + 1,
        subject: template.subject,
        body: template.body,
        changed_by: input.changedBy,
        changed_at: toTimestamp(input.now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStoredTemplate(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('version_conflict', {
      en: 'Someone else saved this template at the same moment. Reload it and try again.',
      nl: 'Iemand anders heeft deze brief op hetzelfde moment opgeslagen. Laad de brief opnieuw en probeer het nog eens.',
    });
  }
}

function toStoredTemplate(row: Selectable<LetterTemplatesTable>): StoredTemplate {
  return {
    kind: row.kind as LetterKind,
    language: row.language as Language,
    version: Number(row.version),
    subject: row.subject,
    body: row.body,
    changedBy: row.changed_by,
    changedAt: toTimestamp(row.changed_at),
  };
}
