import { describe, expect, it } from 'vitest';
import type { Action, ActionPayloads } from '../../src/domain/action-schemas.ts';
import { applyAction } from '../../src/domain/apply-action.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import {
  ACTION_NAMES,
  type ActionName,
  actionsAllowedIn,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  isTerminal,
  isUnresolved,
  nextStatus,
} from '../../src/domain/lifecycle.ts';
import { createWorld, deepFreeze, domainErrorOf } from './fixtures.ts';

// Written out by hand from the regulation's steps, not derived from TRANSITIONS.
const STATUSES: ComplaintStatus[] = [
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
];

const ACTIONS: ActionName[] = [
  'assignHandler',
  'reassignHandler',
  'linkMention',
  'addInvolvedPerson',
  'setServiceProvidedBy',
  'shareReporterContact',
  'setClassification',
  'addAttachment',
  'recordSummary',
  'acknowledge',
  'offerHearing',
  'recordHearingAnswer',
  'recordHearing',
  'startInvestigation',
  'recordReaction',
  'agreeReaction',
  'recordThirdPartyAgreement',
  'decide',
  'makeOffer',
  'recordOfferAccepted',
  'recordOfferRejected',
  'startNewInvestigation',
  'decideNoFurtherStep',
  'sendWrittenConfirmation',
  'sendFindings',
  'addAgreedMeasure',
  'completeAgreedMeasure',
  'sendFinalReport',
  'decidePreventiveMeasures',
  'recordNoPreventiveMeasures',
  'completePreventiveMeasure',
  'evaluatePreventiveMeasure',
  'close',
  'notTakeUp',
  'withdraw',
  'extendResolutionTerm',
  'escalate',
  'reopen',
  'addInformation',
  'requestHearing',
  'answerSurvey',
];

/** For every status, exactly the actions that may be taken in it. */
const ALLOWED: Record<ComplaintStatus, ActionName[]> = {
  registered: [
    'assignHandler',
    'linkMention',
    'addInvolvedPerson',
    'setServiceProvidedBy',
    'shareReporterContact',
    'setClassification',
    'addAttachment',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'notTakeUp',
    'withdraw',
    'extendResolutionTerm',
    'addInformation',
    'requestHearing',
  ],
  handler_assigned: [
    'reassignHandler',
    'linkMention',
    'addInvolvedPerson',
    'setServiceProvidedBy',
    'shareReporterContact',
    'setClassification',
    'addAttachment',
    'recordSummary',
    'acknowledge',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'notTakeUp',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  acknowledged: [
    'reassignHandler',
    'linkMention',
    'addInvolvedPerson',
    'setServiceProvidedBy',
    'shareReporterContact',
    'setClassification',
    'addAttachment',
    'recordSummary',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'startInvestigation',
    'notTakeUp',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  investigating: [
    'reassignHandler',
    'linkMention',
    'addInvolvedPerson',
    'setServiceProvidedBy',
    'shareReporterContact',
    'setClassification',
    'addAttachment',
    'recordSummary',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'recordReaction',
    'agreeReaction',
    'recordThirdPartyAgreement',
    'decide',
    'notTakeUp',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  decided: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'makeOffer',
    'sendFindings',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  offer_made: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'recordOfferAccepted',
    'recordOfferRejected',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  offer_accepted: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'sendWrittenConfirmation',
    'addAgreedMeasure',
    'completeAgreedMeasure',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  offer_rejected: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'offerHearing',
    'recordHearingAnswer',
    'recordHearing',
    'makeOffer',
    'startNewInvestigation',
    'decideNoFurtherStep',
    'withdraw',
    'extendResolutionTerm',
    'escalate',
    'addInformation',
    'requestHearing',
  ],
  resolved: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'addAgreedMeasure',
    'completeAgreedMeasure',
    'sendFinalReport',
    'escalate',
    'reopen',
    'addInformation',
  ],
  reported: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'addAgreedMeasure',
    'completeAgreedMeasure',
    'decidePreventiveMeasures',
    'recordNoPreventiveMeasures',
    'escalate',
    'reopen',
    'addInformation',
  ],
  prevention_decided: [
    'reassignHandler',
    'setClassification',
    'addAttachment',
    'addAgreedMeasure',
    'completeAgreedMeasure',
    'completePreventiveMeasure',
    'evaluatePreventiveMeasure',
    'close',
    'escalate',
    'reopen',
    'addInformation',
  ],
  closed: [
    'answerSurvey',
    'completeAgreedMeasure',
    'completePreventiveMeasure',
    'evaluatePreventiveMeasure',
    'escalate',
    'reopen',
  ],
  not_taken_up: ['escalate', 'reopen'],
  withdrawn: ['reopen'],
};

