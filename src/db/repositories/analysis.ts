/**
 * The annual analysis's data: counts for one year, aggregated by SQL over the fact columns of migration 0006.
 *
 * Every query filters on `received_year` and reads one covering index (ANALYSIS_INDEXES in the migration):
 * grouped queries group by the columns that follow `received_year`, in index order, so SQLite counts while it
 * reads the index, without a sort and without touching the wide rows, and PostgreSQL answers from the index.
 * The groups are few (a year of 100 000 complaints gives some thousands) and the code adds them up per
 * dimension. Conditions are counted with `count(*) filter (where …)`. The queries are independent: on
 * PostgreSQL they run side by side over the pool.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Counts, DatePair, TermCounts, YearAggregates } from '../../analysis/aggregates.ts';
import { amsterdamMonthStarts } from '../../analysis/dates.ts';
import { decodeCodeSet } from '../../analysis/facts.ts';
import { amsterdamDateOf, type IsoDate } from '../../domain/calendar.ts';
import type { DbExecutor } from '../database.ts';
import { toBool } from '../normalise.ts';
import { add, countWhere, inYear, key, n } from './analysis-sql.ts';

export interface GatherOptions {
  /** The Amsterdam date the report is made on: a term not met is overdue when its deadline lies before it. */
  asOf: IsoDate;
}

/** Every count of one year's complaints and spot records. */
export async function gatherYear(
  db: DbExecutor,
  year: number,
  options: GatherOptions,
): Promise<YearAggregates> {
  const [{ acknowledgePairs, ...categories }, volume, spot, terms, resolve, report, outcomes] =
    await Promise.all([
      gatherCategories(db, year),
      gatherVolume(db, year),
      gatherSpotRecords(db, year),
      gatherTerms(db, year, options.asOf),
      // The terms index leads with these two days, the report index with the other two.
      datePairs(db, year, 'received_on', 'resolved_on'),
      datePairs(db, year, 'resolved_on', 'final_report_on'),
      gatherOutcomes(db, year),
    ]);
  const leadTimes = { acknowledge: acknowledgePairs, resolve, report };
  return { year, ...categories, ...volume, spot, ...terms, leadTimes, ...outcomes };
}

/**
 * Per category, day of receipt and day of acknowledgement (the category index's order): the categories, the
 * months and the pairs of days the acknowledgement's lead time is counted between.
 */
