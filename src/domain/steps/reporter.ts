/**
 * What the reporter does through the private follow-up link: add information, ask to be heard (step 1:
 * "De melder wordt in de gelegenheid gesteld om gehoord te worden"), and answer the satisfaction survey
 * after closing. Reacting to an offer and withdrawing reuse the handler's actions (see policy.ts).
 */

import { type Applier, guard } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';

export const addInformation: Applier<ActionPayloads['addInformation']> = (complaint, input, ctx) => ({
  ...complaint,
  reporterMessages: [
    ...complaint.reporterMessages,
    { id: ctx.newId(), at: ctx.now, text: input.text.trim() },
  ],
});

/** A request from the reporter is an accepted hearing offer: it stays open until a hearing is held. */
export const requestHearing: Applier<ActionPayloads['requestHearing']> = (complaint, _input, ctx) => ({
  ...complaint,
  hearingOffers: [
    ...complaint.hearingOffers,
    {
      id: ctx.newId(),
      offeredAt: ctx.now,
      method: 'follow_up_page',
      answer: 'accepted',
      answeredAt: ctx.now,
    },
  ],
});

export const answerSurvey: Applier<ActionPayloads['answerSurvey']> = (complaint, input, ctx) => {
  guard(
    !complaint.survey,
    { en: 'The survey has already been answered.', nl: 'De vragenlijst is al ingevuld.' },
    'survey',
  );
  const comment = input.comment?.trim();
  return {
    ...complaint,
    survey: {
      handledWell: input.handledWell,
      onTime: input.onTime,
      comment: comment ? comment : null,
      answeredAt: ctx.now,
    },
  };
};
