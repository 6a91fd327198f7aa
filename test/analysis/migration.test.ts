/**
 * Migration 0006 on SQLite and PostgreSQL: complaints stored before it get their fact columns from their form,
 * and the year's queries read covering indexes (the planner is asked).
 */
import { CompiledQuery, Migrator } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrationsFor } from '../../src/db/migrations/index.ts';
import {
  describeEachDialect,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';
import { CASES, complaintOf } from './dataset.ts';

const COLUMN_OWNED = [
  'id',
  'reference',
  'status',
  'version',
  'channel',
  'receivedAt',
  'registeredAt',
  'receiverId',
  'description',
  'category',
  'team',
  'deadlines',
  'acknowledgedAt',
  'resolvedAt',
  'closedAt',
  'updatedAt',
  'reporter',
];

/** A complaints row as the schema before 0006 held it, for one case of the data set. */
function oldRow(index: number) {
  const c = complaintOf(CASES[index]!, index);
  const data = Object.fromEntries(Object.entries(c).filter(([key]) => !COLUMN_OWNED.includes(key)));
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    version: 1,
    channel: c.channel,
    received_at: c.receivedAt,
    registered_at: c.registeredAt,
    receiver_id: null,
    language: 'nl',
    anonymous: c.reporter.anonymous ? 1 : 0,
    reporter_name: c.reporter.name,
    reporter_email: c.reporter.email,
    reporter_phone: c.reporter.phone,
    reporter_role: c.reporter.role,
    description: c.description,
    category: c.category,
    team: c.team,
    handler_id: null,
    acknowledge_by: c.deadlines.acknowledgeBy,
    resolve_by: c.deadlines.resolveBy,
    report_by: c.deadlines.reportBy,
    calendar_id: c.deadlines.calendarId,
    acknowledged_at: c.acknowledgedAt,
    resolved_at: c.resolvedAt,
    closed_at: c.closedAt,
    follow_up_token_hash: `hash-${c.reference}`,
    data: JSON.stringify({ ...data, reporter: { postalAddress: null, consentToContact: true } }),
    updated_at: c.updatedAt,
  };
}

