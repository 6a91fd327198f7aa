/**
 * `verbeterpunt migrate`: brings the schema up to date and seeds the organisation settings on first use
 * (what the server does at start too), and says what it did.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { out, withDatabase } from './runtime.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations and seed the organisation settings on first use')
    .action(async () => {
      await withDatabase(async ({ db, config, report }) => {
        const applied = report?.migrations ?? [];
        for (const name of applied) out(`applied ${name}`);
        if (applied.length === 0) {
          const { migrationStatus } = await import('../db/migrate.ts');
          const known = await migrationStatus(db);
          out(`Database up to date (${known.length} migration${known.length === 1 ? '' : 's'} applied).`);
        }
        if (report?.settingsSeeded) {
          const file = config.organisationSettingsPath;
          const source = existsSync(file) ? file : "the regulation's defaults";
          out(
            `Organisation settings seeded from ${source}; from now on they live, versioned, in the database.`,
          );
        }
      });
    });
}
