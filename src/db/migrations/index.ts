/**
 * Every migration, imported explicitly (no FileMigrationProvider: that one reads the directory at run time,
 * which breaks under tsx, in bundles and in another cwd). Add new migrations to the list; names sort by date.
 *
 * On both dialects all pending migrations run in one transaction (see database.ts for SQLite). On SQLite that
 * means `PRAGMA foreign_keys = OFF` has no effect: to rebuild a table (SQLite's 12-step ALTER), use
 * `PRAGMA defer_foreign_keys = ON`; foreign keys have no ON DELETE actions, so dropping the old table deletes
 * nothing else.
 */
import type { Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import * as initial from './2026-11-25-0001-initial.ts';
import * as letters from './2026-11-25-0002-letters-and-reminders.ts';
import * as staffSessions from './2026-11-26-0003-staff-sessions.ts';
import * as dashboard from './2026-11-26-0004-dashboard.ts';
import * as signInAccounts from './2026-11-26-0005-sign-in-accounts.ts';
import * as analysisFacts from './2026-11-26-0006-analysis-facts.ts';
import * as rateLimits from './2026-11-26-0007-rate-limits.ts';
import * as listIndexes from './2026-11-26-0008-list-indexes.ts';
import * as privacy from './2026-11-26-0009-privacy.ts';
import { columnTypes } from './column-types.ts';

/** The migrations for one dialect, keyed by name, as Kysely's Migrator expects them. */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const t = columnTypes(dialect);
  return {
    '2026-11-25-0001-initial': { up: (db) => initial.up(db, t), down: (db) => initial.down(db) },
    '2026-11-25-0002-letters-and-reminders': {
      up: (db) => letters.up(db, t),
      down: (db) => letters.down(db),
    },
    '2026-11-26-0003-staff-sessions': {
      up: (db) => staffSessions.up(db, t),
      down: (db) => staffSessions.down(db),
    },
    '2026-11-26-0004-dashboard': { up: (db) => dashboard.up(db, t), down: (db) => dashboard.down(db) },
    '2026-11-26-0005-sign-in-accounts': {
      up: (db) => signInAccounts.up(db, t),
      down: (db) => signInAccounts.down(db),
    },
    '2026-11-26-0006-analysis-facts': {
      up: (db) => analysisFacts.up(db, t),
      down: (db) => analysisFacts.down(db),
    },
    '2026-11-26-0007-rate-limits': { up: (db) => rateLimits.up(db, t), down: (db) => rateLimits.down(db) },
    '2026-11-26-0008-list-indexes': { up: (db) => listIndexes.up(db, t), down: (db) => listIndexes.down(db) },
    '2026-11-26-0009-privacy': { up: (db) => privacy.up(db, t), down: (db) => privacy.down(db) },
  };
}
