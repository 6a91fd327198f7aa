/**
 * The annual analysis of a crafted data set with known answers, on SQLite and PostgreSQL: every figure of the
 * report model is checked literally (expected-2025.ts says how they were worked out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnnualReport } from '../../src/analysis/load-report.ts';
import type { AnnualReport } from '../../src/analysis/report.ts';
import { findComplaintByReference, updateComplaint } from '../../src/db/repositories/complaints.ts';
import { describeEachDialect, type TestDb } from '../helpers/databases.ts';
import { CASES, complaintOf, datasetDatabase, REPORT_NOW } from './dataset.ts';
import { EXPECTED_2025 } from './expected-2025.ts';

describeEachDialect('annual analysis of the crafted data set', (dialect) => {
  let db: TestDb;
  let report: AnnualReport;
  beforeAll(async () => {
    db = await datasetDatabase(dialect);
    report = await computeAnnualReport(db.kysely, 2025, REPORT_NOW);
  });
  afterAll(() => db.close());

  it('counts every figure of 2025, compared with 2024 and 2023', () => {
    const { generatedAt, labels, ...figures } = report;
    expect(generatedAt).toBe('2026-02-16T09:00:00.000Z');
    expect(figures).toEqual(EXPECTED_2025);
  });

  it('keeps the names of the settings it was made with', () => {
    expect(report.labels.organisation).toBe('Loket3');
    expect(report.labels.order).toEqual({
      categories: ['service', 'communication', 'coaching', 'appointments', 'privacy', 'third_party', 'other'],
      teams: ['utrecht', 'amersfoort'],
      grounds: ['not_about_us', 'already_handled', 'legal_proceedings', 'too_old', 'other'],
      routes: ['commissioning_party', 'uwv_complaints_office', 'national_ombudsman', 'municipal_ombudsman'],
    });
    expect(report.labels.teams.amersfoort).toEqual({ nl: 'Vestiging Amersfoort', en: 'Amersfoort office' });
  });

  describe('the fact columns follow every write', () => {
    it('a complaint that is reopened and judged again moves between the counts', async () => {
      // VP-2025-00008 was investigating; it is now judged well-founded and its findings sent on 1 March 2026.
      const before = await findComplaintByReference(db.kysely, 'VP-2025-00008');
      await updateComplaint(
        db.kysely,
        {
          ...before!,
          status: 'resolved',
          decision: { ...complaintOf(CASES[0]!, 0).decision!, judgement: 'well_founded' },
          findingsSentAt: '2026-03-01T10:00:00.000Z',
          resolvedAt: '2026-03-01T10:00:00.000Z',
          escalations: [
            { id: 'e1', at: '2026-03-02T10:00:00.000Z', route: 'national_ombudsman', note: null },
          ],
        },
        before!.version,
      );
      const after = await computeAnnualReport(db.kysely, 2025, new Date('2026-03-02T12:00:00+01:00'));
      expect(after.current.outcomes.judgement).toEqual({
        well_founded: 7,
        partly_well_founded: 3,
        unfounded: 6,
        '': 8,
      });
      expect(after.current.volume.byStatus.investigating).toBe(1);
      expect(after.current.volume.byStatus.resolved).toBe(2);
      // Resolved on 1 March 2026, due 2 September 2025: late now instead of overdue.
      expect(after.current.timeliness.resolve).toMatchObject({
        onTime: 15,
        late: 3,
        overdue: 4,
        notOwed: 2,
        open: 0,
      });
      expect(after.current.outcomes.escalations).toEqual({
        complaints: 4,
        total: 5,
        byRoute: { commissioning_party: 2, uwv_complaints_office: 1, national_ombudsman: 2 },
      });
    });
  });
});
