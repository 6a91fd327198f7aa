/**
 * The publishable version's rules on constructed tables: counts of 1 to 4 shown as "< 5", a second cell hidden
 * where one hidden cell could be recovered from a total, parts of a whole, derived values and p-values hidden,
 * the conclusions left out.
 */
import { describe, expect, it } from 'vitest';
import { formatCell } from '../../src/analysis/document/format.ts';
import { publish, publishTable } from '../../src/analysis/document/publish.ts';
import type { Cell, Column, ReportDocument, Table } from '../../src/analysis/document/types.ts';

/** A table of one count column whose rows add up to the total row. */
function column(values: Record<string, number>): Table {
  const total = Object.values(values).reduce((a, b) => a + b, 0);
  return {
    type: 'table',
    id: 't',
    caption: 'T',
    labelHeading: 'Rij',
    columns: [{ key: 'y', label: '2025', kind: 'count' }],
    rows: [
      ...Object.entries(values).map(([key, value]) => ({ key, label: key, cells: { y: { value } } })),
      { key: 'total', label: 'Totaal', isTotal: true, cells: { y: { value: total } } },
    ],
    sumsDown: ['y'],
  };
}

/** What each row shows in column `key`, as the reader sees it. */
const shown = (table: Table, key = 'y') =>
  Object.fromEntries(
    table.rows.map((row) => {
      const col = table.columns.find((c) => c.key === key) as Column;
      return [row.key, row.cells[key] ? formatCell(row.cells[key] as Cell, col.kind, 'nl') : undefined];
    }),
  );

describe('a column that adds up to its total', () => {
  it('shows 1 to 4 as "< 5" and hides the smallest other count, so that the small one cannot be subtracted', () => {
    expect(shown(publishTable(column({ a: 3, b: 7, c: 12 })))).toEqual({
      a: '< 5',
      b: '(afgeschermd)',
      c: '12',
      total: '22',
    });
  });

  it('needs no second cell when two are small already', () => {
    expect(shown(publishTable(column({ a: 3, b: 2, c: 12 })))).toEqual({
      a: '< 5',
      b: '< 5',
      c: '12',
      total: '17',
    });
  });

  it('hides a small total with its parts; a zero stays', () => {
    expect(shown(publishTable(column({ a: 1, b: 2, c: 0 })))).toEqual({
      a: '< 5',
      b: '< 5',
      c: '0',
      total: '< 5',
    });
  });

  it('on a tie hides the first in row order, and never a zero when a count will do', () => {
    expect(shown(publishTable(column({ a: 3, b: 7, c: 7 })))).toEqual({
      a: '< 5',
      b: '(afgeschermd)',
      c: '7',
      total: '17',
    });
    expect(shown(publishTable(column({ a: 3, b: 0, c: 9 })))).toEqual({
      a: '< 5',
      b: '0',
      c: '(afgeschermd)',
      total: '12',
    });
  });

  it('hides the same cells wherever the same counts stand', () => {
    const one = publishTable(column({ web: 12, email: 5, letter: 3, phone: 6 }));
    const two = publishTable({ ...column({ web: 12, email: 5, letter: 3, phone: 6 }), id: 'other' });
    expect(shown(one)).toEqual({ web: '12', email: '(afgeschermd)', letter: '< 5', phone: '6', total: '26' });
    expect(shown(two)).toEqual(shown(one));
  });

  it('leaves a table without small counts as it is', () => {
    expect(shown(publishTable(column({ a: 5, b: 9 })))).toEqual({ a: '5', b: '9', total: '14' });
  });
});

describe('a row whose parts add up to a total column', () => {
  const terms: Table = {
    type: 'table',
    id: 'terms',
    caption: 'Termijnen',
    labelHeading: 'Termijn',
    columns: [
      { key: 'onTime', label: 'Op tijd', kind: 'count' },
      { key: 'late', label: 'Te laat', kind: 'count' },
      { key: 'overdue', label: 'Verlopen', kind: 'count' },
      { key: 'owed', label: 'Totaal', kind: 'count' },
      { key: 'percent', label: '% op tijd', kind: 'percent', dependsOn: ['onTime', 'late', 'overdue'] },
      { key: 'p', label: 'p', kind: 'pvalue', internalOnly: true },
    ],
    rows: [
      {
        key: 'acknowledge',
        label: 'Ontvangstbevestiging',
        cells: {
          onTime: { value: 18 },
          late: { value: 1 },
          overdue: { value: 5 },
          owed: { value: 24 },
          percent: { value: 75 },
          p: { value: 0.2 },
        },
      },
      {
        key: 'resolve',
        label: 'Afhandeling',
        cells: {
          onTime: { value: 20 },
          late: { value: 0 },
          overdue: { value: 0 },
          owed: { value: 20 },
          percent: { value: 100 },
          p: { value: 1 },
        },
      },
    ],
    sumsAcross: [{ parts: ['onTime', 'late', 'overdue'], total: 'owed' }],
  };
  const published = publishTable(terms);

  it('hides a second part and the percentage that would give them away', () => {
    expect(published.rows[0]!.cells).toEqual({
      onTime: { value: 18 },
      late: { value: 1, suppressed: true },
      overdue: { value: 5, suppressed: true, complement: true },
      owed: { value: 24 },
      percent: { value: 75, suppressed: true },
    });
    expect(shown(published, 'percent')).toEqual({ acknowledge: '(afgeschermd)', resolve: '100%' });
  });

  it('leaves out the p-values', () => {
    expect(published.columns.map((c) => c.key)).toEqual(['onTime', 'late', 'overdue', 'owed', 'percent']);
    expect(published.rows[1]!.cells.p).toBeUndefined();
  });
});

