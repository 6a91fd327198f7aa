/**
 * The report as a document: sections of key figures, tables and text, in one language and one version. The
 * page, the PDF, the charts and the publishable exports all render this one structure, so every chart has its
 * table (a chart is drawn from a table) and the publishable version is one transformation (publish.ts).
 */
import type { Language } from '../../domain/complaint.ts';

export type ReportVersion = 'internal' | 'publishable';
export const REPORT_VERSIONS: readonly ReportVersion[] = ['internal', 'publishable'];

/** How a cell's value is shown: a count, a percentage, a number of days, a verdict code, … */
export type CellKind = 'count' | 'percent' | 'decimal' | 'rate' | 'pvalue' | 'verdict' | 'date' | 'text';

export interface Cell {
  value: number | string | null;
  /** Hidden in the publishable version: a small count shows as "< 5", anything else hidden as "(afgeschermd)". */
  suppressed?: boolean;
  /** Hidden although not small itself: it would give a small count away (by subtraction, or as a part). */
  complement?: boolean;
  /** A derived value (percentage, median, rate) that rests on a count of 1 to 4: hidden when publishing. */
  smallBasis?: boolean;
}

export interface Column {
  key: string;
  label: string;
  kind: CellKind;
  /** Count columns of the same row this value is derived from: hidden when one of them is. */
  dependsOn?: string[];
  /** Left out of the publishable version (p-values, which could give small counts away). */
  internalOnly?: boolean;
}

export interface Row {
  key: string;
  label: string;
  cells: Record<string, Cell>;
  isTotal?: boolean;
}

/** How a table is drawn: the series are columns, the categories are the rows (without the total row). */
export interface ChartPlan {
  kind: 'bars' | 'stacked';
  series: string[];
  /** Bars along the x axis (months, years) instead of horizontal bars with labels on the y axis. */
  vertical?: boolean;
}

export interface Table {
  type: 'table';
  id: string;
  caption: string;
  /** Heading of the first column, which holds each row's label. */
  labelHeading: string;
  columns: Column[];
  rows: Row[];
  /** Columns whose cells add up down the rows to the total row (key 'total'). */
  sumsDown?: string[];
  /** Within each row: parts that add up to a total column. */
  sumsAcross?: { parts: string[]; total: string }[];
  /** Within each row: a count that is part of another (satisfied of offered); their difference is a count too. */
  nested?: { part: string; whole: string }[];
  chart?: ChartPlan;
  note?: string;
}

export interface FigureItem {
  key: string;
  label: string;
  kind: CellKind;
  cell: Cell;
  /** A second, smaller line: the previous year's value, or what a percentage is of. */
  detail?: { label: string; kind: CellKind; cell: Cell };
}

export interface Figures {
  type: 'figures';
  id: string;
  items: FigureItem[];
}

export interface Text {
  type: 'text';
  id: string;
  heading?: string;
  paragraphs: string[];
}

export type Block = Table | Figures | Text;

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  year: number;
  version: ReportVersion;
  language: Language;
  title: string;
  subtitle: string;
  /** Lines under the title: the version, adopted or draft, what the comparison year is. */
  notes: string[];
  sections: Section[];
}
