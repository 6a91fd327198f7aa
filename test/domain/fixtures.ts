/**
 * Shared test fixtures for the domain tests: a hand-driven clock, a counting id generator, the Atw calendar,
 * a small cast of users, and helpers that deep-freeze every complaint handed to applyAction (so any mutation
 * of the input throws in strict-mode ESM) and check that a refused action leaves its input untouched.
 */
import { expect } from 'vitest';
import type { ActionContext, Actor, UserRef } from '../../src/domain/action-context.ts';
import type { Action } from '../../src/domain/action-schemas.ts';
import { applyAction } from '../../src/domain/apply-action.ts';
import { createCalendar, type WorkingDayCalendar } from '../../src/domain/calendar.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { DomainError, type DomainErrorCode } from '../../src/domain/errors.ts';
import { type NewComplaintFacts, newComplaint, type PublicIntake } from '../../src/domain/intake.ts';
import {
  DEFAULT_SETTINGS,
  KNOWN_EQUATED_DAYS,
  type OrganisationSettings,
} from '../../src/domain/settings.ts';

/** The Atw calendar with the equated days of the royal decrees and no closing days. */
export const atwCalendar: WorkingDayCalendar = createCalendar({
  followEquatedDays: true,
  equatedDays: [...KNOWN_EQUATED_DAYS],
  closingDays: [],
});

const user = (id: string, name: string, jobTitle: string, roles: UserRef['roles']): UserRef => ({
  id,
  name,
  email: `${id}@loket3.example`,
  jobTitle,
  roles,
  active: true,
});

export const QM = user('u-qm', 'Quirine Mulder', 'Kwaliteitsmanager', ['quality_manager']);
export const HANDLER_1 = user('u-h1', 'Hanna de Vries', 'Senior jobcoach', ['handler']);
export const HANDLER_2 = user('u-h2', 'Henk Bakker', 'Teamleider', ['handler']);
/** The employee who delivered the service complained about. */
export const EMPLOYEE = user('u-emp', 'Jan Jansen', 'Jobcoach', ['receiver']);
/** Another quality manager, configured as deputy for cases that involve a quality manager. */
export const DEPUTY = user('u-dep', 'Dirk Pieters', 'Kwaliteitsmedewerker', ['quality_manager']);

export const USERS: ReadonlyMap<string, UserRef> = new Map(
  [QM, HANDLER_1, HANDLER_2, EMPLOYEE, DEPUTY].map((u) => [u.id, u]),
);

export const actorOf = (u: UserRef): Actor => ({ userId: u.id, name: u.name, roles: [...u.roles] });

/** Recursively freezes a value, so that any write to it (or to anything inside it) throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}

/** Runs `fn` and returns the DomainError it throws; fails the test if it throws nothing or something else. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

export const settingsWithExtension = (allowed: boolean, maxWorkingDays = 20): OrganisationSettings => ({
  ...DEFAULT_SETTINGS,
  terms: { ...DEFAULT_SETTINGS.terms, extension: { allowed, maxWorkingDays } },
});

/**
 * A little world for one test: a clock advanced by hand (`at`), an acting user (`as`), and ids 'id-1',
 * 'id-2', … in the order the domain asks for them.
 */
export function createWorld(settings: OrganisationSettings = DEFAULT_SETTINGS) {
  let now = '2026-01-01T00:00:00+01:00';
  let actor: Actor = actorOf(HANDLER_1);
  let counter = 0;
  const ctx = (): ActionContext => ({
    now,
    actor,
    settings,
    calendar: atwCalendar,
    users: USERS,
    newId: () => `id-${++counter}`,
  });
  const world = {
    ctx,
    /** Sets the clock; ISO instant with offset. */
    at(instant: string) {
      now = instant;
      return world;
    },
    /** Sets the acting user for the following actions. */
    as(who: UserRef | Actor) {
      actor = 'userId' in who ? who : actorOf(who);
      return world;
    },
    register(input: PublicIntake, facts: Partial<NewComplaintFacts> & { receivedAt: string }): Complaint {
      return newComplaint(
        input,
        { id: 'c-1', reference: 'VP-2026-00001', channel: 'web', receiverId: null, ...facts },
        ctx(),
      );
    },
    /** Applies the actions in order, at the current clock, each on a deep-frozen complaint. */
    run(complaint: Complaint, ...actions: Action[]): Complaint {
      let current = complaint;
      for (const action of actions) current = applyAction(deepFreeze(current), action, ctx()).complaint;
      return current;
    },
    /** Applies an action that must be refused with `code`; checks the complaint is left exactly as it was. */
    refuse(complaint: Complaint, action: Action, code: DomainErrorCode): DomainError {
      const before = structuredClone(complaint);
      const error = domainErrorOf(() => applyAction(deepFreeze(complaint), action, ctx()));
      expect(error.code).toBe(code);
      expect(complaint).toEqual(before);
      return error;
    },
  };
  return world;
}
