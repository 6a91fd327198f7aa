/**
 * The working-day calendar of the Algemene termijnenwet (Atw) art. 3, plus the organisation's equated and
 * closing days. Pure: no I/O and no clock reads; every "today" comes from the caller.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface CalendarConfig {
  /** Follow days equated by royal decree (Atw art. 3 lid 3). */
  followEquatedDays: boolean;
  /** ISO dates, data (see src/domain/settings.ts KNOWN_EQUATED_DAYS). */
  equatedDays: readonly string[];
  /** The organisation's own closing days; they always count. */
  closingDays: readonly string[];
}

export type NonWorkingKind = 'weekend' | 'holiday' | 'equated' | 'closing';

export interface WorkingDayCalendar {
  /** Short, stable fingerprint stored beside each deadline, e.g. 'atw+equated+closing:1a2b3c4d'. */
  readonly id: string;
  isWorkingDay(date: IsoDate): boolean;
  /** Why a date is not a working day, with a Dutch name; null for a working day. */
  nonWorkingReason(date: IsoDate): { kind: NonWorkingKind; name: string } | null;
  /** The n-th working day after `date` (date itself does not count); n = 0 returns date. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]; negative if to < from. */
  countWorkingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The Atw holidays (lid 1 and lid 2) of a year with Dutch names, sorted by date. */
  holidaysOf(year: number): { date: IsoDate; name: string }[];
}

const ZONE = 'Europe/Amsterdam';
// The "27 April, or 26 April when the 27th is a Sunday" rule holds since the 2014 accession; earlier years
// had Koninginnedag (30 April). Refusing them is safer than silently computing a wrong deadline.
const FIRST_SUPPORTED_YEAR = 2014;

// Picked by rule, not by name or type: date-holidays types Goede Vrijdag as 'school' and its names are
// display text that may change, while 'easter N' is the rule itself.
const EASTER_BASED: ReadonlyMap<string, string> = new Map([
  ['easter -2', 'Goede Vrijdag'],
  ['easter 1', 'Tweede Paasdag'],
  ['easter 39', 'Hemelvaartsdag'],
  ['easter 50', 'Tweede Pinksterdag'],
]);

let holidayLibrary: Holidays | undefined;
const holidayCache = new Map<number, readonly { date: IsoDate; name: string }[]>();
const holidayNameCache = new Map<number, ReadonlyMap<IsoDate, string>>();

