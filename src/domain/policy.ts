/**
 * Who may do what, declared per action and denied by default. Roles come from the user; the relation to
 * the case (handler, involved, receiver) comes from the complaint. A quality manager who is involved in a
 * case loses that role for the case, and the configured deputy takes it over.
 */
import type { Actor } from './action-context.ts';
import { type Complaint, involvedUserIds } from './complaint.ts';
import type { ActionName } from './lifecycle.ts';

type Who = 'quality_manager' | 'handler' | 'involved_self';

/** Every action and who may take it on a case: the case's handler, the acting quality manager, or the involved person. */
export const ACTION_POLICY: Record<ActionName, readonly Who[]> = {
  assignHandler: ['quality_manager'],
  reassignHandler: ['quality_manager'],
  linkMention: ['quality_manager'],
  reopen: ['quality_manager'],
  addInvolvedPerson: ['quality_manager', 'handler'],
  setServiceProvidedBy: ['quality_manager', 'handler'],
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
  recordOfferAccepted: ['quality_manager', 'handler'],
  recordOfferRejected: ['quality_manager', 'handler'],
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
  withdraw: ['quality_manager', 'handler'],
  extendResolutionTerm: ['quality_manager', 'handler'],
  escalate: ['quality_manager', 'handler'],
};

export interface CaseRelation {
  isHandler: boolean;
  isInvolved: boolean;
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
  const isDeputy = userId !== null && userId === facts.deputyQualityManagerId && facts.qualityManagerInvolved && !isInvolved;
  return {
    isHandler: userId !== null && complaint.handler?.userId === userId && actor.roles.includes('handler'),
    isInvolved,
    isReceiver: userId !== null && complaint.receiverId === userId,
    actsAsQualityManager: isQualityManager || isDeputy,
  };
}

export function mayTakeAction(action: ActionName, relation: CaseRelation): boolean {
  return ACTION_POLICY[action].some(
    (who) =>
      (who === 'quality_manager' && relation.actsAsQualityManager) ||
      (who === 'handler' && relation.isHandler) ||
      (who === 'involved_self' && relation.isInvolved),
  );
}

/** Reading a case: the people who work on it, and administrators for support. */
export function mayView(relation: CaseRelation, actor: Actor): boolean {
  return (
    relation.actsAsQualityManager ||
    relation.isHandler ||
    relation.isInvolved ||
    relation.isReceiver ||
    actor.roles.includes('quality_manager') ||
    actor.roles.includes('administrator')
  );
}

/** Registering a complaint that came in by phone, letter, email or at the desk: any staff role but administrator alone. */
export const mayRegister = (actor: Actor): boolean =>
  actor.roles.some((role) => role === 'receiver' || role === 'handler' || role === 'quality_manager');

/** Seeing every case in lists: quality managers and administrators; others see their own. */
export const maySeeAllCases = (actor: Actor): boolean =>
  actor.roles.includes('quality_manager') || actor.roles.includes('administrator');
