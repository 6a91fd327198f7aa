/**
 * The publishable version of a report document: no free text (the conclusions are left out), no p-values, and
 * no small counts. Pure.
 *
 * Small counts (1 to 4) are shown as "< 5" (primary suppression). Where a table gives a total, one hidden cell
 * could be recovered by subtraction, so while a group that adds up (a column down to its total row, or the
 * parts of a row across to its total) has exactly one hidden cell, the smallest other non-zero cell of that
 * group is hidden too (complementary suppression), repeated until no group has a single hidden cell. The choice
 * depends on the values and the row order only, so two tables holding the same counts hide the same cells and
 * cannot be played off against each other. Values derived from hidden counts (percentages, medians, rates) are
 * hidden with them, and so is a count nested in another (satisfied of offered) when their difference is small.
 */
import { isSmall } from './cells.ts';
import type { Block, Cell, FigureItem, ReportDocument, Row, Table } from './types.ts';

export function publish(document: ReportDocument): ReportDocument {
  return {
    ...document,
    version: 'publishable',
    sections: document.sections
      .filter((section) => section.id !== 'judgement')
      .map((section) => ({ ...section, blocks: section.blocks.map(publishBlock) })),
  };
}

function publishBlock(block: Block): Block {
  switch (block.type) {
    case 'table':
      return publishTable(block);
    case 'figures':
      return { ...block, items: block.items.map(publishFigure) };
    case 'text':
      return block;
  }
}

const hideIfSmall = (cell: Cell, isCount: boolean): Cell =>
  (isCount && typeof cell.value === 'number' && isSmall(cell.value)) || cell.smallBasis
    ? { ...cell, suppressed: true }
    : cell;

function publishFigure(item: FigureItem): FigureItem {
  return {
    ...item,
    cell: hideIfSmall(item.cell, item.kind === 'count'),
    ...(item.detail
      ? { detail: { ...item.detail, cell: hideIfSmall(item.detail.cell, item.detail.kind === 'count') } }
      : {}),
  };
}

type CellRef = { row: Row; column: string };

export function publishTable(table: Table): Table {
  const rows: Row[] = table.rows.map((row) => ({
    ...row,
    cells: Object.fromEntries(Object.entries(row.cells).map(([key, cell]) => [key, { ...cell }])),
  }));
  const countColumns = new Set(table.columns.filter((c) => c.kind === 'count').map((c) => c.key));
  for (const row of rows) {
    for (const column of countColumns) {
      const cell = row.cells[column];
      if (cell) row.cells[column] = hideIfSmall(cell, true);
    }
  }

  // A part whose whole is shown gives away the difference: hide the part when that difference is small.
  for (const { part, whole } of table.nested ?? []) {
    for (const row of rows) {
      const [p, w] = [row.cells[part], row.cells[whole]];
      if (p && w && !p.suppressed && !w.suppressed && isSmall(Number(w.value) - Number(p.value))) {
        row.cells[part] = { ...p, suppressed: true, complement: true };
      }
    }
  }

  const groups: { parts: CellRef[]; total: CellRef | null }[] = [];
  const totalRow = rows.find((r) => r.key === 'total');
  for (const column of table.sumsDown ?? []) {
    groups.push({
      parts: rows.filter((r) => r !== totalRow).map((row) => ({ row, column })),
      total: totalRow ? { row: totalRow, column } : null,
    });
  }
  for (const across of table.sumsAcross ?? []) {
    for (const row of rows) {
      groups.push({
        parts: across.parts.map((column) => ({ row, column })),
        total: { row, column: across.total },
      });
    }
  }
  const get = (ref: CellRef) => ref.row.cells[ref.column];
  const hidden = (ref: CellRef) => get(ref)?.suppressed === true;
  const hide = (ref: CellRef) => {
    const cell = get(ref);
    if (cell)
      ref.row.cells[ref.column] = { ...cell, suppressed: true, complement: !isSmall(Number(cell.value)) };
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const present = group.parts.filter((ref) => get(ref) !== undefined);
      if (present.filter(hidden).length !== 1 || !group.total || hidden(group.total)) continue;
      const candidates = present.filter((ref) => !hidden(ref));
      const value = (ref: CellRef) => Number(get(ref)?.value ?? 0);
      const nonZero = candidates.filter((ref) => value(ref) > 0);
      const pool = nonZero.length > 0 ? nonZero : candidates;
      // The smallest; on a tie the first in row or column order, so the choice is the same wherever these counts stand.
      const pick = pool.reduce<CellRef | null>(
        (best, ref) => (best === null || value(ref) < value(best) ? ref : best),
        null,
      );
      hide(pick ?? group.total);
      changed = true;
    }
  }

  for (const row of rows) {
    for (const column of table.columns) {
      const cell = row.cells[column.key];
      if (!cell || cell.suppressed) continue;
      const fromHidden = (column.dependsOn ?? []).some((key) => row.cells[key]?.suppressed);
      if (fromHidden || cell.smallBasis) row.cells[column.key] = { ...cell, suppressed: true };
    }
  }
  const columns = table.columns.filter((c) => !c.internalOnly);
  const keep = new Set(columns.map((c) => c.key));
  return {
    ...table,
    columns,
    rows: rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(Object.entries(row.cells).filter(([key]) => keep.has(key))),
    })),
  };
}
