/**
 * Staff email notifications about what happened on a case, decided from the action and the complaint before
 * and after it (pure: notificationsFor), and queued in the action's own transaction (enqueueNotifications), so
 * a notification exists exactly when the change committed and the outbox delivers it.
 *
 * - a new complaint → every quality manager (step 1 → 2: they appoint a handler);
 * - a handler assigned or reassigned → the (new) handler;
 * - the investigation starts (again), or a person is involved during it → the involved users, whose reaction
 *   is asked (step 4);
 * - the reporter acts through the follow-up link (adds information, asks to be heard, reacts to an offer,
 *   withdraws, answers the survey) → the handler, or the quality managers while there is none.
 * Nobody is notified of their own action. Third parties have no account and get letters instead.
 */

import type { DbExecutor } from '../db/database.ts';
import { enqueueEmail } from '../db/repositories/outbox.ts';
import { loadCurrentSettings } from '../db/repositories/settings.ts';
import { listUsers } from '../db/repositories/users.ts';
import type { Actor, UserRef } from '../domain/action-context.ts';
import { amsterdamDateOf } from '../domain/calendar.ts';
import type { Complaint } from '../domain/complaint.ts';
import { termStart } from '../domain/deadlines.ts';
import type { ActionName } from '../domain/lifecycle.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import {
  handlerAssignedMessage,
  newComplaintMessage,
  type ReporterActionName,
  reactionRequestedMessage,
  reporterActionMessage,
} from '../i18n/notifications.ts';
import { staffCaseUrl } from './links.ts';
import {
  actingQualityManagers,
  deputyIdOf,
  directoryOf,
  handlerOf,
  reachable,
  type StaffDirectory,
} from './recipients.ts';
import type { StaffEmail } from './reminders.ts';

export type { StaffEmail };

/** 'register' for a new complaint; otherwise the lifecycle action that was applied. */
export type NotifiedAction = ActionName | 'register';

export interface NotificationInput {
  action: NotifiedAction;
  /** The complaint before the action; null for a new complaint. */
  before: Complaint | null;
  after: Complaint;
  actor: Actor;
  /** Every staff user (inactive ones are skipped). */
  users: StaffDirectory;
  deputyUserId: string | null;
  publicUrl: string;
}

const REPORTER_ACTIONS: readonly ReporterActionName[] = [
  'addInformation',
  'requestHearing',
  'recordOfferAccepted',
  'recordOfferRejected',
  'withdraw',
  'answerSurvey',
];
const isReporterAction = (action: NotifiedAction): action is ReporterActionName =>
  (REPORTER_ACTIONS as readonly string[]).includes(action);

const INVESTIGATION_STARTS: readonly NotifiedAction[] = ['startInvestigation', 'startNewInvestigation'];

const involvedUserIdsOf = (complaint: Complaint | null): string[] =>
  complaint?.involved.flatMap((p) => (p.kind === 'user' ? [p.userId] : [])) ?? [];

/** Whether an action can notify anyone at all, decided without the users (so most actions cost no query). */
export function mayNotify(input: Pick<NotificationInput, 'action' | 'before' | 'after' | 'actor'>): boolean {
  const { action, before, after, actor } = input;
  if (action === 'register') return true;
  if (after.handler && after.handler.userId !== before?.handler?.userId) return true;
  if (INVESTIGATION_STARTS.includes(action)) return true;
  if (after.status === 'investigating' && involvedUserIdsOf(after).length > involvedUserIdsOf(before).length)
    return true;
  return actor.reporter === true && isReporterAction(action);
}

