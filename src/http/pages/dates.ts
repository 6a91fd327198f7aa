/** Dates as people read them: "vrijdag 8 mei 2026", "Friday 8 May 2026"; instants in Amsterdam time. */
/** Any text catalogue that names its Intl locale (the public pages' and the staff workspace's). */
type WithIntl = { meta: { intl: string } };

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const LONG_DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;

/** A calendar date ('2026-05-08') with its weekday, without a comma after it. */
export function formatDate(t: WithIntl, isoDate: string): string {
  // Noon UTC is the same calendar day everywhere, so the date never shifts.
  const at = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return format(t.meta.intl, { ...LONG_DATE, timeZone: 'UTC' })
    .format(at)
    .replace(',', '');
}

/** An instant as its date in Amsterdam ('2026-04-30T22:30:00Z' is Friday 1 May there). */
export function formatInstantDate(t: WithIntl, instant: string): string {
  return format(t.meta.intl, { ...LONG_DATE, timeZone: 'Europe/Amsterdam' })
    .format(new Date(instant))
    .replace(',', '');
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number format made once per locale (toLocaleString makes one on every call, which the form page felt). */
function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, f);
  }
  return f;
}

/** Bytes as "10 MB" or "512 KB" (binary units, as the limits are configured), in the page's number format. */
export function formatMegabytes(t: WithIntl, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${numberFormat(t.meta.intl).format(Math.round(bytes / 1024))} KB`;
  return `${numberFormat(t.meta.intl).format(mb)} MB`;
}

const DATE_TIME = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
} as const;

/** An instant with its time of day in Amsterdam: "30 apr 2026 11:00" (staff timelines and lists). */
export function formatDateTime(t: WithIntl, instant: string): string {
  return format(t.meta.intl, DATE_TIME).format(new Date(instant)).replace(',', '').replace('.', '');
}

/** A calendar date, short: "8 mei 2026". */
export function formatShortDate(t: WithIntl, isoDate: string): string {
  const at = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return format(t.meta.intl, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(at)
    .replace('.', '');
}
