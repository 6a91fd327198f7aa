/**
 * What one row of the dashboard shows of a case, decided by the domain's policy for the viewer: the whole row
 * for those who may see the whole form, only their own part for an involved person (never the reporter), and
 * nothing for anyone else. Also the viewer's part in the case, and the nearest term with its traffic light.
 */
import type { Actor } from '../../../domain/action-context.ts';
import type { IsoDate, WorkingDayCalendar } from '../../../domain/calendar.ts';
import { type Complaint, involvedUserIds } from '../../../domain/complaint.ts';
import { nextOpenTerm, type Term, workItemsOf } from '../../../domain/dashboard.ts';
import { type DeadlineState, deadlineState } from '../../../domain/deadlines.ts';
import type { ComplaintStatus } from '../../../domain/lifecycle.ts';
import { relationTo, viewOf } from '../../../domain/policy.ts';

/** Who acts as quality manager where: the users holding that role, and the configured deputy. */
export interface QualityManagerFacts {
  qualityManagerIds: ReadonlySet<string>;
  deputyId: string | null;
}

export type Part = 'handler' | 'receiver' | 'agree' | 'involved' | 'deputy';

export interface CaseRow {
  reference: string;
  status: ComplaintStatus;
  view: 'full' | 'involved';
  nextTerm: { term: Term; due: IsoDate; state: DeadlineState; extendedBecause: string | null } | null;
  receivedAt: string;
  channel: string;
  /** The reporter's name; null when anonymous; undefined when the viewer may not see it. */
  reporter: string | null | undefined;
  /** The handler's short summary, else the start of the description. */
  about: string;
  category: string | null;
  handler: string | null;
  parts: Part[];
}

const SNIPPET = 120;

function snippet(complaint: Complaint): string {
  const text = (complaint.summary ?? complaint.description).replace(/\s+/g, ' ').trim();
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text;
}

function relationFor(complaint: Complaint, actor: Actor, facts: QualityManagerFacts) {
  const qualityManagerInvolved = involvedUserIds(complaint).some((id) => facts.qualityManagerIds.has(id));
  return relationTo(complaint, actor, { qualityManagerInvolved, deputyQualityManagerId: facts.deputyId });
}

/** The row of a case as the actor may see it, or null when the policy shows them nothing of it. */
export function caseRow(
  complaint: Complaint,
  actor: Actor,
  facts: QualityManagerFacts,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): CaseRow | null {
  const relation = relationFor(complaint, actor, facts);
  const view = viewOf(relation, actor);
  if (!view) return null;
  const term = nextOpenTerm(complaint);
  const work = workItemsOf(complaint).filter((item) => item.userId === actor.userId);
  const parts: Part[] = [];
  if (relation.isHandler) parts.push('handler');
  if (relation.isReceiver) parts.push('receiver');
  if (work.some((item) => item.kind === 'agree')) parts.push('agree');
  else if (relation.isInvolved) parts.push('involved');
  if (
    relation.actsAsQualityManager &&
    actor.userId === facts.deputyId &&
    !actor.roles.includes('quality_manager')
  )
    parts.push('deputy');
  return {
    reference: complaint.reference,
    status: complaint.status,
    view,
    nextTerm: term
      ? {
          ...term,
          state: deadlineState(term.due, null, today, calendar),
          extendedBecause: term.term === 'resolve' ? (complaint.extension?.reason ?? null) : null,
        }
      : null,
    receivedAt: complaint.receivedAt,
    channel: complaint.channel,
    reporter: view === 'full' ? complaint.reporter.name : undefined,
    about: snippet(complaint),
    category: complaint.category,
    handler: complaint.handler?.name ?? null,
    parts,
  };
}

export interface MeasureRow {
  kind: 'agreed_measure' | 'preventive_measure';
  description: string;
  due: IsoDate;
  state: DeadlineState;
  reference: string;
  /** The case page opens for the owner only when the policy lets them see the case. */
  mayOpen: boolean;
  handler: string | null;
}

/** The row of an open measure the actor owns; null when the measure is done or gone meanwhile. */
export function measureRow(
  complaint: Complaint,
  measure: { kind: MeasureRow['kind']; measureId: string },
  actor: Actor,
  facts: QualityManagerFacts,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): MeasureRow | null {
  const list = measure.kind === 'agreed_measure' ? complaint.agreedMeasures : complaint.preventiveMeasures;
  const found = list.find((m) => m.id === measure.measureId);
  if (!found || found.doneAt || found.ownerUserId !== actor.userId) return null;
  return {
    kind: measure.kind,
    description: found.description,
    due: found.dueDate,
    state: deadlineState(found.dueDate, null, today, calendar),
    reference: complaint.reference,
    mayOpen: viewOf(relationFor(complaint, actor, facts), actor) !== null,
    handler: complaint.handler?.name ?? null,
  };
}
