/**
 * The annual analysis of one year, compared with the years before it. Pure: the repository gathers the counts
 * (src/db/repositories/analysis.ts), the frozen figures of adopted years come from annual_analyses, and this
 * module puts them together with the trends and the recurrence after preventive measures.
 *
 * An earlier year that was adopted is compared by its frozen figures, never recounted: what the organisation
 * judged then is what it compares against now (step 8: "Loket3 beoordeelt").
 */

import type { IsoDate, WorkingDayCalendar } from '../domain/calendar.ts';
import type { LocalisedText, OrganisationSettings } from '../domain/settings.ts';
import type { Counts, RecurrenceInput, YearAggregates, YearVolume } from './aggregates.ts';
import { addDays, daysBetween, exposureDays } from './dates.ts';
import { type YearFigures, yearFigures } from './figures.ts';
import { holm, type Rate, ratePValue, round, type Verdict, verdictOf } from './statistics.ts';

/** How many years before the chosen one the trends show (when the data goes back that far). */
export const TREND_YEARS = 4;

export type FiguresSource = 'adopted' | 'live';

export interface ComparedYear {
  source: FiguresSource;
  figures: YearFigures;
}

export interface TrendComparison {
  baselineYears: number[];
  current: Rate;
  baseline: Rate;
  /** Change of the rate per day against the baseline, in percent (one decimal); null when the baseline is 0. */
  changePercent: number | null;
  pValue: number | null;
  /** After Holm's adjustment over the rows of the same table. */
  adjustedP: number | null;
  verdict: Verdict;
}

export interface TrendRow {
  /** A category or channel code ('' = not recorded); 'total' in the total row. */
  key: string;
  /** Year → count. */
  counts: Record<string, number>;
  vsPrevious: TrendComparison | null;
  vsEarlier: TrendComparison | null;
}

export interface Trends {
  years: { year: number; exposureDays: number; source: FiguresSource }[];
  total: TrendRow;
  byCategory: TrendRow[];
  byChannel: TrendRow[];
}

export interface RecurrenceRow {
  category: string;
  /** The day the first preventive measure in this category was done. */
  measureDoneOn: IsoDate;
  /** Complaints in the category in the year before that day, and since (up to a year, the report date, or the year's end). */
  before: Rate;
  after: Rate;
  /** The category came back: complaints arrived after the measure was done. */
  recurred: boolean;
  pValue: number | null;
  /** After Holm's adjustment over the categories. */
  adjustedP: number | null;
  verdict: Verdict;
}

/** The settings' names at the time of the report, so a frozen report keeps the names it was adopted with. */
export interface ReportLabels {
  organisation: string;
  categories: Record<string, LocalisedText>;
  teams: Record<string, LocalisedText>;
  grounds: Record<string, LocalisedText>;
  routes: Record<string, LocalisedText>;
  /** Codes in the order the settings list them (tables follow it). */
  order: { categories: string[]; teams: string[]; grounds: string[]; routes: string[] };
}

export interface AnnualReport {
  year: number;
  /** The Amsterdam date the figures describe: terms not met by then count as overdue or open. */
  asOf: IsoDate;
  generatedAt: string;
  /** The first day of data in the database (receipt of the first complaint). */
  firstDataOn: IsoDate | null;
  labels: ReportLabels;
  current: YearFigures;
  previous: ComparedYear | null;
  trends: Trends;
  recurrence: RecurrenceRow[];
}

export interface EarlierYear {
  year: number;
  source: FiguresSource;
  /** For an adopted year its frozen exposure; for a live one computed here. */
  exposureDays?: number;
  volume: YearVolume;
}

export interface ReportInput {
  year: number;
  asOf: IsoDate;
  generatedAt: string;
  settings: OrganisationSettings;
  calendar: WorkingDayCalendar;
  firstDataOn: IsoDate | null;
  current: YearAggregates;
  /** The year before: frozen figures when adopted, else its counts. */
  previous:
    | { source: 'adopted'; figures: YearFigures }
    | { source: 'live'; aggregates: YearAggregates }
    | null;
  /** The volumes of the years before (up to TREND_YEARS), oldest first. */
  earlier: EarlierYear[];
  recurrence: RecurrenceInput;
}

