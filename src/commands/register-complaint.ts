/**
 * Step 1: a complaint is received and registered on the improvement form, with its first deadlines, its
 * history's first event and, when the reporter gave an email address, the follow-up link by email — all in
 * one transaction, so a failure leaves nothing behind.
 */
import type { Actor } from '../domain/action-context.ts';
import { amsterdamDateOf } from '../domain/calendar.ts';
import type { Channel, Complaint } from '../domain/complaint.ts';
import { diffComplaint } from '../domain/history.ts';
import { formatReference, newComplaint, type PublicIntake, type StaffIntake } from '../domain/intake.ts';
import { type DbExecutor, transaction } from '../db/database.ts';
import { appendEvent } from '../db/repositories/complaint-events.ts';
import { insertComplaint } from '../db/repositories/complaints.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { nextReferenceNumber } from '../db/repositories/reference-counters.ts';
import { findUserById } from '../db/repositories/users.ts';
import { DomainError } from '../domain/errors.ts';
import { mayRegister, mayRegisterOnBehalf } from '../domain/policy.ts';
import { type CommandDeps, loadOrganisationOf } from './context.ts';
import { hashFollowUpToken, newFollowUpToken } from './follow-up-token.ts';
import { storeAttachment, type Upload } from './take-action.ts';
import { followUpEmail } from './messages.ts';
import { enqueueNotifications } from '../notifications/staff-notifications.ts';

export interface Registered {
  complaint: Complaint;
  /** Shown once to the reporter; only its hash is stored. */
  followUpToken: string;
  followUpUrl: string;
}


export interface RegisterOptions {
  /** Who received the complaint, when not the registering user (a quality manager registers for a colleague). */
  receiverId?: string | undefined;
}

export async function registerComplaint(
  deps: CommandDeps,
  input: PublicIntake | StaffIntake,
  actor: Actor,
  uploads: Upload[] = [],
  options: RegisterOptions = {},
): Promise<Registered> {
  return transaction(deps.db, (trx) => registerComplaintIn(trx, deps, input, actor, uploads, options));
}

/**
 * The receiver of a registration: the registering user, or another active user who may register complaints,
 * named by a user who may register on someone else's behalf (policy.ts).
 */
async function receiverOf(trx: DbExecutor, actor: Actor, receiverId: string | undefined): Promise<string | null> {
  if (!receiverId || receiverId === actor.userId) return actor.userId;
  if (!mayRegisterOnBehalf(actor)) {
    throw new DomainError('forbidden', {
      en: 'Only a quality manager may register a complaint on behalf of another receiver.',
      nl: 'Alleen een kwaliteitsmanager mag een klacht registreren namens een andere ontvanger.',
    });
  }
  const receiver = await findUserById(trx, receiverId);
  if (!receiver?.active || !mayRegister({ userId: receiver.id, name: receiver.name, roles: receiver.roles })) {
    throw new DomainError(
      'invalid_input',
      {
        en: 'Choose a receiver from the list: an active colleague who may register complaints.',
        nl: 'Kies een ontvanger uit de lijst: een actieve collega die klachten mag registreren.',
      },
      { field: 'receiverId' },
    );
  }
  return receiver.id;
}

/** The registration inside the caller's transaction (a spot record's conversion adds its own write). */
export async function registerComplaintIn(
  trx: DbExecutor,
  deps: CommandDeps,
  input: PublicIntake | StaffIntake,
  actor: Actor,
  uploads: Upload[] = [],
  options: RegisterOptions = {},
): Promise<Registered> {
  const now = deps.now().toISOString();
  const receiverId = await receiverOf(trx, actor, options.receiverId);
  const staff = 'channel' in input ? input : null;
  const channel: Channel = staff?.channel ?? 'web';
  const receivedAt = staff ? new Date(staff.receivedAt).toISOString() : now;
  const followUpToken = newFollowUpToken();
  {
    const organisation = await loadOrganisationOf(deps.db, trx);
    const ctx = { now, actor, ...organisation, users: new Map(), newId: deps.newId };
    // Numbered by the Amsterdam year of receipt, so a complaint from 31 December stays in its year.
    const year = Number(amsterdamDateOf(receivedAt).slice(0, 4));
    const reference = formatReference(year, await nextReferenceNumber(trx, year));
    const complaint = newComplaint(
      input,
      {
        id: deps.newId(),
        reference,
        channel,
        receivedAt,
        receiverId,
        trajectory: staff?.trajectory,
        category: staff?.category,
        team: staff?.team,
      },
      ctx,
    );
    await insertComplaint(trx, complaint, hashFollowUpToken(followUpToken));
    const notes: string[] = [];
    for (const file of uploads) notes.push(await storeAttachment(deps, trx, complaint, file, actor.userId, now));
    await appendEvent(trx, complaint.id, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.name,
      action: 'register',
      fromStatus: null,
      toStatus: complaint.status,
      changes: diffComplaint(null, complaint),
      note: notes.length ? notes.join('\n') : null,
    });
    const followUpUrl = `${deps.config.publicUrl}/follow-up/${followUpToken}`;
    if (complaint.reporter.email) {
      const message = followUpEmail(complaint, followUpUrl, organisation.settings);
      await enqueueEmail(trx, { to: complaint.reporter.email, ...message, kind: 'follow_up_link', complaintId: complaint.id, now: new Date(now) });
    }
    await enqueueNotifications(trx, { action: 'register', before: null, after: complaint, actor, now, publicUrl: deps.config.publicUrl, settings: organisation.settings });
    return { complaint, followUpToken, followUpUrl };
  }
}