/** Every transition that changes the status: [from, action, to]. Every other allowed pair stays put. */
// biome-ignore format: one transition a line
const MOVES: [ComplaintStatus, ActionName, ComplaintStatus][] = [
  // step 2
  ['registered', 'assignHandler', 'handler_assigned'],
  // step 3
  ['handler_assigned', 'acknowledge', 'acknowledged'],
  // step 4
  ['acknowledged', 'startInvestigation', 'investigating'],
  // step 5: judgement, offer, reaction
  ['investigating', 'decide', 'decided'],
  ['decided', 'makeOffer', 'offer_made'],
  ['offer_made', 'recordOfferAccepted', 'offer_accepted'],
  ['offer_made', 'recordOfferRejected', 'offer_rejected'],
  // step 5: an unsatisfied reporter — new offer, new investigation, or neither
  ['offer_rejected', 'makeOffer', 'offer_made'],
  ['offer_rejected', 'startNewInvestigation', 'investigating'],
  ['offer_rejected', 'decideNoFurtherStep', 'resolved'],
  // resolution: written confirmation, or the findings without an offer
  ['offer_accepted', 'sendWrittenConfirmation', 'resolved'],
  ['decided', 'sendFindings', 'resolved'],
  // step 6, 7
  ['resolved', 'sendFinalReport', 'reported'],
  ['reported', 'decidePreventiveMeasures', 'prevention_decided'],
  ['reported', 'recordNoPreventiveMeasures', 'prevention_decided'],
  ['prevention_decided', 'close', 'closed'],
  // step 3: not taken up, before a decision
  ['registered', 'notTakeUp', 'not_taken_up'],
  ['handler_assigned', 'notTakeUp', 'not_taken_up'],
  ['acknowledged', 'notTakeUp', 'not_taken_up'],
  ['investigating', 'notTakeUp', 'not_taken_up'],
  // withdrawal, any time before resolution
  ['registered', 'withdraw', 'withdrawn'],
  ['handler_assigned', 'withdraw', 'withdrawn'],
  ['acknowledged', 'withdraw', 'withdrawn'],
  ['investigating', 'withdraw', 'withdrawn'],
  ['decided', 'withdraw', 'withdrawn'],
  ['offer_made', 'withdraw', 'withdrawn'],
  ['offer_accepted', 'withdraw', 'withdrawn'],
  ['offer_rejected', 'withdraw', 'withdrawn'],
  // reopening: a handled case goes back to investigation, a case never handled back to the start
  ['resolved', 'reopen', 'investigating'],
  ['reported', 'reopen', 'investigating'],
  ['prevention_decided', 'reopen', 'investigating'],
  ['closed', 'reopen', 'investigating'],
  ['not_taken_up', 'reopen', 'registered'],
  ['withdrawn', 'reopen', 'registered'],
];

// Typed on their own: inside the one big literal below, tsc 7.0.2 sometimes resolves the contact-method and
// corrective-kind unions (built with `.map(Type.Literal)` in action-schemas.ts) to `never`.
const OFFER_HEARING: ActionPayloads['offerHearing'] = { method: 'phone' };
const MAKE_OFFER: ActionPayloads['makeOffer'] = {
  method: 'phone',
  measures: [{ kind: 'redress', description: 'Excuses' }],
};
const AGREED_MEASURE: ActionPayloads['addAgreedMeasure'] = {
  kind: 'correction',
  description: 'Herstel',
  ownerId: 'u-h1',
  dueDate: '2026-06-30',
};

const SURVEY: ActionPayloads['answerSurvey'] = { handledWell: 'yes', onTime: 'yes' };

/** A schema-valid input for every action; only used where the lifecycle must refuse before the step runs. */
const SAMPLE_INPUTS: ActionPayloads = {
  assignHandler: { handlerId: 'u-h1' },
  reassignHandler: { handlerId: 'u-h2', reason: 'Ziek' },
  linkMention: { mentionId: 'm-1', link: { kind: 'nobody' } },
  addInvolvedPerson: { person: { kind: 'user', userId: 'u-emp' } },
  setServiceProvidedBy: { involvedPersonId: null },
  setClassification: { category: 'service' },
  addAttachment: { filename: 'brief.pdf', contentBase64: 'JVBERi0=' },
  recordSummary: { summary: 'Afspraak niet nagekomen' },
  acknowledge: {},
  offerHearing: OFFER_HEARING,
  recordHearingAnswer: { hearingOfferId: 'h-1', answer: 'accepted' },
  recordHearing: { report: 'Gehoord' },
  startInvestigation: {},
  recordReaction: { involvedPersonId: 'p-1', summary: 'Reactie' },
  agreeReaction: { involvedPersonId: 'p-1', version: 1 },
  recordThirdPartyAgreement: { involvedPersonId: 'p-1', version: 1, method: 'per e-mail' },
  shareReporterContact: { involvedPersonId: 'p-1', share: true },
  decide: {
    judgement: 'unfounded',
    reasons: 'r',
    findings: 'f',
    severity: 'low',
    cause: 'c',
    responsibleParty: 'team',
  },
  makeOffer: MAKE_OFFER,
  recordOfferAccepted: {},
  recordOfferRejected: {},
  startNewInvestigation: { reason: 'Nieuw feit' },
  decideNoFurtherStep: { reason: 'Uitgezocht' },
  sendWrittenConfirmation: {},
  sendFindings: {},
  addAgreedMeasure: AGREED_MEASURE,
  completeAgreedMeasure: { measureId: 'am-1' },
  sendFinalReport: {},
  decidePreventiveMeasures: {
    measures: [{ description: 'Training', ownerId: 'u-qm', consulted: 'Teamleider', dueDate: '2026-09-01' }],
  },
  recordNoPreventiveMeasures: { reason: 'Eenmalig' },
  completePreventiveMeasure: { measureId: 'pm-1' },
  evaluatePreventiveMeasure: { measureId: 'pm-1', effective: true, note: 'Werkt' },
  close: {},
  notTakeUp: { ground: 'not_about_us', motivation: 'Gaat over een andere organisatie' },
  withdraw: {},
  extendResolutionTerm: { workingDays: 5, reason: 'Ziekte' },
  escalate: { route: 'national_ombudsman' },
  reopen: { reason: 'Nieuwe informatie' },
  addInformation: { text: 'Nog iets' },
  requestHearing: {},
  answerSurvey: SURVEY,
};

