/**
 * The quality manager's judgement of a year (step 8) and, once adopted, the frozen report: figures as JSON and
 * the PDFs. One row per year; adoption is set once and never undone.
 */
import type { Selectable } from 'kysely';
import { type Conclusions, emptyConclusions } from '../../analysis/judgement.ts';
import type { AnnualReport } from '../../analysis/report.ts';
import { DomainError } from '../../domain/errors.ts';
import { type DbExecutor, isUniqueViolation } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';
import type { AnnualAnalysesTable } from '../tables.ts';

export interface AnnualAnalysis {
  year: number;
  conclusions: Conclusions;
  updatedBy: string | null;
  updatedAt: string | null;
  version: number;
  adoption: { at: string; by: string | null; byName: string } | null;
}

export interface FrozenReport {
  year: number;
  adoptedAt: string;
  adoptedByName: string;
  report: AnnualReport;
  conclusions: Conclusions;
}

const adoptedOnce = () =>
  new DomainError('guard_failed', {
    nl: 'De analyse van dit jaar is al vastgesteld; cijfers en conclusies veranderen niet meer.',
    en: "This year's analysis has been adopted already; its figures and conclusions no longer change.",
  });

const conflict = () =>
  new DomainError('version_conflict', {
    nl: 'Iemand anders heeft de conclusies intussen gewijzigd. Laad de pagina opnieuw.',
    en: 'Someone else changed the conclusions meanwhile. Reload the page.',
  });

/** The year's judgement; an empty draft (version 0) when nothing was recorded yet. */
export async function findAnnualAnalysis(db: DbExecutor, year: number): Promise<AnnualAnalysis> {
  const row = await db
    .selectFrom('annual_analyses')
    .select([
      'year',
      'conclusions',
      'updated_by',
      'updated_at',
      'version',
      'adopted_at',
      'adopted_by',
      'adopted_by_name',
    ])
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row)
    return {
      year,
      conclusions: emptyConclusions(),
      updatedBy: null,
      updatedAt: null,
      version: 0,
      adoption: null,
    };
  return toAnalysis(row);
}

function toAnalysis(
  row: Pick<
    Selectable<AnnualAnalysesTable>,
    | 'year'
    | 'conclusions'
    | 'updated_by'
    | 'updated_at'
    | 'version'
    | 'adopted_at'
    | 'adopted_by'
    | 'adopted_by_name'
  >,
): AnnualAnalysis {
  return {
    year: Number(row.year),
    conclusions: parseJson<Conclusions>(row.conclusions),
    updatedBy: row.updated_by,
    updatedAt: toTimestamp(row.updated_at),
    version: Number(row.version),
    adoption: row.adopted_at
      ? { at: toTimestamp(row.adopted_at), by: row.adopted_by, byName: row.adopted_by_name ?? '' }
      : null,
  };
}

/**
 * Saves the draft conclusions. With `expectedVersion` the save is refused (version_conflict) when someone
 * saved in between; an adopted year is refused always.
 */
export async function saveConclusions(
  db: DbExecutor,
  input: { year: number; conclusions: Conclusions; by: string; now: Date; expectedVersion?: number },
): Promise<AnnualAnalysis> {
  const current = await findAnnualAnalysis(db, input.year);
  if (current.adoption) throw adoptedOnce();
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw conflict();
  const values = {
    conclusions: toJson(input.conclusions),
    updated_by: input.by,
    updated_at: toTimestamp(input.now),
    version: current.version + 1,
  };
  if (current.version === 0) {
    try {
      await db
        .insertInto('annual_analyses')
        .values({ year: input.year, ...values })
        .execute();
    } catch (error) {
      // Two first saves at once (PostgreSQL): the second finds the year's row taken.
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  } else {
    const result = await db
      .updateTable('annual_analyses')
      .set(values)
      .where('year', '=', input.year)
      .where('version', '=', current.version)
      .where('adopted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw (await findAnnualAnalysis(db, input.year)).adoption ? adoptedOnce() : conflict();
    }
  }
  return findAnnualAnalysis(db, input.year);
}

/** Freezes the year: its conclusions, the report's figures (both versions) and its PDFs, with date and author. */
export async function adoptAnnualAnalysis(
  db: DbExecutor,
  input: {
    year: number;
    conclusions: Conclusions;
    report: AnnualReport;
    publishableFigures: unknown;
    pdf: Buffer;
    publishablePdf: Buffer;
    by: { id: string; name: string };
    now: Date;
  },
): Promise<AnnualAnalysis> {
  const saved = await saveConclusions(db, {
    year: input.year,
    conclusions: input.conclusions,
    by: input.by.id,
    now: input.now,
  });
  const result = await db
    .updateTable('annual_analyses')
    .set({
      adopted_at: toTimestamp(input.now),
      adopted_by: input.by.id,
      adopted_by_name: input.by.name,
      figures: toJson(input.report),
      publishable_figures: toJson(input.publishableFigures),
      pdf: input.pdf,
      publishable_pdf: input.publishablePdf,
    })
    .where('year', '=', input.year)
    .where('version', '=', saved.version)
    .where('adopted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw adoptedOnce();
  return findAnnualAnalysis(db, input.year);
}

/** The frozen reports of the given years that were adopted (others are left out). */
export async function findFrozenReports(
  db: DbExecutor,
  years: readonly number[],
): Promise<Map<number, FrozenReport>> {
  if (years.length === 0) return new Map();
  const rows = await db
    .selectFrom('annual_analyses')
    .select(['year', 'adopted_at', 'adopted_by_name', 'figures', 'conclusions'])
    .where('year', 'in', [...years])
    .where('adopted_at', 'is not', null)
    .execute();
  return new Map(
    rows.map((row) => [
      Number(row.year),
      {
        year: Number(row.year),
        adoptedAt: toTimestamp(row.adopted_at!),
        adoptedByName: row.adopted_by_name ?? '',
        report: parseJson<AnnualReport>(row.figures),
        conclusions: parseJson<Conclusions>(row.conclusions),
      },
    ]),
  );
}

/** The PDF frozen at adoption, internal or publishable; null when the year was not adopted. */
export async function findFrozenPdf(
  db: DbExecutor,
  year: number,
  publishable: boolean,
): Promise<Buffer | null> {
  const row = await db
    .selectFrom('annual_analyses')
    .select(publishable ? 'publishable_pdf as pdf' : 'pdf as pdf')
    .where('year', '=', year)
    .where('adopted_at', 'is not', null)
    .executeTakeFirst();
  return row?.pdf ? Buffer.from(row.pdf) : null;
}

/** The frozen publishable figures of an adopted year, as stored. */
export async function findFrozenPublishableFigures(db: DbExecutor, year: number): Promise<unknown | null> {
  const row = await db
    .selectFrom('annual_analyses')
    .select('publishable_figures')
    .where('year', '=', year)
    .where('adopted_at', 'is not', null)
    .executeTakeFirst();
  return row?.publishable_figures ? parseJson<unknown>(row.publishable_figures) : null;
}

/** Every year with a judgement recorded, newest first, with whether and when it was adopted. */
export async function listAnnualAnalyses(db: DbExecutor): Promise<AnnualAnalysis[]> {
  const rows = await db
    .selectFrom('annual_analyses')
    .select([
      'year',
      'conclusions',
      'updated_by',
      'updated_at',
      'version',
      'adopted_at',
      'adopted_by',
      'adopted_by_name',
    ])
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toAnalysis);
}
