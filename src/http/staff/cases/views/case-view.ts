/** What the case page's sections are given: the complaint as this user may see it, and what belongs to it. */

import type { Attachment } from '../../../../db/repositories/attachments.ts';
import type { AuditEntry } from '../../../../db/repositories/audit-log.ts';
import type { ComplaintEvent } from '../../../../db/repositories/complaint-events.ts';
import type { Letter } from '../../../../db/repositories/letters.ts';
import type { User } from '../../../../db/repositories/users.ts';
import type { ActionName } from '../../../../domain/lifecycle.ts';
import type { CasesMessages } from '../../../../i18n/staff/cases.ts';
import type { CasesActionMessages } from '../../../../i18n/staff/cases-actions.ts';
import type { presentStaffComplaint } from '../../../api/presenters.ts';
import type { StaffPageContext } from '../../context.ts';
import type { CaseContext } from '../load.ts';

/** The improvement form as the API presents it to this user: whole, or an involved person's own part. */
export type PresentedComplaint = ReturnType<typeof presentStaffComplaint>;

export interface CaseViewProps {
  ctx: StaffPageContext;
  t: CasesMessages;
  ta: CasesActionMessages;
  c: PresentedComplaint;
  kase: CaseContext;
  users: ReadonlyMap<string, User>;
  offered: ReadonlySet<ActionName>;
  /** The history (empty for an involved person: its before/after values would show what the view leaves out). */
  events: ComplaintEvent[];
  /** Comments on reaction summaries (for an involved person, only their own). */
  comments: ComplaintEvent[];
  attachments: Attachment[];
  letters: Letter[];
  /** The views of this case (null unless the user is the quality manager or an administrator). */
  accessLog: AuditEntry[] | null;
  /** When the reporter's follow-up link stops working; null while the case runs. */
  linkExpiresAt: string | null;
  /** The handler and the acting quality manager manage letters and the follow-up link. */
  managesCase: boolean;
  /** Whoever may set or lift a legal hold on this case (its acting quality manager, an administrator). */
  managesLegalHold: boolean;
}

/** The path of a case's page, and of anything below it. */
export const casePath = (reference: string, rest = ''): string =>
  `/staff/complaints/${encodeURIComponent(reference)}${rest}`;

export const nameOf = (
  props: Pick<CaseViewProps, 'users' | 't'>,
  userId: string | null | undefined,
): string => (userId ? (props.users.get(userId)?.name ?? props.t.page.unknownUser) : props.t.page.reporter);
