/**
 * A new installation: no complaint yet. The annual analysis of this year is empty but whole (zeros, no
 * earlier years, no trend to test), as JSON, PDF, CSV and page, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { signedInAs } from '../staff/helpers.ts';
import { get, parseCsv } from './helpers.ts';

describeEachDialect('the annual analysis without complaints', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    t.setNow('2026-05-04T10:00:00+02:00');
  });
  afterAll(() => t.close());

  it('lists this year only', async () => {
    expect((await get(t, 'qm', '/api/v1/staff/reports')).json()).toEqual({
      years: [{ year: 2026, adopted: false, adoptedAt: null }],
    });
  });

  it('is all zeros, with nothing to compare', async () => {
    const { figures } = (await get(t, 'qm', '/api/v1/staff/reports/2026')).json();
    expect(figures.firstDataOn).toBeNull();
    expect(figures.previous).toBeNull();
    expect(figures.current.volume.total).toBe(0);
    expect(figures.current.exposureDays).toBe(124);
    expect(figures.current.timeliness.resolve).toEqual({
      onTime: 0,
      late: 0,
      overdue: 0,
      open: 0,
      notOwed: 0,
      decided: 0,
      percentOnTime: null,
      leadTime: { count: 0, median: null, p90: null },
    });
    expect(figures.trends.total).toEqual({
      key: 'total',
      counts: { '2026': 0 },
      vsPrevious: null,
      vsEarlier: null,
    });
    expect(figures.recurrence).toEqual([]);
  });

  it('renders the PDF, an empty export and the page', async () => {
    expect(readPdf((await get(t, 'qm', '/api/v1/staff/reports/2026.pdf')).rawPayload).flat).toContain(
      'Klachten ontvangen 0',
    );
    expect(parseCsv((await get(t, 'qm', '/api/v1/staff/reports/2026.csv')).body)).toHaveLength(1);
    const browser = await signedInAs(t, 'qm');
    expect((await browser.get('/staff/analysis')).headers.location).toBe('/staff/analysis/2026');
    const page = await browser.get('/staff/analysis/2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vaststellen kan vanaf 1 januari 2027, als het jaar voorbij is.');
  });
});
