/**
 * The publishable export: the tables of the publishable report document in long form, one row per cell
 * (table, row, column, value, shown as). Hidden cells have no value and are shown as "< 5". Pure.
 */
import type { Language } from '../../domain/complaint.ts';
import { formatCell } from '../document/format.ts';
import type { ReportDocument } from '../document/types.ts';
import type { ExportValue } from './safe-cell.ts';

export const DOCUMENT_HEADERS: Record<Language, string[]> = {
  nl: ['Hoofdstuk', 'Tabel', 'Rij', 'Kolom', 'Waarde', 'Weergave'],
  en: ['Section', 'Table', 'Row', 'Column', 'Value', 'Shown as'],
};

export function documentRows(document: ReportDocument): ExportValue[][] {
  const rows: ExportValue[][] = [];
  const value = (v: number | string | null, suppressed: boolean | undefined): ExportValue =>
    suppressed ? null : typeof v === 'number' ? v : v === null ? null : String(v);
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.type === 'table') {
        for (const row of block.rows) {
          for (const column of block.columns) {
            const cell = row.cells[column.key];
            if (!cell) continue;
            rows.push([
              section.title,
              block.caption,
              row.label,
              column.label,
              value(cell.value, cell.suppressed),
              formatCell(cell, column.kind, document.language),
            ]);
          }
        }
      } else if (block.type === 'figures') {
        for (const item of block.items) {
          rows.push([
            section.title,
            section.title,
            item.label,
            String(document.year),
            value(item.cell.value, item.cell.suppressed),
            formatCell(item.cell, item.kind, document.language),
          ]);
          if (item.detail) {
            const d = item.detail;
            rows.push([
              section.title,
              section.title,
              item.label,
              d.label,
              value(d.cell.value, d.cell.suppressed),
              formatCell(d.cell, d.kind, document.language),
            ]);
          }
        }
      }
    }
  }
  return rows;
}
