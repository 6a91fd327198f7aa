/**
 * Administrators change letter templates and preview a draft as the PDF it would become. Saving goes through
 * the versioned template store (which refuses anything but the letter's placeholders, naming the line) and is
 * audited in the same transaction; a preview fills the draft with the built-in sample complaint, as the API's
 * preview does without a reference, and stores nothing.
 */

import { Type } from 'typebox';
import { transaction } from '../db/database.ts';
import type { Language } from '../domain/complaint.ts';
import type { LetterKind, LetterRequest } from '../domain/letters.ts';
import { composeWithTemplate } from '../letters/compose.ts';
import { sampleLetter } from '../letters/sample.ts';
import { type TemplateText, validateTemplate } from '../letters/template.ts';
import { type StoredTemplate, saveTemplate } from '../letters/template-store.ts';
import { type AdminActor, assertAdministrator, auditAdmin } from './admin-access.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';

export async function saveTemplateByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  kind: LetterKind,
  language: Language,
  draft: TemplateText,
  meta: ClientMeta | null,
): Promise<StoredTemplate> {
  assertAdministrator(actor);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const saved = await saveTemplate(trx, {
      kind,
      language,
      subject: draft.subject,
      body: draft.body,
      changedBy: actor.userId,
      now,
    });
    await auditAdmin(trx, now, actor, meta, {
      action: 'letter_template_changed',
      targetType: 'letter_template',
      targetId: `${kind}/${language}`,
      details: { version: saved.version },
    });
    return saved;
  });
}

/** The draft as a PDF, filled from the sample complaint; throws invalid_input (with the line) for a bad draft. */
export async function previewTemplateByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  kind: LetterKind,
  language: Language,
  draft: TemplateText,
): Promise<Buffer> {
  assertAdministrator(actor);
  validateTemplate(kind, draft);
  const { settings } = await loadOrganisation(deps.db.kysely);
  const sample = sampleLetter(kind, settings);
  const request = {
    kind,
    recipient: { ...sample.request.recipient, language },
  } satisfies LetterRequest;
  const composed = await composeWithTemplate(
    { ...draft, version: 0 },
    request,
    sample.complaint,
    settings,
    sample.now,
  );
  return composed.pdf;
}

/** A draft as the administrator types it: the same limits as the template API. */
export const TemplateDraftSchema = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    body: Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
