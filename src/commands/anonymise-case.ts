/**
 * Anonymises one case in the caller's transaction: the form (its columns, JSON and every column derived from it,
 * such as the analysis facts or a search column, since the row is written through the repository), its
 * history's before/after values and notes, attachments, letters as sent, its mail in the outbox, the audit
 * log's details about it, its legal holds' reasons and a spot record it came from; the follow-up link stops
 * working. Then one deletion-log entry says what went. Retention and a data subject's erasure both come here.
 *
 * The write checks the complaint's version, so of two instances doing this at once one fails and rolls back.
 */

import type { DbExecutor } from '../db/database.ts';
import { replaceFollowUpTokenHash, updateComplaint } from '../db/repositories/complaints.ts';
import { type DeletionEntry, insertDeletionEntry } from '../db/repositories/deletion-log.ts';
import {
  blankEmails,
  blankLetters,
  deleteAttachments,
  redactConvertedSpotRecords,
  redactHoldReasons,
  rewriteHistory,
  scrubAuditEntries,
} from '../db/repositories/privacy.ts';
import {
  anonymiseAuditDetails,
  anonymiseChanges,
  anonymiseComplaint,
  type DeletionCategory,
  REDACTED,
  redactText,
} from '../domain/anonymise.ts';
import type { Complaint } from '../domain/complaint.ts';
import type { DeletionReason } from '../domain/privacy.ts';
import { hashFollowUpToken, newFollowUpToken } from './follow-up-token.ts';

export interface AnonymiseCaseOptions {
  now: string;
  reason: DeletionReason;
  actorId: string | null;
  actorLabel: string;
  requestReference?: string | null;
  note?: string | null;
}

export async function anonymiseCaseIn(
  trx: DbExecutor,
  complaint: Complaint,
  options: AnonymiseCaseOptions,
): Promise<DeletionEntry> {
  const { now } = options;
  await updateComplaint(trx, anonymiseComplaint(complaint, now), complaint.version);
  // A fresh random token's hash: no link ever issued opens the case again.
  await replaceFollowUpTokenHash(trx, complaint.id, hashFollowUpToken(newFollowUpToken()));
  const counts: Partial<Record<DeletionCategory, number>> = {
    history: await rewriteHistory(trx, complaint.id, (event) => ({
      changes: anonymiseChanges(event.changes),
      note: redactText(event.note),
    })),
    attachments: await deleteAttachments(trx, complaint.id),
    letters: await blankLetters(trx, complaint.id, REDACTED),
    emails: await blankEmails(trx, complaint.id, REDACTED, now),
    audit_details: await scrubAuditEntries(trx, [complaint.id, complaint.reference], anonymiseAuditDetails),
    legal_hold_reasons: await redactHoldReasons(trx, complaint.id, REDACTED),
    spot_records: await redactConvertedSpotRecords(trx, complaint.id, REDACTED),
  };
  const categories = categoriesOf(complaint, counts);
  return insertDeletionEntry(trx, {
    at: now,
    complaintId: complaint.id,
    reference: complaint.reference,
    reason: options.reason,
    actorId: options.actorId,
    actorLabel: options.actorLabel,
    categories,
    counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n && n > 0)),
    requestReference: options.requestReference ?? null,
    note: options.note ?? null,
  });
}

/** Which categories of personal data the case held (and lost), in the log's fixed order. */
function categoriesOf(c: Complaint, counts: Partial<Record<DeletionCategory, number>>): DeletionCategory[] {
  const { reporter, trajectory } = c;
  const party = trajectory.commissioningParty;
  const present: Record<DeletionCategory, boolean> = {
    reporter_identity: Boolean(reporter.name || reporter.email || reporter.phone || reporter.postalAddress),
    third_parties:
      c.involved.some((p) => p.kind === 'third_party') ||
      Boolean(party?.name || party?.contact || trajectory.jobcoach),
    involved_people: c.involved.length > 0 || c.mentions.length > 0,
    free_text: true,
    history: (counts.history ?? 0) > 0,
    attachments: (counts.attachments ?? 0) > 0,
    letters: (counts.letters ?? 0) > 0,
    emails: (counts.emails ?? 0) > 0,
    audit_details: (counts.audit_details ?? 0) > 0,
    follow_up_link: true,
    legal_hold_reasons: (counts.legal_hold_reasons ?? 0) > 0,
    spot_records: (counts.spot_records ?? 0) > 0,
    audit_log: false,
  };
  return (Object.keys(present) as DeletionCategory[]).filter((key) => present[key]);
}
