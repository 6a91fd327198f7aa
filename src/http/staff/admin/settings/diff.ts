/**
 * What changed between two versions of the settings, as lines a person can read: a value that changed
 * (`terms.resolveWorkingDays: 21 → 15`), an item added to or removed from a list (`calendar.closingDays:
 * + 2026-12-24`). Items of lists of objects are matched by their code (or name), not their position, so
 * removing one category does not read as every later one changing.
 */

export interface Change {
  path: string;
  /** null when the value (or list item) was added. */
  from: string | null;
  /** null when the value (or list item) was removed. */
  to: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const label = value.label ?? value.description;
    if (isObject(label) && typeof label.nl === 'string')
      return `${String(value.code ?? value.name ?? '')} (${label.nl})`.trim();
  }
  return JSON.stringify(value);
}

function keyOf(item: unknown): string | null {
  if (!isObject(item)) return null;
  if (typeof item.code === 'string') return item.code;
  if (typeof item.name === 'string') return item.name;
  return null;
}

export function describeChanges(before: unknown, after: unknown, path: string): Change[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = [...before, ...after].every((item) => keyOf(item) !== null);
    if (keyed) {
      const old = new Map(before.map((item) => [keyOf(item)!, item]));
      const now = new Map(after.map((item) => [keyOf(item)!, item]));
      const changes: Change[] = [];
      for (const [key, item] of old) {
        if (!now.has(key)) changes.push({ path, from: show(item), to: null });
        else changes.push(...describeChanges(item, now.get(key), `${path}[${key}]`));
      }
      for (const [key, item] of now) if (!old.has(key)) changes.push({ path, from: null, to: show(item) });
      if (changes.length === 0)
        changes.push({ path, from: show(before.map(keyOf)), to: show(after.map(keyOf)) });
      return changes;
    }
    if ([...before, ...after].every((item) => !isObject(item) && !Array.isArray(item))) {
      const old = new Set(before.map(show));
      const now = new Set(after.map(show));
      return [
        ...[...old].filter((v) => !now.has(v)).map((v) => ({ path, from: v, to: null })),
        ...[...now].filter((v) => !old.has(v)).map((v) => ({ path, from: null, to: v })),
      ];
    }
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => describeChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [
    {
      path,
      from: before === undefined || before === null ? '' : show(before),
      to: after === undefined || after === null ? '' : show(after),
    },
  ];
}
