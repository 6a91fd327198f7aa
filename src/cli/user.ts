/**
 * `verbeterpunt user create …` and `verbeterpunt user list`: staff accounts from the command line, which is
 * how the first administrator comes to exist.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../commands/passwords.ts';
import { ROLES, type Role } from '../db/repositories/users.ts';
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
