/**
 * `verbeterpunt outbox list [--status S]` and `verbeterpunt outbox show ID`: the e-mail outbox. Without an
 * SMTP server every mail stays here ('local'), and this is where an administrator reads it.
 */
import { type Command, Option } from 'commander';
import type { OutboxStatus } from '../db/repositories/outbox.ts';
import { CliFailure, formatTable, out, UsageError, withDatabase } from './runtime.ts';

const STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed', 'local'];

export function registerOutboxCommands(program: Command): void {
  const outbox = program
    .command('outbox')
    .description('Read the e-mail outbox (all mail, delivered or kept locally)');

  outbox
    .command('list')
    .description('List mails, newest first: id, to, subject, status, created')
    .addOption(new Option('--status <status>', 'only mails with this status').choices(STATUSES))
    .option('--limit <n>', 'at most this many (1 to 1000)', '50')
    .action(async (options: { status?: OutboxStatus; limit: string }) => {
      const limit = /^\d+$/.test(options.limit) ? Number(options.limit) : Number.NaN;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new UsageError(`--limit must be a whole number from 1 to 1000 (got '${options.limit}').`);
      }
      const { listOutbox } = await import('../db/repositories/outbox.ts');
      await withDatabase(async ({ db }) => {
        const mails = await listOutbox(db.kysely, {
          limit,
          ...(options.status ? { status: options.status } : {}),
        });
        if (mails.length === 0) {
          out(options.status ? `No mails with status ${options.status}.` : 'The outbox is empty.');
          return;
        }
        out(
          formatTable(
            ['ID', 'TO', 'SUBJECT', 'STATUS', 'CREATED'],
            mails.map((m) => [
              m.id,
              m.to,
              truncate(m.subject, 60),
              m.status,
              m.createdAt.slice(0, 19).replace('T', ' '),
            ]),
          ),
        );
      });
    });

  outbox
    .command('show')
    .description('Print one mail: its headers, then its text')
    .argument('<id>', 'the id from `outbox list`')
    .action(async (id: string) => {
      const { findOutboxEmail } = await import('../db/repositories/outbox.ts');
      await withDatabase(async ({ db }) => {
        const mail = await findOutboxEmail(db.kysely, id.trim());
        if (!mail) throw new CliFailure(`there is no mail with the id ${id}.`);
        out(`Message-ID: ${mail.messageId}`);
        out(`To: ${mail.to}`);
        out(`Subject: ${mail.subject}`);
        out(`Kind: ${mail.kind}`);
        out(
          `Status: ${mail.status}${mail.attempts ? ` (${mail.attempts} attempt${mail.attempts === 1 ? '' : 's'})` : ''}`,
        );
        out(`Created: ${mail.createdAt}`);
        if (mail.sentAt) out(`${mail.status === 'local' ? 'Filed' : 'Sent'}: ${mail.sentAt}`);
        if (mail.lastError) out(`Last error: ${mail.lastError}`);
        out('');
        out(mail.text.replace(/\n$/, ''));
      });
    });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
