/**
 * How letters write dates and the labels of the form's codes, in the reader's language. Dates are written out
 * by hand from the calendar date ("8 mei 2026"), not with Intl, so that a letter reads the same on every
 * machine whatever ICU data Node was built with.
 */
import { amsterdamDateOf, type IsoDate } from '../domain/calendar.ts';
import type {
  ContactMethod,
  CorrectiveKind,
  Judgement,
  Language,
  ReporterRole,
} from '../domain/complaint.ts';

const MONTHS: Record<Language, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A calendar date as a letter writes it: '2026-05-08' → "8 mei 2026" / "8 May 2026". */
export function formatDate(date: IsoDate, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Invalid date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[language][Number(month) - 1]} ${year}`;
}

/** The Europe/Amsterdam calendar date of an instant, written out: a complaint received at 23:30Z on 30 April is "1 mei". */
export const formatInstantDate = (instant: string, language: Language): string =>
  formatDate(amsterdamDateOf(instant), language);

/** The handler's judgement in words, as it reads after "Wij vinden uw klacht …". */
export const JUDGEMENT_LABELS: Record<Judgement, Record<Language, string>> = {
  well_founded: { nl: 'gegrond', en: 'well-founded' },
  partly_well_founded: { nl: 'deels gegrond', en: 'partly well-founded' },
  unfounded: { nl: 'ongegrond', en: 'unfounded' },
};

export const CORRECTIVE_KIND_LABELS: Record<CorrectiveKind, Record<Language, string>> = {
  correction: { nl: 'Correctie', en: 'Correction' },
  redress: { nl: 'Genoegdoening', en: 'Redress' },
  replacement_service: { nl: 'Vervangende dienst', en: 'Replacement service' },
};

export const REPORTER_ROLE_LABELS: Record<ReporterRole, Record<Language, string>> = {
  candidate: { nl: 'kandidaat', en: 'candidate' },
  employee: { nl: 'werknemer', en: 'employee' },
  client: { nl: 'klant', en: 'client' },
  employer: { nl: 'werkgever', en: 'employer' },
  commissioning_party: { nl: 'opdrachtgever', en: 'commissioning party' },
  representative: { nl: 'vertegenwoordiger', en: 'representative' },
  other: { nl: 'melder', en: 'reporter' },
};

/** How an offer was made, as it reads after "Op 12 mei 2026 hebben wij u …". */
export const CONTACT_METHOD_LABELS: Record<ContactMethod, Record<Language, string>> = {
  phone: { nl: 'telefonisch', en: 'by phone' },
  in_person: { nl: 'in een gesprek', en: 'in person' },
  email: { nl: 'per e-mail', en: 'by email' },
  letter: { nl: 'per brief', en: 'by letter' },
  follow_up_page: { nl: 'via uw persoonlijke pagina', en: 'on your personal page' },
};

/**
 * Lower-cases the first letter of a label that continues a sentence ("De Nationale Ombudsman" → "de Nationale
 * Ombudsman"), but leaves a word in capitals alone ("UWV").
 */
export function continueSentence(label: string): string {
  const firstWord = label.split(/\s/, 1)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
