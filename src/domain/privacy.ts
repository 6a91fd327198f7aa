/**
 * The privacy rules of the product (AVG): when a case is due for anonymisation, who may hold a case and answer
 * data subjects' requests, when erasure is allowed, and the privacy statement as the settings hold it. Which
 * fields are personal is in anonymise.ts.
 */
import type { Actor } from './action-context.ts';
import type { Complaint } from './complaint.ts';
import type { LocalisedMessage } from './errors.ts';
import { endedAt } from './follow-up.ts';
import type { CaseRelation } from './policy.ts';
import type { OrganisationSettings } from './settings.ts';

/** Why personal data was removed (the deletion log's `reason`). */
export type DeletionReason = 'retention' | 'data_subject_request';

/** The same instant `years` calendar years earlier (UTC; 29 February becomes 1 March). */
export function yearsBefore(instant: Date, years: number): Date {
  const date = new Date(instant.getTime());
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date;
}

/** The same instant `years` calendar years later. */
export const yearsAfter = (instant: Date, years: number): Date => yearsBefore(instant, -years);

type Ending = Pick<Complaint, 'status' | 'closedAt' | 'withdrawal' | 'notTakenUp'>;

/** When retention anonymises the case: `years` after it ended (closed, not taken up, withdrawn); null while open. */
export function anonymisationDueAt(complaint: Ending, years: number): string | null {
  const ended = endedAt(complaint);
  return ended ? yearsAfter(new Date(ended), years).toISOString() : null;
}

/** True when the case ended before `cutoff` (now minus the retention term). */
export function isPastRetention(complaint: Ending, cutoff: Date): boolean {
  const ended = endedAt(complaint);
  return ended !== null && Date.parse(ended) < cutoff.getTime();
}

/** Looking up cases to set or lift a legal hold: quality managers and administrators. */
export const mayManageLegalHold = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('quality_manager') || actor.roles.includes('administrator');

/**
 * A legal hold on one case is set and lifted by whoever acts as its quality manager — never one who is involved
 * in it; the configured deputy instead — or by an administrator who is not involved in it.
 */
export const mayManageLegalHoldOf = (relation: CaseRelation, actor: Pick<Actor, 'roles'>): boolean =>
  relation.actsAsQualityManager || (actor.roles.includes('administrator') && !relation.isInvolved);

/** Data subjects' requests (find, export, erase) are answered by an administrator only. */
export const mayHandleDataSubjectRequests = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.includes('administrator');

export interface ErasureCheck {
  complaint: Pick<Complaint, 'reference' | 'status' | 'closedAt' | 'withdrawal' | 'notTakenUp'>;
  legalHold: boolean;
  /** Why an open case is erased anyway, as the administrator recorded it. */
  openCaseReason: string | null;
}

/**
 * Why the law does not allow erasing this case now, or null when it may be erased. Art. 17(3) AVG: data needed
 * for legal claims is kept (a legal hold); a case still being handled is erased only with a recorded reason
 * (e.g. the reporter withdrew and asks for erasure), because the organisation may still need it to do so.
 */
export function erasureRefusal(check: ErasureCheck): { field: string; message: LocalisedMessage } | null {
  const ref = check.complaint.reference;
  if (check.legalHold) {
    return {
      field: 'legalHold',
      message: {
        nl: `Voor klacht ${ref} geldt een bewaarplicht (legal hold). Hef die eerst op.`,
        en: `Complaint ${ref} is under a legal hold. Lift it first.`,
      },
    };
  }
  if (endedAt(check.complaint) === null && !check.openCaseReason?.trim()) {
    return {
      field: 'openCaseReason',
      message: {
        nl: `Klacht ${ref} loopt nog. Schrijf op waarom de gegevens toch nu gewist moeten worden.`,
        en: `Complaint ${ref} is still open. Write down why its data must be erased now.`,
      },
    };
  }
  return null;
}

/** The placeholders a privacy statement may use; each is filled in from the settings in force. */
export const PRIVACY_STATEMENT_PLACEHOLDERS = [
  'organisation',
  'email',
  'phone',
  'complaintYears',
  'auditLogYears',
] as const;

/** A statement text may hold only the placeholders above (checked by the settings schema). */
export const PRIVACY_STATEMENT_PATTERN = `^(?:[^{}]|\\{(?:${PRIVACY_STATEMENT_PLACEHOLDERS.join('|')})\\})*$`;

/**
 * The privacy statement in a language as paragraphs: the text of the settings, split at blank lines, with the
 * placeholders filled in — so the retention term it states is always the one retention applies.
 */
export function privacyStatementParagraphs(
  settings: Pick<OrganisationSettings, 'name' | 'email' | 'phone' | 'retention' | 'privacyStatement'>,
  language: 'nl' | 'en',
): string[] {
  const values: Record<(typeof PRIVACY_STATEMENT_PLACEHOLDERS)[number], string> = {
    organisation: settings.name,
    email: settings.email,
    phone: settings.phone,
    complaintYears: String(settings.retention.complaintYearsAfterClosing),
    auditLogYears: String(settings.retention.auditLogYears),
  };
  return settings.privacyStatement[language]
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) =>
      paragraph.replace(/\{(\w+)\}/g, (whole, key: string) =>
        Object.hasOwn(values, key) ? values[key as keyof typeof values] : whole,
      ),
    );
}
