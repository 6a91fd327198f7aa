/**
 * Writes the exports to a stream: the internal one (one row per complaint) and the publishable one (the
 * tables of the publishable report), each as CSV (UTF-8 with BOM, RFC 4180) or XLSX (exceljs, streamed).
 * Every text cell passes safeText: nothing a complaint says can become a formula.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Complaint, Language } from '../../domain/complaint.ts';
import { analysisMessages } from '../../i18n/staff/analysis.ts';
import { formatCell } from '../document/format.ts';
import type { ReportDocument } from '../document/types.ts';
import { COMPLAINT_COLUMNS, complaintHeaders, complaintRow, type RowContext } from './complaint-columns.ts';
import { DOCUMENT_HEADERS, documentRows } from './document-rows.ts';
import { CSV_BOM, csvLine, type ExportValue, safeText } from './safe-cell.ts';

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export const CONTENT_TYPES: Record<ExportFormat | 'pdf', string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** exceljs (about 10 MB) is loaded by the first spreadsheet export, not when the server starts. */
async function excel() {
  return (await import('exceljs')).default;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function end(out: Writable): Promise<void> {
  out.end();
  if (!out.writableFinished) await once(out, 'finish');
}

const isoToDate = (value: ExportValue): Date | ExportValue =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;

const cellValue = (value: ExportValue): string | number | null =>
  typeof value === 'string' ? safeText(value) : value;

/** One row per complaint, page by page; `onRows` reports progress. */
export async function writeComplaintsExport(
  format: ExportFormat,
  pages: AsyncIterable<Complaint[]>,
  ctx: RowContext,
  out: Writable,
  onRows: (count: number) => void = () => {},
  sheetName = 'Klachten',
): Promise<void> {
  if (format === 'csv') {
    await write(out, CSV_BOM + csvLine(complaintHeaders(ctx.language)));
    for await (const page of pages) {
      await write(out, page.map((complaint) => csvLine(complaintRow(complaint, ctx))).join(''));
      onRows(page.length);
    }
    return end(out);
  }
  const ExcelJS = await excel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COMPLAINT_COLUMNS.map((column) => ({
    header: column.header[ctx.language],
    key: column.key,
    width: column.kind === 'date' ? 12 : column.kind === 'number' ? 10 : 22,
    ...(column.kind === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const page of pages) {
    for (const complaint of page) {
      const values = complaintRow(complaint, ctx);
      sheet
        .addRow(
          values.map((value, i) =>
            COMPLAINT_COLUMNS[i]?.kind === 'date' ? isoToDate(value) : cellValue(value),
          ),
        )
        .commit();
    }
    onRows(page.length);
  }
  sheet.commit();
  await workbook.commit();
}

/** The publishable report's tables: CSV in long form, XLSX with a sheet per table. */
export async function writeDocumentExport(
  format: ExportFormat,
  document: ReportDocument,
  out: Writable,
): Promise<void> {
  const language: Language = document.language;
  if (format === 'csv') {
    await write(out, CSV_BOM + csvLine(DOCUMENT_HEADERS[language]));
    await write(out, documentRows(document).map(csvLine).join(''));
    return end(out);
  }
  const t = analysisMessages[language];
  const ExcelJS = await excel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const front = workbook.addWorksheet(safeSheetName(t.sections.summary, new Set()));
  const used = new Set([front.name]);
  front.columns = [{ width: 60 }, { width: 16 }, { width: 16 }];
  for (const line of [document.title, document.subtitle, ...document.notes])
    front.addRow([safeText(line)]).commit();
  front.addRow([]).commit();
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.type === 'figures') {
        for (const item of block.items) {
          front
            .addRow([
              safeText(item.label),
              excelValue(item.cell, item.kind, language),
              item.detail ? excelValue(item.detail.cell, item.detail.kind, language) : null,
            ])
            .commit();
        }
      }
    }
  }
  front.commit();
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'table') continue;
      const sheet = workbook.addWorksheet(safeSheetName(block.caption, used));
      used.add(sheet.name);
      sheet.columns = [{ width: 44 }, ...block.columns.map(() => ({ width: 16 }))];
      sheet.addRow([safeText(block.caption)]).commit();
      const header = sheet.addRow([
        safeText(block.labelHeading),
        ...block.columns.map((c) => safeText(c.label)),
      ]);
      header.font = { bold: true };
      header.commit();
      for (const row of block.rows) {
        sheet
          .addRow([
            safeText(row.label),
            ...block.columns.map((c) =>
              row.cells[c.key] ? excelValue(row.cells[c.key]!, c.kind, language) : null,
            ),
          ])
          .commit();
      }
      sheet.commit();
    }
  }
  await workbook.commit();
}

/** Numbers stay numbers (counts, percentages as shown); hidden and other cells are the text as shown. */
function excelValue(
  cell: { value: number | string | null; suppressed?: boolean },
  kind: Parameters<typeof formatCell>[1],
  language: Language,
) {
  if (
    !cell.suppressed &&
    typeof cell.value === 'number' &&
    (kind === 'count' || kind === 'decimal' || kind === 'rate' || kind === 'percent')
  ) {
    return cell.value;
  }
  return safeText(formatCell(cell, kind, language));
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function safeSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .slice(0, 28)
      .trim() || 'Tabel';
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 26)} ${i}`;
  return candidate;
}
