/**
 * Gathers what the annual analysis of a year needs from the database and builds the report (the I/O edge of
 * src/analysis: everything it calls besides the repositories is pure). An adopted year is not recounted: its
 * frozen report is returned as adopted.
 */
import { loadOrganisation } from '../commands/context.ts';
import type { DbExecutor } from '../db/database.ts';
import { firstReceivedOn, gatherYear } from '../db/repositories/analysis.ts';
import { dailyByCategory, firstMeasuresDone, gatherVolumes } from '../db/repositories/analysis-trends.ts';
import { type FrozenReport, findFrozenReports } from '../db/repositories/annual-analyses.ts';
import { amsterdamDateOf } from '../domain/calendar.ts';
import { DomainError } from '../domain/errors.ts';
import type { RecurrenceInput, YearAggregates } from './aggregates.ts';
import { addDays } from './dates.ts';
import type { YearFigures } from './figures.ts';
import {
  type AnnualReport,
  buildAnnualReport,
  type EarlierYear,
  earlierYearsOf,
  type ReportInput,
} from './report.ts';

/** The first year the working-day calendar supports (src/domain/calendar.ts). */
export const FIRST_REPORT_YEAR = 2014;

/** Refuses a year the analysis cannot cover, naming the field. */
export function assertReportYear(year: number, now: Date): void {
  const thisYear = Number(amsterdamDateOf(now.toISOString()).slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > thisYear) {
    throw new DomainError(
      'invalid_input',
      {
        nl: `Kies een jaar van ${FIRST_REPORT_YEAR} tot en met ${thisYear}.`,
        en: `Choose a year from ${FIRST_REPORT_YEAR} to ${thisYear}.`,
      },
      { field: 'year' },
    );
  }
}

export interface LoadedReport {
  report: AnnualReport;
  /** Set when the year was adopted: the report is then the frozen one. */
  frozen: FrozenReport | null;
}

/** The report of `year` as of `now`: frozen when adopted, else counted now. */
export async function loadAnnualReport(db: DbExecutor, year: number, now: Date): Promise<LoadedReport> {
  assertReportYear(year, now);
  const frozenThis = (await findFrozenReports(db, [year])).get(year);
  if (frozenThis) return { report: frozenThis.report, frozen: frozenThis };
  return { report: await computeAnnualReport(db, year, now), frozen: null };
}

/** Counts the year now, comparing with the frozen figures of adopted earlier years. */
export async function computeAnnualReport(db: DbExecutor, year: number, now: Date): Promise<AnnualReport> {
  const asOf = amsterdamDateOf(now.toISOString());
  const [organisation, firstDataOn] = await Promise.all([loadOrganisation(db), firstReceivedOn(db)]);
  const options = { asOf };
  const earlierYears = earlierYearsOf(year, firstDataOn);
  const frozen = await findFrozenReports(db, earlierYears);
  const previousYear = earlierYears.includes(year - 1) ? year - 1 : null;
  const previousLive = previousYear !== null && !frozen.has(previousYear);
  const liveVolumeYears = earlierYears.filter((y) => !frozen.has(y) && y !== previousYear);

  const [current, previousAggregates, volumes] = await Promise.all([
    gatherYear(db, year, options),
    previousLive ? gatherYear(db, previousYear, options) : Promise.resolve(null),
    gatherVolumes(db, liveVolumeYears),
  ]);
  const recurrence = await gatherRecurrence(
    db,
    year,
    current,
    previousAggregates,
    frozen.get(year - 1)?.report.current ?? null,
  );

  const earlier: EarlierYear[] = earlierYears.map((y) => {
    const adopted = frozen.get(y);
    if (adopted) {
      const figures = adopted.report.current;
      return {
        year: y,
        source: 'adopted',
        exposureDays: figures.exposureDays,
        volume: {
          year: y,
          total: figures.volume.total,
          byCategory: figures.volume.byCategory,
          byChannel: figures.volume.byChannel,
        },
      };
    }
    if (y === previousYear && previousAggregates) {
      const a = previousAggregates;
      return {
        year: y,
        source: 'live',
        volume: { year: y, total: a.total, byCategory: a.byCategory, byChannel: a.byChannel },
      };
    }
    return { year: y, source: 'live', volume: volumes.find((v) => v.year === y)! };
  });

  let previous: ReportInput['previous'] = null;
  if (previousYear !== null) {
    const adopted = frozen.get(previousYear);
    previous = adopted
      ? { source: 'adopted', figures: adopted.report.current }
      : { source: 'live', aggregates: previousAggregates! };
  }
  return buildAnnualReport({
    year,
    asOf,
    generatedAt: now.toISOString(),
    settings: organisation.settings,
    calendar: organisation.calendar,
    firstDataOn,
    current,
    previous,
    earlier,
    recurrence,
  });
}

/**
 * What the recurrence needs: per category the first preventive measure done on a complaint of the year or the
 * year before, and the daily counts of those categories from a year before that day. The counted years give
 * their daily counts already; only the years they do not cover are read.
 */
async function gatherRecurrence(
  db: DbExecutor,
  year: number,
  current: YearAggregates,
  previous: YearAggregates | null,
  previousFrozen: YearFigures | null,
): Promise<RecurrenceInput> {
  const categories = [
    ...new Set([
      ...Object.keys(current.byCategory),
      ...Object.keys(previous?.byCategory ?? previousFrozen?.volume.byCategory ?? {}),
    ]),
  ].filter((category) => category !== '');
  const firstMeasureDone = await firstMeasuresDone(db, [year - 1, year], categories, `${year}-12-31`);
  if (firstMeasureDone.length === 0) return { firstMeasureDone, daily: [] };
  const measured = new Set(firstMeasureDone.map((f) => f.category));
  const earliest = firstMeasureDone.map((f) => f.on).sort()[0]!;
  const fromYear = Number(addDays(earliest, -366).slice(0, 4));
  const counted = [current, previous].filter((a): a is YearAggregates => a !== null);
  const toRead = Array.from({ length: year - fromYear + 1 }, (_, i) => fromYear + i).filter(
    (y) => !counted.some((a) => a.year === y),
  );
  const daily = [
    ...counted.flatMap((a) => a.dailyByCategory.filter((d) => measured.has(d.category))),
    ...(await dailyByCategory(db, toRead, [...measured])),
  ];
  return { firstMeasureDone, daily };
}
