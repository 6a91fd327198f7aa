/**
 * The annual analysis's use cases, shared by the API, the staff page and the CLI (the I/O edge of
 * src/analysis): the report document of a year, its PDF, its exports, saving the conclusions and adopting.
 *
 * An adopted year is served from what was frozen: its figures, its conclusions, and (in Dutch, the language of
 * record) its PDFs byte for byte. Other languages are rendered from the frozen figures.
 */
import type { Writable } from 'node:stream';
import { loadOrganisation } from '../commands/context.ts';
import { type Db, type DbExecutor, transaction } from '../db/database.ts';
import { countYear } from '../db/repositories/analysis.ts';
import {
  type AnnualAnalysis,
  adoptAnnualAnalysis,
  findAnnualAnalysis,
  findFrozenPdf,
  findFrozenPublishableFigures,
  saveConclusions,
} from '../db/repositories/annual-analyses.ts';
import { amsterdamDateOf } from '../domain/calendar.ts';
import type { Language } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import { buildReportDocument } from './document/build.ts';
import type { ReportDocument, ReportVersion } from './document/types.ts';
import { messagesFor } from './export/complaint-columns.ts';
import { complaintsOfYear } from './export/source.ts';
import { type ExportFormat, writeComplaintsExport, writeDocumentExport } from './export/write.ts';
import { type Conclusions, normaliseConclusions } from './judgement.ts';
import { assertReportYear, computeAnnualReport, type LoadedReport, loadAnnualReport } from './load-report.ts';
import { labelsOf } from './report.ts';
import { workingDayCounter } from './statistics.ts';

/**
 * pdfmake and the chart libraries (about 40 MB) are loaded when a report PDF is first made, not when the server
 * starts: intake and the pages never need them.
 */
const reportPdfRenderer = () => import('./pdf.ts');

export interface YearReport extends LoadedReport {
  analysis: AnnualAnalysis;
}

/** The report of a year with its judgement (frozen when adopted). */
export async function yearReport(db: DbExecutor, year: number, now: Date): Promise<YearReport> {
  const [loaded, analysis] = await Promise.all([
    loadAnnualReport(db, year, now),
    findAnnualAnalysis(db, year),
  ]);
  return { ...loaded, analysis };
}

export function documentOf(report: YearReport, version: ReportVersion, language: Language): ReportDocument {
  const adoption = report.analysis.adoption;
  return buildReportDocument(report.report, {
    language,
    version,
    conclusions: report.frozen?.conclusions ?? report.analysis.conclusions,
    adoption: adoption ? { at: adoption.at, byName: adoption.byName } : null,
  });
}

/** The document to show or export; for an adopted year the publishable one is the one stored at adoption. */
export async function reportDocument(
  db: DbExecutor,
  report: YearReport,
  version: ReportVersion,
  language: Language,
): Promise<ReportDocument> {
  if (version === 'publishable' && report.frozen) {
    const stored = (await findFrozenPublishableFigures(db, report.report.year)) as Partial<
      Record<Language, ReportDocument>
    > | null;
    if (stored?.[language]) return stored[language];
  }
  return documentOf(report, version, language);
}

export async function reportPdf(
  db: Db,
  year: number,
  version: ReportVersion,
  language: Language,
  now: Date,
): Promise<Buffer> {
  const report = await yearReport(db.kysely, year, now);
  if (report.frozen && language === 'nl') {
    const stored = await findFrozenPdf(db.kysely, year, version === 'publishable');
    if (stored) return stored;
  }
  const { settings } = await loadOrganisation(db.kysely);
  const document = await reportDocument(db.kysely, report, version, language);
  const { renderReportPdf } = await reportPdfRenderer();
  return renderReportPdf(document, {
    organisation: settings,
    createdAt: new Date(report.frozen?.adoptedAt ?? now),
  });
}

/**
 * Writes an export to `out`: internally one row per complaint of the year (live data, also for an adopted
 * year: the rows are the complaints, not the frozen figures); publishable, the tables of the publishable report.
 */
