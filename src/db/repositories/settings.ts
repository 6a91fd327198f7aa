/**
 * Organisation settings, versioned: every save adds a row, the highest version is in force, and earlier
 * versions stay for the audit trail (what applied when a deadline was computed).
 */
import type { Selectable } from 'kysely';
import { DEFAULT_SETTINGS, type OrganisationSettings } from '../../domain/settings.ts';
import type { DbExecutor } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';
import type { OrganisationSettingsTable } from '../tables.ts';

export interface SettingsVersion {
  version: number;
  data: OrganisationSettings;
  changedBy: string | null;
  changedAt: string;
  note: string | null;
}

/** The settings in force, or null before the first save (the caller seeds them then). */
export async function loadCurrentSettings(db: DbExecutor): Promise<SettingsVersion | null> {
  const row = await db
    .selectFrom('organisation_settings')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSettingsVersion(row) : null;
}

/** The number of the settings version in force (0 before the first save): one index lookup. */
export async function currentSettingsVersion(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('organisation_settings')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Saves `data` as the next version (current + 1, or 1). Two saves at the same moment compute the same number;
 * the primary key then makes the second fail with a unique violation instead of silently overwriting.
 */
export async function saveSettingsVersion(
  db: DbExecutor,
  data: OrganisationSettings,
  changedBy: string | null,
  now: Date,
  note: string | null = null,
): Promise<SettingsVersion> {
  const current = await db
    .selectFrom('organisation_settings')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  const row = await db
    .insertInto('organisation_settings')
    .values({
      version: Number(current?.version ?? 0) + 1,
      data: toJson(data),
      changed_by: changedBy,
      changed_at: toTimestamp(now),
      note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSettingsVersion(row);
}

/** Every version, newest first. */
export async function listSettingsVersions(db: DbExecutor): Promise<SettingsVersion[]> {
  const rows = await db.selectFrom('organisation_settings').selectAll().orderBy('version', 'desc').execute();
  return rows.map(toSettingsVersion);
}

/**
 * Settings saved by an earlier version of the product lack the settings added since: their defaults fill them
 * in, by the same rule as the settings file (top-level keys replace, nested objects merge one level deep).
 */
function withDefaults(stored: Partial<OrganisationSettings>): OrganisationSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    merged[key] = isObject(base) && isObject(value) ? { ...(base as object), ...(value as object) } : value;
  }
  return merged as unknown as OrganisationSettings;
}

function toSettingsVersion(row: Selectable<OrganisationSettingsTable>): SettingsVersion {
  return {
    version: row.version,
    data: withDefaults(parseJson<Partial<OrganisationSettings>>(row.data)),
    changedBy: row.changed_by,
    changedAt: toTimestamp(row.changed_at),
    note: row.note,
  };
}
