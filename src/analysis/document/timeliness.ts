/** The timeliness section: the regulation's three terms, lead times in working days, extensions. Pure. */
import type { TermFigures } from '../figures.ts';
import { type BuildContext, countCell, derivedCell, isSmall } from './cells.ts';
import type { Block, Row, Section } from './types.ts';

const TERMS = ['acknowledge', 'resolve', 'report'] as const;

export function timelinessSection(ctx: BuildContext): Section {
  const { t, report } = ctx;
  const { current, previous } = report;
  const prev = previous?.figures;
  const termRows: Row[] = TERMS.map((term) => {
    const f: TermFigures = current.timeliness[term];
    const p = prev?.timeliness[term];
    return {
      key: term,
      label: t.terms[term],
      cells: {
        owed: countCell(f.onTime + f.late + f.overdue + f.open + f.notOwed),
        onTime: countCell(f.onTime),
        late: countCell(f.late),
        overdue: countCell(f.overdue),
        open: countCell(f.open),
        notOwed: countCell(f.notOwed),
        percent: derivedCell(f.percentOnTime, [f.onTime, f.decided, f.late + f.overdue]),
        ...(p
          ? { previousPercent: derivedCell(p.percentOnTime, [p.onTime, p.decided, p.late + p.overdue]) }
          : {}),
      },
    };
  });
  const leadRows: Row[] = TERMS.map((term) => {
    const lead = current.timeliness[term].leadTime;
    const p = prev?.timeliness[term].leadTime;
    return {
      key: term,
      label: t.terms[term],
      cells: {
        measured: countCell(lead.count),
        median: derivedCell(lead.median, [lead.count]),
        p90: derivedCell(lead.p90, [lead.count]),
        ...(p ? { previousMedian: derivedCell(p.median, [p.count]) } : {}),
      },
    };
  });
  const { extensions } = current.timeliness;
  const blocks: Block[] = [
    {
      type: 'table',
      id: 'terms',
      caption: t.tables.terms,
      labelHeading: t.columns.term,
      columns: [
        { key: 'onTime', label: t.columns.onTime, kind: 'count' },
        { key: 'late', label: t.columns.late, kind: 'count' },
        { key: 'overdue', label: t.columns.overdue, kind: 'count' },
        { key: 'open', label: t.columns.open, kind: 'count' },
        { key: 'notOwed', label: t.columns.notOwed, kind: 'count' },
        { key: 'owed', label: t.columns.owed, kind: 'count' },
        {
          key: 'percent',
          label: t.columns.percentOnTimeYear(current.year),
          kind: 'percent',
          dependsOn: ['onTime', 'late', 'overdue'],
        },
        ...(prev
          ? [
              {
                key: 'previousPercent',
                label: t.columns.percentOnTimeYear(prev.year),
                kind: 'percent' as const,
              },
            ]
          : []),
      ],
      rows: termRows,
      sumsAcross: [{ parts: ['onTime', 'late', 'overdue', 'open', 'notOwed'], total: 'owed' }],
      chart: { kind: 'stacked', series: ['onTime', 'late', 'overdue', 'open', 'notOwed'] },
    },
    {
      type: 'table',
      id: 'lead-times',
      caption: t.tables.leadTimes,
      labelHeading: t.columns.term,
      columns: [
        { key: 'measured', label: t.columns.measured, kind: 'count' },
        { key: 'median', label: t.columns.median, kind: 'decimal', dependsOn: ['measured'] },
        { key: 'p90', label: t.columns.p90, kind: 'decimal', dependsOn: ['measured'] },
        ...(prev
          ? [{ key: 'previousMedian', label: t.columns.medianYear(prev.year), kind: 'decimal' as const }]
          : []),
      ],
      rows: leadRows,
      chart: { kind: 'bars', series: ['median', 'p90'] },
    },
    {
      type: 'figures',
      id: 'extensions',
      items: [
        { key: 'extensions', label: t.figures.extensions, kind: 'count', cell: countCell(extensions.count) },
        {
          key: 'extension-days',
          label: t.figures.extensionDays,
          kind: 'count',
          cell: isSmall(extensions.count)
            ? { value: extensions.workingDays, smallBasis: true }
            : countCell(extensions.workingDays),
        },
      ],
    },
  ];
  return { id: 'timeliness', title: t.sections.timeliness, blocks };
}
