/**
 * `verbeterpunt token create --email E [--name N]`: a personal access token for the staff API. Prints only
 * the token, so that `TOKEN=$(verbeterpunt token create --email …)` works; it is shown once and stored hashed.
 */
import type { Command } from 'commander';
import { CliFailure, out, UsageError, withDatabase } from './runtime.ts';

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('Personal access tokens for the staff API');

  token
    .command('create')
    .description(
      'Create an API token for a user and print it (only the token, on one line; it is not shown again)',
    )
    .requiredOption('--email <email>', 'the email address of the user the token acts as')
    .option('--name <name>', 'what the token is for, shown in token lists', 'cli')
    .addHelpText(
      'after',
      '\nExample:\n  $ TOKEN=$(verbeterpunt token create --email beheer@loket3.nl --name "reporting script")\n' +
        '  $ curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/staff/complaints',
    )
    .action(async (options: { email: string; name: string }) => {
      const name = options.name.trim();
      if (name === '' || name.length > 200) throw new UsageError('--name must be 1 to 200 characters.');
      const { createApiToken } = await import('../db/repositories/api-tokens.ts');
      const { findUserByEmail } = await import('../db/repositories/users.ts');
      await withDatabase(async ({ db }) => {
        const user = await findUserByEmail(db.kysely, options.email);
        if (!user)
          throw new CliFailure(`there is no user with the email ${options.email.trim().toLowerCase()}.`);
        if (!user.active)
          throw new CliFailure(`the user ${user.email} is not active; a token would not work.`);
        const created = await createApiToken(db.kysely, user.id, name, new Date());
        out(created.token);
      });
    });
}
