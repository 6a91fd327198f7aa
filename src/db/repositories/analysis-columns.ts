/**
 * The annual analysis's facts of a complaint as the columns that store them (migration 0006). The complaints
 * repository spreads these into every row it writes (`toRow`), so the facts never drift from the form.
 */
import {
  type ComplaintFacts,
  complaintFacts,
  encodeCodeSet,
  type FactsSource,
} from '../../analysis/facts.ts';

export function analysisColumns(facts: ComplaintFacts) {
  return {
    received_year: facts.receivedYear,
    received_month: facts.receivedMonth,
    received_on: facts.receivedOn,
    acknowledged_on: facts.acknowledgedOn,
    resolved_on: facts.resolvedOn,
    final_report_on: facts.finalReportOn,
    judgement: facts.judgement,
    offer_count: facts.offerCount,
    first_offer_reaction: facts.firstOfferReaction,
    final_offer_reaction: facts.finalOfferReaction,
    measure_kinds: encodeCodeSet(facts.measureKinds),
    agreed_count: facts.agreedMeasures.count,
    agreed_done: facts.agreedMeasures.done,
    agreed_done_on_time: facts.agreedMeasures.doneOnTime,
    extension_working_days: facts.extensionWorkingDays,
    escalation_count: facts.escalationCount,
    escalation_routes: encodeCodeSet(facts.escalationRoutes),
    commissioning_party_type: facts.commissioningPartyType,
    not_taken_up_ground: facts.notTakenUpGround,
    reopen_count: facts.reopenCount,
    prevention_decision: facts.preventionDecision,
    preventive_count: facts.preventiveMeasures.count,
    preventive_done: facts.preventiveMeasures.done,
    preventive_done_on_time: facts.preventiveMeasures.doneOnTime,
    preventive_evaluated: facts.preventiveMeasures.evaluated,
    preventive_effective: facts.preventiveMeasures.effective,
    preventive_first_done_on: facts.preventiveFirstDoneOn,
    survey_handled_well: facts.surveyHandledWell,
    survey_on_time: facts.surveyOnTime,
  };
}

/** The fact columns of a complaint, derived from its form: what `toRow` adds to every complaints row. */
export const analysisColumnsOf = (complaint: FactsSource) => analysisColumns(complaintFacts(complaint));