const sampleAction = (name: ActionName): Action => ({ name, input: SAMPLE_INPUTS[name] }) as Action;

const nextOf = (from: ComplaintStatus, action: ActionName): ComplaintStatus | undefined =>
  MOVES.find(([f, a]) => f === from && a === action)?.[2];

describe('the transition table', () => {
  it('knows exactly these statuses and actions', () => {
    expect([...COMPLAINT_STATUSES]).toEqual(STATUSES);
    expect(new Set(ACTION_NAMES)).toEqual(new Set(ACTIONS));
    expect(ACTION_NAMES).toHaveLength(41);
  });

  it.each(STATUSES)('allows exactly the listed actions in %s', (status) => {
    expect(new Set(actionsAllowedIn(status))).toEqual(new Set(ALLOWED[status]));
    expect(actionsAllowedIn(status)).toHaveLength(ALLOWED[status].length);
  });

  it('every move in the literal list is allowed by the literal matrix (self-check of this test)', () => {
    for (const [from, action] of MOVES) expect(ALLOWED[from]).toContain(action);
  });

  it.each(MOVES)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('every other allowed action records without changing the status', () => {
    const stays: string[] = [];
    for (const status of STATUSES) {
      for (const action of ALLOWED[status]) {
        if (nextOf(status, action) === undefined) {
          expect(nextStatus(status, action), `${status} × ${action}`).toBe(status);
          stays.push(`${status}:${action}`);
        }
      }
    }
    // 165 allowed pairs in the matrix (15+18+18+21+13+13+14+14+9+10+11+6+2+1), of which 34 are moves.
    expect(stays).toHaveLength(165 - 34);
  });

  it('refuses every pair that is not in the matrix with illegal_transition', () => {
    let refused = 0;
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        if (ALLOWED[status].includes(action)) continue;
        const error = domainErrorOf(() => nextStatus(status, action));
        expect(error.code, `${status} × ${action}`).toBe('illegal_transition');
        expect(error.details).toEqual({ status, action });
        refused++;
      }
    }
    expect(refused).toBe(14 * 41 - 165);
  });

  it('terminal and unresolved statuses', () => {
    expect(STATUSES.filter(isTerminal)).toEqual(['closed', 'not_taken_up', 'withdrawn']);
    expect(STATUSES.filter(isUnresolved)).toEqual([
      'registered',
      'handler_assigned',
      'acknowledged',
      'investigating',
      'decided',
      'offer_made',
      'offer_accepted',
      'offer_rejected',
    ]);
  });
});

describe('applyAction refuses illegal transitions without touching the complaint', () => {
  const world = createWorld().at('2026-04-30T10:00:00+02:00');
  const base = world.register(
    { description: 'Mijn jobcoach kwam niet opdagen.' },
    { receivedAt: '2026-04-30T09:00:00+02:00' },
  );
  const inStatus = (status: ComplaintStatus): Complaint => ({ ...structuredClone(base), status });

  it.each(STATUSES)('in %s', (status) => {
    const complaint = inStatus(status);
    const snapshot = structuredClone(complaint);
    deepFreeze(complaint);
    for (const action of ACTIONS) {
      if (ALLOWED[status].includes(action)) continue;
      const error = domainErrorOf(() => applyAction(complaint, sampleAction(action), world.ctx()));
      expect(error.code, `${status} × ${action}`).toBe('illegal_transition');
      expect(error.details).toEqual({ status, action });
    }
    expect(complaint).toEqual(snapshot);
  });

  it('reports the fromStatus of a legal transition and leaves the input as it was', () => {
    const complaint = deepFreeze(inStatus('registered'));
    const result = applyAction(
      complaint,
      { name: 'setClassification', input: { category: 'coaching' } },
      world.ctx(),
    );
    expect(result.fromStatus).toBe('registered');
    expect(result.complaint.status).toBe('registered');
    expect(result.complaint.category).toBe('coaching');
    expect(complaint.category).toBeNull();
  });
});
