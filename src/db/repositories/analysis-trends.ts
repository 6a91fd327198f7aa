/**
 * The annual analysis's counts beyond one year's: the volume of earlier years for the trends, and for the
 * recurrence the first preventive measure done per category (from a small partial index) and daily counts per
 * category of the years the chosen year's own counts do not cover.
 */
import type { RecurrenceInput, YearVolume } from '../../analysis/aggregates.ts';
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
 * Per category, the first day a preventive measure was done on a complaint received in one of `years` (done by
 * `doneBy`): one lookup per year and category in the small partial index (its first entry is the minimum).
 */
export async function firstMeasuresDone(
  db: DbExecutor,
  years: readonly number[],
  categories: readonly string[],
  doneBy: IsoDate,
): Promise<RecurrenceInput['firstMeasureDone']> {
  const firsts = new Map<string, IsoDate>();
  for (const year of years) {
    for (const category of categories) {
      const row = await db
        .selectFrom('complaints')
        .select('preventive_first_done_on')
        // Repeats the partial index's condition, so that the planner may use it.
        .where('preventive_first_done_on', 'is not', null)
        .where('received_year', '=', year)
        .where('category', '=', category)
        .where('preventive_first_done_on', '<=', doneBy)
        .orderBy('preventive_first_done_on')
        .limit(1)
        .executeTakeFirst();
      const on = row?.preventive_first_done_on ? String(row.preventive_first_done_on) : null;
      if (on && (!firsts.has(category) || on < firsts.get(category)!)) firsts.set(category, on);
    }
  }
  return [...firsts].map(([category, on]) => ({ category, on }));
}

/** Complaints per category and day of receipt in `years`, for `categories` (the category index's order). */
export async function dailyByCategory(
  db: DbExecutor,
  years: readonly number[],
  categories: readonly string[],
): Promise<RecurrenceInput['daily']> {
  if (years.length === 0 || categories.length === 0) return [];
  const rows = await db
    .selectFrom('complaints')
    .select(['received_year', 'category', 'received_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_year', 'in', [...years])
    .where('category', 'in', [...categories])
    .groupBy(['received_year', 'category', 'received_on'])
    .execute();
  return rows.map((row) => ({
    category: String(row.category),
    on: String(row.received_on),
    count: n(row.n),
  }));
}
