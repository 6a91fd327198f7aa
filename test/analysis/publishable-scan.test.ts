/**
 * The publishable version holds no personal data: every name, email address, phone number and free text of the
 * data set (and the case references) is searched for in the publishable JSON, PDF text, CSV and XLSX, in
 * Dutch and English, on SQLite and PostgreSQL, and none is found. The same search finds them in the internal
 * export, so it is a search that can fail.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { PERSONAL_VALUES } from './dataset.ts';
import { datasetApp, get, readXlsx, xlsxText } from './helpers.ts';

/** The personal values that occur in `text` (whitespace folded, as a copy from a PDF would have it). */
const leaks = (text: string): string[] => {
  const folded = text.replace(/\s+/g, ' ');
  return PERSONAL_VALUES.filter((value) => folded.includes(value));
};

describeEachDialect('the publishable version has no personal data', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await datasetApp(dialect);
  });
  afterAll(() => t.close());

  it('looks for 599 values: 38 cases × 16, less name, email and phone of the 3 anonymous ones', () => {
    expect(PERSONAL_VALUES).toHaveLength(599);
    expect(PERSONAL_VALUES).toContain('Quinten Vos');
    expect(PERSONAL_VALUES).toContain('06-41126704');
    expect(PERSONAL_VALUES).toContain('anouk.verbeek0@voorbeeld.example');
  });

  it.each(['nl', 'en'])('finds none in the JSON, PDF, CSV and XLSX (%s)', async (lang) => {
    const json = (await get(t, 'qm', `/api/v1/staff/reports/2025?version=publishable&lang=${lang}`)).body;
    expect(leaks(json)).toEqual([]);
    const pdf = readPdf(
      (await get(t, 'qm', `/api/v1/staff/reports/2025.pdf?version=publishable&lang=${lang}`)).rawPayload,
    );
    expect(pdf.flat).toContain(lang === 'nl' ? 'Publicatieversie' : 'Publishable version');
    expect(leaks(pdf.layout)).toEqual([]);
    const csv = (await get(t, 'qm', `/api/v1/staff/reports/2025.csv?version=publishable&lang=${lang}`)).body;
    expect(csv).toContain('< 5');
    expect(leaks(csv)).toEqual([]);
    const xlsx = xlsxText(
      await readXlsx(
        (await get(t, 'qm', `/api/v1/staff/reports/2025.xlsx?version=publishable&lang=${lang}`)).rawPayload,
      ),
    );
    expect(xlsx).toContain('< 5');
    expect(leaks(xlsx)).toEqual([]);
  });

  it('while the internal export, for the quality manager, does hold the handlers and summaries', async () => {
    const csv = (await get(t, 'qm', '/api/v1/staff/reports/2025.csv')).body;
    expect(leaks(csv)).toContain('Behandelaar Van Leeuwen-16');
    expect(leaks(csv)).toContain('Afspraken niet nagekomen volgens melder nummer 16.');
    // Even internally no contact details and no raw complaint text leave the system in an export.
    expect(
      leaks(csv).filter(
        (value) => value.includes('@') || value.startsWith('06-') || value.startsWith('Mijn jobcoach'),
      ),
    ).toEqual([]);
  });
});