/** True for a strict 'YYYY-MM-DD' string that names a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value); // rejects 2026-02-30 and friends
    return true;
  } catch {
    return false;
  }
}

// Temporal alone would also accept '2026-04-01T10:00' or '+002026-04-01'; deadlines must not.
function parseDate(value: IsoDate, what = 'date'): Temporal.PlainDate {
  if (!isIsoDate(value))
    throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
  return Temporal.PlainDate.from(value);
}

function atwHolidays(year: number): readonly { date: IsoDate; name: string }[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
    throw new RangeError(`The Atw calendar supports the years ${FIRST_SUPPORTED_YEAR}-9999, not ${year}`);
  }
  holidayLibrary ??= new Holidays('NL');
  const list: { date: IsoDate; name: string }[] = [];
  for (const h of holidayLibrary.getHolidays(year)) {
    const name = EASTER_BASED.get(h.rule);
    if (name) list.push({ date: h.date.slice(0, 10), name });
  }
  // A silently missing holiday would shift deadlines; fail loudly if a date-holidays update renames a rule.
  if (list.length !== EASTER_BASED.size) {
    throw new Error(
      `date-holidays returned ${list.length} of the ${EASTER_BASED.size} Easter-based holidays for ${year}`,
    );
  }
  const pad = (n: number) => String(n).padStart(4, '0');
  const kingsDay = Temporal.PlainDate.from({ year, month: 4, day: 27 });
  list.push(
    { date: `${pad(year)}-01-01`, name: 'Nieuwjaarsdag' },
    {
      date: (kingsDay.dayOfWeek === 7 ? kingsDay.subtract({ days: 1 }) : kingsDay).toString(),
      name: 'Koningsdag',
    },
    // Atw lid 1 names 5 May every year, not only in lustrum years as collective agreements often do.
    { date: `${pad(year)}-05-05`, name: 'Bevrijdingsdag' },
    { date: `${pad(year)}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${pad(year)}-12-26`, name: 'Tweede Kerstdag' },
  );
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const names = new Map<IsoDate, string>();
  // Hemelvaartsdag can fall on 5 May (2016, next in 2157): one date, both names.
  for (const h of list) names.set(h.date, names.has(h.date) ? `${names.get(h.date)}, ${h.name}` : h.name);
  holidayCache.set(year, list);
  holidayNameCache.set(year, names);
  return list;
}

function holidayName(date: Temporal.PlainDate): string | undefined {
  if (!holidayNameCache.has(date.year)) atwHolidays(date.year);
  return holidayNameCache.get(date.year)?.get(date.toString());
}

// FNV-1a: tiny, dependency-free and stable across Node versions, which is all a fingerprint needs.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function validatedSet(dates: readonly string[], field: string): Set<IsoDate> {
  dates.forEach((d, i) => {
    if (!isIsoDate(d))
      throw new Error(
        `Calendar config ${field}[${i}] is not a valid date: ${JSON.stringify(d)} (expected YYYY-MM-DD)`,
      );
  });
  return new Set(dates);
}

/** Builds a calendar from a snapshot of the config: later changes to the arrays do not affect it. */
export function createCalendar(config: CalendarConfig): WorkingDayCalendar {
  const equated = validatedSet(config.equatedDays, 'equatedDays');
  const closing = validatedSet(config.closingDays, 'closingDays');
  const followEquated = config.followEquatedDays;

  // Only what changes results goes into the fingerprint, so an ignored equated list does not alter it.
  const effectiveEquated = followEquated ? [...equated].sort() : [];
  const sortedClosing = [...closing].sort();
  const label = `atw${followEquated ? '+equated' : ''}${sortedClosing.length ? '+closing' : ''}`;
  const id = `${label}:${fnv1a(`v1|equated=${effectiveEquated.join(',')}|closing=${sortedClosing.join(',')}`)}`;

  // Most specific reason first: Koningsdag 2025 on a Saturday reads better as 'Koningsdag' than 'zaterdag'.
  function reasonOf(d: Temporal.PlainDate): { kind: NonWorkingKind; name: string } | null {
    const iso = d.toString();
    const holiday = holidayName(d);
    if (holiday) return { kind: 'holiday', name: holiday };
    if (followEquated && equated.has(iso))
      return { kind: 'equated', name: 'Gelijkgestelde dag (Atw art. 3 lid 3)' };
    if (closing.has(iso)) return { kind: 'closing', name: 'Sluitingsdag' };
    if (d.dayOfWeek === 6) return { kind: 'weekend', name: 'zaterdag' };
    if (d.dayOfWeek === 7) return { kind: 'weekend', name: 'zondag' };
    return null;
  }
  const works = (d: Temporal.PlainDate): boolean => reasonOf(d) === null;

  function countAfter(from: Temporal.PlainDate, to: Temporal.PlainDate): number {
    let count = 0;
    for (let d = from.add({ days: 1 }); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
      if (works(d)) count++;
    }
    return count;
  }

  // Answers are remembered: the calendar is immutable, every registration and action asks for the same few
  // hundred dates, and walking them day by day with Temporal costs ~100 µs a question (docs/performance.md).
  // Bounded, so a long-running process asked about ever new dates does not grow without end.
  const working = new BoundedMemo<IsoDate, boolean>();
  const added = new BoundedMemo<string, IsoDate>();
  const counted = new BoundedMemo<string, number>();

  return {
    id,
    isWorkingDay: (date) => working.get(date, () => works(parseDate(date))),
    nonWorkingReason: (date) => reasonOf(parseDate(date)),
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0)
        throw new RangeError(`addWorkingDays needs a whole n >= 0, got ${n}`);
      return added.get(`${date}+${n}`, () => {
        let d = parseDate(date);
        for (let left = n; left > 0; ) {
          d = d.add({ days: 1 });
          if (works(d)) left--;
        }
        return d.toString();
      });
    },
    countWorkingDaysBetween(from, to) {
      // Remembered like the others: every open case's traffic light in every list asks it (deadlines.ts).
      return counted.get(`${from}~${to}`, () => {
        const a = parseDate(from, 'from date');
        const b = parseDate(to, 'to date');
        // 0 - x, not -x: callers and strict equality checks should never see -0.
        return Temporal.PlainDate.compare(a, b) <= 0 ? countAfter(a, b) : 0 - countAfter(b, a);
      });
    },
    // A copy, so a caller cannot corrupt the shared per-year cache.
    holidaysOf: (year) => atwHolidays(year).map((h) => ({ ...h })),
  };
}

