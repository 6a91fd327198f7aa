/**
 * Adopting the annual analysis (step 8, "Loket3 beoordeelt"), on SQLite and PostgreSQL: the figures, the
 * conclusions and the PDFs are frozen with the date and the author; data changed afterwards does not change
 * the adopted year, and the next year compares against the frozen figures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertComplaint } from '../../src/db/repositories/complaints.ts';
import { call, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { CASES, complaintOf } from './dataset.ts';
import { datasetApp, get, parseCsv, put } from './helpers.ts';

const CONCLUSIONS = {
  trends: {
    conclusions: 'Klachten over afspraken stegen duidelijk.',
    actions: 'Herinneringen per sms vanaf april.',
  },
  satisfaction: {
    conclusions: 'Vijf van de acht melders waren tevreden met het eerste aanbod.',
    actions: '',
  },
  prevention: {
    conclusions: 'De agenda-maatregel werkte niet afdoende.',
    actions: 'Opnieuw evalueren in juni.',
  },
};

describeEachDialect('adopting the annual analysis', (dialect) => {
  let t: TestApp;
  let frozen: { figures: unknown; document: unknown };
  let pdf: Buffer;
  let publishablePdf: Buffer;
  beforeAll(async () => {
    t = await datasetApp(dialect);
  });
  afterAll(() => t.close());

  it('freezes the figures, the conclusions and the PDFs with the date and the author', async () => {
    const before = (await get(t, 'qm', '/api/v1/staff/reports/2025')).json();
    const adopted = await call(t, 'POST', '/api/v1/staff/reports/2025/adopt', {
      as: 'qm',
      body: { conclusions: CONCLUSIONS },
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toEqual({
      year: 2025,
      version: 1,
      conclusions: CONCLUSIONS,
      updatedAt: '2026-02-16T09:00:00.000Z',
      adoption: { at: '2026-02-16T09:00:00.000Z', byName: 'Petra de Vries' },
    });
    const after = (await get(t, 'qm', '/api/v1/staff/reports/2025')).json();
    expect(after.figures).toEqual(before.figures);
    expect(after.adoption).toEqual({ at: '2026-02-16T09:00:00.000Z', byName: 'Petra de Vries' });
    frozen = {
      figures: after.figures,
      document: (await get(t, 'qm', '/api/v1/staff/reports/2025?version=publishable')).json().document,
    };
    pdf = (await get(t, 'qm', '/api/v1/staff/reports/2025.pdf')).rawPayload;
    publishablePdf = (await get(t, 'qm', '/api/v1/staff/reports/2025.pdf?version=publishable')).rawPayload;

    const text = readPdf(pdf).flat;
    expect(text).toContain('Vastgesteld op 16 februari 2026 door Petra de Vries.');
    expect(text).toContain('Conclusies: Klachten over afspraken stegen duidelijk.');
    expect(text).toContain('Acties: Opnieuw evalueren in juni.');
    const published = readPdf(publishablePdf).flat;
    expect(published).toContain('Vastgesteld op 16 februari 2026.');
    expect(published).not.toContain('Petra de Vries');
    expect(published).not.toContain('Klachten over afspraken stegen duidelijk');

    const list = (await get(t, 'admin', '/api/v1/staff/reports')).json();
    expect(list.years[1]).toEqual({ year: 2025, adopted: true, adoptedAt: '2026-02-16T09:00:00.000Z' });
  });

  it('does not change when the complaints of that year change afterwards', async () => {
    t.setNow('2026-03-02T10:00:00+01:00');
    // A complaint of June 2025 registered late, and another one that moves on.
    const late = {
      ...complaintOf(CASES[30]!, 30),
      id: '00000000-0000-4000-8000-0000000000a1',
      reference: 'VP-2025-00025',
    };
    await insertComplaint(
      t.db.kysely,
      { ...late, receivedAt: '2025-06-10T08:00:00.000Z' },
      'token-hash-late',
    );
    const after = (await get(t, 'qm', '/api/v1/staff/reports/2025')).json();
    expect(after.figures).toEqual(frozen.figures);
    expect(after.figures.current.volume.total).toBe(24);
    expect((await get(t, 'qm', '/api/v1/staff/reports/2025?version=publishable')).json().document).toEqual(
      frozen.document,
    );
    // The Dutch PDFs are the very bytes frozen at adoption.
    expect((await get(t, 'qm', '/api/v1/staff/reports/2025.pdf')).rawPayload.equals(pdf)).toBe(true);
    expect(
      (await get(t, 'qm', '/api/v1/staff/reports/2025.pdf?version=publishable')).rawPayload.equals(
        publishablePdf,
      ),
    ).toBe(true);
    // The row export lists the complaints as they are now.
    expect(parseCsv((await get(t, 'qm', '/api/v1/staff/reports/2025.csv')).body)).toHaveLength(26);
  });

  it('is the baseline of the next year', async () => {
    for (const [i, date] of ['2026-01-12', '2026-02-09'].entries()) {
      const complaint = complaintOf(
        { ...CASES[30]!, ref: `VP-2026-0000${i + 1}`, received: date, status: 'registered' },
        40 + i,
      );
      await insertComplaint(
        t.db.kysely,
        { ...complaint, id: `00000000-0000-4000-8000-0000000000b${i}` },
        `token-hash-2026-${i}`,
      );
    }
    const report = (await get(t, 'qm', '/api/v1/staff/reports/2026')).json().figures;
    expect(report.previous.source).toBe('adopted');
    // 24 as adopted, although 25 complaints of 2025 are in the database now.
    expect(report.previous.figures.volume.total).toBe(24);
    expect(report.previous.figures).toEqual((frozen.figures as { current: unknown }).current);
    expect(report.trends.years).toEqual([
      { year: 2023, exposureDays: 306, source: 'live' },
      { year: 2024, exposureDays: 366, source: 'live' },
      { year: 2025, exposureDays: 365, source: 'adopted' },
      { year: 2026, exposureDays: 61, source: 'live' },
    ]);
    expect(report.trends.total.counts).toEqual({ '2023': 3, '2024': 11, '2025': 24, '2026': 2 });
  });

  it('is final: no second adoption, no changed conclusions', async () => {
    const again = await call(t, 'POST', '/api/v1/staff/reports/2025/adopt', {
      as: 'qm',
      body: { conclusions: CONCLUSIONS },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'guard_failed' });
    const edit = await put(t, 'qm', '/api/v1/staff/reports/2025/conclusions', { conclusions: CONCLUSIONS });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toBe(
      'De analyse van dit jaar is al vastgesteld; cijfers en conclusies veranderen niet meer.',
    );
  });
});