export function labelsOf(settings: OrganisationSettings): ReportLabels {
  const map = (items: { code: string; label: LocalisedText }[]) =>
    Object.fromEntries(items.map((item) => [item.code, item.label]));
  return {
    organisation: settings.name,
    categories: map(settings.categories),
    teams: map(settings.teams),
    grounds: map(settings.nonAdmissionGrounds),
    routes: map(settings.appealRoutes),
    order: {
      categories: settings.categories.map((c) => c.code),
      teams: settings.teams.map((c) => c.code),
      grounds: settings.nonAdmissionGrounds.map((c) => c.code),
      routes: settings.appealRoutes.map((c) => c.code),
    },
  };
}

/** The years the trends compare the chosen year with: up to TREND_YEARS before it, not before the data starts. */
export function earlierYearsOf(year: number, firstDataOn: IsoDate | null): number[] {
  if (!firstDataOn) return [];
  const first = Math.max(Number(firstDataOn.slice(0, 4)), year - TREND_YEARS);
  return Array.from({ length: Math.max(0, year - first) }, (_, i) => first + i);
}

export function buildAnnualReport(input: ReportInput): AnnualReport {
  const { year, asOf, calendar, firstDataOn } = input;
  const current = yearFigures(input.current, calendar, exposureDays(year, firstDataOn, asOf));
  let previous: ComparedYear | null = null;
  if (input.previous?.source === 'adopted') previous = { source: 'adopted', figures: input.previous.figures };
  if (input.previous?.source === 'live') {
    const days = exposureDays(year - 1, firstDataOn, asOf);
    previous = { source: 'live', figures: yearFigures(input.previous.aggregates, calendar, days) };
  }
  const labels = labelsOf(input.settings);
  return {
    year,
    asOf,
    generatedAt: input.generatedAt,
    firstDataOn,
    labels,
    current,
    previous,
    trends: buildTrends(current, input.earlier, firstDataOn, asOf, labels),
    recurrence: buildRecurrence(input.recurrence, year, asOf, firstDataOn),
  };
}

/** Codes in the settings' order, then any others (e.g. a category since removed) alphabetically, '' last. */
export function orderedKeys(keys: Iterable<string>, order: readonly string[]): string[] {
  const all = new Set(keys);
  const known = order.filter((code) => code !== '' && all.has(code));
  const rest = [...all].filter((code) => !order.includes(code) && code !== '').sort();
  return [...known, ...rest, ...(all.has('') ? [''] : [])];
}

function compare(
  current: Rate,
  baseline: Rate,
  baselineYears: number[],
): Omit<TrendComparison, 'adjustedP' | 'verdict'> {
  const baseRate = baseline.days > 0 ? baseline.count / baseline.days : 0;
  const currentRate = current.days > 0 ? current.count / current.days : 0;
  return {
    baselineYears,
    current,
    baseline,
    changePercent: baseRate > 0 ? round((currentRate / baseRate - 1) * 100, 1) : null,
    pValue: ratePValue(current, baseline),
  };
}

/** Adds Holm-adjusted p-values and verdicts to one table's comparisons. */
function judge(
  comparisons: (Omit<TrendComparison, 'adjustedP' | 'verdict'> | null)[],
): (TrendComparison | null)[] {
  const adjusted = holm(comparisons.map((c) => c?.pValue ?? null));
  return comparisons.map((c, i) =>
    c
      ? {
          ...c,
          adjustedP: adjusted[i] ?? null,
          verdict: verdictOf(c.current, c.baseline, adjusted[i] ?? null),
        }
      : null,
  );
}

