/**
 * Every lifecycle action on an existing complaint goes through here: load, authorise (deny by default),
 * apply the domain rules, write with the version check, append history, enqueue mail — one transaction.
 */
import type { Action } from '../domain/action-schemas.ts';
import type { ActionContext, Actor, UserRef } from '../domain/action-context.ts';
import { applyAction } from '../domain/apply-action.ts';
import { type Complaint, involvedUserIds } from '../domain/complaint.ts';
import { DomainError } from '../domain/errors.ts';
import { diffComplaint } from '../domain/history.ts';
import { mayTakeAction, relationTo } from '../domain/policy.ts';
import { type DbExecutor, transaction } from '../db/database.ts';
import { insertAttachment, totalAttachmentBytes } from '../db/repositories/attachments.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import { findComplaintByReference, updateComplaint } from '../db/repositories/complaints.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { findUserByEmail } from '../db/repositories/users.ts';
import { type CommandDeps, loadOrganisationOf, loadUsers, type Organisation } from './context.ts';
import { describeLetters, sendLetters } from './send-letters.ts';
import { enqueueNotifications } from '../notifications/staff-notifications.ts';

/** Every user id an action's input refers to, so they can be loaded before the domain runs. */
function referencedUserIds(action: Action): string[] {
  const input = action.input as Record<string, unknown>;
  const ids: string[] = [];
  for (const key of ['handlerId', 'ownerId']) if (typeof input[key] === 'string') ids.push(input[key] as string);
  for (const holder of [input.person, input.link]) {
    const ref = holder as { kind?: string; userId?: string } | undefined;
    if (ref?.kind === 'user' && ref.userId) ids.push(ref.userId);
  }
  if (Array.isArray(input.measures)) {
    for (const m of input.measures as { ownerId?: string }[]) if (m.ownerId) ids.push(m.ownerId);
  }
  return ids;
}

/** How the actor stands to the case, including the deputy rule for involved quality managers. */
export async function relationOf(db: DbExecutor, complaint: Complaint, actor: Actor, organisation: Organisation) {
  const involved = await loadUsers(db, involvedUserIds(complaint));
  const qualityManagerInvolved = [...involved.values()].some((u) => u.roles.includes('quality_manager'));
  const deputyEmail = organisation.settings.deputyQualityManagerEmail;
  const deputy = deputyEmail ? await findUserByEmail(db, deputyEmail) : null;
  return relationTo(complaint, actor, { qualityManagerInvolved, deputyQualityManagerId: deputy?.id ?? null });
}

export interface ActionOutcome {
  complaint: Complaint;
  fromStatus: Complaint['status'];
  eventSeq: number;
}

export async function takeAction(
  deps: CommandDeps,
  reference: string,
  action: Action,
  actor: Actor & { userId: string },
  expectedVersion?: number,
  /** Files stored with the action, in its transaction (e.g. the copy of an acknowledgement sent elsewhere). */
  uploads: Upload[] = [],
): Promise<ActionOutcome> {
  return transaction(deps.db, async (trx) => {
    const complaint = await findComplaintByReference(trx, reference);
    if (!complaint) throw new DomainError('not_found', { en: `No complaint ${reference}.`, nl: `Klacht ${reference} bestaat niet.` });
    if (expectedVersion !== undefined && expectedVersion !== complaint.version) {
      throw new DomainError('version_conflict', { en: 'The complaint was changed by someone else. Reload it and try again.', nl: 'Iemand anders heeft de klacht intussen gewijzigd. Laad hem opnieuw en probeer het nog eens.' }, {
        details: { expectedVersion, currentVersion: complaint.version },
      });
    }
    return applyInTransaction(trx, deps, complaint, action, actor, uploads);
  });
}

/** A file that came with an action (the staff API sends base64, the public form multipart). */
export interface Upload {
  filename: string;
  content: Buffer;
}

/**
 * The heart of every change to an existing complaint, inside the caller's transaction: authorise, apply the
 * domain rules, write with the version check, store uploads, append history, enqueue mail.
 */
export async function applyInTransaction(
  trx: DbExecutor,
  deps: CommandDeps,
  complaint: Complaint,
  action: Action,
  actor: Actor,
  uploads: Upload[] = [],
): Promise<ActionOutcome> {
  const now = deps.now().toISOString();
  const organisation = await loadOrganisationOf(deps.db, trx);
  const relation = await relationOf(trx, complaint, actor, organisation);
  if (!mayTakeAction(action.name, relation)) {
    throw new DomainError('forbidden', { en: `You may not take the action '${action.name}' on this complaint.`, nl: `U mag de handeling '${action.name}' niet uitvoeren op deze klacht.` });
  }
  const users: Map<string, UserRef> = await loadUsers(trx, referencedUserIds(action));
  const ctx: ActionContext = { now, actor, ...organisation, users, newId: deps.newId };
  const result = applyAction(complaint, action, ctx);
  const saved = await updateComplaint(trx, result.complaint, complaint.version);
  const files =
    action.name === 'addAttachment'
      ? [{ filename: action.input.filename, content: Buffer.from(action.input.contentBase64, 'base64') }, ...uploads]
      : uploads;
  const notes = 'note' in action.input && action.input.note ? [action.input.note] : [];
  for (const file of files) notes.push(await storeAttachment(deps, trx, saved, file, actor.userId, now));
  const letters = await sendLetters(trx, action, saved, organisation, actor.userId, now);
  if (letters.length) {
    notes.push(...describeLetters(letters));
  }
  const eventSeq = await appendEvent(trx, saved.id, {
    at: now,
    actorId: actor.userId,
    actorLabel: actor.name,
    action: action.name,
    fromStatus: result.fromStatus,
    toStatus: saved.status,
    changes: diffComplaint(complaint, saved),
    note: notes.length ? notes.join('\n') : null,
  });
  await enqueueNotifications(trx, { action: action.name, before: complaint, after: saved, actor, now, publicUrl: deps.config.publicUrl, settings: organisation.settings });
  return { complaint: saved, fromStatus: result.fromStatus, eventSeq };
}

export async function storeAttachment(
  deps: CommandDeps,
  trx: DbExecutor,
  complaint: Complaint,
  file: Upload,
  userId: string | null,
  now: string,
): Promise<string> {
  const used = await totalAttachmentBytes(trx, complaint.id);
  if (used + file.content.length > deps.config.attachmentsMaxTotalBytes) {
    throw new DomainError('invalid_input', { en: 'The attachments of this complaint would exceed the total size limit.', nl: 'De bijlagen van deze klacht worden samen groter dan toegestaan.' }, {
      field: 'attachments',
    });
  }
  const stored = await insertAttachment(trx, {
    complaintId: complaint.id,
    filename: file.filename,
    content: file.content,
    uploadedBy: userId,
    now: new Date(now),
    maxBytes: deps.config.attachmentMaxBytes,
  });
  return `attachment ${stored.filename} (${stored.contentType}, ${stored.size} bytes, sha256 ${stored.sha256})`;
}

