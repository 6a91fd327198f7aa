/**
 * Letter templates: GET /letters (all), GET /letters/<kind>/<language> (the editor), POST to it (save a new
 * version, redirected with `?saved=<version>`), POST …/preview (the draft as a PDF download, nothing saved).
 * A draft the template store refuses comes back with 400 and its messages, each naming its line, at the
 * subject or the body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import {
  previewTemplateByAdmin,
  saveTemplateByAdmin,
  TemplateDraftSchema,
} from '../../../../commands/admin-letter-templates.ts';
import { listUsers } from '../../../../db/repositories/users.ts';
import { LANGUAGES, type Language } from '../../../../domain/complaint.ts';
import { DomainError, isDomainError } from '../../../../domain/errors.ts';
import { LETTER_KINDS, type LetterKind } from '../../../../domain/letters.ts';
import type { PageLocale } from '../../../../i18n/pages/index.ts';
import { placeholdersFor } from '../../../../letters/placeholders.ts';
import { type TemplateProblem, templateProblems } from '../../../../letters/template.ts';
import {
  listTemplateVersions,
  loadCurrentTemplates,
  loadTemplate,
} from '../../../../letters/template-store.ts';
import type { AppDeps } from '../../../app.ts';
import { formReader, postedForm } from '../../../pages/form-data.ts';
import { type FieldError, orderErrors, schemaProblems } from '../../../pages/validate.ts';
import { sendPage } from '../../render.ts';
import { adminRequest } from '../context.ts';
import { LetterEditPage } from '../views/LetterEditPage.tsx';
import { LettersPage } from '../views/LettersPage.tsx';

type LetterRequest = FastifyRequest<{
  Params: { kind: string; language: string };
  Querystring: { saved?: string };
}>;

function letterOf(params: { kind: string; language: string }): { kind: LetterKind; language: Language } {
  const kind = LETTER_KINDS.find((k) => k === params.kind);
  const language = LANGUAGES.find((l) => l === params.language);
  if (!kind || !language)
    throw new DomainError('not_found', { en: 'There is no such letter.', nl: 'Deze brief bestaat niet.' });
  return { kind, language };
}

/** The store's refusal as one message per field, every line named. */
function templateErrors(error: DomainError, locale: PageLocale): FieldError[] {
  const problems = (error.details?.problems ?? []) as TemplateProblem[];
  if (problems.length === 0)
    return [{ field: error.field ?? 'body', message: locale === 'nl' ? error.messageNl : error.message }];
  return (['subject', 'body'] as const).flatMap((field) => {
    const messages = problems
      .filter((p) => p.field === field)
      .map((p) => (locale === 'nl' ? p.message.nl : p.message.en));
    return messages.length ? [{ field, message: messages.join(' ') }] : [];
  });
}

export async function adminLetterRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  const form = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };
  const names = async () => new Map((await listUsers(db)).map((u) => [u.id, u.name]));

  async function renderEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    letter: { kind: LetterKind; language: Language },
    options: { values?: { subject: string; body: string }; errors?: FieldError[]; done?: string } = {},
  ) {
    const { ctx } = await adminRequest(deps, request, reply);
    const inForce = await loadTemplate(db, letter.kind, letter.language);
    return sendPage(
      reply,
      status,
      createElement(LetterEditPage, {
        ctx,
        ...letter,
        inForce,
        values: options.values ?? { subject: inForce.subject, body: inForce.body },
        errors: options.errors ?? [],
        placeholders: placeholdersFor(letter.kind),
        versions: await listTemplateVersions(db, letter.kind, letter.language),
        names: await names(),
        done: options.done,
      }),
    );
  }

  /** The posted draft, or the page again with its errors (null). */
  /** The posted draft with every problem at its field: the limits, then what the template store would refuse. */
  function draftOf(request: LetterRequest, kind: LetterKind, locale: PageLocale) {
    const fields = postedForm(request).fields;
    const values = { subject: fields.subject ?? '', body: fields.body ?? '' };
    const errors: FieldError[] = schemaProblems(TemplateDraftSchema, values, locale).map((p) => ({
      field: p.path.split('.')[0] ?? 'body',
      message: p.message,
    }));
    for (const field of ['subject', 'body'] as const) {
      if (errors.some((e) => e.field === field)) continue;
      const messages = templateProblems(kind, values)
        .filter((p) => p.field === field)
        .map((p) => (locale === 'nl' ? p.message.nl : p.message.en));
      if (messages.length) errors.push({ field, message: messages.join(' ') });
    }
    return { values, errors: orderErrors(errors, ['subject', 'body']) };
  }

  app.get('/letters', { schema: { hide: true } }, async (request, reply) => {
    const { ctx } = await adminRequest(deps, request, reply);
    const templates = await loadCurrentTemplates(db, LETTER_KINDS, LANGUAGES);
    return sendPage(reply, 200, createElement(LettersPage, { ctx, templates, names: await names() }));
  });

  app.get('/letters/:kind/:language', { schema: { hide: true } }, async (request: LetterRequest, reply) => {
    const letter = letterOf(request.params);
    const { ctx } = await adminRequest(deps, request, reply);
    const saved = Number(request.query.saved);
    const done = Number.isInteger(saved) && saved > 0 ? ctx.a.letters.editor.saved(saved) : undefined;
    return renderEditor(request, reply, 200, letter, { done });
  });

  app.post('/letters/:kind/:language', form, async (request: LetterRequest, reply) => {
    const letter = letterOf(request.params);
    const { ctx, actor, meta } = await adminRequest(deps, request, reply);
    const { values, errors } = draftOf(request, letter.kind, ctx.locale);
    if (errors.length > 0) return renderEditor(request, reply, 400, letter, { values, errors });
    try {
      const saved = await saveTemplateByAdmin(deps, actor, letter.kind, letter.language, values, meta);
      return reply.redirect(
        `/staff/admin/letters/${letter.kind}/${letter.language}?saved=${saved.version}`,
        303,
      );
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
      return renderEditor(request, reply, 400, letter, { values, errors: templateErrors(error, ctx.locale) });
    }
  });

  app.post(
    '/letters/:kind/:language/preview',
    { ...form, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request: LetterRequest, reply) => {
      const letter = letterOf(request.params);
      const { ctx, actor } = await adminRequest(deps, request, reply);
      const { values, errors } = draftOf(request, letter.kind, ctx.locale);
      if (errors.length > 0) return renderEditor(request, reply, 400, letter, { values, errors });
      let pdf: Buffer;
      try {
        pdf = await previewTemplateByAdmin(deps, actor, letter.kind, letter.language, values);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
        return renderEditor(request, reply, 400, letter, {
          values,
          errors: templateErrors(error, ctx.locale),
        });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${letter.kind}-${letter.language}-preview.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
