/**
 * An administrator changes the organisation settings: a new version is stored (who, when, why), and when the
 * calendar or the terms changed, the open terms of every unresolved complaint are recomputed. Terms already
 * met keep their dates; each recomputed complaint gets a history event.
 */
import { Compile } from 'typebox/compile';
import { type DbExecutor, transaction } from '../db/database.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import { listComplaints, updateComplaint } from '../db/repositories/complaints.ts';
import { loadCurrentSettings, saveSettingsVersion } from '../db/repositories/settings.ts';
import type { Actor } from '../domain/action-context.ts';
import { createCalendar } from '../domain/calendar.ts';
import { assertReadablePrimaryColour } from '../domain/contrast.ts';
import { computeDeadlines } from '../domain/deadlines.ts';
import { DomainError } from '../domain/errors.ts';
import { diffComplaint } from '../domain/history.ts';
import { COMPLAINT_STATUSES, TERMINAL } from '../domain/lifecycle.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import { OrganisationSettingsSchema } from '../domain/settings-schema.ts';
import type { CommandDeps } from './context.ts';

// Compiled on first use: most processes (the CLI, the tests) never validate settings.
let checker: ReturnType<typeof Compile<typeof OrganisationSettingsSchema>> | null = null;

/** Throws invalid_input naming the first wrong field; the calendar's own dates are checked too. */
export function validateSettings(candidate: unknown): OrganisationSettings {
  checker ??= Compile(OrganisationSettingsSchema);
  const first = [...checker.Errors(candidate)][0];
  if (first) {
    const field = first.instancePath.split('/').filter(Boolean).join('.') || 'settings';
    throw new DomainError(
      'invalid_input',
      {
        en: `Invalid setting ${field}: ${first.message}`,
        nl: `Ongeldige instelling ${field}: ${first.message}`,
      },
      { field },
    );
  }
  const settings = candidate as OrganisationSettings;
  // The public pages' links and buttons use this colour on white (WCAG 1.4.3), whoever sets it: file, page or API.
  assertReadablePrimaryColour(settings.branding.primaryColor);
  createCalendar(settings.calendar);
  return settings;
}

export interface SettingsUpdate {
  version: number;
  recomputed: string[];
}

export async function updateSettings(
  deps: CommandDeps,
  candidate: unknown,
  actor: Actor & { userId: string },
  note: string | null,
): Promise<SettingsUpdate> {
  const settings = validateSettings(candidate);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const previous = await loadCurrentSettings(trx);
    const saved = await saveSettingsVersion(trx, settings, actor.userId, now, note);
    const changedTerms =
      !previous ||
      JSON.stringify(previous.data.calendar) !== JSON.stringify(settings.calendar) ||
      JSON.stringify(previous.data.terms) !== JSON.stringify(settings.terms);
    const recomputed = changedTerms
      ? await recomputeOpenDeadlines(trx, settings, now.toISOString(), actor)
      : [];
    return { version: saved.version, recomputed };
  });
}

async function recomputeOpenDeadlines(
  trx: DbExecutor,
  settings: OrganisationSettings,
  now: string,
  actor: Actor,
): Promise<string[]> {
  const calendar = createCalendar(settings.calendar);
  // Terms of closed, withdrawn and not-taken-up complaints are history.
  const open = COMPLAINT_STATUSES.filter((status) => !TERMINAL.includes(status));
  const recomputed: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listComplaints(trx, { statuses: open }, { limit: 500, cursor });
    for (const complaint of page.items) {
      const deadlines = computeDeadlines(complaint, calendar, settings.terms, complaint.deadlines);
      if (JSON.stringify(deadlines) === JSON.stringify(complaint.deadlines)) continue;
      const next = { ...complaint, deadlines, updatedAt: now };
      const saved = await updateComplaint(trx, next, complaint.version);
      await appendEvent(trx, saved.id, {
        at: now,
        actorId: actor.userId,
        actorLabel: actor.name,
        action: 'recomputeDeadlines',
        fromStatus: complaint.status,
        toStatus: complaint.status,
        changes: diffComplaint(complaint, saved),
        note: `calendar ${calendar.id}`,
      });
      recomputed.push(complaint.reference);
    }
    cursor = page.next;
  } while (cursor);
  return recomputed;
}