/** The emails an action sends to staff. Pure. */
export function notificationsFor(input: NotificationInput): StaffEmail[] {
  const { action, before, after, actor, users } = input;
  if (!mayNotify(input)) return [];
  const url = staffCaseUrl(input.publicUrl, after.reference);
  const base = { reference: after.reference, url };
  const emails: StaffEmail[] = [];
  const send = (
    user: UserRef | null,
    kind: string,
    message: (name: string) => { subject: string; text: string },
  ) => {
    if (!user || user.id === actor.userId || emails.some((e) => e.userId === user.id && e.kind === kind))
      return;
    emails.push({ userId: user.id, to: user.email, kind, ...message(user.name) });
  };
  const qualityManagers = () => actingQualityManagers(after, users, input.deputyUserId);

  if (action === 'register') {
    for (const qm of qualityManagers()) {
      send(qm, 'new_complaint', (recipientName) =>
        newComplaintMessage({
          ...base,
          recipientName,
          receivedOn: amsterdamDateOf(termStart(after)),
          acknowledgeBy: after.deadlines.acknowledgeBy,
          channel: after.channel,
        }),
      );
    }
  }

  if (after.handler && after.handler.userId !== before?.handler?.userId) {
    send(handlerOf(after, users), 'handler_assigned', (recipientName) =>
      handlerAssignedMessage({
        ...base,
        recipientName,
        reassigned: Boolean(before?.handler),
        acknowledgeBy: after.acknowledgedAt ? null : after.deadlines.acknowledgeBy,
        resolveBy: after.deadlines.resolveBy,
      }),
    );
  }

  if (after.status === 'investigating') {
    const previously = new Set(involvedUserIdsOf(before));
    const asked = INVESTIGATION_STARTS.includes(action)
      ? involvedUserIdsOf(after)
      : involvedUserIdsOf(after).filter((id) => !previously.has(id));
    for (const userId of asked) {
      send(reachable(users.get(userId)), 'reaction_requested', (recipientName) =>
        reactionRequestedMessage({ ...base, recipientName, handlerName: after.handler?.name ?? null }),
      );
    }
  }

  if (actor.reporter && isReporterAction(action)) {
    const handler = handlerOf(after, users);
    const recipients = handler ? [handler] : qualityManagers();
    for (const user of recipients) {
      send(user, 'reporter_action', (recipientName) =>
        reporterActionMessage({ ...base, recipientName, action, asQualityManager: !handler }),
      );
    }
  }
  return emails;
}

export interface EnqueueNotificationsInput {
  action: NotifiedAction;
  before: Complaint | null;
  after: Complaint;
  actor: Actor;
  /** The instant of the action. */
  now: Date | string;
  /** Config.publicUrl: the base of the case links. */
  publicUrl: string;
  /** The settings in force (for the deputy quality manager); read from the database when absent. */
  settings?: Pick<OrganisationSettings, 'deputyQualityManagerEmail'>;
  messageIdDomain?: string;
}

/**
 * Queues the staff notifications of an action in the caller's transaction. Returns what was queued, with
 * each outbox id.
 */
export async function enqueueNotifications(
  trx: DbExecutor,
  input: EnqueueNotificationsInput,
): Promise<(StaffEmail & { outboxId: string })[]> {
  if (!mayNotify(input)) return [];
  const users = directoryOf(await listUsers(trx));
  const settings = input.settings ??
    (await loadCurrentSettings(trx))?.data ?? { deputyQualityManagerEmail: null };
  const emails = notificationsFor({
    action: input.action,
    before: input.before,
    after: input.after,
    actor: input.actor,
    users,
    deputyUserId: deputyIdOf(users, settings.deputyQualityManagerEmail),
    publicUrl: input.publicUrl,
  });
  const now = typeof input.now === 'string' ? new Date(input.now) : input.now;
  const queued: (StaffEmail & { outboxId: string })[] = [];
  for (const email of emails) {
    const { id } = await enqueueEmail(trx, {
      to: email.to,
      subject: email.subject,
      text: email.text,
      kind: email.kind,
      complaintId: input.after.id,
      now,
      ...(input.messageIdDomain ? { messageIdDomain: input.messageIdDomain } : {}),
    });
    queued.push({ ...email, outboxId: id });
  }
  return queued;
}
