/**
 * Who gets a staff email about a case. Pure: the caller loads the users. The quality managers of a case are
 * decided by the same rule as their rights (domain/policy.ts relationTo): a quality manager who is involved in
 * the case does not act as one for it, and the configured deputy takes over.
 */
import type { UserRef } from '../domain/action-context.ts';
import { type Complaint, involvedUserIds } from '../domain/complaint.ts';
import { relationTo } from '../domain/policy.ts';

/** Every staff user by id, inactive ones too (their names still appear); only active ones get email. */
export type StaffDirectory = ReadonlyMap<string, UserRef>;

export function directoryOf(users: Iterable<UserRef>): StaffDirectory {
  return new Map([...users].map((u) => [u.id, u]));
}

/** The user if they can receive email now: active, with an address. */
export function reachable(user: UserRef | null | undefined): UserRef | null {
  return user?.active && user.email ? user : null;
}

/** The deputy quality manager's user id, from the settings' email address (case-insensitive). */
export function deputyIdOf(users: StaffDirectory, deputyEmail: string | null): string | null {
  if (!deputyEmail) return null;
  const wanted = deputyEmail.trim().toLowerCase();
  return [...users.values()].find((u) => u.active && u.email.toLowerCase() === wanted)?.id ?? null;
}

/** Every active user who acts as quality manager on this case (policy.ts, deputy rule included). */
export function actingQualityManagers(
  complaint: Pick<Complaint, 'handler' | 'involved' | 'receiverId'>,
  users: StaffDirectory,
  deputyUserId: string | null,
): UserRef[] {
  const involved = new Set(involvedUserIds(complaint));
  const qualityManagerInvolved = [...involved].some((id) => users.get(id)?.roles.includes('quality_manager'));
  const facts = { qualityManagerInvolved, deputyQualityManagerId: deputyUserId };
  return [...users.values()].filter(
    (user) =>
      reachable(user) &&
      relationTo(complaint, { userId: user.id, name: user.name, roles: [...user.roles] }, facts)
        .actsAsQualityManager,
  );
}

/** The case's handler, when assigned and still an active user. */
export function handlerOf(complaint: Pick<Complaint, 'handler'>, users: StaffDirectory): UserRef | null {
  return complaint.handler ? reachable(users.get(complaint.handler.userId)) : null;
}

/** Each user once, in order of first appearance. */
export function uniqueUsers(users: (UserRef | null | undefined)[]): UserRef[] {
  const seen = new Set<string>();
  return users.filter((u): u is UserRef => {
    if (!u || seen.has(u.id)) return false;
    seen.add(u.id);
    return true;
  });
}
