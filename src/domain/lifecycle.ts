/**
 * The complaint lifecycle as ONE transition table: state × action → next state. Every action on a complaint
 * is in this table, including those that record something without changing the state (they map a state to
 * itself), so the table alone answers "what may happen now" for the API, the pages and the tests.
 * Guards that depend on the form's content (a summary before acknowledging, …) live in steps/*.ts.
 */
import { DomainError } from './errors.ts';

export const COMPLAINT_STATUSES = [
  'registered',
  'handler_assigned',
  'acknowledged',
  'investigating',
  'decided',
  'offer_made',
  'offer_accepted',
  'offer_rejected',
  'resolved',
  'reported',
  'prevention_decided',
  'closed',
  'not_taken_up',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Before resolution: the resolution term is running. */
export const UNRESOLVED: readonly ComplaintStatus[] = [
  'registered',
  'handler_assigned',
  'acknowledged',
  'investigating',
  'decided',
  'offer_made',
  'offer_accepted',
  'offer_rejected',
];
/** A handler is (normally) assigned in these states. */
const HANDLED: readonly ComplaintStatus[] = [
  ...UNRESOLVED.slice(1),
  'resolved',
  'reported',
  'prevention_decided',
];
const BEFORE_DECISION: readonly ComplaintStatus[] = [
  'registered',
  'handler_assigned',
  'acknowledged',
  'investigating',
];
const AFTER_RESOLUTION: readonly ComplaintStatus[] = ['resolved', 'reported', 'prevention_decided'];
export const TERMINAL: readonly ComplaintStatus[] = ['closed', 'not_taken_up', 'withdrawn'];

type Row = Partial<Record<ComplaintStatus, ComplaintStatus>>;
/** The same state for each of `states`: an action that records without moving the case on. */
const stay = (states: readonly ComplaintStatus[]): Row => Object.fromEntries(states.map((s) => [s, s]));
const to = (states: readonly ComplaintStatus[], next: ComplaintStatus): Row =>
  Object.fromEntries(states.map((s) => [s, next]));

export const TRANSITIONS = {
  // Step 2: the quality manager appoints a neutral handler once every mention is linked.
  assignHandler: { registered: 'handler_assigned' },
  // Step 2: a handler falls ill, leaves or turns out to have a conflict; neutrality is checked again.
  reassignHandler: stay(HANDLED),
  // Step 1/2: mentions become involved people (a user, a third party) or nobody; checked against the handler.
  linkMention: stay(BEFORE_DECISION),
  addInvolvedPerson: stay(BEFORE_DECISION),
  setServiceProvidedBy: stay(BEFORE_DECISION),
  // Step 4: an involved employee sees the complaint without the reporter's contact details, unless the handler
  // shares them (to call the reporter, say); sharing is withdrawn the same way.
  shareReporterContact: stay(BEFORE_DECISION),
  setClassification: stay([...UNRESOLVED, ...AFTER_RESOLUTION]),
  addAttachment: stay([...UNRESOLVED, ...AFTER_RESOLUTION]),
  // Step 3: the "korte omschrijving" that the acknowledgement quotes.
  recordSummary: stay(['handler_assigned', 'acknowledged', 'investigating']),
  // Step 3: sending the acknowledgement (within 5 working days) is what acknowledges the case.
  acknowledge: { handler_assigned: 'acknowledged' },
  // Step 1: "De melder wordt in de gelegenheid gesteld om gehoord te worden."
  offerHearing: stay(UNRESOLVED),
  recordHearingAnswer: stay(UNRESOLVED),
  recordHearing: stay(UNRESOLVED),
  // Step 4: the complaint is put to the involved people.
  startInvestigation: { acknowledged: 'investigating' },
  recordReaction: stay(['investigating']),
  agreeReaction: stay(['investigating']),
  recordThirdPartyAgreement: stay(['investigating']),
  // Step 5: well-founded, partly well-founded or unfounded, with severity, cause and responsible party.
  decide: { investigating: 'decided' },
  // Step 5: the offer is made by phone; after an unsatisfied reaction a new offer may follow.
  makeOffer: { decided: 'offer_made', offer_rejected: 'offer_made' },
  recordOfferAccepted: { offer_made: 'offer_accepted' },
  recordOfferRejected: { offer_made: 'offer_rejected' },
  // Step 5: "overweegt … of nieuw intern onderzoek en/of een nieuw aanbod wenselijk is".
  startNewInvestigation: { offer_rejected: 'investigating' },
  // Step 5: neither a new investigation nor a new offer: the findings go out with the appeal routes.
  decideNoFurtherStep: { offer_rejected: 'resolved' },
  // Step 5: the written confirmation of what was agreed resolves the complaint (within 21 working days).
  sendWrittenConfirmation: { offer_accepted: 'resolved' },
  // Step 4: the motivated findings without an offer (e.g. unfounded) resolve the complaint.
  sendFindings: { decided: 'resolved' },
  // Step 8: "draagt zorg voor de afhandeling van datgene wat is afgesproken".
  addAgreedMeasure: stay(['offer_accepted', ...AFTER_RESOLUTION]),
  // A measure left open when the case was closed (with a reason) can still be marked done afterwards.
  completeAgreedMeasure: stay(['offer_accepted', ...AFTER_RESOLUTION, 'closed']),
  // Step 6: the final written report to the reporter and everyone involved.
  sendFinalReport: { resolved: 'reported' },
  // Step 7: preventive measures, or a recorded reason why none are possible.
  decidePreventiveMeasures: { reported: 'prevention_decided' },
  recordNoPreventiveMeasures: { reported: 'prevention_decided' },
  completePreventiveMeasure: stay(['prevention_decided', 'closed']),
  // Step 8: whether a preventive measure worked is judged later, without reopening the case.
  evaluatePreventiveMeasure: stay(['prevention_decided', 'closed']),
  close: { prevention_decided: 'closed' },
  // Step 3: a motivated notice, within 21 working days, that the complaint is not taken up.
  notTakeUp: to(BEFORE_DECISION, 'not_taken_up'),
  // The reporter may withdraw at any time before resolution.
  withdraw: to(UNRESOLVED, 'withdrawn'),
  // Optional, off by default: only where the organisation's regulation allows an extension.
  extendResolutionTerm: stay(UNRESOLVED),
  // The reporter, through the follow-up link: more information, and a request to be heard (step 1).
  addInformation: stay([...UNRESOLVED, ...AFTER_RESOLUTION]),
  requestHearing: stay(UNRESOLVED),
  // Step 8 learns from the reporter's satisfaction with how the complaint was handled.
  answerSurvey: stay(['closed']),
  // Step 9: the reporter took the complaint to an appeal route; recorded, the case goes on.
  escalate: stay([...UNRESOLVED.slice(1), ...AFTER_RESOLUTION, 'closed', 'not_taken_up']),
  // A handled case comes back into investigation; a case never handled goes back to the start.
  reopen: {
    ...to([...AFTER_RESOLUTION, 'closed'], 'investigating'),
    ...to(['not_taken_up', 'withdrawn'], 'registered'),
  },
} as const satisfies Record<string, Row>;

export type ActionName = keyof typeof TRANSITIONS;
export const ACTION_NAMES = Object.keys(TRANSITIONS) as ActionName[];

/** The next state, or a coded error when the table has no entry for (state, action). */
export function nextStatus(status: ComplaintStatus, action: ActionName): ComplaintStatus {
  const next = (TRANSITIONS[action] as Row)[status];
  if (!next) {
    throw new DomainError(
      'illegal_transition',
      {
        en: `Action '${action}' is not allowed when the complaint is '${status}'.`,
        nl: `De handeling '${action}' is niet toegestaan als de klacht de status '${status}' heeft.`,
      },
      {
        details: { status, action },
      },
    );
  }
  return next;
}

/** Every action the table allows in a state, in table order. */
export function actionsAllowedIn(status: ComplaintStatus): ActionName[] {
  return ACTION_NAMES.filter((action) => (TRANSITIONS[action] as Row)[status] !== undefined);
}

export const isTerminal = (status: ComplaintStatus): boolean => TERMINAL.includes(status);
export const isUnresolved = (status: ComplaintStatus): boolean => UNRESOLVED.includes(status);
