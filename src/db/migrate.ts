/**
 * Brings the schema up to date with Kysely's Migrator and the static list in migrations/index.ts.
 */
import { type MigrationResult, Migrator, sql } from 'kysely';
import type { Db } from './database.ts';
import { migrationsFor } from './migrations/index.ts';

/**
 * Applies every pending migration and returns their names. Throws when one fails, and then the whole run is
 * rolled back (one transaction on both dialects).
 *
 * Safe when several processes start at once (test/db/migrate.test.ts starts three): on PostgreSQL Kysely's
 * Migrator runs under a session-level `pg_advisory_lock` (PostgresAdapter.acquireMigrationLock) and re-reads
 * the applied migrations after taking it; creating its bookkeeping tables before the lock tolerates the race.
 * On SQLite the run is one `begin immediate` transaction (database.ts), so processes take turns; a process
 * that waits longer than busy_timeout (5 s) fails with "database is locked" and should be restarted.
 */
export async function migrateToLatest(db: Db): Promise<{ applied: string[] }> {
  const { error, results } = await (await createMigrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed ? `"${failed}" ` : ''}failed: ${reason}`, { cause: error });
  }
  return { applied: succeeded(results) };
}

/** Every known migration with the time it was applied (undefined when pending), for the CLI. */
export async function migrationStatus(
  db: Db,
): Promise<Array<{ name: string; executedAt: Date | undefined }>> {
  const migrations = await (await createMigrator(db)).getMigrations();
  return migrations.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}

async function createMigrator(db: Db): Promise<Migrator> {
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrationsFor(db.dialect) },
    // Kysely looks for its bookkeeping tables in every schema unless told which one; with several schemas in
    // one database (tests, or tenants) it would find another schema's table. Pin it to ours.
    ...(db.dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}

function succeeded(results: MigrationResult[] | undefined): string[] {
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
