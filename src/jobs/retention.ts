/**
 * Retention as a scheduled job in the server process (RETENTION_JOB, default on): every few hours it anonymises
 * the cases past their term and prunes the audit log (src/commands/retention.ts). Several instances may all run
 * it: each case is written in its own transaction with a version check, so one instance anonymises it and the
 * others find it done; pruning is idempotent.
 */
import { type RetentionReport, runRetention } from '../commands/retention.ts';
import type { Db } from '../db/database.ts';
import type { WorkerLogger } from './outbox-worker.ts';
import { type PeriodicJob, startPeriodic } from './scheduler.ts';

export interface RetentionSchedule {
  db: Db;
  intervalMs: number;
  /** Pause before the first run (default 60 s, or the interval when shorter). */
  firstRunAfterMs?: number;
  now?: () => Date;
  logger?: WorkerLogger;
}

export function startRetentionJob(options: RetentionSchedule): PeriodicJob<RetentionReport> {
  const now = options.now ?? (() => new Date());
  return startPeriodic({
    name: 'Retention',
    intervalMs: options.intervalMs,
    firstRunAfterMs: options.firstRunAfterMs ?? Math.min(60_000, options.intervalMs),
    ...(options.logger ? { logger: options.logger } : {}),
    run: async () => {
      const report = await runRetention({
        db: options.db,
        now: now(),
        ...(options.logger ? { logger: options.logger } : {}),
      });
      const changed =
        report.anonymised.length + report.auditEntriesDeleted + report.spotRecordsRedacted + report.failed >
        0;
      if (changed) {
        // Counts only: the references are in the deletion log, and no personal data goes to the log.
        options.logger?.info(
          {
            anonymised: report.anonymised.length,
            held: report.held.length,
            alreadyDone: report.alreadyDone,
            failed: report.failed,
            auditEntriesDeleted: report.auditEntriesDeleted,
            spotRecordsRedacted: report.spotRecordsRedacted,
          },
          'Retention anonymised cases past their term',
        );
      }
      return report;
    },
  });
}