async function gatherCategories(db: DbExecutor, year: number) {
  const rows = await db
    .selectFrom('complaints')
    .select(['category', 'received_on', 'acknowledged_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inYear(year))
    .groupBy(['category', 'received_on', 'acknowledged_on'])
    .execute();
  const result = { total: 0, byMonth: {} as Counts, byCategory: {} as Counts };
  const acknowledge = new Map<string, number>();
  const daily = new Map<string, number>();
  for (const row of rows) {
    const count = n(row.n);
    result.total += count;
    if (row.category !== null) {
      const day = `${row.category}|${row.received_on}`;
      daily.set(day, (daily.get(day) ?? 0) + count);
    }
    add(result.byMonth, String(Number(String(row.received_on).slice(5, 7))), count);
    add(result.byCategory, key(row.category), count);
    if (row.acknowledged_on !== null) {
      const pair = `${row.received_on}|${row.acknowledged_on}`;
      acknowledge.set(pair, (acknowledge.get(pair) ?? 0) + count);
    }
  }
  const acknowledgePairs = [...acknowledge].map(([pair, count]): DatePair => {
    const [from, to] = pair.split('|') as [string, string];
    return { from, to, count };
  });
  const dailyByCategory = [...daily].map(([day, count]) => {
    const [category, on] = day.split('|') as [string, string];
    return { category, on, count };
  });
  return { ...result, dailyByCategory, acknowledgePairs };
}

const VOLUME_KEYS = [
  'channel',
  'status',
  'reporter_role',
  'commissioning_party_type',
  'team',
  'anonymous',
  'not_taken_up_ground',
  'reopen_count',
] as const;

/** The other dimensions of the volume, from one grouped pass over the volume index. */
async function gatherVolume(db: DbExecutor, year: number) {
  const rows = await db
    .selectFrom('complaints')
    .select([...VOLUME_KEYS, (eb) => eb.fn.countAll<number>().as('n')])
    .where(inYear(year))
    .groupBy([...VOLUME_KEYS])
    .execute();
  const result = {
    byChannel: {} as Counts,
    byStatus: {} as Counts,
    byRole: {} as Counts,
    byCommissioningParty: {} as Counts,
    byTeam: {} as Counts,
    notTakenUpByGround: {} as Counts,
    anonymous: 0,
    reopened: 0,
  };
  for (const row of rows) {
    const count = n(row.n);
    add(result.byChannel, key(row.channel), count);
    add(result.byStatus, key(row.status), count);
    add(result.byRole, key(row.reporter_role), count);
    add(result.byCommissioningParty, key(row.commissioning_party_type), count);
    add(result.byTeam, key(row.team), count);
    // A ground counts while the complaint is not taken up (a reopened one keeps no ground).
    if (row.status === 'not_taken_up') add(result.notTakenUpByGround, key(row.not_taken_up_ground), count);
    if (toBool(row.anonymous)) result.anonymous += count;
    if (n(row.reopen_count) > 0) result.reopened += count;
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

/**
 * The three terms in one pass over the terms index, without grouping: a count per outcome. "Not owed" follows
 * deadlineOverview: a withdrawn complaint or one not taken up stops the clock for the terms it had not met.
 * The final report is owed once the complaint is resolved (report_by is set then, never for not taken up).
 */
async function gatherTerms(db: DbExecutor, year: number, asOf: IsoDate) {
  const stopped = sql<SqlBool>`status in (${sql.join(STOPPED)})`;
  const term = (prefix: string, met: string, due: string): Record<string, RawBuilder<number>> => ({
    [`${prefix}_on_time`]: countWhere(sql`${sql.ref(met)} <= ${sql.ref(due)}`),
    [`${prefix}_late`]: countWhere(sql`${sql.ref(met)} > ${sql.ref(due)}`),
    [`${prefix}_overdue`]: countWhere(
      sql`${sql.ref(met)} is null and ${sql.ref(due)} < ${asOf} and not ${stopped}`,
    ),
    [`${prefix}_not_owed`]: countWhere(
      sql`${sql.ref(met)} is null and ${sql.ref(due)} is not null and ${stopped}`,
    ),
    [`${prefix}_owed`]: sql<number>`count(${sql.ref(due)})`,
  });
  const selections: Record<string, RawBuilder<number>> = {
    ...term('a', 'acknowledged_on', 'acknowledge_by'),
    ...term('r', 'resolved_on', 'resolve_by'),
    ...term('p', 'final_report_on', 'report_by'),
    extensions: sql<number>`count(extension_working_days)`,
    extension_days: sql<number>`coalesce(sum(extension_working_days), 0)`,
  };
  const row = (await db
    .selectFrom('complaints')
    .select(Object.entries(selections).map(([name, expression]) => expression.as(name)))
    .where(inYear(year))
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  const counts = (prefix: string): TermCounts => {
    const c = {
      onTime: n(row[`${prefix}_on_time`]),
      late: n(row[`${prefix}_late`]),
      overdue: n(row[`${prefix}_overdue`]),
      notOwed: n(row[`${prefix}_not_owed`]),
    };
    return { ...c, open: n(row[`${prefix}_owed`]) - c.onTime - c.late - c.overdue - c.notOwed };
  };
  return {
    terms: { acknowledge: counts('a'), resolve: counts('r'), report: counts('p') },
    extensions: { count: n(row.extensions), workingDays: n(row.extension_days) },
  };
}

/** Distinct (from, to) pairs of days with their counts, grouped in the order of an index that leads with them. */
async function datePairs(
  db: DbExecutor,
  year: number,
  from: 'received_on' | 'resolved_on',
  to: 'resolved_on' | 'final_report_on',
): Promise<DatePair[]> {
  const rows = await db
    .selectFrom('complaints')
    .select([
      sql.ref<IsoDate>(from).as('from'),
      sql.ref<IsoDate>(to).as('to'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where(inYear(year))
    .where(to, 'is not', null)
    .groupBy([from, to])
    .execute();
  return rows.map((row): DatePair => ({ from: String(row.from), to: String(row.to), count: n(row.n) }));
}

const OUTCOME_KEYS = [
  'judgement',
  'first_offer_reaction',
  'final_offer_reaction',
  'offer_count',
  'measure_kinds',
  'escalation_routes',
  'prevention_decision',
  'survey_handled_well',
  'survey_on_time',
] as const;
const OUTCOME_SUMS = [
  'agreed_count',
  'agreed_done',
  'agreed_done_on_time',
  'escalation_count',
  'preventive_count',
  'preventive_done',
  'preventive_done_on_time',
  'preventive_evaluated',
  'preventive_effective',
] as const;

/**
 * Outcomes and prevention in one pass over the outcomes index: grouped by its categorical facts (judgement,
 * reactions, the sets of corrective measures and appeal routes, prevention, survey answers), the counts of
 * measures summed; the code adds the groups up per question.
 */
async function gatherOutcomes(db: DbExecutor, year: number) {
  const rows = (await db
    .selectFrom('complaints')
    .select([
      ...OUTCOME_KEYS,
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(closed_at)`.as('closed'),
      ...OUTCOME_SUMS.map((column) => sql<number>`sum(${sql.ref(column)})`.as(column)),
    ])
    .where(inYear(year))
    .groupBy([...OUTCOME_KEYS])
    .execute()) as Record<string, unknown>[];
  const reactions = (): Counts => ({ satisfied: 0, not_satisfied: 0, no_answer: 0 });
  const out = {
    judgement: { well_founded: 0, partly_well_founded: 0, unfounded: 0 } as Counts,
    offered: 0,
    newOffer: 0,
    firstOfferReaction: reactions(),
    newOfferReaction: reactions(),
    measureKinds: {} as YearAggregates['measureKinds'],
    escalations: { complaints: 0, total: 0, byRoute: {} as Counts },
    decidedMeasures: 0,
    noneArePossible: 0,
    survey: {
      invited: 0,
      answered: 0,
      handledWell: { yes: 0, partly: 0, no: 0 } as Counts,
      onTime: { yes: 0, no: 0, unknown: 0 } as Counts,
    },
  };
  const sums: Record<string, number> = {};
  for (const row of rows) {
    const count = n(row.n);
    for (const column of OUTCOME_SUMS) sums[column] = (sums[column] ?? 0) + n(row[column]);
    out.survey.invited += n(row.closed);
    if (row.judgement !== null) add(out.judgement, key(row.judgement), count);
    if (row.first_offer_reaction !== null) add(out.firstOfferReaction, key(row.first_offer_reaction), count);
    if (n(row.offer_count) > 0) out.offered += count;
    if (n(row.offer_count) > 1) {
      out.newOffer += count;
      if (row.final_offer_reaction !== null) add(out.newOfferReaction, key(row.final_offer_reaction), count);
    }
    for (const kind of decodeCodeSet(row.measure_kinds as string | null)) {
      const entry = out.measureKinds[kind] ?? { offered: 0, satisfied: 0 };
      out.measureKinds[kind] = entry;
      entry.offered += count;
      if (row.final_offer_reaction === 'satisfied') entry.satisfied += count;
    }
    const routes = decodeCodeSet(row.escalation_routes as string | null);
    if (routes.length) out.escalations.complaints += count;
    for (const route of routes) add(out.escalations.byRoute, route, count);
    if (row.prevention_decision === 'measures') out.decidedMeasures += count;
    if (row.prevention_decision === 'none_possible') out.noneArePossible += count;
    if (row.survey_handled_well !== null) {
      out.survey.answered += count;
      add(out.survey.handledWell, key(row.survey_handled_well), count);
    }
    if (row.survey_on_time !== null) add(out.survey.onTime, key(row.survey_on_time), count);
  }
  const sum = (column: (typeof OUTCOME_SUMS)[number]) => sums[column] ?? 0;
  const { decidedMeasures, noneArePossible, ...rest } = out;
  return {
    ...rest,
    agreedMeasures: {
      count: sum('agreed_count'),
      done: sum('agreed_done'),
      doneOnTime: sum('agreed_done_on_time'),
    },
    escalations: { ...out.escalations, total: sum('escalation_count') },
    prevention: {
      decidedMeasures,
      noneArePossible,
      measures: sum('preventive_count'),
      done: sum('preventive_done'),
      doneOnTime: sum('preventive_done_on_time'),
      evaluated: sum('preventive_evaluated'),
      effective: sum('preventive_effective'),
    },
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
