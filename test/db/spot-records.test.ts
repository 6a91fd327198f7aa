import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  findSpotRecordById,
  insertSpotRecord,
  listSpotRecords,
  markSpotRecordConverted,
} from '../../src/db/repositories/spot-records.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T09:00:00.000Z');

describeEachDialect('spot records', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  it('inserts, lists by period and converts once', async () => {
    const record = (receivedAt: string, summary: string) =>
      insertSpotRecord(db.kysely, {
        receivedAt,
        channel: 'phone',
        category: null,
        summary,
        recordedBy: 'u1',
        now: NOW,
      });
    const october = await record('2026-10-31T23:59:59.999Z', 'Wachttijd');
    const november = await record('2026-11-01T00:00:00.000Z', 'Parkeren');
    await record('2026-12-01T00:00:00.000Z', 'December');
    expect(november).toEqual({
      id: expect.any(String),
      receivedAt: '2026-11-01T00:00:00.000Z',
      channel: 'phone',
      category: null,
      summary: 'Parkeren',
      recordedBy: 'u1',
      createdAt: NOW.toISOString(),
      convertedComplaintId: null,
    });

    const inNovember = await listSpotRecords(db.kysely, {
      from: '2026-11-01T00:00:00.000Z',
      to: new Date('2026-12-01T00:00:00.000Z'),
    });
    expect(inNovember.map((r) => r.summary)).toEqual(['Parkeren']);
    expect(
      (await listSpotRecords(db.kysely, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).length,
    ).toBe(3);

    expect(await markSpotRecordConverted(db.kysely, october.id, 'complaint-9')).toBe(true);
    expect(await markSpotRecordConverted(db.kysely, october.id, 'complaint-10')).toBe(false);
    expect((await findSpotRecordById(db.kysely, october.id))?.convertedComplaintId).toBe('complaint-9');
    expect(await findSpotRecordById(db.kysely, 'missing')).toBeNull();
  });
});
