/**
 * Who may do what, declared per action and denied by default. Roles come from the user; the relation to
 * the case (handler, involved, receiver) comes from the complaint. A quality manager who is involved in a
 * case loses that role for the case, and the configured deputy takes it over.
 */
import type { Actor } from './action-context.ts';
import { type Complaint, involvedUserIds } from './complaint.ts';
import { DomainError } from './errors.ts';
import { type ActionName, actionsAllowedIn } from './lifecycle.ts';
import type { OrganisationSettings } from './settings.ts';

type Who = 'quality_manager' | 'handler' | 'involved_self' | 'reporter';

/** Every action and who may take it on a case: the case's handler, the acting quality manager, or the involved person. */
export const ACTION_POLICY: Record<ActionName, readonly Who[]> = {
  assignHandler: ['quality_manager'],
  reassignHandler: ['quality_manager'],
  linkMention: ['quality_manager'],
  reopen: ['quality_manager'],
  addInvolvedPerson: ['quality_manager', 'handler'],
  setServiceProvidedBy: ['quality_manager', 'handler'],
  shareReporterContact: ['quality_manager', 'handler'],
  setClassification: ['quality_manager', 'handler'],
  addAttachment: ['quality_manager', 'handler'],
  recordSummary: ['quality_manager', 'handler'],
  acknowledge: ['quality_manager', 'handler'],
  offerHearing: ['quality_manager', 'handler'],
  recordHearingAnswer: ['quality_manager', 'handler'],
  recordHearing: ['quality_manager', 'handler'],
  startInvestigation: ['quality_manager', 'handler'],
  recordReaction: ['quality_manager', 'handler'],
  // Only the involved person agrees to the summary of their own reaction (checked again in the step).
  agreeReaction: ['involved_self'],
  recordThirdPartyAgreement: ['quality_manager', 'handler'],
  decide: ['quality_manager', 'handler'],
  makeOffer: ['quality_manager', 'handler'],
  // The reporter's satisfaction is recorded by the handler after the phone call, or by the reporter online.
  recordOfferAccepted: ['quality_manager', 'handler', 'reporter'],
  recordOfferRejected: ['quality_manager', 'handler', 'reporter'],
  startNewInvestigation: ['quality_manager', 'handler'],
  decideNoFurtherStep: ['quality_manager', 'handler'],
  sendWrittenConfirmation: ['quality_manager', 'handler'],
  sendFindings: ['quality_manager', 'handler'],
  addAgreedMeasure: ['quality_manager', 'handler'],
  completeAgreedMeasure: ['quality_manager', 'handler'],
  sendFinalReport: ['quality_manager', 'handler'],
  decidePreventiveMeasures: ['quality_manager', 'handler'],
  recordNoPreventiveMeasures: ['quality_manager', 'handler'],
  completePreventiveMeasure: ['quality_manager', 'handler'],
  evaluatePreventiveMeasure: ['quality_manager', 'handler'],
  close: ['quality_manager', 'handler'],
  notTakeUp: ['quality_manager', 'handler'],
  withdraw: ['quality_manager', 'handler', 'reporter'],
  extendResolutionTerm: ['quality_manager', 'handler'],
  escalate: ['quality_manager', 'handler'],
  addInformation: ['reporter'],
  requestHearing: ['reporter'],
  answerSurvey: ['reporter'],
};

/** The actions the reporter may take through the follow-up link (from the policy table above). */
export const REPORTER_ACTIONS = (Object.keys(ACTION_POLICY) as ActionName[]).filter((action) =>
  ACTION_POLICY[action].includes('reporter'),
);

export interface CaseRelation {
  /** The reporter, through the follow-up link of this very case. */
  isReporter: boolean;
  isHandler: boolean;
  isInvolved: boolean;
  /** The actor's own entries among the involved people (ids of InvolvedPerson). */
  involvedPersonIds: string[];
  isReceiver: boolean;
  actsAsQualityManager: boolean;
}

/**
 * How an actor stands to a case. `qualityManagerInvolved` says whether any involved user holds the quality
 * manager role (the caller knows the users); `deputyQualityManager` is the deputy's user id, if configured.
 */
