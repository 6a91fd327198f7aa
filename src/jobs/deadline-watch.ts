/**
 * The deadline watch: a scheduled job that finds deadlines that are near or past and reminds the people who
 * must act (the rules are in src/notifications/reminders.ts). It is safe with several instances: each
 * reminder is a row with a unique key, inserted in the same transaction as its emails, so of two instances
 * running at once exactly one records it and sends; the other finds it done and sends nothing.
 *
 * Reminders are made on working days only: a reminder on a Saturday is read on Monday anyway, and the
 * first run on Monday still finds every deadline that is near or past.
 */

import { loadOrganisation } from '../commands/context.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation, transaction } from '../db/database.ts';
import { findComplaintById } from '../db/repositories/complaints.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { listUsers } from '../db/repositories/users.ts';
import { amsterdamDateOf, type IsoDate } from '../domain/calendar.ts';
import { deputyIdOf, directoryOf } from '../notifications/recipients.ts';
import {
  hasReminder,
  listWatchCandidateIds,
  recordedReminders,
  recordReminder,
} from '../notifications/reminder-store.ts';
import {
  type ReminderRecipientsContext,
  type ReminderRules,
  reminderEmails,
  remindersDue,
} from '../notifications/reminders.ts';
import type { WorkerLogger } from './outbox-worker.ts';
import { type PeriodicJob, startPeriodic } from './scheduler.ts';

export interface DeadlineWatchConfig {
  /** Base of the case links in the emails (Config.publicUrl). */
  publicUrl: string;
  /** A deadline is near within this many working days (REMINDER_WORKING_DAYS, default 2). */
  reminderWorkingDays: number;
  /** Complaints per keyset page (default 100). */
  pageSize: number;
  /** The domain part of the emails' Message-IDs (enqueueEmail's default when absent). */
  messageIdDomain?: string;
}

export const DEFAULT_DEADLINE_WATCH_CONFIG: Readonly<DeadlineWatchConfig> = Object.freeze({
  publicUrl: 'http://localhost:3000',
  reminderWorkingDays: 2,
  pageSize: 100,
});

export interface DeadlineWatchCounts {
  /** The Amsterdam date the run judged deadlines on. */
  today: IsoDate;
  /** False on weekends, holidays and closing days: nothing is sent then. */
  workingDay: boolean;
  /** Candidate complaints looked at. */
  scanned: number;
  /** Reminders recorded (and sent) by this run. */
  reminded: number;
  /** Of those, the ones that escalated to the quality managers. */
  escalated: number;
  /** Emails enqueued in the outbox. */
  emails: number;
  /** Reminders due but recorded before (an earlier run, or another instance just now). */
  alreadySent: number;
  /** Reminders due that nobody can receive (no active handler, owner or quality manager): tried again next run. */
  unreachable: number;
  /** Complaints whose processing failed (logged); the others are done regardless. */
  failed: number;
}

export interface DeadlineWatchOptions {
  db: Db;
  now: Date;
  config?: Partial<DeadlineWatchConfig>;
  logger?: WorkerLogger;
}

/** One pass over the open complaints. */
export async function runDeadlineWatch(options: DeadlineWatchOptions): Promise<DeadlineWatchCounts> {
  const { db, now, logger } = options;
  const config: DeadlineWatchConfig = {
    ...DEFAULT_DEADLINE_WATCH_CONFIG,
    ...stripUndefined(options.config ?? {}),
  };
  const today = amsterdamDateOf(now.toISOString());
  const { settings, calendar } = await loadOrganisation(db.kysely);
  const counts: DeadlineWatchCounts = {
    today,
    workingDay: calendar.isWorkingDay(today),
    scanned: 0,
    reminded: 0,
    escalated: 0,
    emails: 0,
    alreadySent: 0,
    unreachable: 0,
    failed: 0,
  };
  if (!counts.workingDay) return counts;

  const rules: ReminderRules = { nearWorkingDays: config.reminderWorkingDays };
  const users = directoryOf(await listUsers(db.kysely));
  const recipients: ReminderRecipientsContext = {
    users,
    deputyUserId: deputyIdOf(users, settings.deputyQualityManagerEmail),
    publicUrl: config.publicUrl,
    terms: settings.terms,
  };
  // Every deadline before this date is near or past (stageOn counts working days in (today, due]).
  const horizon = calendar.addWorkingDays(today, config.reminderWorkingDays + 1);

  for (let afterId: string | null = null; ; ) {
    const ids = await listWatchCandidateIds(db.kysely, { horizon, afterId, limit: config.pageSize });
    for (const id of ids) {
      counts.scanned++;
      try {
        const outcome = await watchComplaint(db, id, { today, now, calendar, rules, recipients, config });
        counts.reminded += outcome.reminded;
        counts.escalated += outcome.escalated;
        counts.emails += outcome.emails;
        counts.alreadySent += outcome.alreadySent;
        counts.unreachable += outcome.unreachable;
        for (const subject of outcome.unreachableSubjects) {
          logger?.warn(
            { complaintId: id, subject },
            'Deadline reminder has no recipient: no active handler, owner or quality manager',
          );
        }
      } catch (error) {
        if (isUniqueViolation(error)) {
          // Belt and braces: recordReminder already avoids this; another instance was first.
          counts.alreadySent++;
          continue;
        }
        counts.failed++;
        logger?.error(
          { complaintId: id, error: error instanceof Error ? error.message : String(error) },
          'Deadline watch failed for a complaint',
        );
      }
    }
    if (ids.length < config.pageSize) break;
    afterId = ids.at(-1) ?? null;
  }
  return counts;
}

