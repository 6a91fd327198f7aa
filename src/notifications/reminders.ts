/**
 * What the deadline watch owes a case on a given day, and to whom. Pure: the job (src/jobs/deadline-watch.ts)
 * loads the case and the users and stores what this returns.
 *
 * A reminder is identified by (complaint, subject, stage, due): one per stage of one deadline, never a flood.
 * A deadline that moves (an extension, a reopening) is a new deadline and gets its own reminders.
 * - terms (acknowledge, resolve, report): 'near' within N working days → the handler; 'overdue' → the handler
 *   and, as an escalation, the quality managers (the deputy when a quality manager is involved);
 * - 'unassigned' (status registered): 'near' once a working day has passed since receipt, 'overdue' once the
 *   acknowledgement term has passed → the quality managers. It stands in for the acknowledgement term's
 *   reminders, which have no handler to go to yet;
 * - open agreed corrective measures and preventive measures: 'near' within N working days of their due date →
 *   the owner; 'overdue' → the owner and the handler, who sees to it that what was agreed is done (step 8).
 */

import type { UserRef } from '../domain/action-context.ts';
import type { IsoDate, WorkingDayCalendar } from '../domain/calendar.ts';
import { amsterdamDateOf } from '../domain/calendar.ts';
import type { AgreedMeasure, Complaint, PreventiveMeasure } from '../domain/complaint.ts';
import { deadlineOverview, type Terms, termStart } from '../domain/deadlines.ts';
import { isTerminal } from '../domain/lifecycle.ts';
import {
  type MeasureKind,
  measureMessage,
  type StaffMessage,
  type TermName,
  termHandlerMessage,
  termQualityManagerMessage,
  unassignedMessage,
} from '../i18n/notifications.ts';
import { staffCaseUrl } from './links.ts';
import {
  actingQualityManagers,
  handlerOf,
  reachable,
  type StaffDirectory,
  uniqueUsers,
} from './recipients.ts';

export type ReminderStage = 'near' | 'overdue';

export type ReminderAbout =
  | { kind: 'term'; term: TermName }
  | { kind: 'unassigned' }
  | { kind: 'agreed_measure'; measure: AgreedMeasure }
  | { kind: 'preventive_measure'; measure: PreventiveMeasure };

export interface DueReminder {
  /** 'acknowledge' | 'resolve' | 'report' | 'unassigned' | 'agreed_measure:<id>' | 'preventive_measure:<id>' */
  subject: string;
  stage: ReminderStage;
  due: IsoDate;
  about: ReminderAbout;
}

export interface ReminderRules {
  /** A deadline is 'near' when it falls within this many working days from today (0 = on the day itself). */
  nearWorkingDays: number;
}

export const TERM_NAMES: readonly TermName[] = ['acknowledge', 'resolve', 'report'];

/** The stage a deadline is in today, or null when it is neither near nor past. */
export function stageOn(
  due: IsoDate,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  rules: ReminderRules,
): ReminderStage | null {
  if (today > due) return 'overdue';
  return calendar.countWorkingDaysBetween(today, due) <= rules.nearWorkingDays ? 'near' : null;
}

/** Every reminder the case is owed today (whether or not it was sent already: the caller checks that). */
export function remindersDue(
  complaint: Complaint,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  rules: ReminderRules,
): DueReminder[] {
  if (isTerminal(complaint.status)) return [];
  const due: DueReminder[] = [];
  const unassigned = complaint.status === 'registered' && !complaint.handler;

  // The overview knows which terms are met, and that a stopped case owes none; only "near" is ours.
  const overview = deadlineOverview(complaint, today, calendar);
  for (const term of TERM_NAMES) {
    const entry = overview[term];
    if (!entry || !['on_time', 'due_soon', 'overdue'].includes(entry.state)) continue;
    if (term === 'acknowledge' && unassigned) continue;
    const stage = stageOn(entry.due, today, calendar, rules);
    if (stage) due.push({ subject: term, stage, due: entry.due, about: { kind: 'term', term } });
  }

  if (unassigned) {
    const acknowledgeBy = complaint.deadlines.acknowledgeBy;
    const receivedOn = amsterdamDateOf(termStart(complaint));
    const stage: ReminderStage | null =
      today > acknowledgeBy
        ? 'overdue'
        : calendar.countWorkingDaysBetween(receivedOn, today) >= 1
          ? 'near'
          : null;
    if (stage) due.push({ subject: 'unassigned', stage, due: acknowledgeBy, about: { kind: 'unassigned' } });
  }

  for (const measure of complaint.agreedMeasures) {
    const stage = measure.doneAt ? null : stageOn(measure.dueDate, today, calendar, rules);
    if (stage) {
      due.push({
        subject: `agreed_measure:${measure.id}`,
        stage,
        due: measure.dueDate,
        about: { kind: 'agreed_measure', measure },
      });
    }
  }
  for (const measure of complaint.preventiveMeasures) {
    const stage = measure.doneAt ? null : stageOn(measure.dueDate, today, calendar, rules);
    if (stage) {
      due.push({
        subject: `preventive_measure:${measure.id}`,
        stage,
        due: measure.dueDate,
        about: { kind: 'preventive_measure', measure },
      });
    }
  }
  return due;
}

