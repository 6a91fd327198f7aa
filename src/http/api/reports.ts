/**
 * The annual analysis over the staff API (step 8): the report of a year as JSON, PDF, CSV or XLSX, internal or
 * publishable; the quality manager's conclusions; adopting the report. Quality managers and administrators
 * read the reports; recording the judgement and adopting it is the quality manager's (the organisation judges,
 * GLOSSARY: the quality manager owns the annual analysis). Everyone else gets 403.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { REPORT_VERSIONS, type ReportVersion } from '../../analysis/document/types.ts';
import { CONTENT_TYPES, type ExportFormat } from '../../analysis/export/write.ts';
import { type Conclusions, MAX_CONCLUSION_LENGTH } from '../../analysis/judgement.ts';
import { assertReportYear, FIRST_REPORT_YEAR } from '../../analysis/load-report.ts';
import {
  adoptYear,
  reportDocument,
  reportPdf,
  saveYearConclusions,
  writeReportExport,
  yearReport,
} from '../../analysis/service.ts';
import { firstReceivedOn } from '../../db/repositories/analysis.ts';
import { type AnnualAnalysis, listAnnualAnalyses } from '../../db/repositories/annual-analyses.ts';
import { amsterdamDateOf } from '../../domain/calendar.ts';
import type { Language } from '../../domain/complaint.ts';
import type { AppDeps } from '../app.ts';
import { requireRole, type StaffActor, staffOf } from '../auth.ts';
import { localeOf } from '../problems.ts';
import { ProblemSchema } from './problem-schema.ts';

const Errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const Year = Type.Object({ year: Type.String({ pattern: '^\\d{4}$' }) });
const Query = Type.Object(
  {
    version: Type.Optional(
      Type.Union(
        REPORT_VERSIONS.map((v) => Type.Literal(v)),
        { default: 'internal' },
      ),
    ),
    lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const Text = Type.String({ maxLength: MAX_CONCLUSION_LENGTH });
const Answer = Type.Object({ conclusions: Text, actions: Text }, { additionalProperties: false });
const ConclusionsSchema = Type.Object(
  { trends: Answer, satisfaction: Answer, prevention: Answer },
  { additionalProperties: false },
);
const AnalysisSchema = Type.Object({
  year: Type.Integer(),
  version: Type.Integer({ description: 'Of the conclusions; 0 before the first save. Send it as If-Match.' }),
  conclusions: ConclusionsSchema,
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  adoption: Type.Union([Type.Object({ at: Type.String(), byName: Type.String() }), Type.Null()]),
});
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ pattern: '^(W/)?"?\\d+"?$' })) });

type Query = { version?: ReportVersion; lang?: Language };

/** Reading: quality managers and administrators. */
function reader(request: FastifyRequest): StaffActor {
  const actor = staffOf(request);
  requireRole(actor, 'quality_manager', 'administrator');
  return actor;
}

/** Judging and adopting: the quality manager. */
function judge(request: FastifyRequest): StaffActor & { userId: string } {
  const actor = staffOf(request);
  requireRole(actor, 'quality_manager');
  return actor;
}

const presentAnalysis = (analysis: AnnualAnalysis) => ({
  year: analysis.year,
  version: analysis.version,
  conclusions: analysis.conclusions,
  updatedAt: analysis.updatedAt,
  adoption: analysis.adoption ? { at: analysis.adoption.at, byName: analysis.adoption.byName } : null,
});