/** Remembers computed values up to a size, then starts afresh (cheaper than LRU bookkeeping). */
class BoundedMemo<K, V> {
  readonly #values = new Map<K, V>();
  constructor(readonly limit = 50_000) {}
  get(key: K, compute: () => V): V {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = compute();
      if (this.#values.size >= this.limit) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}

const HOUR = 3_600_000;
/** The canonical UTC form every stored timestamp has (Date#toISOString), which Date.parse reads exactly. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DAY = 24 * HOUR;
/** Europe/Amsterdam's UTC offset (ms) per UTC day, or per hour on the days it changes; null: it changes inside. */
const amsterdamOffsetByDay = new BoundedMemo<number, number | null>(100_000);
const amsterdamOffsetByHour = new BoundedMemo<number, number | null>(100_000);

/** The one offset of a span of the timeline, or null when the offset changes within it. */
function offsetThroughout(start: number, length: number): number | null {
  const first = amsterdamOffsetAt(start);
  return first === amsterdamOffsetAt(start + length - 1) ? first : null;
}

const amsterdamOffsetAt = (epochMs: number): number =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(ZONE).offsetNanoseconds / 1e6;

/** The calendar date in Europe/Amsterdam of an instant; 23:30Z on 30 April is 1 May there. */
export function amsterdamDateOf(instant: string): IsoDate {
  // Fast path for canonical UTC text: the zone's offset is looked up once per UTC day of the timeline, or per
  // hour on the two days a year it changes (only between whole UTC hours there since 1977); an hour with a
  // change inside falls through to Temporal.
  if (CANONICAL_UTC.test(instant)) {
    const ms = Date.parse(instant);
    // Date.parse rolls 30 February over into March; the round trip catches that.
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === instant.slice(0, 19)) {
      const day = Math.floor(ms / DAY);
      let offset = amsterdamOffsetByDay.get(day, () => offsetThroughout(day * DAY, DAY));
      if (offset === null) {
        const hour = Math.floor(ms / HOUR);
        offset = amsterdamOffsetByHour.get(hour, () => offsetThroughout(hour * HOUR, HOUR));
      }
      if (offset !== null) return new Date(ms + offset).toISOString().slice(0, 10);
    }
  }
  let parsed: Temporal.Instant;
  try {
    parsed = Temporal.Instant.from(instant);
  } catch {
    throw new RangeError(
      `Invalid instant: ${JSON.stringify(instant)} (expected an ISO timestamp with offset or Z)`,
    );
  }
  return parsed.toZonedDateTimeISO(ZONE).toPlainDate().toString();
}

/** Adds n working days after the Amsterdam date of an instant: the deadline of a term "after receipt". */
export function addWorkingDaysAfterInstant(
  calendar: WorkingDayCalendar,
  instant: string,
  n: number,
): IsoDate {
  return calendar.addWorkingDays(amsterdamDateOf(instant), n);
}

/** The instant an Amsterdam calendar day begins, as ISO UTC: the lower bound of "received on that day". */
export function startOfAmsterdamDay(date: IsoDate): string {
  return Temporal.PlainDate.from(date).toZonedDateTime('Europe/Amsterdam').toInstant().toString();
}