export async function writeReportExport(
  db: Db,
  input: { year: number; format: ExportFormat; version: ReportVersion; language: Language; now: Date },
  out: Writable,
  onRows?: (count: number, total: number) => void,
): Promise<void> {
  assertReportYear(input.year, input.now);
  if (input.version === 'publishable') {
    const report = await yearReport(db.kysely, input.year, input.now);
    return writeDocumentExport(
      input.format,
      await reportDocument(db.kysely, report, 'publishable', input.language),
      out,
    );
  }
  const [{ calendar, settings }, total] = await Promise.all([
    loadOrganisation(db.kysely),
    countYear(db.kysely, input.year),
  ]);
  const asOf = amsterdamDateOf(input.now.toISOString());
  let done = 0;
  await writeComplaintsExport(
    input.format,
    complaintsOfYear(db.kysely, input.year),
    {
      language: input.language,
      t: messagesFor(input.language),
      labels: labelsOf(settings),
      asOf,
      workingDays: workingDayCounter(calendar),
    },
    out,
    (count) => {
      done += count;
      onRows?.(done, total);
    },
    `${input.language === 'nl' ? 'Klachten' : 'Complaints'} ${input.year}`,
  );
}

/** Saves the draft conclusions of a year. */
export async function saveYearConclusions(
  db: Db,
  input: { year: number; conclusions: Conclusions; by: string; now: Date; expectedVersion?: number },
): Promise<AnnualAnalysis> {
  assertReportYear(input.year, input.now);
  const conclusions = normaliseConclusions(input.conclusions, { forAdoption: false });
  return transaction(db, (trx) => saveConclusions(trx, { ...input, conclusions }));
}

/**
 * Adopts a year's analysis: counts it now, renders the PDFs (Dutch, internal and publishable) and the
 * publishable documents (Dutch and English), and freezes them with the conclusions, the date and the author.
 * Only a year that is over can be adopted, and only once.
 */
export async function adoptYear(
  db: Db,
  input: { year: number; conclusions: Conclusions; by: { id: string; name: string }; now: Date },
): Promise<AnnualAnalysis> {
  assertReportYear(input.year, input.now);
  const thisYear = Number(amsterdamDateOf(input.now.toISOString()).slice(0, 4));
  if (input.year >= thisYear) {
    throw new DomainError(
      'guard_failed',
      {
        nl: `Het jaar ${input.year} is nog niet voorbij; vaststellen kan vanaf 1 januari ${input.year + 1}.`,
        en: `The year ${input.year} is not over yet; it can be adopted from 1 January ${input.year + 1}.`,
      },
      { field: 'year' },
    );
  }
  const conclusions = normaliseConclusions(input.conclusions, { forAdoption: true });
  const existing = await findAnnualAnalysis(db.kysely, input.year);
  if (existing.adoption) {
    throw new DomainError('guard_failed', {
      nl: 'De analyse van dit jaar is al vastgesteld; cijfers en conclusies veranderen niet meer.',
      en: "This year's analysis has been adopted already; its figures and conclusions no longer change.",
    });
  }
  // Rendering takes a moment: done before the transaction, so that SQLite's write lock is held only briefly.
  const report = await computeAnnualReport(db.kysely, input.year, input.now);
  const { settings } = await loadOrganisation(db.kysely);
  const adoption = { at: input.now.toISOString(), byName: input.by.name };
  const internal = buildReportDocument(report, {
    language: 'nl',
    version: 'internal',
    conclusions,
    adoption,
  });
  const publishable = {
    nl: buildReportDocument(report, { language: 'nl', version: 'publishable', adoption }),
    en: buildReportDocument(report, { language: 'en', version: 'publishable', adoption }),
  };
  const pdfOptions = { organisation: settings, createdAt: input.now };
  const { renderReportPdf } = await reportPdfRenderer();
  const [pdf, publishablePdf] = [
    await renderReportPdf(internal, pdfOptions),
    await renderReportPdf(publishable.nl, pdfOptions),
  ];
  return transaction(db, (trx) =>
    adoptAnnualAnalysis(trx, {
      year: input.year,
      conclusions,
      report,
      publishableFigures: publishable,
      pdf,
      publishablePdf,
      by: input.by,
      now: input.now,
    }),
  );
}
