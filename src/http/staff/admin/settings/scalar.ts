/**
 * Sections made of single values (texts, whole numbers, switches, dates one per line, roles, a user): each
 * field named once with its path in the settings, its kind and its label; parsing, values and the mapping
 * of schema paths to fields follow from that list.
 */
import { Temporal } from 'temporal-polyfill';
import { ROLES, type Role } from '../../../../domain/action-context.ts';
import type { OrganisationSettings } from '../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../i18n/staff/admin-settings.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { checkboxName } from '../components/CheckboxGroup.tsx';
import type { FormValues, Parsed, SectionDef, SectionExtra, SectionName, SettingsKey } from './types.ts';

type FieldTexts = AdminSettingsMessages['fields'];
type TextKey = { [K in keyof FieldTexts]: FieldTexts[K] extends string ? K : never }[keyof FieldTexts];

export interface ScalarField {
  /** The form field's name (and `field-<name>` its id). */
  field: string;
  /** Dotted path in the settings. */
  path: string;
  /** longtext: several paragraphs, kept as typed (blank lines between paragraphs). */
  kind:
    | 'text'
    | 'longtext'
    | 'email'
    | 'url'
    | 'nullable'
    | 'integer'
    | 'boolean'
    | 'dates'
    | 'roles'
    | 'user';
  label: TextKey;
  hint?: TextKey;
}

const get = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], root);

function set(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

const isRealDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
};

/** Dates one per line: each line checked (its number named), sorted, doubles dropped. */
export function parseDates(
  text: string,
  field: string,
  s: AdminSettingsMessages,
): { dates: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const dates = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (isRealDate(line)) dates.add(line);
    else errors.push({ field, message: s.errors.dateLine(index + 1, line) });
  });
  // One message at the field, naming every wrong line.
  const message = errors.map((e) => e.message).join(' ');
  return { dates: [...dates].sort(), errors: message ? [{ field, message }] : [] };
}

export function scalarSection(slug: string, name: SectionName, fields: readonly ScalarField[]): SectionDef {
  const keys = [...new Set(fields.map((f) => f.path.split('.')[0] as SettingsKey))];
  return {
    slug,
    name,
    keys,
    firstField: fields[0]!.field,
    form: { kind: 'scalar', fields },
    values(settings) {
      const values: FormValues = {};
      for (const f of fields) {
        const value = get(settings, f.path);
        if (f.kind === 'boolean') {
          if (value === true) values[f.field] = 'yes';
        } else if (f.kind === 'dates') {
          values[f.field] = (value as string[]).join('\n');
        } else if (f.kind === 'roles') {
          for (const role of value as Role[]) values[checkboxName(f.field, role)] = 'yes';
        } else {
          values[f.field] = value === null || value === undefined ? '' : String(value);
        }
      }
      return values;
    },
    parse(posted, settings, s, extra: SectionExtra): Parsed {
      const patch: Record<string, unknown> = {};
      for (const key of keys) patch[key] = structuredClone(settings[key]);
      const errors: FieldError[] = [];
      for (const f of fields) {
        const raw = posted[f.field] ?? '';
        let value: unknown;
        switch (f.kind) {
          case 'boolean':
            value = raw === 'yes';
            break;
          case 'integer':
            if (/^\s*-?\d{1,9}\s*$/.test(raw)) value = Number(raw.trim());
            else {
              value = raw;
              errors.push({ field: f.field, message: s.errors.integer });
            }
            break;
          case 'nullable':
            value = raw.trim() === '' ? null : raw.trim();
            break;
          case 'dates': {
            const parsed = parseDates(raw, f.field, s);
            value = parsed.dates;
            errors.push(...parsed.errors);
            break;
          }
          case 'roles':
            value = ROLES.filter((role) => posted[checkboxName(f.field, role)] === 'yes');
            break;
          case 'user': {
            const email = raw.trim().toLowerCase();
            value = email === '' ? null : email;
            if (email !== '' && !extra.users?.some((u) => u.active && u.email === email))
              errors.push({ field: f.field, message: s.errors.deputyUnknown });
            break;
          }
          default:
            value = raw.trim();
        }
        set(patch, f.path, value);
      }
      return {
        patch: patch as Partial<OrganisationSettings>,
        errors,
        fieldOf: (path) =>
          fields.find(
            (f) => path === f.path || path.startsWith(`${f.path}.`) || f.path.startsWith(`${path}.`),
          )?.field ?? null,
      };
    },
    labels(s) {
      return Object.fromEntries(fields.map((f) => [f.field, s.fields[f.label]]));
    },
  };
}
