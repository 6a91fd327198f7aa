/**
 * An action form, declared once per lifecycle action: its fields (rendered by views/FormFields.tsx), how the
 * posted fields become the action's input (checked by the same schema as the API, ACTION_SCHEMAS), and how a
 * schema or domain error path maps back to a form field. The command decides; the form only asks.
 */
import { Temporal } from 'temporal-polyfill';
import type { Upload } from '../../../../commands/take-action.ts';
import type { User } from '../../../../db/repositories/users.ts';
import type { WorkingDayCalendar } from '../../../../domain/calendar.ts';
import type { Complaint } from '../../../../domain/complaint.ts';
import type { ActionName } from '../../../../domain/lifecycle.ts';
import type { CaseRelation } from '../../../../domain/policy.ts';
import type { OrganisationSettings } from '../../../../domain/settings.ts';
import type { PageLocale } from '../../../../i18n/pages/index.ts';
import type { CasesMessages } from '../../../../i18n/staff/cases.ts';
import type { CasesActionMessages } from '../../../../i18n/staff/cases-actions.ts';
import type { StaffMessages } from '../../../../i18n/staff/common.ts';
import type { FieldError } from '../../../pages/validate.ts';

/** The reporter's own actions are taken on the follow-up page, never by staff. */
export type StaffActionName = Exclude<ActionName, 'addInformation' | 'requestHearing' | 'answerSurvey'>;

export type Values = Record<string, string>;

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface Base {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Marked "(optional)" after the label. */
  optional?: boolean;
}

export type FieldSpec =
  | (Base & { kind: 'text' | 'email' | 'date' | 'datetime' | 'number'; maxLength?: number; short?: boolean })
  | (Base & { kind: 'textarea'; maxLength?: number; rows?: number })
  | (Base & { kind: 'select'; options: Option[] })
  | (Base & { kind: 'radio'; options: Option[] })
  | (Base & { kind: 'checkbox' })
  | (Base & { kind: 'file' })
  | (Base & { kind: 'hidden' })
  | { kind: 'group'; name: string; legend: string; hint?: string; fields: FieldSpec[] };

/** Everything a form may need to know, loaded once per request. */
export interface FormEnv {
  complaint: Complaint;
  relation: CaseRelation;
  /** Every staff user, inactive ones too (to say why they cannot be chosen). */
  users: User[];
  settings: OrganisationSettings;
  calendar: WorkingDayCalendar;
  locale: PageLocale;
  t: CasesActionMessages;
  page: CasesMessages;
  common: StaffMessages;
  /** The page's query (a link may preselect a mention, a person or a measure). */
  query: Values;
}

export interface ActionForm {
  name: StaffActionName;
  /** The form sends files (the acknowledgement's copy, attachments). */
  multipart?: boolean;
  /** Paragraphs above the form (what happens, which letter goes out). */
  intro?(env: FormEnv): string[];
  /** Why there is nothing to do now (no open measure, no offer awaiting an answer), or null. */
  unavailable?(env: FormEnv): string | null;
  fields(env: FormEnv): FieldSpec[];
  /** What the form shows before anything was typed. */
  initial?(env: FormEnv): Values;
  /** The action's input from the posted fields (blank optional texts left out, as the schema wants). */
  input(values: Values, env: FormEnv, files: Upload[]): Record<string, unknown>;
  /** The form field of a schema or domain error path, or null when the path says nothing for this form. */
  fieldOf?(path: string, values: Values): string | null;
  /** Checks the schema cannot make (a confirmation, a required copy). */
  check?(values: Values, env: FormEnv, files: Upload[]): FieldError[];
  /** The files to store with the action (beyond the input). */
  uploads?(values: Values, files: Upload[]): Upload[];
  /** The submit button's text; the action's name by default. */
  submit?(env: FormEnv): string;
  /** Shown as a button on the case page when it has no required fields (the page exists too). */
  inline?: boolean;
}

/** A form field's name for a schema path: 'link.thirdParty.email' → 'link-thirdParty-email'. */
export const fieldName = (path: string): string => path.replaceAll('.', '-');

/** Every field name of a form, in order (groups flattened). */
export function fieldNames(fields: FieldSpec[]): string[] {
  return fields.flatMap((f) => (f.kind === 'group' ? fieldNames(f.fields) : [f.name]));
}

/** A text value, or nothing when left blank (optional fields). */
export const optional = (name: string, value: string | undefined): Record<string, string> =>
  value !== undefined && value.trim() !== '' ? { [name]: value } : {};

/** A choice that may be left empty: the value, or nothing (the schema then says it is required). */
export const chosen = (name: string, value: string | undefined): Record<string, string> =>
  value ? { [name]: value } : {};

export const userName = (users: User[], id: string | null | undefined): string =>
  users.find((u) => u.id === id)?.name ?? id ?? '';

/** Active users as options, by name, with their job title. */
export const activeUserOptions = (users: User[]): Option[] =>
  users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${u.jobTitle})` }));

/** A free-text note, optional, offered by actions whose schema has one. */
export const noteField = (label: string): FieldSpec => ({
  kind: 'textarea',
  name: 'note',
  label,
  optional: true,
  maxLength: 2000,
  rows: 3,
});

/**
 * A `datetime-local` value ('2026-05-04T10:30') as the instant it means in Amsterdam; undefined when blank,
 * null when it is no valid date and time.
 */
export function amsterdamInstant(value: string | undefined): string | null | undefined {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  try {
    const instant = Temporal.PlainDateTime.from(text, { overflow: 'reject' })
      .toZonedDateTime('Europe/Amsterdam')
      .toInstant();
    // Stored like every other instant of the form: ISO 8601 with milliseconds, in UTC.
    return new Date(instant.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

/** The check of an optional date-and-time field. */
export const dateTimeProblem = (name: string, values: Values, message: string) =>
  amsterdamInstant(values[name]) === null ? [{ field: name, message }] : [];
