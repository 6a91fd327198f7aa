/**
 * Forms with a few rows of the same fields (the measures of an offer, preventive measures): rows left empty
 * are not sent, and errors about the n-th row sent are shown at the row the user filled in.
 */
import type { FieldSpec, Values } from './types.ts';

export const ROWS = 3;

/** `prefix-<row>-<field>` */
export const rowField = (prefix: string, row: number, field: string) => `${prefix}-${row}-${field}`;

/** The rows with anything typed in them, by their index on the form. */
export function usedRows(prefix: string, fields: readonly string[], values: Values): number[] {
  const rows: number[] = [];
  for (let row = 0; row < ROWS; row++) {
    if (fields.some((f) => (values[rowField(prefix, row, f)] ?? '').trim() !== '')) rows.push(row);
  }
  return rows;
}

/**
 * A schema path in the list ('measures.1.kind') as the form field it came from; a problem with the list
 * itself ('measures': none given) at `whole` of the first row.
 */
export function rowFieldOf(
  prefix: string,
  fields: readonly string[],
  whole: string,
  path: string,
  values: Values,
): string | null {
  if (path === prefix) return rowField(prefix, usedRows(prefix, fields, values)[0] ?? 0, whole);
  const match = new RegExp(`^${prefix}\\.(\\d+)(?:\\.(\\w+))?$`).exec(path);
  if (!match) return null;
  const row = usedRows(prefix, fields, values)[Number(match[1])] ?? 0;
  return rowField(prefix, row, match[2] ?? whole);
}

/** One fieldset per row, numbered, with the row's fields named by `rowField`. */
export function rowGroups(
  prefix: string,
  legend: (n: number) => string,
  hint: string,
  row: (row: number) => FieldSpec[],
): FieldSpec[] {
  return Array.from({ length: ROWS }, (_, index) => ({
    kind: 'group' as const,
    name: `${prefix}-${index}`,
    legend: legend(index + 1),
    ...(index === 0 ? {} : { hint }),
    fields: row(index),
  }));
}
