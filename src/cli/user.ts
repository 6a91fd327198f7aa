/**
 * `verbeterpunt user create …` and `verbeterpunt user list`: staff accounts from the command line, which is
 * how the first administrator comes to exist.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../commands/passwords.ts';
import type { DbExecutor } from '../db/database.ts';
import { ROLES, type Role, type User } from '../db/repositories/users.ts';
import { CliFailure, formatTable, out, UsageError, withDatabase } from './runtime.ts';

export { hashPassword };

function collectRole(value: string, previous: Role[] | undefined): Role[] {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`Allowed roles are ${ROLES.join(', ')}.`);
  }
  return [...(previous ?? []), value as Role];
}

interface CreateOptions {
  email: string;
  name: string;
  jobTitle: string;
  role: Role[];
  password?: string;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Create and list staff users');

  user
    .command('create')
    .description('Create a staff user and print its id and roles')
    .requiredOption('--email <email>', 'login and mail address (stored lowercased, unique)')
    .requiredOption('--name <name>', 'full name, as letters and the improvement form show it')
    .requiredOption(
      '--job-title <title>',
      'job title, recorded with the handler on the form (step 2), e.g. "Kwaliteitsmanager"',
    )
    .requiredOption('--role <role>', `a role, repeatable: ${ROLES.join(', ')}`, collectRole)
    .option(
      '--password <password>',
      `a password for signing in (at least ${MIN_PASSWORD_LENGTH} characters; "-" reads it from stdin); without it the user has no password yet`,
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ verbeterpunt user create --email beheer@loket3.nl --name "Sanne de Wit" --job-title Beheerder --role administrator',
    )
    .action(async (options: CreateOptions) => {
      const email = options.email.trim();
      const name = options.name.trim();
      const jobTitle = options.jobTitle.trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
        throw new UsageError(`--email must be an email address (got '${options.email}').`);
      }
      if (name === '' || name.length > 200) throw new UsageError('--name must be 1 to 200 characters.');
      if (jobTitle === '' || jobTitle.length > 200)
        throw new UsageError('--job-title must be 1 to 200 characters.');
      let password = options.password;
      if (password === '-') password = (await readStdin()).replace(/\r?\n$/, '');
      if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      // Hash before opening the transaction: it is the slow part and needs no database.
      const passwordHash = password === undefined ? null : await hashPassword(password);

      const { isUniqueViolation, transaction } = await import('../db/database.ts');
      const { insertUser, setPasswordHash } = await import('../db/repositories/users.ts');
      await withDatabase(async ({ db }) => {
        const created = await transaction(db, async (trx) => {
          try {
            const inserted = await insertUser(trx, {
              email,
              name,
              jobTitle,
              roles: options.role,
              now: new Date(),
            });
            if (passwordHash) await setPasswordHash(trx, inserted.id, passwordHash);
            return inserted;
          } catch (error) {
            if (isUniqueViolation(error))
              throw new CliFailure(`a user with the email ${email.toLowerCase()} already exists.`);
            throw error;
          }
        });
        out(`Created user ${created.id}`);
        out(`  ${created.name} <${created.email}>, ${created.jobTitle}`);
        out(`  roles: ${created.roles.join(', ')}`);
        out(`  password: ${passwordHash ? 'set' : 'none (API tokens only until one is set)'}`);
      });
    });

  user
    .command('set-password')
    .description(
      "Set (or replace) a user's password, read from stdin; ends their sessions and lifts a lockout",
    )
    .requiredOption('--email <email>', 'the user')
    .addHelpText(
      'after',
      '\nExample:\n  $ echo "a long passphrase here" | verbeterpunt user set-password --email beheer@loket3.nl',
    )
    .action(async (options: { email: string }) => {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`The password (from stdin) must be at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      const passwordHash = await hashPassword(password);
      await changeUser(options.email, 'password_set', async (db, user) => {
        const { setPasswordHash, setSignInCounters } = await import('../db/repositories/users.ts');
        const { revokeStaffSessionsOf } = await import('../db/repositories/staff-sessions.ts');
        await setPasswordHash(db, user.id, passwordHash);
        await setSignInCounters(db, user.id, { failedSignIns: 0, lastFailedAt: null, lockedUntil: null });
        const ended = await revokeStaffSessionsOf(db, user.id, new Date());
        return `Password set for ${user.email}; ${ended} session(s) ended.`;
      });
    });

  user
    .command('unlock')
    .description('Lift the lockout after failed sign-ins')
    .requiredOption('--email <email>', 'the user')
    .action(async (options: { email: string }) => {
      await changeUser(options.email, 'unlocked', async (db, user) => {
        const { setSignInCounters } = await import('../db/repositories/users.ts');
        await setSignInCounters(db, user.id, { failedSignIns: 0, lastFailedAt: null, lockedUntil: null });
        return `${user.email} can sign in again.`;
      });
    });

  user
    .command('reset-two-factor')
    .description("Remove a user's second factor (a lost phone); they set it up again at their next sign-in")
    .requiredOption('--email <email>', 'the user')
    .action(async (options: { email: string }) => {
      await changeUser(options.email, 'second_factor_reset', async (db, user) => {
        const { clearSecondFactor } = await import('../db/repositories/users.ts');
        const { revokeStaffSessionsOf } = await import('../db/repositories/staff-sessions.ts');
        await clearSecondFactor(db, user.id);
        await revokeStaffSessionsOf(db, user.id, new Date());
        return `Second factor removed for ${user.email}; their sessions ended.`;
      });
    });

  user
    .command('list')
    .description('List every user with email, name, job title, roles and whether active')
    .action(async () => {
      const { listUsers } = await import('../db/repositories/users.ts');
      await withDatabase(async ({ db }) => {
        const users = await listUsers(db.kysely);
        if (users.length === 0) {
          out(
            'No users yet. Create the first administrator with `verbeterpunt user create … --role administrator`.',
          );
          return;
        }
        out(
          formatTable(
            ['ID', 'EMAIL', 'NAME', 'JOB TITLE', 'ROLES', 'ACTIVE'],
            users.map((u) => [u.id, u.email, u.name, u.jobTitle, u.roles.join(','), u.active ? 'yes' : 'no']),
          ),
        );
      });
    });
}

/**
 * Runs a change to one user (found by email) in a transaction and records it in the audit log as done from
 * the command line; prints what `change` returns.
 */
async function changeUser(
  email: string,
  action: string,
  change: (db: DbExecutor, user: User) => Promise<string>,
): Promise<void> {
  const { transaction } = await import('../db/database.ts');
  const { findUserByEmail } = await import('../db/repositories/users.ts');
  const { recordAudit } = await import('../db/repositories/audit-log.ts');
  await withDatabase(async ({ db }) => {
    const message = await transaction(db, async (trx) => {
      const user = await findUserByEmail(trx, email);
      if (!user) throw new CliFailure(`there is no user with the email ${email.trim().toLowerCase()}.`);
      const text = await change(trx, user);
      await recordAudit(trx, {
        at: new Date(),
        actorId: null,
        actorLabel: 'command line',
        action,
        targetType: 'user',
        targetId: user.id,
      });
      return text;
    });
    out(message);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
