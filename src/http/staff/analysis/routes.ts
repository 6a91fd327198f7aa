/**
 * /staff/analysis: the annual analysis for quality managers (who judge and adopt) and administrators (who
 * read). GET /analysis goes to the last complete year; GET /analysis/<year>?version= shows it; the PDF, CSV and
 * XLSX downloads are under the same path with the session; POST …/conclusions saves the judgement (303 back),
 * POST …/adopt saves it and asks for confirmation, POST …/adopt/confirm adopts (303 back).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { chartSvg } from '../../../analysis/charts.ts';
import type { ReportVersion } from '../../../analysis/document/types.ts';
import { CONTENT_TYPES } from '../../../analysis/export/write.ts';
import { type Conclusions, normaliseConclusions } from '../../../analysis/judgement.ts';
import { assertReportYear, FIRST_REPORT_YEAR } from '../../../analysis/load-report.ts';
import {
  adoptYear,
  reportDocument,
  reportPdf,
  saveYearConclusions,
  writeReportExport,
  yearReport,
} from '../../../analysis/service.ts';
import { firstReceivedOn } from '../../../db/repositories/analysis.ts';
import { findAnnualAnalysis } from '../../../db/repositories/annual-analyses.ts';
import type { Actor } from '../../../domain/action-context.ts';
import { amsterdamDateOf } from '../../../domain/calendar.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import { maySeeAllCases } from '../../../domain/policy.ts';
import { analysisMessages } from '../../../i18n/staff/analysis.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import type { FieldError } from '../../pages/validate.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { RedirectTo, staffActorOf } from '../session.ts';
import { AnalysisPage } from './AnalysisPage.tsx';
import { ConfirmAdoptPage } from './ConfirmAdoptPage.tsx';
import { conclusionsFrom, formField } from './form.ts';

type YearRequest = FastifyRequest<{ Params: { year: string }; Querystring: Record<string, unknown> }>;

function reader(request: FastifyRequest): Actor {
  const actor = staffActorOf(request);
  if (!maySeeAllCases(actor)) {
    throw new DomainError('forbidden', {
      nl: 'U mag de jaaranalyse niet inzien.',
      en: 'You may not see the annual analysis.',
    });
  }
  return actor;
}

function judge(request: FastifyRequest): Actor & { userId: string } {
  const actor = staffActorOf(request);
  if (!actor.roles.includes('quality_manager') || !actor.userId) {
    throw new DomainError('forbidden', {
      nl: 'Alleen de kwaliteitsmanager legt de beoordeling vast.',
      en: 'Only the quality manager records the judgement.',
    });
  }
  return actor as Actor & { userId: string };
}

const yearOf = (request: YearRequest): number => {
  const text = String(request.params.year);
  return /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
};
const versionOf = (query: Record<string, unknown>): ReportVersion =>
  query.version === 'publishable' ? 'publishable' : 'internal';

export async function analysisRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const thisYear = () => Number(amsterdamDateOf(deps.now().toISOString()).slice(0, 4));

  async function render(
    request: YearRequest,
    reply: FastifyReply,
    status: number,
    form: { values: Conclusions; errors: FieldError[] } | null,
  ) {
    const actor = reader(request);
    const year = yearOf(request);
    assertReportYear(year, deps.now());
    const ctx = await staffPageContext(deps, request, reply);
    const a = analysisMessages[ctx.locale];
    const version = request.method === 'GET' ? versionOf(request.query) : 'internal';
    const report = await yearReport(deps.db.kysely, year, deps.now());
    const document = await reportDocument(deps.db.kysely, report, version, ctx.locale);
    const charts = new Map<string, string>();
    for (const section of document.sections) {
      for (const block of section.blocks) {
        if (block.type !== 'table') continue;
        const svg = await chartSvg(block, ctx.locale);
        if (svg) charts.set(block.id, svg);
      }
    }
    const first = await firstReceivedOn(deps.db.kysely);
    const from = Math.max(FIRST_REPORT_YEAR, first ? Number(first.slice(0, 4)) : thisYear());
    const years = Array.from({ length: thisYear() - from + 1 }, (_, i) => thisYear() - i);
    const done = request.method === 'GET' ? request.query.done : undefined;
    return sendPage(
      reply,
      status,
      createElement(AnalysisPage, {
        ctx,
        a,
        year,
        years: years.includes(year) ? years : [year, ...years],
        version,
        document,
        charts,
        analysis: report.analysis,
        mayJudge: actor.roles.includes('quality_manager'),
        yearOver: year < thisYear(),
        values: form?.values ?? report.analysis.conclusions,
        errors: form?.errors ?? [],
        done: done === 'saved' || done === 'adopted' ? done : null,
      }),
    );
  }

  app.get(
    '/analysis',
    { schema: { hide: true } },
    async (request: FastifyRequest<{ Querystring: Record<string, unknown> }>) => {
      reader(request);
      const chosen = String(request.query.year ?? '');
      const version = versionOf(request.query);
      if (/^\d{4}$/.test(chosen)) {
        throw new RedirectTo(
          `/staff/analysis/${chosen}${version === 'publishable' ? '?version=publishable' : ''}`,
        );
      }
      // The last complete year, when there are complaints from then; this year otherwise.
      const first = await firstReceivedOn(deps.db.kysely);
      const last = thisYear() - 1;
      throw new RedirectTo(
        `/staff/analysis/${first && Number(first.slice(0, 4)) <= last ? last : thisYear()}`,
      );
    },
  );

  app.get('/analysis/:year', { schema: { hide: true } }, async (request: YearRequest, reply) =>
    render(request, reply, 200, null),
  );

  app.get('/analysis/:year.pdf', { schema: { hide: true } }, async (request: YearRequest, reply) => {
    reader(request);
    const year = yearOf(request);
    const version = versionOf(request.query);
    const language = request.query.lang === 'en' ? 'en' : 'nl';
    const pdf = await reportPdf(deps.db, year, version, language, deps.now());
    return download(reply, 'pdf', year, version).send(pdf);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/analysis/:year.${format}`, { schema: { hide: true } }, async (request: YearRequest, reply) => {
      reader(request);
      const year = yearOf(request);
      assertReportYear(year, deps.now());
      const version = versionOf(request.query);
      const language = request.query.lang === 'en' ? 'en' : 'nl';
      const stream = new PassThrough();
      writeReportExport(deps.db, { year, format, version, language, now: deps.now() }, stream).catch(
        (error: unknown) => {
          request.log.error({ err: error }, 'annual analysis export failed');
          stream.destroy(error as Error);
        },
      );
      return download(reply, format, year, version).send(stream);
    });
  }

  const withForm = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };

  /** Saves what was posted; a field the rules refuse comes back to the form with what was typed. */
  async function save(request: YearRequest, reply: FastifyReply) {
    const actor = judge(request);
    const year = yearOf(request);
    const fields = postedForm(request).fields;
    const values = conclusionsFrom(fields);
    const expectedVersion = /^\d+$/.test(String(fields.version ?? '')) ? Number(fields.version) : undefined;
    try {
      const saved = await saveYearConclusions(deps.db, {
        year,
        conclusions: values,
        by: actor.userId,
        now: deps.now(),
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      return { saved, values, failed: null };
    } catch (error) {
      if (isDomainError(error) && error.code === 'invalid_input' && error.field?.startsWith('conclusions.')) {
        const ctxLocale = (await staffPageContext(deps, request, reply)).locale;
        const message = ctxLocale === 'nl' ? error.messageNl : error.message;
        return {
          saved: null,
          values,
          failed: render(request, reply, 400, {
            values,
            errors: [{ field: formField(error.field), message }],
          }),
        };
      }
      throw error;
    }
  }

  app.post('/analysis/:year/conclusions', withForm, async (request: YearRequest, reply) => {
    const { failed } = await save(request, reply);
    if (failed) return failed;
    throw new RedirectTo(`/staff/analysis/${yearOf(request)}?done=saved`);
  });

  app.post('/analysis/:year/adopt', withForm, async (request: YearRequest, reply) => {
    const { saved, values, failed } = await save(request, reply);
    if (failed || !saved) return failed;
    const ctx = await staffPageContext(deps, request, reply);
    try {
      normaliseConclusions(saved.conclusions, { forAdoption: true });
    } catch (error) {
      if (isDomainError(error) && error.field) {
        const message = ctx.locale === 'nl' ? error.messageNl : error.message;
        return render(request, reply, 400, { values, errors: [{ field: formField(error.field), message }] });
      }
      throw error;
    }
    const a = analysisMessages[ctx.locale];
    return sendPage(
      reply,
      200,
      createElement(ConfirmAdoptPage, {
        ctx,
        a,
        year: saved.year,
        version: saved.version,
        conclusions: saved.conclusions,
      }),
    );
  });

  app.post('/analysis/:year/adopt/confirm', withForm, async (request: YearRequest, reply) => {
    const actor = judge(request);
    const year = yearOf(request);
    const posted = String(postedForm(request).fields.version ?? '');
    const current = await findAnnualAnalysis(deps.db.kysely, year);
    if (posted !== String(current.version)) {
      throw new DomainError('version_conflict', {
        nl: 'Iemand anders heeft de conclusies intussen gewijzigd. Bekijk ze opnieuw voordat u vaststelt.',
        en: 'Someone else changed the conclusions meanwhile. Look at them again before adopting.',
      });
    }
    await adoptYear(deps.db, {
      year,
      conclusions: current.conclusions,
      by: { id: actor.userId, name: actor.name },
      now: deps.now(),
    });
    return reply.redirect(`/staff/analysis/${year}?done=adopted`, 303);
  });
}

function download(reply: FastifyReply, format: 'pdf' | 'csv' | 'xlsx', year: number, version: ReportVersion) {
  return reply
    .type(CONTENT_TYPES[format])
    .header(
      'content-disposition',
      `attachment; filename="jaaranalyse-${year}${version === 'publishable' ? '-publicatie' : ''}.${format}"`,
    )
    .header('cache-control', 'private, no-store');
}
