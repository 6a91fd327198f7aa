/**
 * `verbeterpunt privacy find|export|erase`: data subjects' requests (AVG art. 15, 17, 20) from the command
 * line, through the same commands as the administrator's pages (src/commands/data-subject-requests.ts). Every
 * request names the administrator who answers it (--as), and is logged like one made in the browser.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { CommandDeps } from '../commands/context.ts';
import type { PersonQuery } from '../db/repositories/privacy.ts';
import type { Actor } from '../domain/action-context.ts';
import { CliFailure, formatTable, out, UsageError, withDatabase } from './runtime.ts';

interface PersonOptions {
  email?: string;
  phone?: string;
  name?: string;
  as: string;
  request?: string;
  reference?: string[];
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value.trim()];

function withPersonOptions(command: Command): Command {
  return command
    .option('--email <email>', "the person's email address (exact)")
    .option('--phone <phone>', "the person's phone number (any notation: 06 12345678, +31 6 1234 5678)")
    .option('--name <name>', "a part of the person's name (at least 3 letters)")
    .requiredOption('--as <email>', 'the administrator who answers the request (logged)')
    .option(
      '--request <reference>',
      'your own reference of the request, e.g. AVG-2026-014 (logged; never a name)',
    );
}

function personQuery(options: PersonOptions): PersonQuery {
  const given = (['email', 'phone', 'name'] as const).filter((key) => options[key] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --email, --phone or --name.');
  const by = given[0]!;
  return { by, value: options[by]! };
}

async function administrator(deps: CommandDeps, email: string): Promise<Actor & { userId: string }> {
  const { findUserByEmail } = await import('../db/repositories/users.ts');
  const user = await findUserByEmail(deps.db.kysely, email);
  if (!user?.active) throw new CliFailure(`there is no active user ${email}.`);
  if (!user.roles.includes('administrator')) throw new CliFailure(`${email} is not an administrator.`);
  return { userId: user.id, name: user.name, roles: user.roles };
}

const meta = (options: PersonOptions) => ({ requestReference: options.request?.trim() || null, ip: null });
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

export function registerPrivacyCommands(program: Command): void {
  const privacy = program
    .command('privacy')
    .description("Data subjects' requests: find, export or erase a person's complaints (administrators)");

  withPersonOptions(privacy.command('find'))
    .description("List a person's complaints (their own, and where they are mentioned)")
    .action(async (options: PersonOptions) => {
      const query = personQuery(options);
      const { findDataSubjectCases } = await import('../commands/data-subject-requests.ts');
      await withDatabase(async ({ deps }) => {
        const found = await findDataSubjectCases(
          deps,
          await administrator(deps, options.as),
          query,
          meta(options),
        );
        if (found.length === 0) {
          out('No complaints found.');
          return;
        }
        out(
          formatTable(
            ['REFERENCE', 'AS', 'STATUS', 'RECEIVED', 'ENDED', 'LEGAL HOLD', 'ANONYMISED ON'],
            found.map((c) => [
              c.reference,
              c.matchedAs,
              c.status,
              day(c.receivedAt),
              day(c.endedAt),
              c.legalHold ? 'yes' : 'no',
              day(c.anonymisationDueAt),
            ]),
          ),
        );
      });
    });

  withPersonOptions(privacy.command('export'))
    .description("Export a person's own complaints as JSON, PDF, or a ZIP with both and the attachments")
    .requiredOption('--out <file>', 'the file to write')
    .addOption(
      new Option('--format <format>', 'json, pdf or zip').choices(['json', 'pdf', 'zip']).default('json'),
    )
    .addOption(
      new Option('--language <language>', "the language of the PDF (default: the reporter's)").choices([
        'nl',
        'en',
      ]),
    )
    .option(
      '--reference <reference>',
      "only this complaint (repeatable; default: all of the person's own)",
      collect,
    )
    .option('--force', 'overwrite the file')
    .action(
      async (
        options: PersonOptions & {
          out: string;
          format: 'json' | 'pdf' | 'zip';
          language?: 'nl' | 'en';
          force?: boolean;
        },
      ) => {
        const query = personQuery(options);
        if (existsSync(options.out) && !options.force)
          throw new UsageError(`${options.out} exists; use --force to overwrite it.`);
        const { exportDataSubjectCases } = await import('../commands/data-subject-requests.ts');
        await withDatabase(async ({ deps }) => {
          const file = await exportDataSubjectCases(
            deps,
            await administrator(deps, options.as),
            {
              query,
              format: options.format,
              ...(options.reference ? { references: options.reference } : {}),
              ...(options.language ? { language: options.language } : {}),
            },
            meta(options),
          );
          writeFileSync(options.out, file.body, { mode: 0o600 });
          out(
            `Wrote ${options.out} (${file.body.length} bytes): ${file.references.length} complaint(s)${file.references.length ? `: ${file.references.join(', ')}` : ''}.`,
          );
        });
      },
    );

  withPersonOptions(privacy.command('erase'))
    .description("Erase (anonymise) a person's own complaints where the law allows; all or none")
    .option(
      '--reference <reference>',
      "only this complaint (repeatable; default: all of the person's own)",
      collect,
    )
    .option(
      '--open-case-reason <text>',
      'why a complaint that is still open is erased anyway (required for open ones)',
    )
    .option('--yes', 'really erase: this cannot be undone')
    .action(async (options: PersonOptions & { openCaseReason?: string; yes?: boolean }) => {
      const query = personQuery(options);
      if (!options.yes) throw new UsageError('erasing cannot be undone; add --yes to go ahead.');
      const { eraseDataSubjectCases } = await import('../commands/data-subject-requests.ts');
      await withDatabase(async ({ deps }) => {
        const entries = await eraseDataSubjectCases(
          deps,
          await administrator(deps, options.as),
          {
            query,
            openCaseReason: options.openCaseReason ?? null,
            ...(options.reference ? { references: options.reference } : {}),
          },
          meta(options),
        );
        out(`Erased ${entries.length} complaint(s): ${entries.map((e) => e.reference).join(', ')}.`);
      });
    });
}
