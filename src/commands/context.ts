/** What every command needs: the database, the configuration, and the two non-deterministic inputs. */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Actor, UserRef } from '../domain/action-context.ts';
import { createCalendar, type WorkingDayCalendar } from '../domain/calendar.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import type { Db, DbExecutor } from '../db/database.ts';
import { currentSettingsVersion, loadCurrentSettings } from '../db/repositories/settings.ts';
import { findUserById } from '../db/repositories/users.ts';

export interface CommandDeps {
  db: Db;
  config: Readonly<Config>;
  /** The clock, injected so tests can put receipt on any date. */
  now: () => Date;
  newId: () => string;
}

export const systemClock = (): Date => new Date();
export const randomId = (): string => randomUUID();

export interface Organisation {
  settings: OrganisationSettings;
  settingsVersion: number;
  calendar: WorkingDayCalendar;
}

/**
 * Calendars by their configuration: building one is the expensive part (holiday tables per year), and the
 * same configuration always gives the same calendar, whichever database or settings version it came from.
 */
const calendars = new Map<string, WorkingDayCalendar>();

function calendarFor(config: OrganisationSettings['calendar']): WorkingDayCalendar {
  const key = JSON.stringify(config);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createCalendar(config);
    calendars.set(key, calendar);
  }
  return calendar;
}

/** The settings in force (read in the caller's transaction) and the calendar built from them. */
export async function loadOrganisation(db: DbExecutor): Promise<Organisation> {
  const current = await loadCurrentSettings(db);
  if (!current) throw new Error('No organisation settings in the database: run `verbeterpunt migrate` first.');
  return { settings: current.data, settingsVersion: current.version, calendar: calendarFor(current.data.calendar) };
}

/** Per database: the organisation as last loaded, reused while its settings version is the one in force. */
const organisations = new WeakMap<Db, Organisation>();

/**
 * The settings in force, as loadOrganisation gives them, but parsed once per settings version: each call reads
 * only the version number (in the caller's transaction, so it sees what that transaction sees) and the whole
 * document only after a change, made here or by another instance. Hot paths (every registration and action)
 * use it; the result is frozen, since every caller of a database shares it.
 */
export async function loadOrganisationOf(db: Db, executor: DbExecutor = db.kysely): Promise<Organisation> {
  const version = await currentSettingsVersion(executor);
  const cached = organisations.get(db);
  if (cached && cached.settingsVersion === version) return cached;
  const fresh = await loadOrganisation(executor);
  deepFreeze(fresh.settings);
  organisations.set(db, fresh);
  return fresh;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Users referenced by id, loaded before the domain runs so that the domain needs no I/O. */
export async function loadUsers(db: DbExecutor, ids: Iterable<string>): Promise<Map<string, UserRef>> {
  const users = new Map<string, UserRef>();
  for (const id of new Set(ids)) {
    const user = await findUserById(db, id);
    if (user) users.set(id, user);
  }
  return users;
}

/** The reporter acting through the public API or the follow-up link. */
export const REPORTER: Actor = { userId: null, name: 'reporter', roles: [], reporter: true };
/** Background jobs. */
export const SYSTEM: Actor = { userId: null, name: 'system', roles: [] };
