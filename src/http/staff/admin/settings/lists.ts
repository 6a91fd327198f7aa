/**
 * Sections that are a list (categories, teams, grounds for not taking up, appeal routes, advocacy bodies):
 * every item in force has its fields (`item-<i>-<column>`) and a box to remove it, and one empty row
 * (`new-<column>`) adds an item. An item's code does not change once saved (complaints refer to it); removing
 * one that complaints use says so at the box, and ticking that box is the confirmation.
 */
import type { OrganisationSettings } from '../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../i18n/staff/admin-settings.ts';
import type { FieldError } from '../../../pages/validate.ts';
import type { FormValues, Parsed, SectionDef, SectionName } from './types.ts';

export type ListKey = 'categories' | 'teams' | 'nonAdmissionGrounds' | 'appealRoutes' | 'advocacyBodies';

export interface ListColumn {
  /** The form field's last part: `item-<i>-<field>`, `new-<field>`. */
  field: string;
  /** Dotted path inside an item. */
  path: string;
  kind: 'text' | 'optional' | 'integer' | 'partyType';
  /** Set once, when the item is added (the code). */
  fixed?: boolean;
  /** Must be filled in for a new item. */
  required?: boolean;
}

export interface ListSpec {
  slug: string;
  name: SectionName;
  key: ListKey;
  columns: readonly ListColumn[];
  /** The message when a new row is only partly filled in. */
  incomplete: (s: AdminSettingsMessages) => string;
  /** The name of an item in legends and labels ("Code already_handled"). */
  itemLabel: (s: AdminSettingsMessages, item: Record<string, unknown>) => string;
  /** Column labels. */
  columnLabel: (s: AdminSettingsMessages, field: string) => string;
  /** Whether codes are counted in complaints (the removal warning). */
  counted?: boolean;
  /** Sort the list by this column afterwards (the appeal routes' order). */
  sortBy?: string;
  /** The list may not become empty. */
  atLeastOne?: boolean;
}

const get = (item: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], item);

function set(item: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = item;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
}

export const itemsOf = (settings: OrganisationSettings, key: ListKey) =>
  settings[key] as unknown as Record<string, unknown>[];

export function listSection(spec: ListSpec): SectionDef {
  const firstEditable = spec.columns.find((c) => !c.fixed)!;
  return {
    slug: spec.slug,
    name: spec.name,
    keys: [spec.key],
    form: { kind: 'list', spec },
    firstField: `new-${spec.columns[0]!.field}`,
    values(settings) {
      const values: FormValues = {};
      itemsOf(settings, spec.key).forEach((item, i) => {
        for (const c of spec.columns) {
          const value = get(item, c.path);
          values[`item-${i}-${c.field}`] = value === undefined || value === null ? '' : String(value);
        }
      });
      return values;
    },
    parse(posted, settings, s): Parsed {
      const errors: FieldError[] = [];
      const rows: { prefix: string; item: Record<string, unknown> }[] = [];
      const read = (item: Record<string, unknown>, prefix: string, c: ListColumn) => {
        const raw = (posted[`${prefix}-${c.field}`] ?? '').trim();
        if (c.kind === 'integer') {
          if (/^-?\d{1,9}$/.test(raw)) set(item, c.path, Number(raw));
          else {
            set(item, c.path, raw);
            errors.push({ field: `${prefix}-${c.field}`, message: s.errors.integer });
          }
        } else if (c.kind === 'optional' || c.kind === 'partyType') {
          set(item, c.path, raw === '' ? undefined : raw);
        } else {
          set(item, c.path, raw);
        }
      };
      itemsOf(settings, spec.key).forEach((current, i) => {
        const prefix = `item-${i}`;
        if (posted[`${prefix}-remove`] === 'yes') return;
        const item = structuredClone(current);
        for (const c of spec.columns) if (!c.fixed) read(item, prefix, c);
        rows.push({ prefix, item });
      });
      const typed = spec.columns.filter((c) => (posted[`new-${c.field}`] ?? '').trim() !== '');
      if (typed.length > 0) {
        const missing = spec.columns.find(
          (c) => c.required && (posted[`new-${c.field}`] ?? '').trim() === '',
        );
        if (missing) errors.push({ field: `new-${missing.field}`, message: spec.incomplete(s) });
        const item: Record<string, unknown> = {};
        for (const c of spec.columns) read(item, 'new', c);
        const identity = spec.columns[0]!;
        const taken = rows.some((row) => get(row.item, identity.path) === get(item, identity.path));
        if (taken) errors.push({ field: `new-${identity.field}`, message: s.errors.duplicateCode });
        rows.push({ prefix: 'new', item });
      }
      if (spec.sortBy) {
        const column = spec.sortBy;
        const rank = (row: (typeof rows)[number]) => {
          const value = get(row.item, column);
          return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
        };
        rows.sort((a, b) => rank(a) - rank(b));
      }
      const fieldOf = (path: string): string | null => {
        const rest = path.startsWith(`${spec.key}.`) ? path.slice(spec.key.length + 1) : null;
        if (path === spec.key)
          return rows[0] ? `${rows[0].prefix}-${firstEditable.field}` : `new-${spec.columns[0]!.field}`;
        if (rest === null) return null;
        const [index, ...inner] = rest.split('.');
        const row = rows[Number(index)];
        if (!row) return null;
        const innerPath = inner.join('.');
        const column =
          spec.columns.find((c) => innerPath === c.path || innerPath.startsWith(`${c.path}.`)) ??
          spec.columns.find((c) => !(row.prefix !== 'new' && c.fixed));
        return column ? `${row.prefix}-${column.field}` : null;
      };
      if (spec.atLeastOne && rows.length === 0)
        errors.push({ field: `item-0-remove`, message: s.errors.atLeastOne });
      return {
        patch: { [spec.key]: rows.map((r) => r.item) } as Partial<OrganisationSettings>,
        errors,
        fieldOf,
      };
    },
    labels(s, settings) {
      const labels: Record<string, string> = {};
      itemsOf(settings, spec.key).forEach((item, i) => {
        for (const c of spec.columns)
          labels[`item-${i}-${c.field}`] = `${spec.itemLabel(s, item)}, ${spec.columnLabel(s, c.field)}`;
        labels[`item-${i}-remove`] = `${spec.itemLabel(s, item)}, ${s.list.remove}`;
      });
      for (const c of spec.columns)
        labels[`new-${c.field}`] = `${s.list.newHeading}, ${spec.columnLabel(s, c.field)}`;
      return labels;
    },
  };
}
