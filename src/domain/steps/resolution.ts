/**
 * Step 5: corrective measures. The handler offers them by phone, records the reporter's satisfaction and
 * confirms in writing; an unsatisfied reporter leads to a new investigation, a new offer, or neither (then
 * the findings go out with the appeal routes). Step 4's findings without an offer also resolve the case.
 */

import { type Applier, guard, requireUser } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';
import { type Complaint, latestOffer } from '../complaint.ts';
import { DomainError } from '../errors.ts';

export const makeOffer: Applier<ActionPayloads['makeOffer']> = (complaint, input, ctx) => {
  guard(
    complaint.decision,
    {
      en: 'Decide on the complaint before making an offer.',
      nl: 'Beoordeel de klacht voordat u een aanbod doet.',
    },
    'decision',
  );
  // "De klachtbehandelaar doet telefonisch het aanbod": any other way needs a recorded reason.
  guard(
    input.method === 'phone' || input.phoneSkippedReason,
    {
      en: 'Record why the offer is not made by phone.',
      nl: 'Leg vast waarom het aanbod niet telefonisch wordt gedaan.',
    },
    'phoneSkippedReason',
  );
  if (complaint.reporter.anonymous) {
    guard(
      input.method === 'follow_up_page',
      {
        en: 'An anonymous reporter can only be reached through the follow-up page.',
        nl: 'Een anonieme melder is alleen bereikbaar via de volgpagina.',
      },
      'method',
    );
  }
  const offer = {
    id: ctx.newId(),
    madeAt: ctx.now,
    method: input.method,
    phoneSkippedReason: input.phoneSkippedReason?.trim() ?? null,
    measures: input.measures.map((m) => ({ kind: m.kind, description: m.description.trim() })),
    satisfied: null,
    reaction: null,
    respondedAt: null,
  };
  // After an unsatisfied reaction, the handler's choice for a new offer is recorded beside the other choices.
  const afterRejection =
    complaint.status === 'offer_rejected'
      ? [
          ...complaint.afterRejection,
          { choice: 'new_offer' as const, reason: input.reason?.trim() ?? null, at: ctx.now },
        ]
      : complaint.afterRejection;
  return { ...complaint, offers: [...complaint.offers, offer], afterRejection };
};

function respond(
  complaint: Complaint,
  satisfied: boolean,
  reaction: string | undefined,
  at: string,
): Complaint {
  const offer = latestOffer(complaint);
  guard(
    offer && offer.satisfied === null,
    { en: 'There is no offer waiting for a reaction.', nl: 'Er is geen aanbod dat op een reactie wacht.' },
    'offer',
  );
  const answered = { ...offer, satisfied, reaction: reaction?.trim() ?? null, respondedAt: at };
  return { ...complaint, offers: [...complaint.offers.slice(0, -1), answered] };
}

export const recordOfferAccepted: Applier<ActionPayloads['recordOfferAccepted']> = (complaint, input, ctx) =>
  respond(complaint, true, input.reaction, ctx.now);

export const recordOfferRejected: Applier<ActionPayloads['recordOfferRejected']> = (complaint, input, ctx) =>
  respond(complaint, false, input.reaction, ctx.now);

export const startNewInvestigation: Applier<ActionPayloads['startNewInvestigation']> = (
  complaint,
  input,
  ctx,
) => ({
  ...complaint,
  // The earlier decision stays in the history; the new investigation ends in a new one.
  decision: null,
  afterRejection: [
    ...complaint.afterRejection,
    { choice: 'new_investigation', reason: input.reason.trim(), at: ctx.now },
  ],
});

export const decideNoFurtherStep: Applier<ActionPayloads['decideNoFurtherStep']> = (
  complaint,
  input,
  ctx,
) => ({
  ...complaint,
  afterRejection: [
    ...complaint.afterRejection,
    { choice: 'no_further_step', reason: input.reason.trim(), at: ctx.now },
  ],
  // The findings go out with the appeal routes (step 9); they close the resolution term.
  findingsSentAt: ctx.now,
  resolvedAt: ctx.now,
});

export const sendWrittenConfirmation: Applier<ActionPayloads['sendWrittenConfirmation']> = (
  complaint,
  _input,
  ctx,
) => ({
  ...complaint,
  writtenConfirmationSentAt: ctx.now,
  resolvedAt: ctx.now,
});

export const sendFindings: Applier<ActionPayloads['sendFindings']> = (complaint, _input, ctx) => ({
  ...complaint,
  findingsSentAt: ctx.now,
  resolvedAt: ctx.now,
});

export const addAgreedMeasure: Applier<ActionPayloads['addAgreedMeasure']> = (complaint, input, ctx) => {
  const owner = requireUser(ctx, input.ownerId, 'ownerId');
  const measure = {
    id: ctx.newId(),
    kind: input.kind,
    description: input.description.trim(),
    ownerUserId: owner.id,
    dueDate: input.dueDate,
    doneAt: null,
  };
  return { ...complaint, agreedMeasures: [...complaint.agreedMeasures, measure] };
};

export const completeAgreedMeasure: Applier<ActionPayloads['completeAgreedMeasure']> = (
  complaint,
  input,
  ctx,
) => {
  const measure = complaint.agreedMeasures.find((m) => m.id === input.measureId);
  if (!measure)
    throw new DomainError(
      'not_found',
      { en: 'No such agreed measure.', nl: 'Deze afgesproken maatregel bestaat niet.' },
      { field: 'measureId' },
    );
  guard(
    !measure.doneAt,
    { en: 'This measure is already done.', nl: 'Deze maatregel is al uitgevoerd.' },
    'measureId',
  );
  return {
    ...complaint,
    agreedMeasures: complaint.agreedMeasures.map((m) => (m === measure ? { ...m, doneAt: ctx.now } : m)),
  };
};
