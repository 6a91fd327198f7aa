/**
 * The dashboard's storage on SQLite and PostgreSQL: migration 0004 backfills next_due and the work items of
 * complaints that existed before it; every write keeps them in step; and the dashboard's queries can use the
 * partial indexes: the planner is asked, after its statistics of a table of 6000 complaints of which 600 open.
 */
import { CompiledQuery, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrationsFor } from '../../src/db/migrations/index.ts';
import { openCasesQueries, openCountsQuery } from '../../src/db/repositories/dashboard.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import {
  describeEachDialect,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';

const DAY = { today: '2026-05-06', soonBefore: '2026-05-11' };

describeEachDialect('dashboard migration backfill', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => db.close());

  const migrator = (upTo: string | null) =>
    new Migrator({
      db: db.kysely,
      provider: {
        getMigrations: async () =>
          Object.fromEntries(
            Object.entries(migrationsFor(dialect)).filter(([name]) => !upTo || name <= upTo),
          ),
      },
      ...(db.schema ? { migrationTableSchema: db.schema } : {}),
    });

  it('fills next_due and the work items of the complaints already there', async () => {
    const before = await whileTestSchemasStay(() =>
      migrator('2026-11-26-0003-staff-sessions').migrateToLatest(),
    );
    expect(before.error).toBeUndefined();
    const row = (
      id: string,
      status: string,
      facts: Record<string, unknown>,
      data: Record<string, unknown>,
    ) => ({
      id,
      reference: `VP-2026-0000${id.slice(-1)}`,
      status,
      version: 3,
      channel: 'phone',
      received_at: '2026-04-30T07:00:00.000Z',
      registered_at: '2026-04-30T07:00:00.000Z',
      receiver_id: 'u-receiver',
      language: 'nl',
      anonymous: 0,
      reporter_name: 'Anouk',
      reporter_email: null,
      reporter_phone: null,
      reporter_role: null,
      description: 'Te laat.',
      category: null,
      team: null,
      handler_id: 'u-handler',
      acknowledge_by: '2026-05-08',
      resolve_by: '2026-06-04',
      report_by: null,
      calendar_id: 'atw',
      acknowledged_at: null,
      resolved_at: null,
      closed_at: null,
      follow_up_token_hash: `hash-${id}`,
      data: JSON.stringify({
        involved: [],
        reactions: [],
        agreedMeasures: [],
        preventiveMeasures: [],
        ...data,
      }),
      updated_at: '2026-05-01T07:00:00.000Z',
      ...facts,
    });
    await db.kysely
      .insertInto('complaints')
      .values([
        row(
          'c1',
          'investigating',
          { acknowledged_at: '2026-05-04T08:00:00.000Z' },
          {
            involved: [{ id: 'p1', kind: 'user', userId: 'u-coach', name: 'Jeroen', mentionId: null }],
            reactions: [
              {
                involvedPersonId: 'p1',
                summary: 'Ziek.',
                summaryVersion: 1,
                agreedVersion: null,
                agreedAt: null,
                agreementMethod: null,
              },
            ],
          },
        ),
        row(
          'c2',
          'closed',
          {
            acknowledged_at: '2026-05-04T08:00:00.000Z',
            resolved_at: '2026-05-20T08:00:00.000Z',
            closed_at: '2026-06-20T08:00:00.000Z',
            report_by: '2026-06-18',
          },
          {
            finalReportSentAt: '2026-06-01T08:00:00.000Z',
            preventiveMeasures: [
              {
                id: 'v1',
                description: 'Roosters',
                ownerUserId: 'u-qm',
                consulted: 'Team',
                dueDate: '2026-09-01',
                doneAt: null,
                evaluation: null,
              },
            ],
          },
        ),
        row(
          'c3',
          'reported',
          {
            acknowledged_at: '2026-05-04T08:00:00.000Z',
            resolved_at: '2026-05-20T08:00:00.000Z',
            report_by: '2026-06-18',
          },
          { finalReportSentAt: '2026-06-01T08:00:00.000Z' },
        ),
        row('c4', 'registered', {}, {}),
      ])
      .execute();

    const after = await whileTestSchemasStay(() => migrator(null).migrateToLatest());
    expect(after.error).toBeUndefined();
    const dues = await db.kysely.selectFrom('complaints').select(['id', 'next_due']).orderBy('id').execute();
    expect(dues).toEqual([
      { id: 'c1', next_due: '2026-06-04' },
      { id: 'c2', next_due: null },
      { id: 'c3', next_due: '9999-12-31' },
      { id: 'c4', next_due: '2026-05-08' },
    ]);
    const items = await db.kysely
      .selectFrom('complaint_work_items')
      .selectAll()
      .orderBy('complaint_id')
      .orderBy('kind')
      .execute();
    expect(items).toEqual([
      { complaint_id: 'c1', user_id: 'u-coach', kind: 'agree', item_id: 'p1', due_on: null },
      { complaint_id: 'c1', user_id: 'u-coach', kind: 'involved', item_id: 'p1', due_on: null },
      {
        complaint_id: 'c2',
        user_id: 'u-qm',
        kind: 'preventive_measure',
        item_id: 'v1',
        due_on: '2026-09-01',
      },
    ]);
  });
});

