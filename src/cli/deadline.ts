/**
 * `verbeterpunt deadline --from 2026-04-30 --working-days 5` → `2026-05-08`: the N-th working day after a date,
 * the way every term of the regulation is counted.
 *
 * Which calendar: the organisation's settings in the database when DATABASE_URL names one that exists and
 * holds settings; otherwise what the first start would seed (the ORGANISATION_SETTINGS file if present, else
 * the regulation's defaults: the Atw holidays and the known equated days). A SQLite file that does not exist is
 * not created, so this works on a fresh clone. A configured PostgreSQL that does not answer is an error rather
 * than a silent switch to another calendar.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { WorkingDayCalendar } from '../domain/calendar.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import { CliFailure, loadConfig, note, out, UsageError } from './runtime.ts';

const MAX_WORKING_DAYS = 1000;

export function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .description('Print the N-th working day after a date (the date itself does not count), as YYYY-MM-DD')
    .requiredOption('--from <date>', 'the start date, e.g. the date of receipt (YYYY-MM-DD)')
    .requiredOption('--working-days <n>', `number of working days to add (0 to ${MAX_WORKING_DAYS})`)
    .option('--explain', 'list on stderr every day counted or skipped, and the calendar used')
    .addHelpText(
      'after',
      "\nThe calendar is the organisation's (from the database) when DATABASE_URL names an existing database,\n" +
        'otherwise the one the first start would seed: the Algemene termijnenwet holidays, the equated days and\n' +
        'no closing days (or config/organisation.json if present).\n\nExample:\n  $ verbeterpunt deadline --from 2026-04-30 --working-days 5\n  2026-05-08',
    )
    .action(async (options: { from: string; workingDays: string; explain?: boolean }) => {
      const { createCalendar, isIsoDate } = await import('../domain/calendar.ts');
      const from = options.from.trim();
      if (!isIsoDate(from))
        throw new UsageError(`--from must be a real date as YYYY-MM-DD (got '${options.from}').`);
      const raw = options.workingDays.trim();
      const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(n) || n > MAX_WORKING_DAYS) {
        throw new UsageError(
          `--working-days must be a whole number from 0 to ${MAX_WORKING_DAYS} (got '${options.workingDays}').`,
        );
      }
      const { settings, source } = await calendarSettings(loadConfig());
      const calendar = createCalendar(settings.calendar);
      let due: string;
      try {
        due = calendar.addWorkingDays(from, n);
      } catch (error) {
        // The Atw calendar refuses years it cannot compute (before 2014): that is the input's fault.
        if (error instanceof RangeError) throw new UsageError(`--from: ${error.message}`);
        throw error;
      }
      if (options.explain) explain(calendar, from, due, source);
      out(due);
    });
}

/** The settings whose calendar applies, and where they came from (for --explain). */
async function calendarSettings(
  config: Readonly<Config>,
): Promise<{ settings: OrganisationSettings; source: string }> {
  const fromDatabase = await settingsFromDatabase(config.databaseUrl);
  if (fromDatabase) return fromDatabase;
  const file = config.organisationSettingsPath;
  if (!existsSync(file)) {
    const { DEFAULT_SETTINGS } = await import('../domain/settings.ts');
    return { settings: DEFAULT_SETTINGS, source: "the regulation's defaults (no database yet)" };
  }
  // bootstrap.ts loads the database drivers (about a second): only when there is a file to read.
  const { readSettingsFile } = await import('../commands/bootstrap.ts');
  return { settings: readSettingsFile(file), source: `settings file ${file}` };
}

async function settingsFromDatabase(
  url: string,
): Promise<{ settings: OrganisationSettings; source: string } | null> {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length).replace(/^\/\//, '');
    // An in-memory database is always empty; a missing file must not be created just to be read.
    if (location === ':memory:' || !existsSync(path.resolve(location))) return null;
  }
  const { openDatabase } = await import('../db/database.ts');
  const { loadCurrentSettings } = await import('../db/repositories/settings.ts');
  let db: Db;
  try {
    db = await openDatabase(url, { poolSize: 1 });
  } catch (error) {
    throw new CliFailure(`cannot open the database: ${(error as Error).message}`);
  }
  try {
    const tables = await db.kysely.introspection.getTables();
    if (!tables.some((t) => t.name === 'organisation_settings')) return null;
    const current = await loadCurrentSettings(db.kysely);
    return current
      ? { settings: current.data, source: `organisation settings version ${current.version} in the database` }
      : null;
  } catch (error) {
    throw new CliFailure(
      `cannot read the organisation settings from the database: ${(error as Error).message}`,
    );
  } finally {
    await db.close();
  }
}

function explain(calendar: WorkingDayCalendar, from: string, due: string, source: string): void {
  note(`calendar ${calendar.id}, from ${source}`);
  note(`${from}  start (does not count)`);
  let counted = 0;
  for (let day = nextDay(from); day <= due; day = nextDay(day)) {
    const reason = calendar.nonWorkingReason(day);
    note(reason ? `${day}  skipped: ${reason.name}` : `${day}  ${++counted}`);
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
