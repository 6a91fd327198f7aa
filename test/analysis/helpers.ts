/**
 * Helpers for the annual analysis's API and export tests: a test app holding the crafted data set, and the
 * exports read back as a person would get them (the CSV's cells, the XLSX's cells, the PDF's text).
 */
import ExcelJS from 'exceljs';
import type { Dialect } from '../../src/db/database.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { DATASET_SETTINGS, insertDataset, REPORT_NOW } from './dataset.ts';

/** The app on the data set, the clock at REPORT_NOW, with the standard users (qm, handler, admin, …). */
export async function datasetApp(dialect: Dialect): Promise<TestApp> {
  const t = await createTestApp(dialect, {
    settings: (settings) => {
      settings.teams = DATASET_SETTINGS.teams;
    },
  });
  await addStandardUsers(t);
  await insertDataset(t.db.kysely);
  t.setNow(REPORT_NOW.toISOString());
  return t;
}

export const get = (t: TestApp, as: string, url: string, lang?: string) =>
  call(t, 'GET', url, { as, ...(lang ? { lang } : {}) });

/** RFC 4180 fields of a CSV text (quoted fields with doubled quotes, CRLF lines), without the BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** Every sheet of an XLSX file as rows of cell values (dates as ISO dates, everything else as it is stored). */
export async function readXlsx(buffer: Buffer): Promise<Record<string, (string | number | null)[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: Record<string, (string | number | null)[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map((value) => {
        if (value instanceof Date) return value.toISOString().slice(0, 10);
        if (value === undefined || value === null) return null;
        if (typeof value === 'object' && value !== null && 'formula' in value)
          return `FORMULA:${String((value as { formula: string }).formula)}`;
        return value as string | number;
      });
      rows.push(values);
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

/** All the text of a workbook, one cell per line. */
export const xlsxText = (sheets: Record<string, (string | number | null)[][]>): string =>
  Object.entries(sheets)
    .flatMap(([name, rows]) => [name, ...rows.flat().map((v) => (v === null ? '' : String(v)))])
    .join('\n');

/** A PUT with a JSON body, as a user (the app helper's `call` knows GET and POST). */
export const put = (
  t: TestApp,
  as: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'PUT',
    url,
    headers: { authorization: `Bearer ${t.users[as]!.token}`, ...headers },
    payload: body as object,
  });