describeEachDialect('dashboard columns kept in step', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  }, 60_000);
  afterAll(() => t.close());

  const stored = async (reference: string) => {
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'next_due'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const items = await t.db.kysely
      .selectFrom('complaint_work_items')
      .select(['user_id', 'kind', 'due_on'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('kind')
      .execute();
    const name = (id: string) => Object.entries(t.users).find(([, u]) => u.id === id)?.[0];
    return {
      nextDue: complaint.next_due,
      work: items.map((i) => `${name(i.user_id)} ${i.kind}${i.due_on ? ` ${i.due_on}` : ''}`),
    };
  };
  const step = async (at: string, as: string, reference: string, action: string, body: unknown = {}) => {
    t.setNow(at);
    const response = await act(t, as, reference, action, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('on every action, from registration to closing', async () => {
    t.setNow('2026-04-30T10:00:00+02:00');
    const registered = await call(t, 'POST', '/api/v1/staff/complaints', {
      as: 'advisor',
      body: { channel: 'phone', receivedAt: '2026-04-30T09:00:00+02:00', description: 'Niet teruggebeld.' },
    });
    const ref = registered.json().reference as string;
    expect(await stored(ref)).toEqual({ nextDue: '2026-05-08', work: [] });

    await step('2026-05-01T09:00:00+02:00', 'qm', ref, 'assign-handler', { handlerId: t.users.handler!.id });
    await step('2026-05-01T09:10:00+02:00', 'handler', ref, 'record-summary', {
      summary: 'Niet teruggebeld.',
    });
    await step('2026-05-01T09:20:00+02:00', 'handler', ref, 'acknowledge');
    expect(await stored(ref)).toEqual({ nextDue: '2026-06-04', work: [] });

    await step('2026-05-04T09:00:00+02:00', 'handler', ref, 'start-investigation');
    const added = await step('2026-05-04T09:10:00+02:00', 'handler', ref, 'add-involved-person', {
      person: { kind: 'user', userId: t.users.coach!.id },
    });
    const person = added.involved[0].id as string;
    expect(await stored(ref)).toEqual({ nextDue: '2026-06-04', work: ['coach involved'] });
    await step('2026-05-04T09:20:00+02:00', 'handler', ref, 'record-reaction', {
      involvedPersonId: person,
      summary: 'Hij was ziek.',
    });
    expect(await stored(ref)).toEqual({ nextDue: '2026-06-04', work: ['coach agree', 'coach involved'] });
    await step('2026-05-05T09:00:00+02:00', 'coach', ref, 'agree-reaction', {
      involvedPersonId: person,
      version: 1,
    });
    expect(await stored(ref)).toEqual({ nextDue: '2026-06-04', work: ['coach involved'] });

    await step('2026-05-06T09:00:00+02:00', 'handler', ref, 'decide', {
      judgement: 'well_founded',
      reasons: 'Er is niet teruggebeld.',
      findings: 'Geen belnotitie.',
      severity: 'low',
      cause: 'Ziekte.',
      responsibleParty: 'Team Utrecht',
    });
    await step('2026-05-06T10:00:00+02:00', 'handler', ref, 'make-offer', {
      method: 'follow_up_page',
      phoneSkippedReason: 'Geen nummer.',
      measures: [{ kind: 'redress', description: 'Excuses.' }],
    });
    await step('2026-05-07T09:00:00+02:00', 'handler', ref, 'record-offer-accepted');
    const measured = await step('2026-05-07T09:10:00+02:00', 'handler', ref, 'add-agreed-measure', {
      kind: 'redress',
      description: 'Excuses per brief.',
      ownerId: t.users.handler2!.id,
      dueDate: '2026-05-15',
    });
    expect(await stored(ref)).toEqual({
      nextDue: '2026-06-04',
      work: ['handler2 agreed_measure 2026-05-15', 'coach involved'],
    });
    await step('2026-05-07T09:20:00+02:00', 'handler', ref, 'send-written-confirmation');
    // Resolved on 7 May: the final report is due 21 working days later.
    expect((await stored(ref)).nextDue).toBe('2026-06-10');
    await step('2026-05-08T09:00:00+02:00', 'handler', ref, 'complete-agreed-measure', {
      measureId: measured.agreedMeasures[0].id,
    });
    await step('2026-05-08T09:10:00+02:00', 'handler', ref, 'send-final-report');
    expect(await stored(ref)).toEqual({ nextDue: '9999-12-31', work: ['coach involved'] });
    await step('2026-05-08T09:20:00+02:00', 'handler', ref, 'record-no-preventive-measures', {
      reason: 'Eenmalig.',
    });
    await step('2026-05-08T09:30:00+02:00', 'handler', ref, 'close');
    expect(await stored(ref)).toEqual({ nextDue: null, work: [] });
  });
});

describeEachDialect('dashboard queries and the partial indexes', (dialect) => {
  let db: TestDb;
  // 6000 complaints, one in ten open; 20 handlers and 30 receivers; then the planner's statistics.
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const open = i % 10 === 0;
      const day = String(1 + (i % 28)).padStart(2, '0');
      return {
        id: `c${String(i).padStart(5, '0')}`,
        reference: `VP-2025-${String(i + 1).padStart(5, '0')}`,
        status: open ? (i % 20 === 0 ? 'registered' : 'investigating') : 'closed',
        version: 1,
        channel: 'phone',
        received_at: `2025-02-${day}T09:00:00.000Z`,
        registered_at: `2025-02-${day}T09:00:00.000Z`,
        receiver_id: `r${i % 30}`,
        language: 'nl',
        anonymous: 1,
        reporter_name: null,
        reporter_email: null,
        reporter_phone: null,
        reporter_role: null,
        description: `Klacht ${i}`,
        category: null,
        team: null,
        handler_id: `h${i % 20}`,
        acknowledge_by: `2025-03-${day}`,
        resolve_by: `2025-03-${day}`,
        report_by: null,
        calendar_id: 'atw',
        acknowledged_at: null,
        resolved_at: null,
        closed_at: null,
        follow_up_token_hash: `hash-${i}`,
        data: '{}',
        updated_at: '2025-03-01T09:00:00.000Z',
        next_due: open ? `2026-05-${day}` : null,
      };
    });
    for (let start = 0; start < rows.length; start += 500) {
      await db.kysely
        .insertInto('complaints')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    await db.kysely
      .insertInto('complaint_work_items')
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          complaint_id: `c${String(i * 30).padStart(5, '0')}`,
          user_id: `u${i % 40}`,
          kind: i % 2 ? 'agree' : 'involved',
          item_id: `p${i}`,
          due_on: null,
        })),
      )
      .execute();
    // PostgreSQL's VACUUM also sets the visibility map, which index-only scans need (autovacuum does so in use).
    await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db.kysely);
  }, 60_000);
  afterAll(() => db.close());

  /** The plan's text: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN. */
  const plan = async (query: { compile(): CompiledQuery }) => {
    const compiled = query.compile();
    const prefix = dialect === 'postgres' ? 'explain ' : 'explain query plan ';
    const result = await db.kysely.executeQuery(
      CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
    );
    return (result.rows as Record<string, unknown>[])
      .map((r) => String(r.detail ?? r['QUERY PLAN']))
      .join('\n');
  };
  /** A plan that reads every row of complaints, or every entry of an index over all of them. */
  const fullScan =
    dialect === 'postgres'
      ? /Seq Scan on complaints/
      : /SCAN complaints(?! USING (COVERING )?INDEX complaints_open_)/;
  // h3 handles c00003, c00023, …; u1's agreement is asked in c00030, c01230, c02430, c03630 and c04830.
  const work = { kind: 'work', userId: 'h3', deputyFor: [] } as const;
  const asked = { kind: 'work', userId: 'u1', deputyFor: [] } as const;

  it('lists every open case from the open cases, nearest first', async () => {
    const [query] = await openCasesQueries(db.kysely, { kind: 'all' }, {}, DAY, { limit: 25 });
    const text = await plan(query!);
    expect(text).toContain('complaints_open_due_idx');
    expect(text).not.toMatch(fullScan);
  });

  it("lists one user's work from that user's index entries", async () => {
    const [handled, received] = await openCasesQueries(db.kysely, work, { due: 'overdue' }, DAY, {
      limit: 25,
    });
    const [, , agree] = await openCasesQueries(db.kysely, asked, { due: 'overdue' }, DAY, { limit: 25 });
    const texts = [await plan(handled!), await plan(received!), await plan(agree!)];
    expect(texts[0]).toContain('complaints_open_handler_idx');
    expect(texts[1]).toContain('complaints_open_receiver_idx');
    // The agreements asked of this user: from their work items to the cases by primary key.
    expect(texts[2]).toMatch(
      dialect === 'postgres' ? /Index Scan using complaints_pkey/ : /sqlite_autoindex_complaints_1/,
    );
    for (const text of texts) expect(text).not.toMatch(fullScan);
  });

  it("counts every open case from the open-cases index, and one user's work from theirs", async () => {
    const all = await plan(await openCountsQuery(db.kysely, { kind: 'all' }, DAY));
    expect(all).toMatch(/complaints_open_\w+_idx/);
    expect(all).not.toMatch(fullScan);
    const mine = await plan(await openCountsQuery(db.kysely, work, DAY));
    expect(mine).toContain('complaints_open_handler_idx');
    expect(mine).toContain('complaints_open_receiver_idx');
    expect(mine).not.toMatch(fullScan);
  });
});