function buildTrends(
  current: YearFigures,
  earlier: EarlierYear[],
  firstDataOn: IsoDate | null,
  asOf: IsoDate,
  labels: ReportLabels,
): Trends {
  const years = [
    ...earlier.map((e) => ({
      year: e.year,
      exposureDays: e.exposureDays ?? exposureDays(e.year, firstDataOn, asOf),
      source: e.source,
    })),
    { year: current.year, exposureDays: current.exposureDays, source: 'live' as const },
  ];
  const volumes: YearVolume[] = [
    ...earlier.map((e) => e.volume),
    {
      year: current.year,
      total: current.volume.total,
      byCategory: current.volume.byCategory,
      byChannel: current.volume.byChannel,
    },
  ];
  const exposureOf = new Map(years.map((y) => [y.year, y.exposureDays]));
  const previousYear = current.year - 1;
  const earlierYears = earlier.map((e) => e.year).filter((y) => (exposureOf.get(y) ?? 0) > 0);

  const rowsFor = (pick: (v: YearVolume) => Counts, order: readonly string[]): TrendRow[] => {
    const keys = orderedKeys(
      volumes.flatMap((v) => Object.keys(pick(v))),
      order,
    );
    const base = keys.map((key) => {
      const counts = Object.fromEntries(volumes.map((v) => [String(v.year), pick(v)[key] ?? 0]));
      return { key, counts };
    });
    const cur = (counts: Record<string, number>): Rate => ({
      count: counts[String(current.year)] ?? 0,
      days: current.exposureDays,
    });
    const vsPrevious = judge(
      base.map(({ counts }) =>
        exposureOf.has(previousYear)
          ? compare(
              cur(counts),
              { count: counts[String(previousYear)] ?? 0, days: exposureOf.get(previousYear)! },
              [previousYear],
            )
          : null,
      ),
    );
    // Against the earlier years together: only with two or more, else it is the same as vsPrevious.
    const vsEarlier = judge(
      base.map(({ counts }) =>
        earlierYears.length >= 2
          ? compare(
              cur(counts),
              {
                count: earlierYears.reduce((sum, y) => sum + (counts[String(y)] ?? 0), 0),
                days: earlierYears.reduce((sum, y) => sum + (exposureOf.get(y) ?? 0), 0),
              },
              earlierYears,
            )
          : null,
      ),
    );
    return base.map((row, i) => ({
      ...row,
      vsPrevious: vsPrevious[i] ?? null,
      vsEarlier: vsEarlier[i] ?? null,
    }));
  };

  const [total] = rowsFor((v) => ({ total: v.total }), ['total']);
  return {
    years,
    total: total!,
    byCategory: rowsFor((v) => v.byCategory, labels.order.categories),
    byChannel: rowsFor((v) => v.byChannel, ['web', 'email', 'letter', 'phone', 'in_person']),
  };
}

function buildRecurrence(
  input: RecurrenceInput,
  year: number,
  asOf: IsoDate,
  firstDataOn: IsoDate | null,
): RecurrenceRow[] {
  const yearEnd = `${year}-12-31`;
  const rows = input.firstMeasureDone.map(({ category, on }) => {
    const beforeStart = firstDataOn && firstDataOn > addDays(on, -365) ? firstDataOn : addDays(on, -365);
    const afterEnd = [addDays(on, 365), asOf, yearEnd].sort()[0]!;
    const daily = input.daily.filter((d) => d.category === category);
    const count = (from: IsoDate, to: IsoDate) =>
      daily.filter((d) => d.on >= from && d.on <= to).reduce((sum, d) => sum + d.count, 0);
    const before: Rate = {
      count: count(beforeStart, addDays(on, -1)),
      days: Math.max(0, daysBetween(beforeStart, on)),
    };
    const after: Rate = {
      count: count(addDays(on, 1), afterEnd),
      days: Math.max(0, daysBetween(on, afterEnd)),
    };
    const pValue = ratePValue(after, before);
    return { category, measureDoneOn: on, before, after, recurred: after.count > 0, pValue };
  });
  const adjusted = holm(rows.map((r) => r.pValue));
  return rows.map((row, i) => ({
    ...row,
    adjustedP: adjusted[i] ?? null,
    verdict: verdictOf(row.after, row.before, adjusted[i] ?? null),
  }));
}
