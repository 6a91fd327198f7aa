/**
 * The short form of a complaint resolved on the spot (when, how, category, one line) checked by the API's
 * SpotRecordSchema, and the period of the list below it, both as typed.
 */
import { isIsoDate } from '../../../domain/calendar.ts';
import { type SpotRecordInput, SpotRecordSchema } from '../../../domain/intake.ts';
import type { OrganisationSettings } from '../../../domain/settings.ts';
import type { PageLocale } from '../../../i18n/pages/index.ts';
import type { RegistrationMessages } from '../../../i18n/staff/registration.ts';
import { normaliseDate } from '../../pages/intake-form.ts';
import { type FieldError, orderErrors, schemaProblems } from '../../pages/validate.ts';
import { receivedInstant } from '../registration/date-time.ts';
import { STAFF_CHANNELS } from '../registration/form.ts';

export const SPOT_FIELDS = ['receivedAt', 'channel', 'category', 'summary'] as const;
export type SpotValues = Record<(typeof SPOT_FIELDS)[number], string>;

export const spotValues = (fields: Record<string, string>): SpotValues =>
  Object.fromEntries(SPOT_FIELDS.map((f) => [f, fields[f] ?? ''])) as SpotValues;

/** The record to store, or the problems with what was typed (one per field, in the order of the form). */
export function validateSpotRecord(
  values: SpotValues,
  settings: Pick<OrganisationSettings, 'categories'>,
  locale: PageLocale,
  t: RegistrationMessages['spot'],
): { errors: FieldError[]; input: SpotRecordInput | null } {
  const errors: FieldError[] = [];
  const receivedAt = receivedInstant(values.receivedAt);
  if (!receivedAt) errors.push({ field: 'receivedAt', message: t.errors.receivedAt });
  if (!(STAFF_CHANNELS as readonly string[]).includes(values.channel))
    errors.push({ field: 'channel', message: t.errors.channel });
  const category = values.category.trim();
  if (category && !settings.categories.some((c) => c.code === category))
    errors.push({ field: 'category', message: t.errors.category });
  const input: SpotRecordInput = {
    receivedAt: receivedAt ?? '2000-01-01T00:00:00.000Z',
    channel: values.channel as SpotRecordInput['channel'],
    summary: values.summary.trim(),
    ...(category ? { category } : {}),
  };
  for (const { path } of schemaProblems(SpotRecordSchema, input, locale)) {
    if (path === 'summary') {
      const message = values.summary.trim() === '' ? t.errors.summary : t.errors.summaryTooLong;
      errors.push({ field: 'summary', message });
    }
  }
  const ordered = orderErrors(errors, SPOT_FIELDS);
  return { errors: ordered, input: ordered.length === 0 ? input : null };
}

export interface Period {
  values: { from: string; to: string };
  from: string;
  to: string;
  errors: FieldError[];
}

/** The period of the list (dates, both included); the last 30 days unless the query says otherwise. */
export function parsePeriod(
  query: Record<string, unknown>,
  today: string,
  t: RegistrationMessages['spot'],
): Period {
  const typed = (name: 'from' | 'to') =>
    typeof query[name] === 'string' ? (query[name] as string).trim() : '';
  const values = { from: typed('from'), to: typed('to') };
  const errors: FieldError[] = [];
  const date = (name: 'from' | 'to', fallback: string) => {
    if (values[name] === '') return fallback;
    const iso = normaliseDate(values[name]);
    if (isIsoDate(iso)) return iso;
    errors.push({ field: name, message: t.errors.date });
    return fallback;
  };
  const monthAgo = new Date(`${today}T12:00:00Z`);
  monthAgo.setUTCDate(monthAgo.getUTCDate() - 30);
  const from = date('from', monthAgo.toISOString().slice(0, 10));
  const to = date('to', today);
  if (errors.length === 0 && to < from) errors.push({ field: 'to', message: t.errors.toBeforeFrom });
  return { values: { from: values.from || from, to: values.to || to }, from, to, errors };
}
