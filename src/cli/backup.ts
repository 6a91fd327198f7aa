/**
 * `verbeterpunt backup --out FILE` and `verbeterpunt restore --from FILE`, for the database DATABASE_URL names.
 *
 * SQLite: an online backup (the server may run) with SQLite's backup API, checked afterwards; a restore checks
 * the backup (integrity, a Verbeterpunt schema) and refuses a target holding data unless --force.
 * PostgreSQL: pg_dump / pg_restore (custom format) when they are on PATH; otherwise the exact commands are
 * printed. Neither command migrates anything: the server migrates a restored older database when it starts.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BackupError } from '../db/backup-sqlite.ts';
import { CliFailure, loadConfig, note, out } from './runtime.ts';

const NO_PG_TOOLS =
  'is not on PATH (Debian: apt-get install postgresql-client). Run, with the password of DATABASE_URL in PGPASSWORD:';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the database while the server runs (SQLite: backup API; PostgreSQL: pg_dump)')
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--force', 'overwrite the file when it exists')
    .addHelpText(
      'after',
      '\nOn PostgreSQL this runs `pg_dump --format=custom` (postgresql-client) when it is on PATH, and otherwise\n' +
        'prints the exact command. Restore with `verbeterpunt restore --from FILE`.',
    )
    .action(async (options: { out: string; force?: boolean }) => {
      const config = loadConfig();
      await translated(async () => {
        const { sqliteFileOf, backupSqlite, summarise } = await import('../db/backup-sqlite.ts');
        const file = sqliteFileOf(config.databaseUrl);
        if (file) {
          const inspection = await backupSqlite(file, options.out, { overwrite: options.force === true });
          out(`Backup written to ${inspection.file} (${summarise(inspection)}).`);
          return;
        }
        const pgBackup = await import('../db/backup-postgres.ts');
        if (!pgBackup.onPath('pg_dump')) {
          note(`pg_dump ${NO_PG_TOOLS}`);
          note(
            `  ${pgBackup.showCommand(pgBackup.pgDumpCommand(pgBackup.pgTargetOf(config.databaseUrl), options.out))}`,
          );
          note('  (with a schema in DATABASE_URL, add --extension=<name> for each extension: pg_trgm)');
          throw new CliFailure('pg_dump not found');
        }
        if (!options.force && existsSync(options.out)) {
          throw new BackupError(
            `${options.out} exists already; choose another file or pass --force to overwrite it.`,
          );
        }
        await pgBackup.backupPostgres(config.databaseUrl, options.out, note);
        out(
          `Backup written to ${options.out} (pg_dump custom format; restore with \`verbeterpunt restore --from ${options.out}\`).`,
        );
      });
    });

  program
    .command('restore')
    .description('Bring a backup back as the database DATABASE_URL names (stop the server first)')
    .requiredOption('--from <file>', 'the backup file')
    .option('--force', 'replace a database that holds data (SQLite: its content is saved beside it first)')
    .action(async (options: { from: string; force?: boolean }) => {
      const config = loadConfig();
      note('Stop every server process that uses this database before restoring; start it again afterwards.');
      await translated(async () => {
        const { sqliteFileOf, restoreSqlite, summarise } = await import('../db/backup-sqlite.ts');
        const file = sqliteFileOf(config.databaseUrl);
        if (file) {
          const { restored, previousSavedAs } = await restoreSqlite(options.from, file, {
            force: options.force === true,
          });
          if (previousSavedAs) out(`The database that was there is saved as ${previousSavedAs}.`);
          out(`Restored ${options.from} to ${file} (${summarise(restored)}).`);
          return;
        }
        await restoreIntoPostgres(config.databaseUrl, options.from, options.force === true);
      });
    });
}

async function restoreIntoPostgres(databaseUrl: string, from: string, force: boolean): Promise<void> {
  if (!existsSync(from)) throw new BackupError(`There is no backup at ${from}.`);
  const pgBackup = await import('../db/backup-postgres.ts');
  const target = pgBackup.pgTargetOf(databaseUrl);
  const holdsData = await pgBackup.postgresHoldsData(databaseUrl);
  if (holdsData && !force) {
    throw new BackupError(
      'The database already holds a Verbeterpunt schema; pass --force to replace it (pg_restore --clean).',
    );
  }
  if (!pgBackup.onPath('pg_restore')) {
    note(`pg_restore ${NO_PG_TOOLS}`);
    note(`  ${pgBackup.showCommand(pgBackup.pgRestoreCommand(target, from, { clean: holdsData }))}`);
    throw new CliFailure('pg_restore not found');
  }
  await pgBackup.restorePostgres(databaseUrl, from, { clean: holdsData, log: note });
  out(
    `Restored ${from} into the database of DATABASE_URL${target.schema ? ` (schema ${target.schema})` : ''}.`,
  );
}

/** A refusal from the backup code is a failure with a message, not a crash with a stack. */
async function translated(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof BackupError) throw new CliFailure(error.message);
    throw error;
  }
}