export interface StaffEmail {
  userId: string;
  to: string;
  subject: string;
  text: string;
  /** The outbox kind, e.g. 'deadline_reminder' or 'new_complaint'. */
  kind: string;
}

export interface ReminderRecipientsContext {
  users: StaffDirectory;
  deputyUserId: string | null;
  publicUrl: string;
  terms: Terms;
}

const TERM_DAYS: Record<TermName, keyof Terms> = {
  acknowledge: 'acknowledgeWorkingDays',
  resolve: 'resolveWorkingDays',
  report: 'reportWorkingDays',
};

/**
 * The emails one reminder sends, and whether it escalated to the quality managers. When nobody else can be
 * reached (no active handler or owner), the quality managers get it: a reminder must never go nowhere.
 */
export function reminderEmails(
  reminder: DueReminder,
  complaint: Complaint,
  ctx: ReminderRecipientsContext,
): { emails: StaffEmail[]; escalated: boolean } {
  const url = staffCaseUrl(ctx.publicUrl, complaint.reference);
  const base = { reference: complaint.reference, url };
  const qualityManagers = () => actingQualityManagers(complaint, ctx.users, ctx.deputyUserId);
  const handler = handlerOf(complaint, ctx.users);
  const mail = (user: UserRef, kind: string, message: StaffMessage): StaffEmail => ({
    userId: user.id,
    to: user.email,
    kind,
    ...message,
  });
  const { about, stage } = reminder;

  if (about.kind === 'term') {
    const facts = {
      ...base,
      term: about.term,
      workingDays: Number(ctx.terms[TERM_DAYS[about.term]]),
      due: reminder.due,
    };
    const emails: StaffEmail[] = [];
    if (handler) {
      emails.push(
        mail(
          handler,
          'deadline_reminder',
          termHandlerMessage({ ...facts, stage, recipientName: handler.name }),
        ),
      );
    }
    const toQualityManagers = stage === 'overdue' || !handler;
    if (toQualityManagers) {
      for (const qm of qualityManagers()) {
        if (qm.id === handler?.id) continue;
        const message = termQualityManagerMessage({
          ...facts,
          stage,
          recipientName: qm.name,
          handlerName: handler?.name ?? null,
        });
        emails.push(mail(qm, stage === 'overdue' ? 'deadline_escalation' : 'deadline_reminder', message));
      }
    }
    return { emails, escalated: stage === 'overdue' && emails.some((e) => e.kind === 'deadline_escalation') };
  }

  if (about.kind === 'unassigned') {
    const emails = qualityManagers().map((qm) =>
      mail(
        qm,
        'unassigned_reminder',
        unassignedMessage({
          ...base,
          recipientName: qm.name,
          stage,
          acknowledgeBy: complaint.deadlines.acknowledgeBy,
          receivedOn: amsterdamDateOf(termStart(complaint)),
        }),
      ),
    );
    return { emails, escalated: stage === 'overdue' && emails.length > 0 };
  }

  const { measure } = about;
  const owner = reachable(ctx.users.get(measure.ownerUserId));
  const kind: MeasureKind = about.kind;
  const ownerName = ctx.users.get(measure.ownerUserId)?.name ?? 'onbekend';
  let recipients: { user: UserRef; role: 'owner' | 'handler' | 'quality_manager' }[] = uniqueUsers(
    stage === 'overdue' ? [owner, handler] : [owner ?? handler],
  ).map((user) => ({ user, role: user.id === owner?.id ? 'owner' : 'handler' }));
  if (recipients.length === 0)
    recipients = qualityManagers().map((user) => ({ user, role: 'quality_manager' }));
  const emails = recipients.map(({ user, role }) =>
    mail(
      user,
      'measure_reminder',
      measureMessage({
        ...base,
        recipientName: user.name,
        kind,
        stage,
        description: measure.description,
        due: reminder.due,
        ownerName,
        recipientRole: role,
      }),
    ),
  );
  return { emails, escalated: false };
}
