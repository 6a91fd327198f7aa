/** The trends section: per category and per channel, the years side by side and the verdicts in words. Pure. */
import type { TrendComparison, TrendRow } from '../report.ts';
import { type BuildContext, countCell, derivedCell, labelFor, yearKey } from './cells.ts';
import type { Cell, Column, Row, Section, Table } from './types.ts';

function comparisonCells(prefix: string, comparison: TrendComparison | null): Record<string, Cell> {
  if (!comparison) return {};
  // A percentage change between small counts gives them away; the verdict does not.
  const basis = [comparison.current.count, comparison.baseline.count];
  return {
    [`${prefix}Change`]: derivedCell(comparison.changePercent, basis),
    [`${prefix}Verdict`]: { value: comparison.verdict },
    [`${prefix}P`]: { value: comparison.adjustedP },
  };
}

function trendTable(
  ctx: BuildContext,
  id: string,
  caption: string,
  labelHeading: string,
  rows: TrendRow[],
  label: (key: string) => string,
): Table {
  const { t, report } = ctx;
  const { years } = report.trends;
  const total = report.trends.total;
  const previousYear = report.year - 1;
  const hasPrevious = total.vsPrevious !== null;
  const earlier = total.vsEarlier?.baselineYears ?? [];
  // A year the data covers in part says so: the first one (from the first complaint) or this one (up to today).
  const yearLabel = (year: number): string => {
    const short = (date: string) =>
      `${Number(date.slice(8, 10))} ${t.monthsShort[Number(date.slice(5, 7)) - 1]}`;
    if (
      report.firstDataOn &&
      report.firstDataOn > `${year}-01-01` &&
      report.firstDataOn.startsWith(`${year}`)
    ) {
      return t.columns.yearFrom(year, short(report.firstDataOn));
    }
    if (report.asOf < `${year}-12-31`) return t.columns.yearUntil(year, short(report.asOf));
    return String(year);
  };
  const columns: Column[] = [
    ...years.map((y): Column => ({ key: yearKey(y.year), label: yearLabel(y.year), kind: 'count' })),
    ...(hasPrevious
      ? ([
          {
            key: 'previousChange',
            label: t.columns.change(previousYear),
            kind: 'percent',
            dependsOn: [yearKey(previousYear), yearKey(report.year)],
          },
          { key: 'previousVerdict', label: t.columns.verdictVs(previousYear), kind: 'verdict' },
          { key: 'previousP', label: t.columns.pValue, kind: 'pvalue', internalOnly: true },
        ] satisfies Column[])
      : []),
    ...(earlier.length >= 2
      ? ([
          {
            key: 'earlierChange',
            label: t.columns.changeEarlier(earlier[0]!, earlier.at(-1)!),
            kind: 'percent',
          },
          {
            key: 'earlierVerdict',
            label: t.columns.verdictEarlier(earlier[0]!, earlier.at(-1)!),
            kind: 'verdict',
          },
          { key: 'earlierP', label: t.columns.pValue, kind: 'pvalue', internalOnly: true },
        ] satisfies Column[])
      : []),
  ];
  const toRow = (row: TrendRow, isTotal: boolean): Row => ({
    key: isTotal ? 'total' : row.key === '' ? '_none' : row.key,
    label: isTotal ? t.total : label(row.key),
    ...(isTotal ? { isTotal: true } : {}),
    cells: {
      ...Object.fromEntries(years.map((y) => [yearKey(y.year), countCell(row.counts[String(y.year)])])),
      ...comparisonCells('previous', row.vsPrevious),
      ...comparisonCells('earlier', row.vsEarlier),
    },
  });
  return {
    type: 'table',
    id,
    caption,
    labelHeading,
    columns,
    rows: [...rows.map((r) => toRow(r, false)), toRow(total, true)],
    sumsDown: years.map((y) => yearKey(y.year)),
    chart: { kind: 'bars', series: years.map((y) => yearKey(y.year)) },
  };
}

export function trendsSection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  return {
    id: 'trends',
    title: t.sections.trends,
    blocks: [
      trendTable(
        ctx,
        'trend-category',
        t.tables.trendCategory,
        t.columns.category,
        report.trends.byCategory,
        (k) => labelFor(k, report.labels.categories, ctx),
      ),
      trendTable(
        ctx,
        'trend-channel',
        t.tables.trendChannel,
        t.columns.channel,
        report.trends.byChannel,
        (k) => labelFor(k, t.channels, ctx),
      ),
    ],
  };
}
