/**
 * First start: migrate, then seed the organisation settings from the settings file (or the regulation's
 * defaults). After that the database holds the settings, versioned; the file is not read again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, type OrganisationSettings } from '../domain/settings.ts';
import { type Db, isUniqueViolation } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadCurrentSettings, saveSettingsVersion } from '../db/repositories/settings.ts';
import { listUsers } from '../db/repositories/users.ts';
import { validateSettings } from './update-settings.ts';

/** The settings file over the defaults: top-level keys replace, nested objects of one level merge. */
export function readSettingsFile(file: string): OrganisationSettings {
  if (!existsSync(file)) return DEFAULT_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The organisation settings file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The organisation settings file ${file} must hold a JSON object.`);
  }
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in DEFAULT_SETTINGS)) throw new Error(`Unknown setting '${key}' in ${file}.`);
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === 'object' && !Array.isArray(base) && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...base, ...value }
        : value;
  }
  try {
    return validateSettings(merged);
  } catch (error) {
    throw new Error(`The organisation settings file ${file} is not valid: ${(error as Error).message}`);
  }
}

export interface BootstrapReport {
  migrations: string[];
  settingsSeeded: boolean;
  hasUsers: boolean;
}

export async function bootstrap(db: Db, settingsFile: string, now: Date): Promise<BootstrapReport> {
  const { applied } = await migrateToLatest(db);
  let settingsSeeded = false;
  if (!(await loadCurrentSettings(db.kysely))) {
    const settings = readSettingsFile(settingsFile);
    const source = existsSync(settingsFile) ? `seeded from ${settingsFile}` : "seeded from the regulation's defaults";
    try {
      await saveSettingsVersion(db.kysely, settings, null, now, source);
      settingsSeeded = true;
    } catch (error) {
      // Another instance starting at the same moment seeded them first: theirs are as good as ours.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const hasUsers = (await listUsers(db.kysely)).length > 0;
  return { migrations: applied, settingsSeeded, hasUsers };
}
