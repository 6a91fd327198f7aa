/**
 * A section of the organisation settings as a form: which top-level settings it owns, the form's values from
 * the settings in force, and the posted form turned back into those settings (with the form's own errors,
 * and where each path of the settings schema is shown in the form).
 */
import type { User } from '../../../../db/repositories/users.ts';
import type { OrganisationSettings } from '../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../i18n/staff/admin-settings.ts';
import type { FieldError } from '../../../pages/validate.ts';
import type { ListSpec } from './lists.ts';
import type { ScalarField } from './scalar.ts';

export type SettingsKey = keyof OrganisationSettings;
export type FormValues = Record<string, string>;

export interface Parsed {
  patch: Partial<OrganisationSettings>;
  errors: FieldError[];
  /** The form field that shows a problem at this path of the settings (`terms.resolveWorkingDays`), if any. */
  fieldOf: (path: string) => string | null;
}

/** What some sections need besides the settings: how often codes are used, the users to choose from. */
export interface SectionExtra {
  usage?: Map<string, number>;
  users?: User[];
}

export type SectionName = keyof AdminSettingsMessages['sections'];

export interface SectionDef {
  /** The last part of the URL. */
  slug: string;
  name: SectionName;
  keys: readonly SettingsKey[];
  values(settings: OrganisationSettings): FormValues;
  parse(
    fields: FormValues,
    settings: OrganisationSettings,
    s: AdminSettingsMessages,
    extra: SectionExtra,
  ): Parsed;
  /** The label of each form field, for the error summary. */
  labels(s: AdminSettingsMessages, settings: OrganisationSettings): Record<string, string>;
  /** The field a problem goes to when nothing more precise is known. */
  firstField: string;
  /** What the page renders. */
  form: { kind: 'scalar'; fields: readonly ScalarField[] } | { kind: 'list'; spec: ListSpec };
}