describe('parts of a whole and derived values', () => {
  const kinds: Table = {
    type: 'table',
    id: 'kinds',
    caption: 'Maatregelen',
    labelHeading: 'Maatregel',
    columns: [
      { key: 'offered', label: 'Aangeboden', kind: 'count' },
      { key: 'satisfied', label: 'Tevreden', kind: 'count' },
      { key: 'percent', label: '%', kind: 'percent', dependsOn: ['offered', 'satisfied'] },
    ],
    rows: [
      {
        key: 'correction',
        label: 'Correctie',
        cells: { offered: { value: 10 }, satisfied: { value: 7 }, percent: { value: 70 } },
      },
      {
        key: 'redress',
        label: 'Genoegdoening',
        cells: { offered: { value: 10 }, satisfied: { value: 4 }, percent: { value: 40 } },
      },
      {
        key: 'other',
        label: 'Anders',
        cells: { offered: { value: 20 }, satisfied: { value: 10 }, percent: { value: 50, smallBasis: true } },
      },
    ],
    nested: [{ part: 'satisfied', whole: 'offered' }],
  };
  const published = publishTable(kinds);

  it('hides a part whose difference with the whole is small (10 offered, 7 satisfied: 3 were not)', () => {
    expect(shown(published, 'satisfied')).toEqual({
      correction: '(afgeschermd)',
      redress: '< 5',
      other: '10',
    });
    expect(shown(published, 'percent')).toEqual({
      correction: '(afgeschermd)',
      redress: '(afgeschermd)',
      other: '(afgeschermd)',
    });
    expect(shown(published, 'offered')).toEqual({ correction: '10', redress: '10', other: '20' });
  });
});

describe('the publishable document', () => {
  const document: ReportDocument = {
    year: 2025,
    version: 'internal',
    language: 'en',
    title: 'Annual analysis of complaints 2025',
    subtitle: 'Loket3',
    notes: [],
    sections: [
      {
        id: 'summary',
        title: 'Summary',
        blocks: [
          {
            type: 'figures',
            id: 'summary',
            items: [
              {
                key: 'total',
                label: 'Complaints',
                kind: 'count',
                cell: { value: 24 },
                detail: { label: '2024', kind: 'count', cell: { value: 3 } },
              },
              { key: 'share', label: 'On time', kind: 'percent', cell: { value: 85.7, smallBasis: true } },
            ],
          },
        ],
      },
      {
        id: 'judgement',
        title: 'Judgement',
        blocks: [{ type: 'text', id: 'j', paragraphs: ['Conclusions: the reporter Anouk …'] }],
      },
    ],
  };
  const published = publish(document);

  it('leaves out the judgement (free text) and hides small figures', () => {
    expect(published.version).toBe('publishable');
    expect(published.sections.map((s) => s.id)).toEqual(['summary']);
    const [block] = published.sections[0]!.blocks;
    expect(block).toEqual({
      type: 'figures',
      id: 'summary',
      items: [
        {
          key: 'total',
          label: 'Complaints',
          kind: 'count',
          cell: { value: 24 },
          detail: { label: '2024', kind: 'count', cell: { value: 3, suppressed: true } },
        },
        {
          key: 'share',
          label: 'On time',
          kind: 'percent',
          cell: { value: 85.7, smallBasis: true, suppressed: true },
        },
      ],
    });
    expect(formatCell({ value: 3, suppressed: true }, 'count', 'en')).toBe('< 5');
    expect(formatCell({ value: 85.7, suppressed: true }, 'percent', 'en')).toBe('(hidden)');
  });
});
