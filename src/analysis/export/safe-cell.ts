/**
 * Spreadsheet formula injection: a cell whose text starts with = + - @, a tab or a carriage return may be run
 * as a formula when a CSV is opened in Excel or LibreOffice (OWASP "CSV Injection"). Such text gets a leading
 * apostrophe, which spreadsheets show as text and never evaluate. Numbers are written as numbers and need none.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type ExportValue = string | number | null;

/** One CSV field (RFC 4180): text quoted, quotes doubled, numbers bare, null empty. */
export function csvField(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${safeText(value).replace(/"/g, '""')}"`;
}

export const csvLine = (values: readonly ExportValue[]): string => `${values.map(csvField).join(',')}\r\n`;

/** Excel reads a CSV as UTF-8 (ë, €) only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';
