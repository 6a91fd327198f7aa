/**
 * The dashboard's filters live in the query string (GET), so that they work without JavaScript and a link can
 * be shared: parsed here into what the repository takes, with an error per field for a value the page does not
 * offer, and turned back into links that change one filter and keep the others.
 */

import { DUE_STATES, type DueState, OPEN_STATUSES } from '../../../db/repositories/dashboard.ts';
import { isIsoDate } from '../../../domain/calendar.ts';
import { CHANNELS } from '../../../domain/complaint.ts';
import type { ComplaintStatus } from '../../../domain/lifecycle.ts';
import type { OrganisationSettings } from '../../../domain/settings.ts';
import type { DashboardMessages } from '../../../i18n/staff/dashboard.ts';
import { normaliseDate } from '../../pages/intake-form.ts';
import type { FieldError } from '../../pages/validate.ts';

/** The filter fields in the order of the form (the error summary follows it). */
export const FILTER_FIELDS = [
  'q',
  'status',
  'due',
  'channel',
  'category',
  'from',
  'to',
  'unassigned',
  'mine',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterValues = Record<FilterField, string>;

export interface DashboardQuery {
  /** As typed (shown in the form again, and kept in every link). */
  values: FilterValues;
  cursor: string | null;
  /** 'open' (every open status), 'finished' (the terminal ones), or one open status. */
  status: 'open' | 'finished' | ComplaintStatus;
  due: DueState | null;
  channel: string | null;
  category: string | null;
  from: string | null;
  to: string | null;
  text: string | null;
  unassigned: boolean;
  mine: boolean;
  errors: FieldError[];
}

const first = (value: unknown): string => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
};

export function parseDashboardQuery(
  raw: Record<string, unknown>,
  settings: Pick<OrganisationSettings, 'categories'>,
  t: DashboardMessages,
): DashboardQuery {
  const values = Object.fromEntries(FILTER_FIELDS.map((f) => [f, first(raw[f]).trim()])) as FilterValues;
  const errors: FieldError[] = [];
  const oneOf = <T extends string>(field: FilterField, allowed: readonly T[]): T | null => {
    const value = values[field];
    if (value === '') return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors.push({ field, message: t.errors.choice });
    return null;
  };
  const date = (field: 'from' | 'to'): string | null => {
    if (values[field] === '') return null;
    const iso = normaliseDate(values[field]);
    if (isIsoDate(iso)) return iso;
    errors.push({ field, message: t.errors.date });
    return null;
  };
  const status = oneOf('status', ['open', 'finished', ...OPEN_STATUSES]) ?? 'open';
  const due = oneOf('due', DUE_STATES);
  const channel = oneOf('channel', CHANNELS);
  const category = oneOf(
    'category',
    settings.categories.map((c) => c.code),
  );
  const from = date('from');
  const to = date('to');
  if (from && to && to < from) errors.push({ field: 'to', message: t.errors.toBeforeFrom });
  if (values.q.length > 200) errors.push({ field: 'q', message: t.errors.tooLong });
  const cursor = first(raw.cursor);
  return {
    values,
    cursor: cursor && cursor.length <= 300 ? cursor : null,
    status,
    due,
    channel,
    category,
    from,
    to,
    text: values.q === '' || values.q.length > 200 ? null : values.q,
    unassigned: values.unassigned !== '',
    mine: values.mine !== '',
    errors,
  };
}

/** No filter set: the default view. */
export const NO_FILTERS: FilterValues = Object.fromEntries(FILTER_FIELDS.map((f) => [f, ''])) as FilterValues;

/** /staff with these filters (empty ones left out), optionally changed and with a cursor. */
export function dashboardHref(
  values: FilterValues,
  change: Partial<FilterValues> = {},
  cursor?: string,
): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = field in change ? change[field] : values[field];
    if (value) params.set(field, value);
  }
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/staff?${query}` : '/staff';
}

/** Whether any filter is set (to offer "clear the filters"). */
export const hasFilters = (values: FilterValues): boolean => FILTER_FIELDS.some((f) => values[f] !== '');
