/**
 * `verbeterpunt retention run [--dry-run]`: anonymise the cases past their retention term and prune the audit
 * log now, as the server's scheduled job does (src/commands/retention.ts). With --dry-run it only says what it
 * would do. Prints references and counts; never personal data.
 */
import type { Command } from 'commander';
import { note, out, withDatabase } from './runtime.ts';

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description('Retention of personal data: anonymise cases past their term, prune the audit log');

  retention
    .command('run')
    .description('Anonymise the cases that ended longer ago than the retention term, and prune the audit log')
    .option('--dry-run', 'say what would be done, change nothing')
    .action(async (options: { dryRun?: boolean }) => {
      const { runRetention } = await import('../commands/retention.ts');
      await withDatabase(async ({ db, deps }) => {
        const report = await runRetention({
          db,
          now: deps.now(),
          dryRun: Boolean(options.dryRun),
          actor: { userId: null, label: 'cli' },
          logger: { error: (obj, msg) => note(`${msg}: ${JSON.stringify(obj)}`) },
        });
        const would = report.dryRun ? 'would be ' : '';
        const list = (refs: string[]) => (refs.length ? ` (${refs.join(', ')})` : '');
        out(
          `${report.dryRun ? 'Dry run: nothing changed. ' : ''}Cases that ended before ${report.complaintCutoff.slice(0, 10)} are past their term; audit entries before ${report.auditCutoff.slice(0, 10)}.`,
        );
        out(`Cases ${would}anonymised: ${report.anonymised.length}${list(report.anonymised)}`);
        out(`Cases under a legal hold (kept): ${report.held.length}${list(report.held)}`);
        out(`Audit entries ${would}deleted: ${report.auditEntriesDeleted}`);
        out(`Spot records ${would}redacted: ${report.spotRecordsRedacted}`);
        out(
          `Staff sessions ${report.dryRun ? 'that would forget' : 'that forgot'} their address: ${report.sessionAddressesForgotten}`,
        );
        if (report.alreadyDone) out(`Done meanwhile by another instance: ${report.alreadyDone}`);
        if (report.failed) {
          out(`Failed (tried again next run): ${report.failed}`);
          process.exitCode = 1;
        }
      });
    });
}
