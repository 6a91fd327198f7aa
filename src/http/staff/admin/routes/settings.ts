/**
 * Organisation settings: GET /settings (the sections and every version), GET /settings/<section> (its form
 * and history), POST /settings/<section> (save through saveSettingsSection: a new version with the note;
 * redirected with `?saved=<version>&recomputed=<n>`). Invalid input shows the form again with 400 and the
 * message at each field (the form's own checks first, then the settings schema); a section changed by
 * someone else since the form was opened gives 409.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { saveSettingsSection } from '../../../../commands/admin-settings.ts';
import { countCodeUse } from '../../../../db/repositories/admin.ts';
import { listSettingsVersions, loadCurrentSettings } from '../../../../db/repositories/settings.ts';
import { listUsers } from '../../../../db/repositories/users.ts';
import { DomainError, isDomainError } from '../../../../domain/errors.ts';
import { OrganisationSettingsSchema } from '../../../../domain/settings-schema.ts';
import { adminSettingsMessages } from '../../../../i18n/staff/admin-settings.ts';
import type { AppDeps } from '../../../app.ts';
import { formReader, postedForm } from '../../../pages/form-data.ts';
import { type FieldError, schemaProblems } from '../../../pages/validate.ts';
import { sendPage } from '../../render.ts';
import { adminRequest } from '../context.ts';
import { messageOf } from '../form-errors.ts';
import { historyRows } from '../settings/history.ts';
import { sectionBySlug } from '../settings/sections.ts';
import type { FormValues, SectionDef, SectionExtra } from '../settings/types.ts';
import { SectionPage } from '../views/settings/SectionPage.tsx';
import { SettingsIndexPage } from '../views/settings/SettingsIndexPage.tsx';

type SectionRequest = FastifyRequest<{
  Params: { section: string };
  Querystring: { saved?: string; recomputed?: string; done?: string };
}>;

const COUNTED = { categories: 'categories', teams: 'teams', grounds: 'nonAdmissionGrounds' } as const;

export async function adminSettingsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  const form = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };

  const sectionOf = (slug: string): SectionDef => {
    const section = sectionBySlug(slug);
    if (!section)
      throw new DomainError('not_found', { en: 'No such section.', nl: 'Dit onderdeel bestaat niet.' });
    return section;
  };

  async function extraFor(section: SectionDef): Promise<SectionExtra> {
    const counted = COUNTED[section.slug as keyof typeof COUNTED];
    return {
      users: await listUsers(db),
      ...(counted ? { usage: await countCodeUse(db, counted) } : {}),
    };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    section: SectionDef,
    options: {
      values?: FormValues;
      note?: string;
      errors?: FieldError[];
      formMessage?: string;
      done?: string;
    },
  ) {
    const { ctx } = await adminRequest(deps, request, reply);
    const s = adminSettingsMessages[ctx.locale];
    const versions = await listSettingsVersions(db);
    const current = versions[0]!;
    const extra = await extraFor(section);
    const users = extra.users ?? [];
    return sendPage(
      reply,
      status,
      createElement(SectionPage, {
        ctx,
        s,
        section,
        settings: current.data,
        version: current.version,
        values: options.values ?? section.values(current.data),
        note: options.note ?? '',
        errors: options.errors ?? [],
        formMessage: options.formMessage,
        done: options.done,
        history: historyRows(versions, section.keys),
        names: new Map(users.map((u) => [u.id, u.name])),
        users,
        usage: extra.usage,
      }),
    );
  }

  app.get('/settings', { schema: { hide: true } }, async (request, reply) => {
    const { ctx } = await adminRequest(deps, request, reply);
    const versions = await listSettingsVersions(db);
    const users = await listUsers(db);
    return sendPage(
      reply,
      200,
      createElement(SettingsIndexPage, {
        ctx,
        s: adminSettingsMessages[ctx.locale],
        version: versions[0]!.version,
        history: historyRows(versions),
        names: new Map(users.map((u) => [u.id, u.name])),
      }),
    );
  });

  app.get('/settings/:section', { schema: { hide: true } }, async (request: SectionRequest, reply) => {
    const section = sectionOf(request.params.section);
    const { ctx } = await adminRequest(deps, request, reply);
    const s = adminSettingsMessages[ctx.locale];
    const q = request.query;
    const saved = Number(q.saved);
    const done =
      q.done === 'unchanged'
        ? s.done.unchanged
        : Number.isInteger(saved) && saved > 0
          ? s.done.saved(saved, Math.max(0, Number(q.recomputed) || 0))
          : undefined;
    return render(request, reply, 200, section, { done });
  });

  app.post('/settings/:section', form, async (request: SectionRequest, reply) => {
    const section = sectionOf(request.params.section);
    const { ctx, actor, meta } = await adminRequest(deps, request, reply);
    const s = adminSettingsMessages[ctx.locale];
    const fields = postedForm(request).fields;
    const note = fields.note ?? '';
    const current = (await loadCurrentSettings(db))!;
    const parsed = section.parse(fields, current.data, s, await extraFor(section));
    const place = (path: string) => parsed.fieldOf(path) ?? section.firstField;

    const errors: FieldError[] = [...parsed.errors];
    const candidate = { ...current.data, ...parsed.patch };
    const inSection = (path: string) =>
      section.keys.some((key) => path === key || path.startsWith(`${key}.`));
    for (const problem of schemaProblems(OrganisationSettingsSchema, candidate, ctx.locale)) {
      if (!inSection(problem.path)) continue;
      const field = place(problem.path);
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: problem.message });
    }
    if (note.trim() === '') errors.push({ field: 'note', message: s.errors.noteMissing });
    const again = { values: fields, note };
    if (errors.length > 0) return render(request, reply, 400, section, { ...again, errors });

    try {
      const result = await saveSettingsSection(
        deps,
        actor,
        { section: section.slug, patch: parsed.patch, note, basedOnVersion: Number(fields.version) },
        meta,
      );
      const to = result.changed
        ? `?saved=${result.version}&recomputed=${result.recomputed.length}`
        : '?done=unchanged';
      return reply.redirect(`/staff/admin/settings/${section.slug}${to}`, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'version_conflict')
        return render(request, reply, 409, section, { ...again, formMessage: messageOf(error, ctx.locale) });
      if (error.code !== 'invalid_input') throw error;
      const field = error.field === 'note' ? 'note' : place(error.field ?? '');
      return render(request, reply, 400, section, {
        ...again,
        errors: [{ field, message: messageOf(error, ctx.locale) }],
      });
    }
  });
}
