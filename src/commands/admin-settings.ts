/**
 * An administrator saves one section of the organisation settings (its top-level keys), with a note saying
 * why. The rest of the settings stay as they are in force; the whole goes through `updateSettings` (a new
 * version with who, when and why; open deadlines recomputed when the calendar or the terms changed).
 *
 * A form opened on an older version is refused when someone else changed the same section since, instead of
 * silently undoing their change. The primary colour must reach 4.5:1 against white (the public pages and
 * letters write text in it and white text on it).
 */

import { listSettingsVersions, loadCurrentSettings } from '../db/repositories/settings.ts';
import { DomainError } from '../domain/errors.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import { type AdminActor, assertAdministrator, auditAdmin } from './admin-access.ts';
import type { CommandDeps } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';
import { updateSettings, validateSettings } from './update-settings.ts';

export const NOTE_MAX_LENGTH = 500;

export interface SectionSave {
  /** The section's name, for the audit log. */
  section: string;
  /** The section's top-level keys with their new values. */
  patch: Partial<OrganisationSettings>;
  /** Why (required). */
  note: string;
  /** The version the form was made from. */
  basedOnVersion: number;
}

export interface SectionSaved {
  /** The version in force afterwards; the same as before when nothing changed. */
  version: number;
  changed: boolean;
  /** References of the open complaints whose deadlines were recomputed. */
  recomputed: string[];
}

export async function saveSettingsSection(
  deps: CommandDeps,
  actor: AdminActor,
  save: SectionSave,
  meta: ClientMeta | null,
): Promise<SectionSaved> {
  assertAdministrator(actor);
  const note = save.note.trim();
  if (note === '' || note.length > NOTE_MAX_LENGTH) {
    throw new DomainError(
      'invalid_input',
      {
        en: `Say why you change this (1 to ${NOTE_MAX_LENGTH} characters).`,
        nl: `Vul in waarom u dit wijzigt (1 tot ${NOTE_MAX_LENGTH} tekens).`,
      },
      { field: 'note' },
    );
  }
  const db = deps.db.kysely;
  const current = await loadCurrentSettings(db);
  if (!current)
    throw new Error('No organisation settings in the database: run `verbeterpunt migrate` first.');
  const keys = Object.keys(save.patch) as (keyof OrganisationSettings)[];
  const same = (a: OrganisationSettings, b: Partial<OrganisationSettings>) =>
    keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

  if (save.basedOnVersion !== current.version) {
    const basedOn = (await listSettingsVersions(db)).find((v) => v.version === save.basedOnVersion);
    if (!basedOn || !same(basedOn.data, current.data)) {
      throw new DomainError('version_conflict', {
        en: 'Someone else changed these settings since you opened the page. Open it again and make your change once more.',
        nl: 'Iemand anders heeft deze instellingen gewijzigd sinds u de pagina opende. Open de pagina opnieuw en wijzig opnieuw.',
      });
    }
  }
  const candidate = validateSettings({ ...current.data, ...save.patch });
  if (same(current.data, save.patch)) return { version: current.version, changed: false, recomputed: [] };

  const saved = await updateSettings(deps, candidate, actor, note);
  // updateSettings commits on its own; the audit entry follows it (the version itself records who and why).
  await auditAdmin(db, deps.now(), actor, meta, {
    action: 'settings_changed',
    targetType: 'settings',
    targetId: String(saved.version),
    details: {
      section: save.section,
      keys: keys.filter((key) => JSON.stringify(current.data[key]) !== JSON.stringify(save.patch[key])),
      version: saved.version,
      recomputed: saved.recomputed.length,
    },
  });
  return { version: saved.version, changed: true, recomputed: saved.recomputed };
}
