/**
 * Administrators manage staff users: create one (name, email, job title, roles, active), change those fields,
 * deactivate (every session of the user ends at once; API tokens stop working because they need an active
 * user) and reactivate. There is always at least one active administrator: a change that would leave none is
 * refused. Every change is audited with the names of the fields that changed, never their secrets.
 */

import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { type DbExecutor, isUniqueViolation, transaction } from '../db/database.ts';
import { countActiveAdministrators, setUserEmail } from '../db/repositories/admin.ts';
import { revokeStaffSessionsOf } from '../db/repositories/staff-sessions.ts';
import { findUserById, insertUser, type User, updateUser } from '../db/repositories/users.ts';
import { ROLES, type Role } from '../domain/action-context.ts';
import { DomainError } from '../domain/errors.ts';
import { type AdminActor, assertAdministrator, auditAdmin } from './admin-access.ts';
import type { CommandDeps } from './context.ts';
import type { ClientMeta } from './staff-sessions.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** A user as the administrator enters it (the form and the command check the same schema). */
export const UserInputSchema = Type.Object(
  {
    name: Text(200),
    email: Type.String({ format: 'email', maxLength: 254 }),
    jobTitle: Text(200),
    roles: Type.Array(Type.Enum(ROLES as readonly Role[]), { maxItems: ROLES.length, uniqueItems: true }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);

export interface UserInput {
  name: string;
  email: string;
  jobTitle: string;
  roles: Role[];
  active: boolean;
}

let checker: ReturnType<typeof Compile<typeof UserInputSchema>> | null = null;

/** Trims the texts and checks the schema; throws invalid_input naming the first wrong field. */
export function checkUserInput(input: UserInput): UserInput {
  const normalised: UserInput = {
    name: input.name.trim(),
    email: input.email.trim().toLowerCase(),
    jobTitle: input.jobTitle.trim(),
    roles: [...input.roles],
    active: input.active,
  };
  checker ??= Compile(UserInputSchema);
  const first = [...checker.Errors(normalised)][0];
  if (first) {
    const field = first.instancePath.split('/').filter(Boolean)[0] ?? 'user';
    throw new DomainError(
      'invalid_input',
      { en: `Check the field ${field}.`, nl: `Controleer het veld ${field}.` },
      { field },
    );
  }
  return normalised;
}

const emailTaken = () =>
  new DomainError(
    'invalid_input',
    {
      en: 'There is already a user with this email address.',
      nl: 'Er is al een gebruiker met dit e-mailadres.',
    },
    { field: 'email' },
  );

const notFound = () =>
  new DomainError('not_found', { en: 'There is no such user.', nl: 'Deze gebruiker bestaat niet.' });

/** Refuses (and so rolls back) a change that leaves no active administrator. */
async function keepAnAdministrator(trx: DbExecutor, field: 'roles' | 'active'): Promise<void> {
  if ((await countActiveAdministrators(trx)) > 0) return;
  throw new DomainError(
    'guard_failed',
    {
      en: 'This is the last active administrator: give another user the administrator role first.',
      nl: 'Dit is de laatste actieve beheerder: geef eerst een andere gebruiker de rol beheerder.',
    },
    { field },
  );
}

export async function createUserByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  input: UserInput,
  meta: ClientMeta | null,
): Promise<User> {
  assertAdministrator(actor);
  const user = checkUserInput(input);
  const now = deps.now();
  try {
    return await transaction(deps.db, async (trx) => {
      const created = await insertUser(trx, { ...user, now });
      await auditAdmin(trx, now, actor, meta, {
        action: 'user_created',
        targetType: 'user',
        targetId: created.id,
        details: { roles: created.roles, active: created.active },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export interface UserUpdate {
  user: User;
  changed: (keyof UserInput)[];
  sessionsEnded: number;
}

export async function updateUserByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  input: UserInput,
  meta: ClientMeta | null,
): Promise<UserUpdate> {
  assertAdministrator(actor);
  const wanted = checkUserInput(input);
  const now = deps.now();
  try {
    return await transaction(deps.db, async (trx) => {
      const before = await findUserById(trx, userId);
      if (!before) throw notFound();
      const sameRoles = [...before.roles].sort().join() === [...wanted.roles].sort().join();
      const changed = (['name', 'email', 'jobTitle', 'roles', 'active'] as const).filter((key) =>
        key === 'roles' ? !sameRoles : before[key] !== wanted[key],
      );
      if (changed.length === 0) return { user: before, changed, sessionsEnded: 0 };
      if (wanted.email !== before.email) await setUserEmail(trx, userId, wanted.email);
      const user = (await updateUser(trx, userId, {
        name: wanted.name,
        jobTitle: wanted.jobTitle,
        roles: wanted.roles,
        active: wanted.active,
      })) as User;
      if (changed.includes('roles') || changed.includes('active'))
        await keepAnAdministrator(trx, changed.includes('active') ? 'active' : 'roles');
      const sessionsEnded = before.active && !user.active ? await revokeStaffSessionsOf(trx, userId, now) : 0;
      await auditAdmin(trx, now, actor, meta, {
        action: 'user_updated',
        targetType: 'user',
        targetId: userId,
        details: {
          changed,
          ...(changed.includes('roles') ? { roles: { from: before.roles, to: user.roles } } : {}),
          ...(changed.includes('active') ? { active: { from: before.active, to: user.active } } : {}),
          ...(sessionsEnded > 0 ? { sessionsEnded } : {}),
        },
      });
      return { user, changed, sessionsEnded };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Deactivates (ending every session at once) or reactivates a user; returns how many sessions ended. */
export async function setUserActiveByAdmin(
  deps: CommandDeps,
  actor: AdminActor,
  userId: string,
  active: boolean,
  meta: ClientMeta | null,
): Promise<{ user: User; sessionsEnded: number }> {
  assertAdministrator(actor);
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw notFound();
    if (before.active === active) return { user: before, sessionsEnded: 0 };
    const user = (await updateUser(trx, userId, { active })) as User;
    if (!active) await keepAnAdministrator(trx, 'active');
    const sessionsEnded = active ? 0 : await revokeStaffSessionsOf(trx, userId, now);
    await auditAdmin(trx, now, actor, meta, {
      action: active ? 'user_reactivated' : 'user_deactivated',
      targetType: 'user',
      targetId: userId,
      details: active ? {} : { sessionsEnded },
    });
    return { user, sessionsEnded };
  });
}