interface ComplaintOutcome {
  reminded: number;
  escalated: number;
  emails: number;
  alreadySent: number;
  unreachable: number;
  unreachableSubjects: string[];
}

async function watchComplaint(
  db: Db,
  id: string,
  ctx: {
    today: IsoDate;
    now: Date;
    calendar: Awaited<ReturnType<typeof loadOrganisation>>['calendar'];
    rules: ReminderRules;
    recipients: ReminderRecipientsContext;
    config: DeadlineWatchConfig;
  },
): Promise<ComplaintOutcome> {
  const outcome: ComplaintOutcome = {
    reminded: 0,
    escalated: 0,
    emails: 0,
    alreadySent: 0,
    unreachable: 0,
    unreachableSubjects: [],
  };
  // A cheap look first, without a write transaction: most candidates owe nothing new.
  const complaint = await findComplaintById(db.kysely, id);
  if (!complaint) return outcome;
  const due = remindersDue(complaint, ctx.today, ctx.calendar, ctx.rules);
  if (due.length === 0) return outcome;
  const recorded = await recordedReminders(db.kysely, id);
  outcome.alreadySent = due.filter((r) => hasReminder(recorded, r)).length;
  if (outcome.alreadySent === due.length) return outcome;

  const written = await transaction(db, async (trx) => {
    const result = {
      reminded: 0,
      escalated: 0,
      emails: 0,
      alreadySent: 0,
      unreachable: 0,
      unreachableSubjects: [] as string[],
    };
    // Read again in the transaction: the case may have moved on (acknowledged, say) since the look above.
    const fresh = await findComplaintById(trx, id);
    if (!fresh) return result;
    for (const reminder of remindersDue(fresh, ctx.today, ctx.calendar, ctx.rules)) {
      if (hasReminder(recorded, reminder)) continue;
      const { emails, escalated } = reminderEmails(reminder, fresh, ctx.recipients);
      if (emails.length === 0) {
        // Not recorded, so it goes out as soon as someone can receive it.
        result.unreachable++;
        result.unreachableSubjects.push(reminder.subject);
        continue;
      }
      const mine = await recordReminder(trx, {
        complaintId: id,
        subject: reminder.subject,
        stage: reminder.stage,
        due: reminder.due,
        now: ctx.now,
      });
      if (!mine) {
        result.alreadySent++;
        continue;
      }
      for (const email of emails) {
        await enqueueEmail(trx, {
          to: email.to,
          subject: email.subject,
          text: email.text,
          kind: email.kind,
          complaintId: id,
          now: ctx.now,
          ...(ctx.config.messageIdDomain ? { messageIdDomain: ctx.config.messageIdDomain } : {}),
        });
      }
      result.reminded++;
      result.emails += emails.length;
      if (escalated) result.escalated++;
    }
    return result;
  });
  return {
    reminded: written.reminded,
    escalated: written.escalated,
    emails: written.emails,
    alreadySent: outcome.alreadySent + written.alreadySent,
    unreachable: written.unreachable,
    unreachableSubjects: written.unreachableSubjects,
  };
}

export interface DeadlineWatchSchedule {
  db: Db;
  intervalMs: number;
  /** Pause before the first run (default 10 s, or the interval when shorter). */
  firstRunAfterMs?: number;
  now?: () => Date;
  config?: Partial<DeadlineWatchConfig>;
  logger?: WorkerLogger;
}

/** Runs the watch in this process every `intervalMs`, the first time shortly after the start. */
export function startDeadlineWatch(options: DeadlineWatchSchedule): PeriodicJob<DeadlineWatchCounts> {
  const now = options.now ?? (() => new Date());
  return startPeriodic({
    name: 'Deadline watch',
    intervalMs: options.intervalMs,
    firstRunAfterMs: options.firstRunAfterMs ?? Math.min(10_000, options.intervalMs),
    ...(options.logger ? { logger: options.logger } : {}),
    run: async () => {
      const counts = await runDeadlineWatch({
        db: options.db,
        now: now(),
        ...(options.config ? { config: options.config } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
      if (counts.reminded > 0 || counts.failed > 0) {
        options.logger?.info({ ...counts }, 'Deadline watch sent reminders');
      }
      return counts;
    },
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
