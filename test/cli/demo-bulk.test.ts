/**
 * `verbeterpunt demo --complaints N`: bulk demo data built by the domain and inserted in batches, on SQLite
 * and PostgreSQL. Small N; the clock is fixed, so a seed gives the same complaints every time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureDemoUsers } from '../../src/cli/demo.ts';
import { type BulkResult, fillBulkDemoData } from '../../src/cli/demo-bulk.ts';
import { loadOrganisation } from '../../src/commands/context.ts';
import { listEvents } from '../../src/db/repositories/complaint-events.ts';
import { findComplaintByReference } from '../../src/db/repositories/complaints.ts';
import { listSpotRecords } from '../../src/db/repositories/spot-records.ts';
import { amsterdamDateOf } from '../../src/domain/calendar.ts';
import { computeDeadlines } from '../../src/domain/deadlines.ts';
import { COMPLAINT_STATUSES } from '../../src/domain/lifecycle.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { runCli, scratchDir } from './run-cli.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const NOW = '2026-11-26T11:00:00.000Z';
const withTeamsAndExtension = (settings: Record<string, unknown>) => {
  const terms = settings.terms as { extension: { allowed: boolean; maxWorkingDays: number } };
  terms.extension = { allowed: true, maxWorkingDays: 10 };
  settings.teams = [
    { code: 'utrecht', label: { nl: 'Team Utrecht', en: 'Team Utrecht' } },
    { code: 'amersfoort', label: { nl: 'Team Amersfoort', en: 'Team Amersfoort' } },
  ];
};

async function bulk(t: TestApp, count: number, seed: number): Promise<BulkResult> {
  const users = await ensureDemoUsers(t.db, undefined);
  return fillBulkDemoData(t.deps, users.byKey, { count, seed, years: 5 });
}

interface Row {
  reference: string;
  status: string;
  received_at: string;
  description: string;
  acknowledge_by: string;
  resolve_by: string;
  report_by: string | null;
  team: string | null;
}

const rowsOf = (t: TestApp): Promise<Row[]> =>
  t.db.kysely
    .selectFrom('complaints')
    .select([
      'reference',
      'status',
      'received_at',
      'description',
      'acknowledge_by',
      'resolve_by',
      'report_by',
      'team',
    ])
    .orderBy('reference')
    .execute() as Promise<Row[]>;

describeEachDialect('demo --complaints (bulk demo data)', (dialect) => {
  let t: TestApp;
  let result: BulkResult;

  beforeAll(async () => {
    t = await createTestApp(dialect, { settings: withTeamsAndExtension });
    t.setNow(NOW);
    await addStandardUsers(t);
    result = await bulk(t, 300, 42);
  });
  afterAll(() => t.close());

  it('adds N complaints whose states sum to N, every one of the 14 states among them, most of them closed', async () => {
    const counted = await t.db.kysely
      .selectFrom('complaints')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const byStatus = new Map(counted.map((row) => [row.status, Number(row.n)]));
    expect([...byStatus.keys()].sort()).toEqual([...COMPLAINT_STATUSES].sort());
    expect([...byStatus.values()].reduce((a, b) => a + b, 0)).toBe(300);
    expect(Object.fromEntries(byStatus)).toEqual(Object.fromEntries(result.byStatus));
    // Seed 42 on 26 November 2026: what a database in use for five years looks like.
    expect(Object.fromEntries(byStatus)).toEqual({
      registered: 2,
      handler_assigned: 1,
      acknowledged: 3,
      investigating: 1,
      decided: 1,
      offer_made: 1,
      offer_accepted: 1,
      offer_rejected: 1,
      resolved: 1,
      reported: 4,
      prevention_decided: 4,
      closed: 242,
      not_taken_up: 22,
      withdrawn: 16,
    });
    expect(byStatus.get('closed')).toBeGreaterThan(200);
    expect([...result.byYear.values()].reduce((a, b) => a + b, 0)).toBe(300);
    // Five years back from 26 November 2026: receipt from late 2021 up to 2026.
    expect(Object.fromEntries(result.byYear)).toEqual({
      2021: 4,
      2022: 57,
      2023: 55,
      2024: 75,
      2025: 52,
      2026: 57,
    });
  });

  it('numbers references per year of receipt in order of receipt, from 1', async () => {
    const rows = await t.db.kysely
      .selectFrom('complaints')
      .select(['reference', 'received_at'])
      .orderBy('received_at')
      .orderBy('reference')
      .execute();
    const perYear = new Map<string, number>();
    for (const row of rows) {
      const year = amsterdamDateOf(row.received_at).slice(0, 4);
      const number = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, number);
      expect(row.reference).toBe(`VP-${year}-${String(number).padStart(5, '0')}`);
    }
    const counters = await t.db.kysely.selectFrom('reference_counters').selectAll().orderBy('year').execute();
    expect(counters.map((c) => [Number(c.year), Number(c.last_number)])).toEqual(
      [...perYear].map(([year, n]) => [Number(year), n]),
    );
  });

  it('gives the oldest complaints the first numbers, with the terms of the Atw calendar', async () => {
    const [first, second] = await rowsOf(t);
    // Received on Saturday 4 December 2021: 5 working days are 6-10 December; 21 end on Monday 3 January
    // (Christmas fell on the weekend).
    expect(first).toMatchObject({
      reference: 'VP-2021-00001',
      status: 'closed',
      acknowledge_by: '2021-12-10',
      resolve_by: '2022-01-03',
    });
    expect(new Date(first?.received_at ?? '').toISOString()).toBe('2021-12-04T12:22:05.000Z');
    // Received on Thursday 9 December 2021: acknowledge by Thursday 16 December, resolve by Friday 7 January.
    expect(second).toMatchObject({
      reference: 'VP-2021-00002',
      acknowledge_by: '2021-12-16',
      resolve_by: '2022-01-07',
    });
  });

  it('stores complaints that load through the repository with deadlines the domain would compute, and one demo_import event each', async () => {
    const { calendar, settings } = await loadOrganisation(t.db.kysely);
    const references = (await rowsOf(t)).map((row) => row.reference);
    expect(references).toHaveLength(300);
    for (const reference of references) {
      const complaint = await findComplaintByReference(t.db.kysely, reference);
      expect(complaint?.reference).toBe(reference);
      if (!complaint) continue;
      expect(computeDeadlines(complaint, calendar, settings.terms, complaint.deadlines)).toEqual(
        complaint.deadlines,
      );
      expect(complaint.deadlines.calendarId).toBe('atw+equated:082632a8');
      expect(complaint.deadlines.acknowledgeBy > amsterdamDateOf(complaint.receivedAt)).toBe(true);
      expect(complaint.deadlines.resolveBy > complaint.deadlines.acknowledgeBy).toBe(true);
      expect(complaint.deadlines.reportBy !== null).toBe(
        complaint.resolvedAt !== null && complaint.notTakenUp === null,
      );
      expect(Date.parse(complaint.registeredAt) >= Date.parse(complaint.receivedAt)).toBe(true);
      expect(Date.parse(complaint.updatedAt) <= Date.parse(NOW)).toBe(true);
      expect(complaint.closedAt !== null).toBe(complaint.status === 'closed');
      if (!['registered', 'not_taken_up'].includes(complaint.status))
        expect(complaint.handler?.name).toBeTruthy();
      if (complaint.channel === 'web') expect(complaint.receiverId).toBeNull();
      expect(['utrecht', 'amersfoort']).toContain(complaint.team);
      const events = await listEvents(t.db.kysely, complaint.id);
      expect(events.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus])).toEqual([
        [1, 'demo_import', null, complaint.status],
      ]);
    }
  });

  it('covers what the annual analysis counts: offers with a second offer after a rejection, measures, evaluations, surveys, escalations, extensions, late terms', async () => {
    const all = [];
    for (const row of await rowsOf(t)) all.push(await findComplaintByReference(t.db.kysely, row.reference));
    const complaints = all.filter((c) => c !== null);
    const some = (test: (c: (typeof complaints)[number]) => boolean) => complaints.some(test);
    expect(some((c) => c.offers.length === 2 && c.offers[0]?.satisfied === false)).toBe(true);
    expect(some((c) => c.decision?.judgement === 'unfounded')).toBe(true);
    expect(some((c) => c.decision?.judgement === 'partly_well_founded')).toBe(true);
    expect(some((c) => c.agreedMeasures.some((m) => m.doneAt !== null))).toBe(true);
    expect(some((c) => c.preventiveMeasures.some((m) => m.evaluation?.effective === false))).toBe(true);
    expect(some((c) => c.survey !== null)).toBe(true);
    expect(some((c) => c.escalations.length > 0)).toBe(true);
    expect(some((c) => c.extension?.workingDays === 10)).toBe(true);
    expect(some((c) => c.reporter.anonymous)).toBe(true);
    expect(some((c) => c.reporterMessages.length > 0)).toBe(true);
    expect(new Set(complaints.map((c) => c.channel))).toEqual(
      new Set(['web', 'email', 'letter', 'phone', 'in_person']),
    );
    // Terms met late: the acknowledgement after its deadline, and the resolution after its deadline.
    expect(
      some((c) => c.acknowledgedAt !== null && amsterdamDateOf(c.acknowledgedAt) > c.deadlines.acknowledgeBy),
    ).toBe(true);
    expect(some((c) => c.resolvedAt !== null && amsterdamDateOf(c.resolvedAt) > c.deadlines.resolveBy)).toBe(
      true,
    );
    expect(some((c) => c.resolvedAt !== null && amsterdamDateOf(c.resolvedAt) <= c.deadlines.resolveBy)).toBe(
      true,
    );
    expect(result.spotRecords).toBe(30);
    const spots = await listSpotRecords(t.db.kysely, { from: '2021-01-01T00:00:00Z', to: NOW });
    expect(spots).toHaveLength(30);
  });

  it('a bulk complaint is a normal case for the staff API', async () => {
    const [row] = await t.db.kysely
      .selectFrom('complaints')
      .select('reference')
      .where('status', '=', 'investigating')
      .orderBy('reference')
      .limit(1)
      .execute();
    const qm = await t.addUser('bulkqm', 'Kwaliteit Bulk', 'Kwaliteitsmanager', ['quality_manager']);
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${row?.reference}`, { as: 'bulkqm' });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('investigating');
    expect(response.json().history).toHaveLength(1);
    expect(qm.id).toBeTruthy();
  });

  it('the same seed gives the same complaints; another seed other ones; a second run numbers on', async () => {
    const other = await createTestApp(dialect, { settings: withTeamsAndExtension });
    try {
      other.setNow(NOW);
      await bulk(other, 300, 42);
      const strip = (rows: Row[]) =>
        rows.map((row) => ({ ...row, received_at: new Date(row.received_at).toISOString() }));
      expect(strip(await rowsOf(other))).toEqual(strip(await rowsOf(t)));
      await bulk(other, 20, 43);
      const rows = await rowsOf(other);
      expect(rows).toHaveLength(320);
      expect(new Set(rows.map((row) => row.reference)).size).toBe(320);
    } finally {
      await other.close();
    }
  });
});

describe('demo --complaints on the command line', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it('adds the complaints and prints the states and years', async () => {
    const result = await runCli(['demo', '--complaints', '40', '--seed', '5', '--years', '2'], {
      cwd: scratch.dir,
    });
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Added 40 demo complaints \(one history event each\) and 4 records resolved on the spot in [\d.]+ s \(seed 5, 2 years\)\./,
    );
    expect(result.stdout).toContain('withdrawn');
    expect(result.stdout).toMatch(/YEAR\s+RECEIVED/);
  });

  it('refuses a count out of range with exit code 2', async () => {
    const zero = await runCli(['demo', '--complaints', '0'], { cwd: scratch.dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--complaints must be a whole number from 1 to 1000000 (got '0').");
    const years = await runCli(['demo', '--complaints', '10', '--years', '11'], { cwd: scratch.dir });
    expect(years.code).toBe(2);
    expect(years.stderr).toContain("--years must be a whole number from 1 to 10 (got '11').");
  });
});