describeEachDialect('migration 0006: the fact columns of complaints already there', (dialect) => {
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

  it('fills them from the form', async () => {
    expect(
      (await whileTestSchemasStay(() => migrator('2026-11-26-0005-sign-in-accounts').migrateToLatest()))
        .error,
    ).toBeUndefined();
    // VP-2025-00003 (index 16), VP-2025-00010 (23) and the reopened VP-2025-00014 (27).
    for (const index of [16, 23, 27]) {
      await db.kysely
        .insertInto('complaints')
        .values(oldRow(index) as never)
        .execute();
    }
    expect((await whileTestSchemasStay(() => migrator(null).migrateToLatest())).error).toBeUndefined();
    const rows = await db.kysely
      .selectFrom('complaints')
      .select([
        'reference',
        'received_year',
        'received_month',
        'received_on',
        'acknowledged_on',
        'resolved_on',
        'final_report_on',
        'judgement',
        'offer_count',
        'first_offer_reaction',
        'final_offer_reaction',
        'measure_kinds',
        'agreed_count',
        'extension_working_days',
        'escalation_count',
        'escalation_routes',
        'commissioning_party_type',
        'not_taken_up_ground',
        'reopen_count',
        'prevention_decision',
        'preventive_count',
        'preventive_done',
        'preventive_done_on_time',
        'preventive_evaluated',
        'preventive_effective',
        'preventive_first_done_on',
        'survey_handled_well',
        'survey_on_time',
      ])
      .orderBy('reference')
      .execute();
    const none = {
      agreed_count: 0,
      not_taken_up_ground: null,
      survey_handled_well: null,
      survey_on_time: null,
    };
    expect(rows).toEqual([
      {
        reference: 'VP-2025-00003',
        received_year: 2025,
        received_month: 3,
        received_on: '2025-03-03',
        acknowledged_on: '2025-03-12',
        resolved_on: '2025-04-07',
        final_report_on: '2025-04-08',
        judgement: 'partly_well_founded',
        offer_count: 2,
        first_offer_reaction: 'not_satisfied',
        final_offer_reaction: 'satisfied',
        measure_kinds: '|redress|replacement_service|',
        extension_working_days: null,
        escalation_count: 0,
        escalation_routes: '',
        commissioning_party_type: 'employer',
        reopen_count: 0,
        prevention_decision: 'measures',
        preventive_count: 2,
        preventive_done: 1,
        preventive_done_on_time: 0,
        preventive_evaluated: 1,
        preventive_effective: 0,
        preventive_first_done_on: '2025-05-15',
        ...none,
      },
      {
        reference: 'VP-2025-00010',
        received_year: 2025,
        received_month: 10,
        received_on: '2025-10-06',
        acknowledged_on: '2025-10-07',
        resolved_on: '2025-11-17',
        final_report_on: '2025-11-18',
        judgement: 'partly_well_founded',
        offer_count: 1,
        first_offer_reaction: 'not_satisfied',
        final_offer_reaction: 'not_satisfied',
        measure_kinds: '|correction|redress|',
        extension_working_days: 10,
        escalation_count: 1,
        escalation_routes: '|national_ombudsman|',
        commissioning_party_type: 'UWV',
        reopen_count: 0,
        prevention_decision: null,
        preventive_count: 0,
        preventive_done: 0,
        preventive_done_on_time: 0,
        preventive_evaluated: 0,
        preventive_effective: 0,
        preventive_first_done_on: null,
        ...none,
      },
      {
        reference: 'VP-2025-00014',
        received_year: 2025,
        received_month: 3,
        received_on: '2025-03-10',
        acknowledged_on: '2025-03-11',
        resolved_on: null,
        final_report_on: null,
        judgement: null,
        offer_count: 0,
        first_offer_reaction: null,
        final_offer_reaction: null,
        measure_kinds: '',
        extension_working_days: null,
        escalation_count: 0,
        escalation_routes: '',
        commissioning_party_type: 'municipality',
        reopen_count: 1,
        prevention_decision: null,
        preventive_count: 0,
        preventive_done: 0,
        preventive_done_on_time: 0,
        preventive_evaluated: 0,
        preventive_effective: 0,
        preventive_first_done_on: null,
        ...none,
      },
    ]);
  });

  it("answers the year's queries from covering indexes", async () => {
    const queries: [string, string][] = [
      [
        'select category, received_on, acknowledged_on, count(*) from complaints where received_year = 2025 group by category, received_on, acknowledged_on',
        'complaints_analysis_category_idx',
      ],
      [
        'select channel, status, reporter_role, commissioning_party_type, team, anonymous, not_taken_up_ground, reopen_count, count(*) from complaints where received_year = 2025 group by channel, status, reporter_role, commissioning_party_type, team, anonymous, not_taken_up_ground, reopen_count',
        'complaints_analysis_volume_idx',
      ],
      [
        'select received_on, resolved_on, count(*) from complaints where received_year = 2025 and resolved_on is not null group by received_on, resolved_on',
        'complaints_analysis_terms_idx',
      ],
      [
        'select resolved_on, final_report_on, count(*) from complaints where received_year = 2025 and final_report_on is not null group by resolved_on, final_report_on',
        'complaints_analysis_report_idx',
      ],
    ];
    if (dialect === 'postgres') {
      // Sets the visibility map (an index-only scan needs it), as autovacuum does on a table in use.
      await db.kysely.executeQuery(CompiledQuery.raw('vacuum analyze complaints'));
    }
    const plans = await db.kysely.connection().execute(async (connection) => {
      if (dialect === 'postgres') {
        // A handful of rows: make the planner cost index scans as it would on a full table.
        await connection.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
        await connection.executeQuery(CompiledQuery.raw('set enable_bitmapscan = off'));
      }
      const result: string[] = [];
      for (const [query] of queries) {
        const sqlText = dialect === 'sqlite' ? `explain query plan ${query}` : `explain ${query}`;
        const { rows } = await connection.executeQuery<Record<string, string>>(CompiledQuery.raw(sqlText));
        result.push(rows.map((row) => row.detail ?? row['QUERY PLAN']).join('\n'));
      }
      return result;
    });
    // PostgreSQL scans the index only once (auto)vacuum has set the visibility map, which an open transaction
    // elsewhere (another test file) can hold back; which index it reads is the point here.
    const covered =
      dialect === 'sqlite'
        ? /USING COVERING INDEX (complaints_analysis_\w+)/
        : /Index (?:Only )?Scan using (complaints_analysis_\w+)/;
    expect(plans.map((plan) => plan.match(covered)?.[1])).toEqual(queries.map(([, index]) => index));
  });
});
