/** Every staff action has one form, under its own name, at the API's kebab-case slug. */
import { expect, it } from 'vitest';
import { ACTION_FORMS, formBySlug } from '../../src/http/staff/cases/forms/index.ts';

it('has a form for every action staff take, and none for the reporter’s own', () => {
  expect(Object.keys(ACTION_FORMS)).toEqual([
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
  ]);
  for (const [name, form] of Object.entries(ACTION_FORMS)) expect(form.name).toBe(name);
  expect(formBySlug('record-third-party-agreement')?.name).toBe('recordThirdPartyAgreement');
  expect(formBySlug('add-information')).toBeUndefined();
  expect(formBySlug('answer-survey')).toBeUndefined();
});
