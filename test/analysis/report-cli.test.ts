/**
 * `verbeterpunt report` as a user runs it, on SQLite and PostgreSQL: a PDF, a CSV and a publishable XLSX of
 * the data set's 2025, with progress on stderr, and bad input refused with exit code 2 and no file left.
 * The CLI's clock is the real one: only figures that do not depend on today are checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, scratchDir } from '../cli/run-cli.ts';
import { describeEachDialect, type TestDb } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { datasetDatabase, PERSONAL_VALUES } from './dataset.ts';
import { parseCsv, readXlsx, xlsxText } from './helpers.ts';

describeEachDialect('verbeterpunt report', (dialect) => {
  let db: TestDb;
  let scratch: ReturnType<typeof scratchDir>;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await datasetDatabase(dialect);
    scratch = scratchDir();
    env = {
      DATABASE_URL: db.schema ? `${db.url}?options=-c%20search_path%3D${db.schema}` : db.url,
    };
  });
  afterAll(async () => {
    scratch.remove();
    await db.close();
  });

  const report = (...args: string[]) => runCli(['report', ...args], { cwd: scratch.dir, env });

  it('writes the PDF, saying what it does on stderr', async () => {
    const out = path.join(scratch.dir, 'jaaranalyse-2025.pdf');
    const result = await report('--year', '2025', '--format', 'pdf', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote ${out}\n`);
    expect(result.stderr).toBe('report: counting\nreport: rendering the PDF\nreport: done\n');
    const pdf = readPdf(readFileSync(out));
    expect(pdf.flat).toContain('Jaaranalyse klachten 2025');
    expect(pdf.flat).toContain('Klachten ontvangen 24 2024: 11');
    expect(pdf.fonts).toMatch(/DejaVuSans\s+CID TrueType/);
  });

  it('writes one row per complaint as CSV, with a count on stderr', async () => {
    const out = path.join(scratch.dir, 'klachten-2025.csv');
    const result = await report('--year', '2025', '--format', 'csv', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('report: 24 complaints\nreport: 24/24\n');
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(25);
    expect(rows[0]!.slice(0, 3)).toEqual(['Kenmerk', 'Ontvangen op', 'Kanaal']);
  });

  it('writes the publishable tables as XLSX in English, without personal data', async () => {
    const out = path.join(scratch.dir, 'published.xlsx');
    const result = await report(
      '--year',
      '2025',
      '--format',
      'xlsx',
      '--publishable',
      '--lang',
      'en',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    const sheets = await readXlsx(readFileSync(out));
    expect(Object.keys(sheets).slice(0, 3)).toEqual([
      'Summary',
      'Complaints per month',
      'Complaints per channel',
    ]);
    const text = xlsxText(sheets);
    expect(PERSONAL_VALUES.filter((value) => text.includes(value))).toEqual([]);
  });

  it.each([
    [
      ['--year', '2025', '--format', 'docx', '--out', 'x.docx'],
      "error: --format must be one of pdf, csv, xlsx (got 'docx').\n",
    ],
    [
      ['--year', '25', '--format', 'pdf', '--out', 'x.pdf'],
      "error: --year must be a year like 2026 (got '25').\n",
    ],
    [
      ['--year', '2013', '--format', 'pdf', '--out', 'x.pdf'],
      `error: Choose a year from 2014 to ${new Date().getFullYear()}.\n`,
    ],
    [
      ['--year', '2025', '--format', 'pdf', '--lang', 'de', '--out', 'x.pdf'],
      "error: --lang must be nl or en (got 'de').\n",
    ],
  ])('refuses %j with exit code 2', async (args, message) => {
    const before = readdirSync(scratch.dir).sort();
    const result = await report(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(readdirSync(scratch.dir).sort()).toEqual(before);
  });

  it('leaves no half file when it cannot write', async () => {
    const out = path.join(scratch.dir, 'missing-dir', 'x.csv');
    const result = await report('--year', '2025', '--format', 'csv', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: ENOENT/);
    expect(existsSync(path.dirname(out))).toBe(false);
  });
});