export function relationTo(
  complaint: Pick<Complaint, 'handler' | 'involved' | 'receiverId'>,
  actor: Actor,
  facts: { qualityManagerInvolved: boolean; deputyQualityManagerId: string | null },
): CaseRelation {
  const userId = actor.userId;
  const isInvolved = userId !== null && involvedUserIds(complaint).includes(userId);
  const isQualityManager = actor.roles.includes('quality_manager') && !isInvolved;
  const isDeputy =
    userId !== null && userId === facts.deputyQualityManagerId && facts.qualityManagerInvolved && !isInvolved;
  return {
    isReporter: actor.reporter === true,
    isHandler: userId !== null && complaint.handler?.userId === userId && actor.roles.includes('handler'),
    isInvolved,
    involvedPersonIds: complaint.involved.flatMap((p) =>
      p.kind === 'user' && p.userId === userId ? [p.id] : [],
    ),
    isReceiver: userId !== null && complaint.receiverId === userId,
    actsAsQualityManager: isQualityManager || isDeputy,
  };
}

export function mayTakeAction(action: ActionName, relation: CaseRelation): boolean {
  return ACTION_POLICY[action].some(
    (who) =>
      (who === 'quality_manager' && relation.actsAsQualityManager) ||
      (who === 'handler' && relation.isHandler) ||
      (who === 'involved_self' && relation.isInvolved) ||
      (who === 'reporter' && relation.isReporter),
  );
}

/**
 * What of a case someone may read: the whole form for the people who work on it (and administrators, for
 * support); only their own part for an involved person, whatever their roles; nothing for anyone else.
 */
export function viewOf(relation: CaseRelation, actor: Actor): 'full' | 'involved' | null {
  if (relation.isInvolved) return 'involved';
  if (
    relation.actsAsQualityManager ||
    relation.isHandler ||
    relation.isReceiver ||
    actor.roles.includes('administrator')
  ) {
    return 'full';
  }
  return null;
}

export const mayView = (relation: CaseRelation, actor: Actor): boolean => viewOf(relation, actor) !== null;

/**
 * The actions to offer now: allowed by the lifecycle table, by the policy, and not certain to be refused
 * by settings (an extension where the regulation has none, or a second one).
 */
export function actionsOffered(
  complaint: Pick<Complaint, 'status' | 'extension'>,
  relation: CaseRelation,
  settings: Pick<OrganisationSettings, 'terms'>,
): ActionName[] {
  return actionsAllowedIn(complaint.status).filter(
    (action) =>
      mayTakeAction(action, relation) &&
      (action !== 'extendResolutionTerm' || (settings.terms.extension.allowed && !complaint.extension)),
  );
}

/** Registering a complaint that came in by phone, letter, email or at the desk: any staff role but administrator alone. */
export const mayRegister = (actor: Actor): boolean =>
  actor.roles.some((role) => role === 'receiver' || role === 'handler' || role === 'quality_manager');

/** Registering a complaint that a colleague received (the receiver is then that colleague): the quality manager. */
export const mayRegisterOnBehalf = (actor: Actor): boolean => actor.roles.includes('quality_manager');

/** Seeing every case in lists: quality managers and administrators; others see their own. */
export const maySeeAllCases = (actor: Actor): boolean =>
  actor.roles.includes('quality_manager') || actor.roles.includes('administrator');

/**
 * Managing how the case reaches the reporter — the private follow-up link (revoke, renew) and the record that a
 * printed letter went into the post — is for the people who work the case: its handler and the acting quality
 * manager. Throws forbidden otherwise.
 */
export function assertWorksTheCase(relation: CaseRelation): void {
  if (!relation.isHandler && !relation.actsAsQualityManager) {
    throw new DomainError('forbidden', {
      en: 'Only the handler or the quality manager can do this.',
      nl: 'Alleen de behandelaar of de kwaliteitsmanager kan dit doen.',
    });
  }
}

/** Step 4: an involved person may comment on the summary of their own reaction; nobody else comments. */
export const mayCommentOnOwnReaction = (relation: CaseRelation): boolean => relation.isInvolved;
