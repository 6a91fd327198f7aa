/**
 * Privacy (AVG) in the staff workspace, under /staff/admin/privacy:
 *   GET  /admin/privacy                              overview: search form, retention, legal holds, deletion log
 *   POST /admin/privacy/find                         a data subject's complaints
 *   POST /admin/privacy/act                          export them (JSON, PDF, ZIP) or erase them
 *   POST /admin/privacy/retention                    apply retention now
 *   GET  /admin/privacy/cases?reference=…            to a case's legal-hold page
 *   GET  /admin/privacy/cases/:reference             a case's legal hold (also quality managers)
 *   POST /admin/privacy/cases/:reference/legal-hold  set or lift it (also quality managers)
 * Administrators only, except the legal-hold pages; every form has CSRF protection; the commands check again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import {
  type ExportFormat,
  eraseDataSubjectCases,
  exportDataSubjectCases,
  findDataSubjectCases,
  type PersonQuery,
  personCases,
} from '../../../commands/data-subject-requests.ts';
import { changeLegalHold } from '../../../commands/legal-hold.ts';
import { runRetention } from '../../../commands/retention.ts';
import { isDomainError } from '../../../domain/errors.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import type { FieldError } from '../../pages/validate.ts';
import { messageOf } from '../admin/form-errors.ts';
import { sendPage } from '../render.ts';
import { RedirectTo } from '../session.ts';
import { type PrivacyPageContext, privacyRequest, REFERENCE } from './context.ts';
import { renderHoldPage } from './hold-page.ts';
import { overviewData, type SearchValues } from './overview-data.ts';
import { PrivacyOverviewPage } from './views/PrivacyOverviewPage.tsx';
import { type ActValues, PrivacyResultsPage } from './views/PrivacyResultsPage.tsx';

const DONE = ['erased', 'retention', 'hold-set', 'hold-lifted'] as const;
const FORMATS: Record<string, ExportFormat> = {
  'export-json': 'json',
  'export-pdf': 'pdf',
  'export-zip': 'zip',
};

const searchValuesOf = (fields: Record<string, string>): SearchValues => ({
  by: fields.by ?? '',
  value: fields.value ?? '',
  requestReference: fields.requestReference ?? '',
});

const queryOf = (values: SearchValues): PersonQuery => ({
  by: values.by as PersonQuery['by'],
  value: values.value,
});
const requestMeta = (values: SearchValues, ip: string | null) => ({
  requestReference: values.requestReference.trim() || null,
  ip,
});

/** A refusal of the input (or an erasure the law does not allow), as a message at the field it is about. */
function refusalOf(error: unknown, ctx: PrivacyPageContext): FieldError | null {
  if (!isDomainError(error) || !error.field) return null;
  if (error.code !== 'invalid_input' && error.code !== 'guard_failed') return null;
  return { field: error.field, message: messageOf(error, ctx.locale) };
}

