/** What an action needs besides the complaint and its input. Everything non-deterministic is passed in. */
import type { WorkingDayCalendar } from './calendar.ts';
import type { Complaint } from './complaint.ts';
import { DomainError, type LocalisedMessage } from './errors.ts';
import type { OrganisationSettings } from './settings.ts';

export type Role = 'receiver' | 'handler' | 'quality_manager' | 'administrator';
export const ROLES: readonly Role[] = ['receiver', 'handler', 'quality_manager', 'administrator'];

export interface UserRef {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  roles: Role[];
  active: boolean;
}

export interface Actor {
  /** null for the reporter or the system. */
  userId: string | null;
  name: string;
  roles: Role[];
  /** The reporter, acting through the private follow-up link (which opens one complaint only). */
  reporter?: true;
}

export interface ActionContext {
  /** The instant of the action, ISO 8601. */
  now: string;
  actor: Actor;
  settings: OrganisationSettings;
  calendar: WorkingDayCalendar;
  /** Users the input refers to, loaded by the command before the domain is called. */
  users: ReadonlyMap<string, UserRef>;
  newId: () => string;
}

/** An action's effect: the complaint as it is after the action. */
export type Applier<I> = (complaint: Complaint, input: I, ctx: ActionContext) => Complaint;

export function requireUser(ctx: ActionContext, userId: string, field: string): UserRef {
  const user = ctx.users.get(userId);
  if (!user || !user.active) {
    throw new DomainError(
      'invalid_input',
      { en: `No active user with id '${userId}'.`, nl: `Er is geen actieve gebruiker met id '${userId}'.` },
      { field },
    );
  }
  return user;
}

export function guard(condition: unknown, message: LocalisedMessage, field?: string): asserts condition {
  if (!condition) throw new DomainError('guard_failed', message, field ? { field } : {});
}
