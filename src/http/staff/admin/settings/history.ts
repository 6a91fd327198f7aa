/** The versions of the settings as history rows: who, when, why, and what changed (in one section or overall). */
import type { SettingsVersion } from '../../../../db/repositories/settings.ts';
import { type Change, describeChanges } from './diff.ts';
import { SECTIONS } from './sections.ts';
import type { SectionDef, SettingsKey } from './types.ts';

export interface HistoryRow {
  version: number;
  changedAt: string;
  changedBy: string | null;
  note: string | null;
  /** The first version: seeded, nothing to compare with. */
  initial: boolean;
  changes: Change[];
  sections: SectionDef[];
}

const differs = (a: SettingsVersion, b: SettingsVersion, key: SettingsKey) =>
  JSON.stringify(a.data[key]) !== JSON.stringify(b.data[key]);

/**
 * Versions newest first (as listSettingsVersions gives them). With `keys`, only the versions that changed
 * those settings, and only those changes; the first version is always the last row.
 */
export function historyRows(versions: SettingsVersion[], keys?: readonly SettingsKey[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  versions.forEach((version, i) => {
    const previous = versions[i + 1];
    const base = {
      version: version.version,
      changedAt: version.changedAt,
      changedBy: version.changedBy,
      note: version.note,
    };
    if (!previous) {
      rows.push({ ...base, initial: true, changes: [], sections: [] });
      return;
    }
    const sections = SECTIONS.filter((section) =>
      section.keys.some((key) => differs(previous, version, key)),
    );
    const changes = (keys ?? [])
      .filter((key) => differs(previous, version, key))
      .flatMap((key) => describeChanges(previous.data[key], version.data[key], key));
    if (keys && changes.length === 0) return;
    rows.push({ ...base, initial: false, changes, sections });
  });
  return rows;
}
