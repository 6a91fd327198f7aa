/**
 * The annual analysis's counts beyond the chosen year: the volume of earlier years for the trends, and the
 * daily counts per category around the first preventive measure of each category (recurrence). They read the
 * category and volume indexes in their own order; the first measures come from a small partial index.
 */
import type { RecurrenceInput, YearVolume } from '../../analysis/aggregates.ts';
import { addDays } from '../../analysis/dates.ts';
import type { IsoDate } from '../../domain/calendar.ts';
import type { DbExecutor } from '../database.ts';
import { add, key, n } from './analysis-sql.ts';

/** Complaints per year by category and by channel, for the trend (each read in its own index's order). */
export async function gatherVolumes(db: DbExecutor, years: readonly number[]): Promise<YearVolume[]> {
  if (years.length === 0) return [];
  const [categories, channels] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['received_year', 'category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_year', 'in', [...years])
      .groupBy(['received_year', 'category'])
      .execute(),
    db
      .selectFrom('complaints')
      .select(['received_year', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_year', 'in', [...years])
      .groupBy(['received_year', 'channel'])
      .execute(),
  ]);
  return years.map((year) => {
    const volume: YearVolume = { year, total: 0, byCategory: {}, byChannel: {} };
    for (const row of categories.filter((r) => n(r.received_year) === year)) {
      volume.total += n(row.n);
      add(volume.byCategory, key(row.category), n(row.n));
    }
    for (const row of channels.filter((r) => n(r.received_year) === year))
      add(volume.byChannel, key(row.channel), n(row.n));
    return volume;
  });
}

/**
 * Per category, the first day a preventive measure was done on a complaint received in the year or the year
 * before (done by the end of the year), and the daily counts of those categories from a year before that day.
 */
export async function gatherRecurrence(db: DbExecutor, year: number): Promise<RecurrenceInput> {
  const firsts = await db
    .selectFrom('complaints')
    .select(['category', (eb) => eb.fn.min<IsoDate>('preventive_first_done_on').as('first')])
    // Repeats the partial index's condition, so that the planner may use it.
    .where('preventive_first_done_on', 'is not', null)
    .where('received_year', 'in', [year - 1, year])
    .where('category', 'is not', null)
    .where('preventive_first_done_on', '<=', `${year}-12-31`)
    .groupBy('category')
    .execute();
  const firstMeasureDone = firsts.map((row) => ({ category: String(row.category), on: String(row.first) }));
  if (firstMeasureDone.length === 0) return { firstMeasureDone, daily: [] };
  const earliest = firstMeasureDone.map((f) => f.on).sort()[0]!;
  const years = Array.from(
    { length: year - Number(addDays(earliest, -366).slice(0, 4)) + 1 },
    (_, i) => year - i,
  );
  const rows = await db
    .selectFrom('complaints')
    .select(['received_year', 'category', 'received_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_year', 'in', years)
    .where(
      'category',
      'in',
      firstMeasureDone.map((f) => f.category),
    )
    .groupBy(['received_year', 'category', 'received_on'])
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
