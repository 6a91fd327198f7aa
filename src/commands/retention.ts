/**
 * Retention (AVG art. 5(1)(e)): cases that ended longer ago than the settings' term are anonymised, one
 * transaction per case, unless a legal hold is in force; audit-log entries older than their own term are
 * deleted; spot records past the term lose their line; staff sessions past the audit term forget where they
 * came from. Idempotent (a case anonymised after its last change is not a candidate) and safe with several
 * instances (the version check lets one instance write a case; the other rolls back and counts it done).
 */
import { type Db, type DbExecutor, transaction } from '../db/database.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import { findComplaintById } from '../db/repositories/complaints.ts';
import { insertDeletionEntry } from '../db/repositories/deletion-log.ts';
import {
  findActiveHold,
  forgetOldSessionAddresses,
  isAnonymised,
  listRetentionCandidates,
  pruneAuditLog,
  redactOldSpotRecords,
} from '../db/repositories/privacy.ts';
import { REDACTED } from '../domain/anonymise.ts';
import { isDomainError } from '../domain/errors.ts';
import { isPastRetention, yearsBefore } from '../domain/privacy.ts';
import { anonymiseCaseIn } from './anonymise-case.ts';
import { loadOrganisation } from './context.ts';

export interface RetentionOptions {
  db: Db;
  now: Date;
  /** Count what would happen, write nothing. */
  dryRun?: boolean;
  /** Who started the run (an administrator, the CLI); null for the scheduled job. */
  actor?: { userId: string | null; label: string } | null;
  /** Cases per page of candidates (default 100). */
  pageSize?: number;
  logger?: { error(obj: object, msg: string): void };
}

export interface RetentionReport {
  dryRun: boolean;
  /** Cases that ended before this instant are past the term. */
  complaintCutoff: string;
  /** Audit entries before this instant are past the term. */
  auditCutoff: string;
  /** References anonymised by this run (or that would be, in a dry run), in id order. */
  anonymised: string[];
  /** References past the term but under a legal hold. */
  held: string[];
  /** Candidates another instance anonymised first. */
  alreadyDone: number;
  /** Cases whose anonymisation failed (logged; tried again next run). */
  failed: number;
  auditEntriesDeleted: number;
  spotRecordsRedacted: number;
  sessionAddressesForgotten: number;
}

export async function runRetention(options: RetentionOptions): Promise<RetentionReport> {
  const { db, now } = options;
  const dryRun = options.dryRun ?? false;
  const actor = options.actor ?? null;
  const { settings } = await loadOrganisation(db.kysely);
  const complaintCutoff = yearsBefore(now, settings.retention.complaintYearsAfterClosing);
  const auditCutoff = yearsBefore(now, settings.retention.auditLogYears);
  const report: RetentionReport = {
    dryRun,
    complaintCutoff: complaintCutoff.toISOString(),
    auditCutoff: auditCutoff.toISOString(),
    anonymised: [],
    held: [],
    alreadyDone: 0,
    failed: 0,
    auditEntriesDeleted: 0,
    spotRecordsRedacted: 0,
    sessionAddressesForgotten: 0,
  };
  const pageSize = options.pageSize ?? 100;
  for (let afterId: string | null = null; ; ) {
    const candidates = await listRetentionCandidates(db.kysely, {
      cutoff: complaintCutoff,
      afterId,
      limit: pageSize,
    });
    for (const candidate of candidates) {
      try {
        const outcome = await retainOne(db, candidate.id, { now, cutoff: complaintCutoff, dryRun, actor });
        if (outcome.kind === 'anonymised') report.anonymised.push(outcome.reference);
        else if (outcome.kind === 'held') report.held.push(outcome.reference);
        else if (outcome.kind === 'done') report.alreadyDone++;
      } catch (error) {
        if (isDomainError(error) && error.code === 'version_conflict') {
          // Another instance (or a person) wrote the case meanwhile; the next run looks again if needed.
          report.alreadyDone++;
          continue;
        }
        report.failed++;
        options.logger?.error(
          { complaintId: candidate.id, error: error instanceof Error ? error.message : String(error) },
          'Retention failed for a complaint',
        );
      }
    }
    if (candidates.length < pageSize) break;
    afterId = candidates.at(-1)?.id ?? null;
  }

  report.auditEntriesDeleted = await pruneAuditLog(db.kysely, auditCutoff, { dryRun });
  report.spotRecordsRedacted = await redactOldSpotRecords(db.kysely, complaintCutoff, REDACTED, { dryRun });
  report.sessionAddressesForgotten = await forgetOldSessionAddresses(db.kysely, auditCutoff, { dryRun });
  if (!dryRun && (report.auditEntriesDeleted > 0 || report.spotRecordsRedacted > 0)) {
    await insertDeletionEntry(db.kysely, {
      at: now.toISOString(),
      complaintId: null,
      reference: null,
      reason: 'retention',
      actorId: actor?.userId ?? null,
      actorLabel: actor?.label ?? 'system',
      categories: [
        ...(report.spotRecordsRedacted > 0 ? (['spot_records'] as const) : []),
        ...(report.auditEntriesDeleted > 0 ? (['audit_log'] as const) : []),
      ],
      counts: {
        ...(report.spotRecordsRedacted > 0 ? { spot_records: report.spotRecordsRedacted } : {}),
        ...(report.auditEntriesDeleted > 0 ? { audit_log: report.auditEntriesDeleted } : {}),
      },
      requestReference: null,
      note: null,
    });
  }
  if (actor && !dryRun) {
    await recordAudit(db.kysely, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'retention_run',
      details: {
        count: report.anonymised.length,
        references: report.anonymised,
        held: report.held.length,
        auditEntriesDeleted: report.auditEntriesDeleted,
        spotRecordsRedacted: report.spotRecordsRedacted,
      },
    });
  }
  return report;
}

type Outcome = { kind: 'anonymised' | 'held'; reference: string } | { kind: 'done' | 'not_due' };

/** One candidate, in its own transaction: read again, check again, anonymise. */
async function retainOne(
  db: Db,
  id: string,
  ctx: { now: Date; cutoff: Date; dryRun: boolean; actor: RetentionOptions['actor'] },
): Promise<Outcome> {
  const decide = async (trx: DbExecutor): Promise<Outcome> => {
    const complaint = await findComplaintById(trx, id);
    if (!complaint || !isPastRetention(complaint, ctx.cutoff)) return { kind: 'not_due' };
    if (await isAnonymised(trx, id)) return { kind: 'done' };
    if (await findActiveHold(trx, id)) return { kind: 'held', reference: complaint.reference };
    if (ctx.dryRun) return { kind: 'anonymised', reference: complaint.reference };
    await anonymiseCaseIn(trx, complaint, {
      now: ctx.now.toISOString(),
      reason: 'retention',
      actorId: ctx.actor?.userId ?? null,
      actorLabel: ctx.actor?.label ?? 'system',
    });
    return { kind: 'anonymised', reference: complaint.reference };
  };
  return ctx.dryRun ? decide(db.kysely) : transaction(db, decide);
}
