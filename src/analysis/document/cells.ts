/** Small builders for cells, rows and count tables, shared by the sections of the report document. Pure. */

import type { Language } from '../../domain/complaint.ts';
import type { AnalysisMessages } from '../../i18n/staff/analysis.ts';
import type { Counts } from '../aggregates.ts';
import type { AnnualReport } from '../report.ts';
import { orderedKeys } from '../report.ts';
import type { Cell, ChartPlan, Column, Row, Table } from './types.ts';

export interface BuildContext {
  report: AnnualReport;
  t: AnalysisMessages;
  language: Language;
}

/** A count of 1 to 4: too small to publish. */
export const isSmall = (n: number | null | undefined): boolean => typeof n === 'number' && n >= 1 && n <= 4;

export const countCell = (n: number | undefined | null): Cell => ({ value: n ?? 0 });

/** A value derived from counts; hidden in the publishable version when one of them is small. */
export const derivedCell = (
  value: number | string | null,
  basis: readonly (number | null | undefined)[],
): Cell => (basis.some(isSmall) ? { value, smallBasis: true } : { value });

export const sumOf = (counts: Counts): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

export const yearKey = (year: number): string => `y${year}`;

/** A row's label for a code: the settings' label, the catalogue's, the code itself, or "not recorded". */
export function labelFor(
  code: string,
  labels: Record<string, string | { nl: string; en: string }> | undefined,
  ctx: BuildContext,
): string {
  if (code === '') return ctx.t.notRecorded;
  const label = labels?.[code];
  if (label === undefined) return code;
  return typeof label === 'string' ? label : label[ctx.language];
}

export interface YearColumn {
  year: number;
  counts: Counts;
}

/**
 * A table of counts per code for one or more years (the chosen year last), with a total row; the columns add
 * up to the total. `keys` are the codes always shown (in order); other codes that occur are added after them.
 */
export function countsTable(
  ctx: BuildContext,
  spec: {
    id: string;
    caption: string;
    labelHeading: string;
    keys: readonly string[];
    label: (code: string) => string;
    years: YearColumn[];
    chart?: Partial<Omit<ChartPlan, 'series'>> | false;
    onlyNonZero?: boolean;
  },
): Table {
  let keys = orderedKeys([...spec.keys, ...spec.years.flatMap((y) => Object.keys(y.counts))], spec.keys);
  if (spec.onlyNonZero) keys = keys.filter((k) => spec.years.some((y) => (y.counts[k] ?? 0) > 0));
  const columns: Column[] = spec.years.map((y) => ({
    key: yearKey(y.year),
    label: String(y.year),
    kind: 'count',
  }));
  const rows: Row[] = keys.map((code) => ({
    key: code === '' ? '_none' : code,
    label: spec.label(code),
    cells: Object.fromEntries(spec.years.map((y) => [yearKey(y.year), countCell(y.counts[code])])),
  }));
  rows.push({
    key: 'total',
    label: ctx.t.total,
    isTotal: true,
    cells: Object.fromEntries(spec.years.map((y) => [yearKey(y.year), countCell(sumOf(y.counts))])),
  });
  return {
    type: 'table',
    id: spec.id,
    caption: spec.caption,
    labelHeading: spec.labelHeading,
    columns,
    rows,
    sumsDown: columns.map((c) => c.key),
    ...(spec.chart === false
      ? {}
      : { chart: { kind: 'bars', series: columns.map((c) => c.key), ...spec.chart } }),
  };
}

/** The chosen year and, where there is one, the year before, as count columns. */
export function withPrevious(
  ctx: BuildContext,
  pick: (figures: AnnualReport['current']) => Counts,
): YearColumn[] {
  const { current, previous } = ctx.report;
  return [
    ...(previous ? [{ year: previous.figures.year, counts: pick(previous.figures) }] : []),
    { year: current.year, counts: pick(current) },
  ];
}
