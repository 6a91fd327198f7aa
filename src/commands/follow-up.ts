/**
 * The reporter's private follow-up link: it opens one complaint only, through the SHA-256 of an unguessable
 * token (a slow hash would throttle intake, and 192 random bits need no stretching). Staff can revoke it and
 * issue a new one; it stops working a configurable time after the case ends.
 */

import { type DbExecutor, transaction } from '../db/database.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import {
  findComplaintByFollowUpTokenHash,
  findComplaintByReference,
  replaceFollowUpTokenHash,
  updateComplaint,
} from '../db/repositories/complaints.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import type { Actor } from '../domain/action-context.ts';
import type { Action } from '../domain/action-schemas.ts';
import type { Complaint } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import { followUpLinkExpiresAt } from '../domain/follow-up.ts';
import { diffComplaint } from '../domain/history.ts';
import { assertWorksTheCase } from '../domain/policy.ts';
import { type CommandDeps, loadOrganisation, REPORTER } from './context.ts';
import { hashFollowUpToken, newFollowUpToken } from './follow-up-token.ts';
import { followUpEmail } from './messages.ts';
import { type ActionOutcome, applyInTransaction, relationOf, type Upload } from './take-action.ts';

const NOT_FOUND = { en: 'This link does not open a complaint.', nl: 'Deze link hoort niet bij een klacht.' };
const EXPIRED = {
  en: 'This link no longer works. Contact us if you have a question about your complaint.',
  nl: 'Deze link werkt niet meer. Neem contact met ons op als u een vraag heeft over uw klacht.',
};

/** The complaint a token opens, or a coded error: not_found for an unknown (or revoked) token, link_expired after the term. */
export async function complaintForToken(db: DbExecutor, token: string, now: Date): Promise<Complaint> {
  const complaint = await findComplaintByFollowUpTokenHash(db, hashFollowUpToken(token));
  if (!complaint) throw new DomainError('not_found', NOT_FOUND);
  const { settings } = await loadOrganisation(db);
  const expiresAt = followUpLinkExpiresAt(complaint, settings);
  if (expiresAt && Date.parse(expiresAt) <= now.getTime()) throw new DomainError('link_expired', EXPIRED);
  return complaint;
}

/** An action by the reporter through their link: the same rules and history as any other action. */
export async function takeReporterAction(
  deps: CommandDeps,
  token: string,
  action: Action,
  uploads: Upload[] = [],
): Promise<ActionOutcome> {
  return transaction(deps.db, async (trx) => {
    const complaint = await complaintForToken(trx, token, deps.now());
    return applyInTransaction(trx, deps, complaint, action, REPORTER, uploads);
  });
}

/**
 * Staff revoke the link (e.g. it was forwarded by mistake) and, when asked, issue a new one, which is
 * emailed to the reporter when there is an address. Returns the new link once; it is never stored.
 */
export async function replaceFollowUpLink(
  deps: CommandDeps,
  reference: string,
  actor: Actor & { userId: string },
  options: { issueNew: boolean },
): Promise<{ complaint: Complaint; followUpUrl: string | null }> {
  const now = deps.now();
  return transaction(deps.db, async (trx) => {
    const complaint = await findComplaintByReference(trx, reference);
    if (!complaint)
      throw new DomainError('not_found', {
        en: `No complaint ${reference}.`,
        nl: `Klacht ${reference} bestaat niet.`,
      });
    assertWorksTheCase(await relationOf(trx, complaint, actor, await loadOrganisation(trx)));
    const token = newFollowUpToken();
    // A revoked link keeps no usable hash: a random value that no token can produce takes its place.
    await replaceFollowUpTokenHash(
      trx,
      complaint.id,
      options.issueNew ? hashFollowUpToken(token) : `revoked:${newFollowUpToken()}`,
    );
    const at = now.toISOString();
    const next: Complaint = {
      ...complaint,
      followUpLink: options.issueNew
        ? { revokedAt: at, renewedAt: at }
        : { ...complaint.followUpLink, revokedAt: at },
      updatedAt: at,
    };
    const saved = await updateComplaint(trx, next, complaint.version);
    await appendEvent(trx, complaint.id, {
      at,
      actorId: actor.userId,
      actorLabel: actor.name,
      action: options.issueNew ? 'renewFollowUpLink' : 'revokeFollowUpLink',
      fromStatus: complaint.status,
      toStatus: complaint.status,
      changes: diffComplaint(complaint, saved),
      note: null,
    });
    if (!options.issueNew) return { complaint: saved, followUpUrl: null };
    const followUpUrl = `${deps.config.publicUrl}/follow-up/${token}`;
    if (saved.reporter.email) {
      const { settings } = await loadOrganisation(trx);
      const message = followUpEmail(saved, followUpUrl, settings);
      await enqueueEmail(trx, {
        to: saved.reporter.email,
        ...message,
        kind: 'follow_up_link',
        complaintId: saved.id,
        now,
      });
    }
    return { complaint: saved, followUpUrl };
  });
}
