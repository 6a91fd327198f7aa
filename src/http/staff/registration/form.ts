/**
 * The registration form's fields, and how they become the staff intake of the API (StaffIntakeSchema): the
 * reporter's part goes through the public form's own mapping (intake-form.ts), the rest is the staff's; the
 * same schema checks it all, and its field paths are mapped back to the form's fields.
 */
import { type StaffIntake, StaffIntakeSchema } from '../../../domain/intake.ts';
import { COMMISSIONING_PARTY_TYPES, type OrganisationSettings } from '../../../domain/settings.ts';
import type { PageLocale } from '../../../i18n/pages/index.ts';
import type { RegistrationMessages } from '../../../i18n/staff/registration.ts';
import { formFieldOf, type IntakeValues, toPublicIntake } from '../../pages/intake-form.ts';
import { type FieldError, orderErrors, schemaProblems } from '../../pages/validate.ts';
import { receivedInstant } from './date-time.ts';

/** The form's fields in the order they appear (the error summary follows it). */
export const REGISTRATION_FIELDS = [
  'channel',
  'receivedAt',
  'receiverId',
  'name',
  'email',
  'phone',
  'postalAddress',
  'anonymous',
  'consentToContact',
  'role',
  'language',
  'trajectoryReference',
  'jobcoach',
  'commissioningPartyType',
  'commissioningPartyName',
  'commissioningPartyContact',
  'description',
  'eventDate',
  'eventPlace',
  'eventCircumstances',
  'desiredOutcome',
  'involved',
  'category',
  'team',
  'attachments',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type RegistrationValues = Record<Exclude<RegistrationField, 'attachments'>, string>;

/** The channels a complaint reaches staff by (a web complaint registers itself). */
export const STAFF_CHANNELS = ['phone', 'email', 'letter', 'in_person'] as const;

/** What was typed, as typed. */
export function registrationValues(fields: Record<string, string>): RegistrationValues {
  const values = {} as RegistrationValues;
  for (const name of REGISTRATION_FIELDS) if (name !== 'attachments') values[name] = fields[name] ?? '';
  return values;
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The reporter's part in the public form's terms, so that one mapping serves both forms. */
function asIntakeValues(values: RegistrationValues): IntakeValues {
  return {
    description: values.description,
    eventDate: values.eventDate,
    eventPlace: values.eventPlace,
    eventCircumstances: values.eventCircumstances,
    involved: values.involved,
    desiredOutcome: values.desiredOutcome,
    contactChoice: values.anonymous ? 'anonymous' : 'contact',
    name: values.name,
    email: values.email,
    phone: values.phone,
    postalAddress: values.postalAddress,
    consentToContact: values.consentToContact,
    role: values.role,
    commissioningPartyType: values.commissioningPartyType,
    commissioningPartyName: values.commissioningPartyName,
    commissioningPartyContact: values.commissioningPartyContact,
  };
}

/** The staff intake from the form; `receivedAt` is the instant already read from the typed date and time. */
export function toStaffIntake(values: RegistrationValues, receivedAt: string): StaffIntake {
  const language = values.language === 'en' ? 'en' : 'nl';
  const intake: StaffIntake = {
    ...toPublicIntake(asIntakeValues(values), language),
    channel: values.channel as StaffIntake['channel'],
    receivedAt,
  };
  const trajectory: NonNullable<StaffIntake['trajectory']> = {};
  if (text(values.trajectoryReference)) trajectory.reference = text(values.trajectoryReference);
  if (text(values.jobcoach)) trajectory.jobcoach = text(values.jobcoach);
  if (Object.keys(trajectory).length > 0) intake.trajectory = trajectory;
  if (text(values.category)) intake.category = text(values.category);
  if (text(values.team)) intake.team = text(values.team);
  return intake;
}

/** API field path → form field. */
export function registrationFieldOf(path: string): RegistrationField {
  const [head, sub] = path.split('.');
  if (
    head === 'channel' ||
    head === 'receivedAt' ||
    head === 'category' ||
    head === 'team' ||
    head === 'language'
  )
    return head;
  if (head === 'receiverId') return 'receiverId';
  if (head === 'trajectory') return sub === 'jobcoach' ? 'jobcoach' : 'trajectoryReference';
  const field = formFieldOf(path);
  // The public form's contact choice is the registration's "anonymous" box.
  return field === 'contactChoice' ? 'anonymous' : (field ?? 'description');
}

export interface Validated {
  errors: FieldError[];
  /** The intake, when the form is valid. */
  intake: StaffIntake | null;
}

/** Every problem with the typed values, one per field, in the order of the form. */
export function validateRegistration(
  values: RegistrationValues,
  settings: Pick<OrganisationSettings, 'categories' | 'teams'>,
  locale: PageLocale,
  t: RegistrationMessages,
): Validated {
  const errors: FieldError[] = [];
  const e = t.errors;
  if (!(STAFF_CHANNELS as readonly string[]).includes(values.channel))
    errors.push({ field: 'channel', message: e.channel });
  const receivedAt = receivedInstant(values.receivedAt);
  if (receivedAt === undefined) errors.push({ field: 'receivedAt', message: e.receivedAtMissing });
  if (receivedAt === null) errors.push({ field: 'receivedAt', message: e.receivedAt });
  if (values.language !== 'nl' && values.language !== 'en')
    errors.push({ field: 'language', message: e.language });
  if (text(values.category) && !settings.categories.some((c) => c.code === values.category))
    errors.push({ field: 'category', message: e.choice });
  if (text(values.team) && !settings.teams.some((c) => c.code === values.team))
    errors.push({ field: 'team', message: e.choice });
  const partyDetails = text(values.commissioningPartyName) || text(values.commissioningPartyContact);
  if (partyDetails && !text(values.commissioningPartyType))
    errors.push({ field: 'commissioningPartyType', message: e.partyTypeMissing });
  else if (
    text(values.commissioningPartyType) &&
    !(COMMISSIONING_PARTY_TYPES as readonly string[]).includes(values.commissioningPartyType)
  )
    errors.push({ field: 'commissioningPartyType', message: e.choice });

  // A placeholder instant where the typed one is missing, so that the schema still checks every other field.
  const intake = toStaffIntake(values, receivedAt ?? '2000-01-01T00:00:00.000Z');
  for (const { path, message } of schemaProblems(StaffIntakeSchema, intake, locale)) {
    const field = registrationFieldOf(path);
    errors.push({ field, message: plainer(field, path, message, values, t) });
  }
  const ordered = orderErrors(errors, REGISTRATION_FIELDS);
  return { errors: ordered, intake: ordered.length === 0 ? intake : null };
}

/** Messages said more plainly than the API's generic ones. */
function plainer(
  field: RegistrationField,
  path: string,
  message: string,
  values: RegistrationValues,
  t: RegistrationMessages,
): string {
  if (field === 'description' && values.description.trim() === '') return t.errors.description;
  if (field === 'email') return t.errors.email;
  if (field === 'phone' && values.phone.length <= 40) return t.errors.phone;
  if (field === 'eventDate' && path === 'event.date') return t.errors.eventDate;
  if (field === 'involved' && path === 'involvedEmployees') return t.errors.tooManyNames;
  return message;
}