export async function privacyAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const form = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };

  async function overview(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: SearchValues; errors?: FieldError[]; reference?: string } = {},
  ) {
    const { ctx: context } = await privacyRequest(deps, request, reply, 'administrator');
    // Also when it answers a form: its language switch must lead to a page, not to a form's address.
    const ctx = { ...context, path: '/staff/admin/privacy' };
    const query = request.query as { done?: string; count?: string };
    const done = (DONE as readonly string[]).includes(query.done ?? '') ? query.done : undefined;
    const data = await overviewData(deps);
    return sendPage(
      reply,
      status,
      createElement(PrivacyOverviewPage, {
        ctx,
        ...data,
        done: done as (typeof DONE)[number] | undefined,
        count: Number(query.count ?? 0) || 0,
        values: extra.values ?? { by: 'email', value: '', requestReference: '' },
        errors: extra.errors ?? [],
        reference: extra.reference ?? '',
      }),
    );
  }

  app.get('/admin/privacy', { schema: { hide: true } }, (request, reply) => overview(request, reply, 200));

  app.post('/admin/privacy/find', form, async (request, reply) => {
    const { ctx: context, actor, ip } = await privacyRequest(deps, request, reply, 'administrator');
    const ctx = { ...context, path: '/staff/admin/privacy' };
    const values = searchValuesOf(postedForm(request).fields);
    try {
      const found = await findDataSubjectCases(deps, actor, queryOf(values), requestMeta(values, ip));
      return sendPage(
        reply,
        200,
        createElement(PrivacyResultsPage, { ctx, search: values, found, act: emptyAct(found), errors: [] }),
      );
    } catch (error) {
      const refusal = refusalOf(error, ctx);
      if (!refusal) throw error;
      return overview(request, reply, 400, { values, errors: [refusal] });
    }
  });

  app.post('/admin/privacy/act', form, async (request, reply) => {
    const { ctx: context, actor, ip } = await privacyRequest(deps, request, reply, 'administrator');
    const ctx = { ...context, path: '/staff/admin/privacy' };
    const { fields } = postedForm(request);
    const search = searchValuesOf(fields);
    const act: ActValues = {
      chosen: Object.keys(fields)
        .filter((name) => name.startsWith('case:') && fields[name] === 'yes')
        .map((name) => name.slice('case:'.length)),
      openCaseReason: fields.openCaseReason ?? '',
      confirm: fields.confirm === 'yes',
    };
    const again = async (status: number, errors: FieldError[]) => {
      const found = await personCases(deps, actor, queryOf(search));
      return sendPage(reply, status, createElement(PrivacyResultsPage, { ctx, search, found, act, errors }));
    };
    const errors: FieldError[] = [];
    if (act.chosen.length === 0) errors.push({ field: 'cases', message: ctx.p.errors.chooseCases });
    const format = FORMATS[fields.do ?? ''];
    if (!format && fields.do !== 'erase') return again(400, errors);
    if (fields.do === 'erase' && !act.confirm)
      errors.push({ field: 'confirm', message: ctx.p.errors.confirm });
    if (errors.length > 0) return again(400, errors);
    try {
      if (format) {
        const file = await exportDataSubjectCases(
          deps,
          actor,
          { query: queryOf(search), references: act.chosen, format },
          requestMeta(search, ip),
        );
        return reply
          .status(200)
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      }
      const entries = await eraseDataSubjectCases(
        deps,
        actor,
        { query: queryOf(search), references: act.chosen, openCaseReason: act.openCaseReason },
        requestMeta(search, ip),
      );
      throw new RedirectTo(`/staff/admin/privacy?done=erased&count=${entries.length}`);
    } catch (error) {
      const refusal = refusalOf(error, ctx);
      if (!refusal) throw error;
      // The input is wrong (400); a rule of the law refuses it as things stand (409: a legal hold).
      const status =
        isDomainError(error) && error.code === 'guard_failed' && refusal.field === 'legalHold' ? 409 : 400;
      return again(status, [refusal]);
    }
  });

  app.post('/admin/privacy/retention', form, async (request, reply) => {
    const { actor } = await privacyRequest(deps, request, reply, 'administrator');
    const report = await runRetention({
      db: deps.db,
      now: deps.now(),
      actor: { userId: actor.userId, label: actor.name },
    });
    throw new RedirectTo(`/staff/admin/privacy?done=retention&count=${report.anonymised.length}`);
  });

  app.get<{ Querystring: { reference?: string } }>(
    '/admin/privacy/cases',
    { schema: { hide: true } },
    async (request, reply) => {
      const { ctx, actor } = await privacyRequest(deps, request, reply, 'legal_hold');
      const reference = (request.query.reference ?? '').trim().toUpperCase();
      if (REFERENCE.test(reference)) throw new RedirectTo(`/staff/admin/privacy/cases/${reference}`);
      const errors = [{ field: 'reference', message: ctx.p.errors.reference }];
      if (actor.roles.includes('administrator')) return overview(request, reply, 400, { errors, reference });
      return renderHoldPage(deps, request, reply, null, { status: 400, errors });
    },
  );

  app.get<{ Params: { reference: string }; Querystring: { done?: string } }>(
    '/admin/privacy/cases/:reference',
    { schema: { hide: true } },
    (request, reply) => renderHoldPage(deps, request, reply, request.params.reference, { status: 200 }),
  );

  app.post<{ Params: { reference: string } }>(
    '/admin/privacy/cases/:reference/legal-hold',
    form,
    async (request, reply) => {
      const { ctx, actor, ip } = await privacyRequest(deps, request, reply, 'case');
      const { fields } = postedForm(request);
      const hold = fields.action === 'set';
      const reason = fields.reason ?? '';
      try {
        await changeLegalHold(deps, request.params.reference, actor, { hold, reason }, { ip });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === 'invalid_input') {
          return renderHoldPage(deps, request, reply, request.params.reference, {
            status: 400,
            errors: [{ field: 'reason', message: messageOf(error, ctx.locale) }],
            reason,
          });
        }
        if (error.code === 'guard_failed' || error.code === 'version_conflict') {
          // Someone set or lifted it meanwhile: show the page as it is now, with why nothing happened.
          return renderHoldPage(deps, request, reply, request.params.reference, {
            status: 409,
            formMessage: messageOf(error, ctx.locale),
            reason,
          });
        }
        throw error;
      }
      throw new RedirectTo(
        `/staff/admin/privacy/cases/${request.params.reference}?done=${hold ? 'hold-set' : 'hold-lifted'}`,
      );
    },
  );
}

const emptyAct = (found: { reference: string; matchedAs: string }[]): ActValues => ({
  chosen: found.filter((c) => c.matchedAs === 'reporter').map((c) => c.reference),
  openCaseReason: '',
  confirm: false,
});
