/**
 * The improvement form's fields, and how they become the public intake of the API (PublicIntakeSchema):
 * the same validation, with the schema's field paths mapped back to the form's fields, plus the few checks
 * only a form needs (a way to reach someone who asked to be contacted, a party type with a party name).
 */
import { type PublicIntake, PublicIntakeSchema } from '../../domain/intake.ts';
import { COMMISSIONING_PARTY_TYPES } from '../../domain/settings.ts';
import type { PageLocale, PageMessages } from '../../i18n/pages/index.ts';
import { type FieldError, orderErrors, schemaProblems } from './validate.ts';

/** The form's fields in the order they appear (the error summary follows it). */
export const INTAKE_FIELDS = [
  'description',
  'eventDate',
  'eventPlace',
  'eventCircumstances',
  'involved',
  'desiredOutcome',
  'contactChoice',
  'name',
  'email',
  'phone',
  'postalAddress',
  'consentToContact',
  'role',
  'commissioningPartyType',
  'commissioningPartyName',
  'commissioningPartyContact',
  'attachments',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
export type IntakeValues = Record<Exclude<IntakeField, 'attachments'>, string>;

export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_INVOLVED_NAMES = 20;

/** What was typed, as typed (shown again after an error or a language switch). */
export function intakeValues(fields: Record<string, string>): IntakeValues {
  const values = {} as IntakeValues;
  for (const name of INTAKE_FIELDS) if (name !== 'attachments') values[name] = fields[name] ?? '';
  return values;
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** 30-04-2026, 30/4/2026 and 30.4.2026 are dates too (browsers without a date picker); anything else stays as typed. */
export function normaliseDate(value: string): string {
  const trimmed = value.trim();
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (!dutch) return trimmed;
  const [, day, month, year] = dutch;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const involvedNames = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The API's intake from the form. An anonymous choice leaves every contact detail out. */
export function toPublicIntake(values: IntakeValues, language: 'nl' | 'en'): PublicIntake {
  const anonymous = values.contactChoice === 'anonymous';
  const reporter: NonNullable<PublicIntake['reporter']> = {};
  if (!anonymous) {
    if (text(values.name)) reporter.name = values.name.trim();
    if (text(values.email)) reporter.email = values.email.trim();
    if (text(values.phone)) reporter.phone = values.phone.trim();
    if (text(values.postalAddress)) reporter.postalAddress = values.postalAddress.trim();
    if (values.consentToContact) reporter.consentToContact = true;
  }
  // Any value goes to the schema, which names a value outside the one role list.
  if (text(values.role)) reporter.role = values.role as never;

  const event: NonNullable<PublicIntake['event']> = {};
  if (text(values.eventDate)) event.date = normaliseDate(values.eventDate);
  if (text(values.eventPlace)) event.place = values.eventPlace;
  if (text(values.eventCircumstances)) event.circumstances = values.eventCircumstances;

  const intake: PublicIntake = { description: values.description, language };
  if (Object.keys(reporter).length > 0) intake.reporter = reporter;
  if (Object.keys(event).length > 0) intake.event = event;
  const names = involvedNames(values.involved);
  if (names.length > 0) intake.involvedEmployees = names;
  if (text(values.desiredOutcome)) intake.desiredOutcome = values.desiredOutcome;
  if (text(values.commissioningPartyType)) {
    intake.commissioningParty = { type: values.commissioningPartyType as never };
    if (text(values.commissioningPartyName))
      intake.commissioningParty.name = values.commissioningPartyName.trim();
    if (text(values.commissioningPartyContact))
      intake.commissioningParty.contact = values.commissioningPartyContact.trim();
  }
  return intake;
}

/** API field path → form field. */
export function formFieldOf(path: string): IntakeField | null {
  const [head, sub] = path.split('.');
  switch (head) {
    case 'description':
    case 'desiredOutcome':
    case 'attachments':
      return head;
    case 'event':
      return sub === 'date'
        ? 'eventDate'
        : sub === 'place'
          ? 'eventPlace'
          : sub === 'circumstances'
            ? 'eventCircumstances'
            : null;
    case 'involvedEmployees':
      return 'involved';
    case 'reporter':
      return sub === 'name' ||
        sub === 'email' ||
        sub === 'phone' ||
        sub === 'postalAddress' ||
        sub === 'role' ||
        sub === 'consentToContact'
        ? sub
        : null;
    case 'commissioningParty':
      return sub === 'name'
        ? 'commissioningPartyName'
        : sub === 'contact'
          ? 'commissioningPartyContact'
          : 'commissioningPartyType';
    default:
      return null;
  }
}

/** Messages said more plainly for the form than the API's generic ones. */
function plainer(
  field: IntakeField,
  path: string,
  message: string,
  values: IntakeValues,
  t: PageMessages,
): string {
  if (field === 'description' && values.description.trim() === '') return t.form.errors.descriptionEmpty;
  if (field === 'email') return t.form.errors.email;
  if (field === 'phone' && values.phone.length <= 40) return t.form.errors.phone;
  if (field === 'eventDate' && path === 'event.date') return t.form.errors.eventDate;
  if (field === 'involved' && path === 'involvedEmployees') return t.form.errors.tooManyNames;
  return message;
}

/** Every problem with the typed values, one per field, in the order of the form. */
export function validateIntake(values: IntakeValues, locale: PageLocale, t: PageMessages): FieldError[] {
  const errors: FieldError[] = [];
  const intake = toPublicIntake(values, locale === 'en' ? 'en' : 'nl');
  for (const { path, message } of schemaProblems(PublicIntakeSchema, intake, locale)) {
    const field = formFieldOf(path) ?? 'description';
    errors.push({ field, message: plainer(field, path, message, values, t) });
  }
  if (
    values.contactChoice === 'contact' &&
    !intake.reporter?.email &&
    !intake.reporter?.phone &&
    !intake.reporter?.postalAddress
  ) {
    errors.push({ field: 'email', message: t.form.errors.contactMissing });
  }
  const partyDetails = text(values.commissioningPartyName) || text(values.commissioningPartyContact);
  if (partyDetails && !text(values.commissioningPartyType)) {
    errors.push({ field: 'commissioningPartyType', message: t.form.errors.partyTypeMissing });
  } else if (
    text(values.commissioningPartyType) &&
    !(COMMISSIONING_PARTY_TYPES as readonly string[]).includes(values.commissioningPartyType)
  ) {
    errors.push({ field: 'commissioningPartyType', message: t.form.errors.partyTypeMissing });
  }
  return orderErrors(errors, INTAKE_FIELDS);
}
