/**
 * "When it came in" as people type it: a `datetime-local` value ('2026-04-30T10:15'), or written out where a
 * browser has no picker ('30-04-2026 10:15', '2026-04-30 10:15'), always meant in Amsterdam time.
 */
import { Temporal } from 'temporal-polyfill';
import { amsterdamInstant } from '../cases/forms/types.ts';

/** The instant a typed date and time means in Amsterdam; undefined when blank, null when it is none. */
export function receivedInstant(value: string): string | null | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2})[:.](\d{2})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  if (dutch)
    return amsterdamInstant(`${dutch[3]}-${pad(dutch[2])}-${pad(dutch[1])}T${pad(dutch[4])}:${dutch[5]}`);
  if (iso) return amsterdamInstant(`${iso[1]}-${iso[2]}-${iso[3]}T${pad(iso[4])}:${iso[5]}`);
  return null;
}

/** An instant as the `datetime-local` value of its Amsterdam time, to the minute: '2026-04-30T10:15'. */
export function localDateTime(instant: Date | string): string {
  return Temporal.Instant.from(new Date(instant).toISOString())
    .toZonedDateTimeISO('Europe/Amsterdam')
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}