export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const languageOf = (request: FastifyRequest, query: Query): Language => query.lang ?? localeOf(request);
    const fileName = (year: number, version: ReportVersion, extension: string) =>
      `jaaranalyse-${year}${version === 'publishable' ? '-publicatie' : ''}.${extension}`;

    app.get(
      '/api/v1/staff/reports',
      {
        schema: {
          tags: ['annual analysis'],
          summary: 'The years that have an annual analysis, newest first, with whether each was adopted',
          response: {
            200: Type.Object({
              years: Type.Array(
                Type.Object({
                  year: Type.Integer(),
                  adopted: Type.Boolean(),
                  adoptedAt: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
            ...Errors,
          },
        },
      },
      async (request) => {
        reader(request);
        const db = deps.db.kysely;
        const thisYear = Number(amsterdamDateOf(deps.now().toISOString()).slice(0, 4));
        const first = await firstReceivedOn(db);
        const from = Math.max(FIRST_REPORT_YEAR, first ? Number(first.slice(0, 4)) : thisYear);
        const analyses = new Map((await listAnnualAnalyses(db)).map((a) => [a.year, a]));
        const years = [];
        for (let year = thisYear; year >= from; year--) {
          const adoption = analyses.get(year)?.adoption ?? null;
          years.push({ year, adopted: adoption !== null, adoptedAt: adoption?.at ?? null });
        }
        return { years };
      },
    );

    app.get(
      '/api/v1/staff/reports/:year',
      {
        schema: {
          tags: ['annual analysis'],
          summary: 'The annual analysis of a year: the report as a document (sections, tables, key figures)',
          description:
            'The internal version also holds the figures (the report model) and the conclusions; the publishable ' +
            'version has no personal data, no free text and shows counts under 5 as "< 5". An adopted year is the ' +
            'report as it was frozen.',
          params: Year,
          querystring: Query,
          response: {
            200: Type.Object({
              year: Type.Integer(),
              version: Type.String(),
              language: Type.String(),
              adoption: Type.Union([
                Type.Object({ at: Type.String(), byName: Type.Union([Type.String(), Type.Null()]) }),
                Type.Null(),
              ]),
              analysis: Type.Union([AnalysisSchema, Type.Null()]),
              figures: Type.Unknown({ description: 'The report model (internal version only)' }),
              document: Type.Unknown({ description: 'Sections with key figures, tables and texts' }),
            }),
            ...Errors,
          },
        },
      },
      async (request) => {
        reader(request);
        const year = Number(request.params.year);
        const query = request.query as Query;
        const version = query.version ?? 'internal';
        const language = languageOf(request, query);
        const report = await yearReport(deps.db.kysely, year, deps.now());
        const internal = version === 'internal';
        const adoption = report.analysis.adoption;
        return {
          year,
          version,
          language,
          adoption: adoption ? { at: adoption.at, byName: internal ? adoption.byName : null } : null,
          analysis: internal ? presentAnalysis(report.analysis) : null,
          figures: internal ? report.report : null,
          document: await reportDocument(deps.db.kysely, report, version, language),
        };
      },
    );

    app.get(
      '/api/v1/staff/reports/:year.pdf',
      {
        schema: {
          tags: ['annual analysis'],
          summary: 'The annual analysis as a PDF (for an adopted year in Dutch: the PDF frozen at adoption)',
          params: Year,
          querystring: Query,
          response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...Errors },
        },
      },
      async (request, reply) => {
        reader(request);
        const year = Number(request.params.year);
        const query = request.query as Query;
        const version = query.version ?? 'internal';
        const pdf = await reportPdf(deps.db, year, version, languageOf(request, query), deps.now());
        return download(reply, 'pdf', fileName(year, version, 'pdf')).send(pdf);
      },
    );

    for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
      app.get(
        `/api/v1/staff/reports/:year.${format}`,
        {
          schema: {
            tags: ['annual analysis'],
            summary: `The year's export as ${format.toUpperCase()}: internally one row per complaint, publishable the report's tables`,
            description:
              'The columns are documented in docs/analysis.md. No attachments; text is safe from formula injection.',
            params: Year,
            querystring: Query,
            response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...Errors },
          },
        },
        async (request, reply) => {
          reader(request);
          const year = Number(request.params.year);
          const query = request.query as Query;
          const version = query.version ?? 'internal';
          const input = { year, format, version, language: languageOf(request, query), now: deps.now() };
          // Refused before the first byte: a bad year is a problem document, not a broken download.
          assertReportYear(year, input.now);
          const stream = new PassThrough();
          writeReportExport(deps.db, input, stream).catch((error: unknown) => {
            request.log.error({ err: error }, 'annual analysis export failed');
            stream.destroy(error as Error);
          });
          return download(reply, format, fileName(year, version, format)).send(stream);
        },
      );
    }

    app.put(
      '/api/v1/staff/reports/:year/conclusions',
      {
        schema: {
          tags: ['annual analysis'],
          summary: "Save the quality manager's conclusions and actions per question (a draft until adopted)",
          params: Year,
          headers: IfMatch,
          body: Type.Object({ conclusions: ConclusionsSchema }, { additionalProperties: false }),
          response: { 200: AnalysisSchema, ...Errors },
        },
      },
      async (request) => {
        const actor = judge(request);
        const ifMatch = request.headers['if-match'];
        const saved = await saveYearConclusions(deps.db, {
          year: Number(request.params.year),
          conclusions: request.body.conclusions as Conclusions,
          by: actor.userId,
          now: deps.now(),
          ...(ifMatch ? { expectedVersion: Number(ifMatch.replace(/\D/g, '')) } : {}),
        });
        return presentAnalysis(saved);
      },
    );

    app.post(
      '/api/v1/staff/reports/:year/adopt',
      {
        schema: {
          tags: ['annual analysis'],
          summary:
            'Adopt the annual analysis: freeze its figures, conclusions and PDFs with the date and your name',
          description:
            'Only a year that is over, once, and with a conclusion on each of the three questions.',
          params: Year,
          body: Type.Object({ conclusions: ConclusionsSchema }, { additionalProperties: false }),
          response: { 200: AnalysisSchema, ...Errors },
        },
      },
      async (request) => {
        const actor = judge(request);
        const adopted = await adoptYear(deps.db, {
          year: Number(request.params.year),
          conclusions: request.body.conclusions as Conclusions,
          by: { id: actor.userId, name: actor.name },
          now: deps.now(),
        });
        return presentAnalysis(adopted);
      },
    );
  };

function download(reply: FastifyReply, format: ExportFormat | 'pdf', name: string): FastifyReply {
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store');
}
