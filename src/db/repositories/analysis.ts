/**
 * The annual analysis's data: counts for one year, aggregated by SQL over the fact columns of migration 0006.
 * Every query filters on `received_year` and touches only columns of one covering index, so a year is counted
 * from index entries, never from the wide rows. The queries are independent: on PostgreSQL they run side by
 * side over the pool; SQLite's one connection takes them in turn.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type {
  Counts,
  DatePair,
  RecurrenceInput,
  TermCounts,
  YearAggregates,
  YearVolume,
} from '../../analysis/aggregates.ts';
import { addDays, amsterdamMonthStarts } from '../../analysis/dates.ts';
import { CORRECTIVE_KINDS } from '../../analysis/facts.ts';
import { amsterdamDateOf, type IsoDate } from '../../domain/calendar.ts';
import type { DbExecutor } from '../database.ts';
import { toBool } from '../normalise.ts';

const n = (value: unknown): number => Number(value ?? 0);
const key = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** `sum(case when <condition> then 1 else 0 end)`: a count of the rows that meet the condition. */
const countWhen = (condition: RawBuilder<unknown> | Expression<SqlBool>) =>
  sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** A LIKE pattern for a member of a '|a|b|' code set, with LIKE's wildcards in the code escaped. */
const memberPattern = (code: string) => `%|${code.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
const hasMember = (column: string, code: string) =>
  sql`${sql.ref(column)} like ${memberPattern(code)} escape '\\'`;

function add(counts: Counts, k: string, value: number): void {
  counts[k] = (counts[k] ?? 0) + value;
}

export interface GatherOptions {
  /** The Amsterdam date the report is made on: a term not met is overdue when its deadline lies before it. */
  asOf: IsoDate;
  /** The appeal route codes to count escalations for (from the settings). */
  appealRoutes: readonly string[];
}

/** Every count of one year's complaints and spot records. */
export async function gatherYear(
  db: DbExecutor,
  year: number,
  options: GatherOptions,
): Promise<YearAggregates> {
  const [volume, spot, terms, leadTimes, outcomes] = await Promise.all([
    gatherVolume(db, year),
    gatherSpotRecords(db, year),
    gatherTerms(db, year, options.asOf),
    gatherLeadTimes(db, year),
    gatherOutcomes(db, year, options.appealRoutes),
  ]);
  return { year, ...volume, spot, ...terms, leadTimes, ...outcomes };
}

const inYear = (year: number) => sql<SqlBool>`received_year = ${year}`;

async function gatherVolume(db: DbExecutor, year: number) {
  const [monthChannel, categoryRole, other, status] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['received_month', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inYear(year))
      .groupBy(['received_month', 'channel'])
      .execute(),
    db
      .selectFrom('complaints')
      .select(['category', 'reporter_role', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inYear(year))
      .groupBy(['category', 'reporter_role'])
      .execute(),
    db
      .selectFrom('complaints')
      .select([
        'team',
        'commissioning_party_type',
        'anonymous',
        sql<number>`case when reopen_count > 0 then 1 else 0 end`.as('reopened'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where(inYear(year))
      .groupBy([
        'team',
        'commissioning_party_type',
        'anonymous',
        sql`case when reopen_count > 0 then 1 else 0 end`,
      ])
      .execute(),
    db
      .selectFrom('complaints')
      .select(['status', 'not_taken_up_ground', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inYear(year))
      .groupBy(['status', 'not_taken_up_ground'])
      .execute(),
  ]);
  const result = {
    total: 0,
    byMonth: {} as Counts,
    byChannel: {} as Counts,
    byCategory: {} as Counts,
    byTeam: {} as Counts,
    byRole: {} as Counts,
    byCommissioningParty: {} as Counts,
    byStatus: {} as Counts,
    notTakenUpByGround: {} as Counts,
    anonymous: 0,
    reopened: 0,
  };
  for (const row of monthChannel) {
    result.total += n(row.n);
    add(result.byMonth, key(row.received_month), n(row.n));
    add(result.byChannel, key(row.channel), n(row.n));
  }
  for (const row of categoryRole) {
    add(result.byCategory, key(row.category), n(row.n));
    add(result.byRole, key(row.reporter_role), n(row.n));
  }
  for (const row of other) {
    add(result.byTeam, key(row.team), n(row.n));
    add(result.byCommissioningParty, key(row.commissioning_party_type), n(row.n));
    if (toBool(row.anonymous)) result.anonymous += n(row.n);
    if (n(row.reopened) === 1) result.reopened += n(row.n);
  }
  for (const row of status) {
    add(result.byStatus, key(row.status), n(row.n));
    if (row.status === 'not_taken_up') add(result.notTakenUpByGround, key(row.not_taken_up_ground), n(row.n));
  }
  return result;
}

/**
 * Spot records of the year. They are few and have no fact columns: months are told apart by comparing the
 * stored UTC instant with the instants the Amsterdam months begin, in SQL.
 */
async function gatherSpotRecords(db: DbExecutor, year: number): Promise<YearAggregates['spot']> {
  const starts = amsterdamMonthStarts(year);
  const month = sql<number>`case ${sql.join(
    starts.slice(1).map((start, i) => sql`when received_at < ${start} then ${i + 1}`),
    sql` `,
  )} else 12 end`;
  const rows = await db
    .selectFrom('spot_records')
    .select([
      month.as('month'),
      'channel',
      'category',
      sql<number>`case when converted_complaint_id is null then 0 else 1 end`.as('converted'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('received_at', '>=', starts[0]!)
    .where('received_at', '<', starts[12]!)
    // By position: PostgreSQL does not see a CASE with bound parameters in the select list and in the group
    // by as the same expression (the parameters are numbered apart).
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute();
  const spot = {
    total: 0,
    converted: 0,
    byMonth: {} as Counts,
    byChannel: {} as Counts,
    byCategory: {} as Counts,
  };
  for (const row of rows) {
    spot.total += n(row.n);
    if (n(row.converted) === 1) spot.converted += n(row.n);
    add(spot.byMonth, key(row.month), n(row.n));
    add(spot.byChannel, key(row.channel), n(row.n));
    add(spot.byCategory, key(row.category), n(row.n));
  }
  return spot;
}

const STOPPED = ['withdrawn', 'not_taken_up'];

async function gatherTerms(db: DbExecutor, year: number, asOf: IsoDate) {
  // One scan, many counts. "Not owed" follows deadlineOverview: a withdrawn complaint or one not taken up stops
  // the clock for the terms it had not met.
  const stopped = sql<SqlBool>`status in (${sql.join(STOPPED)})`;
  const term = (met: string, due: string) => ({
    onTime: countWhen(sql`${sql.ref(met)} is not null and ${sql.ref(met)} <= ${sql.ref(due)}`),
    late: countWhen(sql`${sql.ref(met)} is not null and ${sql.ref(met)} > ${sql.ref(due)}`),
    overdue: countWhen(sql`${sql.ref(met)} is null and not ${stopped} and ${sql.ref(due)} < ${asOf}`),
    notOwed: countWhen(sql`${sql.ref(met)} is null and ${stopped}`),
  });
  const a = term('acknowledged_on', 'acknowledge_by');
  const r = term('resolved_on', 'resolve_by');
  // The final report is owed once the complaint is resolved (report_by is set then, never for not taken up).
  const p = term('final_report_on', 'report_by');
  const row = await db
    .selectFrom('complaints')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      a.onTime.as('a_on_time'),
      a.late.as('a_late'),
      a.overdue.as('a_overdue'),
      a.notOwed.as('a_not_owed'),
      r.onTime.as('r_on_time'),
      r.late.as('r_late'),
      r.overdue.as('r_overdue'),
      r.notOwed.as('r_not_owed'),
      countWhen(sql`report_by is not null`).as('p_owed'),
      p.onTime.as('p_on_time'),
      p.late.as('p_late'),
      countWhen(sql`report_by is not null and final_report_on is null and report_by < ${asOf}`).as(
        'p_overdue',
      ),
      countWhen(sql`extension_working_days is not null`).as('extensions'),
      sql<number>`coalesce(sum(extension_working_days), 0)`.as('extension_days'),
    ])
    .where(inYear(year))
    .executeTakeFirstOrThrow();
  const total = n(row.total);
  const counts = (
    onTime: unknown,
    late: unknown,
    overdue: unknown,
    notOwed: unknown,
    owed = total,
  ): TermCounts => {
    const c = { onTime: n(onTime), late: n(late), overdue: n(overdue), notOwed: n(notOwed) };
    return { ...c, open: owed - c.onTime - c.late - c.overdue - c.notOwed };
  };
  return {
    terms: {
      acknowledge: counts(row.a_on_time, row.a_late, row.a_overdue, row.a_not_owed),
      resolve: counts(row.r_on_time, row.r_late, row.r_overdue, row.r_not_owed),
      report: counts(row.p_on_time, row.p_late, row.p_overdue, 0, n(row.p_owed)),
    },
    extensions: { count: n(row.extensions), workingDays: n(row.extension_days) },
  };
}

/** Distinct (from, to) day pairs with their counts: a year has a few thousand, whatever its volume. */
async function gatherLeadTimes(db: DbExecutor, year: number): Promise<YearAggregates['leadTimes']> {
  const pairs = async (
    from: 'received_on' | 'resolved_on',
    to: 'acknowledged_on' | 'resolved_on' | 'final_report_on',
  ) => {
    const rows = await db
      .selectFrom('complaints')
      .select([
        sql.ref<IsoDate>(from).as('from'),
        sql.ref<IsoDate>(to).as('to'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where(inYear(year))
      .where(from, 'is not', null)
      .where(to, 'is not', null)
      .groupBy([from, to])
      .execute();
    return rows.map((row): DatePair => ({ from: String(row.from), to: String(row.to), count: n(row.n) }));
  };
  const [acknowledge, resolve, report] = await Promise.all([
    pairs('received_on', 'acknowledged_on'),
    pairs('received_on', 'resolved_on'),
    pairs('resolved_on', 'final_report_on'),
  ]);
  return { acknowledge, resolve, report };
}

async function gatherOutcomes(db: DbExecutor, year: number, appealRoutes: readonly string[]) {
  const eq = (column: string, value: string) => sql`${sql.ref(column)} = ${value}`;
  const selections: Record<string, RawBuilder<number>> = {
    closed: countWhen(sql`closed_at is not null`),
    offered: countWhen(sql`offer_count > 0`),
    new_offer: countWhen(sql`offer_count > 1`),
    agreed: sql<number>`coalesce(sum(agreed_count), 0)`,
    agreed_done: sql<number>`coalesce(sum(agreed_done), 0)`,
    agreed_on_time: sql<number>`coalesce(sum(agreed_done_on_time), 0)`,
    escalated: countWhen(sql`escalation_count > 0`),
    escalations: sql<number>`coalesce(sum(escalation_count), 0)`,
    prevention_measures: countWhen(eq('prevention_decision', 'measures')),
    prevention_none: countWhen(eq('prevention_decision', 'none_possible')),
    pm_count: sql<number>`coalesce(sum(preventive_count), 0)`,
    pm_done: sql<number>`coalesce(sum(preventive_done), 0)`,
    pm_on_time: sql<number>`coalesce(sum(preventive_done_on_time), 0)`,
    pm_evaluated: sql<number>`coalesce(sum(preventive_evaluated), 0)`,
    pm_effective: sql<number>`coalesce(sum(preventive_effective), 0)`,
    survey_answered: countWhen(sql`survey_handled_well is not null`),
  };
  for (const judgement of ['well_founded', 'partly_well_founded', 'unfounded']) {
    selections[`j_${judgement}`] = countWhen(eq('judgement', judgement));
  }
  for (const reaction of ['satisfied', 'not_satisfied', 'no_answer']) {
    selections[`first_${reaction}`] = countWhen(eq('first_offer_reaction', reaction));
    selections[`new_${reaction}`] = countWhen(
      sql`offer_count > 1 and ${eq('final_offer_reaction', reaction)}`,
    );
  }
  CORRECTIVE_KINDS.forEach((kind, i) => {
    selections[`kind_${i}`] = countWhen(hasMember('measure_kinds', kind));
    selections[`kind_${i}_satisfied`] = countWhen(
      sql`${hasMember('measure_kinds', kind)} and ${eq('final_offer_reaction', 'satisfied')}`,
    );
  });
  appealRoutes.forEach((route, i) => {
    selections[`route_${i}`] = countWhen(hasMember('escalation_routes', route));
  });
  for (const answer of ['yes', 'partly', 'no'])
    selections[`well_${answer}`] = countWhen(eq('survey_handled_well', answer));
  for (const answer of ['yes', 'no', 'unknown'])
    selections[`time_${answer}`] = countWhen(eq('survey_on_time', answer));

  const row = (await db
    .selectFrom('complaints')
    .select(Object.entries(selections).map(([name, expression]) => expression.as(name)))
    .where(inYear(year))
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  const pick = (prefix: string, codes: readonly string[]): Counts =>
    Object.fromEntries(codes.map((code) => [code, n(row[`${prefix}${code}`])]));
  return {
    judgement: pick('j_', ['well_founded', 'partly_well_founded', 'unfounded']),
    offered: n(row.offered),
    newOffer: n(row.new_offer),
    firstOfferReaction: pick('first_', ['satisfied', 'not_satisfied', 'no_answer']),
    newOfferReaction: pick('new_', ['satisfied', 'not_satisfied', 'no_answer']),
    measureKinds: Object.fromEntries(
      CORRECTIVE_KINDS.map((kind, i) => [
        kind,
        { offered: n(row[`kind_${i}`]), satisfied: n(row[`kind_${i}_satisfied`]) },
      ]),
    ),
    agreedMeasures: { count: n(row.agreed), done: n(row.agreed_done), doneOnTime: n(row.agreed_on_time) },
    escalations: {
      complaints: n(row.escalated),
      total: n(row.escalations),
      byRoute: Object.fromEntries(appealRoutes.map((route, i) => [route, n(row[`route_${i}`])])),
    },
    prevention: {
      decidedMeasures: n(row.prevention_measures),
      noneArePossible: n(row.prevention_none),
      measures: n(row.pm_count),
      done: n(row.pm_done),
      doneOnTime: n(row.pm_on_time),
      evaluated: n(row.pm_evaluated),
      effective: n(row.pm_effective),
    },
    survey: {
      invited: n(row.closed),
      answered: n(row.survey_answered),
      handledWell: pick('well_', ['yes', 'partly', 'no']),
      onTime: pick('time_', ['yes', 'no', 'unknown']),
    },
  };
}

/** Complaints per year by category and by channel, for the trend. */
export async function gatherVolumes(db: DbExecutor, years: readonly number[]): Promise<YearVolume[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectFrom('complaints')
    .select(['received_year', 'category', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_year', 'in', [...years])
    .groupBy(['received_year', 'category', 'channel'])
    .execute();
  return years.map((year) => {
    const volume: YearVolume = { year, total: 0, byCategory: {}, byChannel: {} };
    for (const row of rows.filter((r) => n(r.received_year) === year)) {
      volume.total += n(row.n);
      add(volume.byCategory, key(row.category), n(row.n));
      add(volume.byChannel, key(row.channel), n(row.n));
    }
    return volume;
  });
}

/**
 * Per category, the first day a preventive measure was done on a complaint received in the year or the year
 * before (done by the end of the year), and the daily counts of that category from a year before that day.
 */
export async function gatherRecurrence(db: DbExecutor, year: number): Promise<RecurrenceInput> {
  const firsts = await db
    .selectFrom('complaints')
    .select(['category', (eb) => eb.fn.min<IsoDate>('preventive_first_done_on').as('first')])
    .where('received_year', 'in', [year - 1, year])
    .where('category', 'is not', null)
    .where('preventive_first_done_on', 'is not', null)
    .where('preventive_first_done_on', '<=', `${year}-12-31`)
    .groupBy('category')
    .execute();
  const firstMeasureDone = firsts.map((row) => ({ category: String(row.category), on: String(row.first) }));
  if (firstMeasureDone.length === 0) return { firstMeasureDone, daily: [] };
  const earliest = firstMeasureDone.map((f) => f.on).sort()[0]!;
  const rows = await db
    .selectFrom('complaints')
    .select(['category', 'received_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_year', '>=', Number(addDays(earliest, -366).slice(0, 4)))
    .where('received_year', '<=', year)
    .where(
      'category',
      'in',
      firstMeasureDone.map((f) => f.category),
    )
    .groupBy(['category', 'received_on'])
    .execute();
  return {
    firstMeasureDone,
    daily: rows.map((row) => ({
      category: String(row.category),
      on: String(row.received_on),
      count: n(row.n),
    })),
  };
}

/** The Amsterdam date of the first complaint ever received (the start of the data), or null when there is none. */
export async function firstReceivedOn(db: DbExecutor): Promise<IsoDate | null> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.min<string>('received_at').as('first'))
    .executeTakeFirst();
  return row?.first ? amsterdamDateOf(new Date(row.first).toISOString()) : null;
}

/** How many complaints were received in the year (for progress bars). */
export async function countYear(db: DbExecutor, year: number): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inYear(year))
    .executeTakeFirstOrThrow();
  return n(row.n);
}
