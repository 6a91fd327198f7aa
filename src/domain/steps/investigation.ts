/**
 * Step 4 and the hearing of step 1: the complaint is put to the involved people, each reaction is
 * summarised and agreed by that person in that exact version, and the reporter is offered a hearing.
 * Step 5's judgement closes the investigation.
 */

import { type Applier, guard } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';
import {
  type Complaint,
  hasOpenHearingRequest,
  involvedWithoutAgreedReaction,
  type Reaction,
} from '../complaint.ts';
import { DomainError } from '../errors.ts';

export const startInvestigation: Applier<ActionPayloads['startInvestigation']> = (complaint) => complaint;

/** Shares (or stops sharing) the reporter's contact details with one involved employee. */
export const shareReporterContact: Applier<ActionPayloads['shareReporterContact']> = (complaint, input) => {
  const person = complaint.involved.find((p) => p.id === input.involvedPersonId);
  if (!person) {
    throw new DomainError(
      'not_found',
      { en: 'No such involved person.', nl: 'Deze betrokkene bestaat niet.' },
      { field: 'involvedPersonId' },
    );
  }
  // A third party has no view of the case: whatever they need goes to them by letter.
  guard(
    person.kind === 'user',
    {
      en: 'Contact details can be shared with an involved employee only.',
      nl: 'Contactgegevens kunt u alleen delen met een betrokken medewerker.',
    },
    'involvedPersonId',
  );
  guard(
    Boolean(person.reporterContactShared) !== input.share,
    input.share
      ? {
          en: 'The contact details are shared with this person already.',
          nl: 'De contactgegevens zijn al gedeeld met deze persoon.',
        }
      : {
          en: 'The contact details are not shared with this person.',
          nl: 'De contactgegevens zijn niet gedeeld met deze persoon.',
        },
    'share',
  );
  return {
    ...complaint,
    involved: complaint.involved.map((p) =>
      p.id === person.id ? { ...person, reporterContactShared: input.share } : p,
    ),
  };
};

export const offerHearing: Applier<ActionPayloads['offerHearing']> = (complaint, input, ctx) => {
  if (complaint.reporter.anonymous && input.method !== 'follow_up_page') {
    throw new DomainError(
      'guard_failed',
      {
        en: 'An anonymous reporter can only be reached through the follow-up page.',
        nl: 'Een anonieme melder is alleen bereikbaar via de volgpagina.',
      },
      {
        field: 'method',
      },
    );
  }
  const offer = {
    id: ctx.newId(),
    offeredAt: input.offeredAt ?? ctx.now,
    method: input.method,
    answer: null,
    answeredAt: null,
  };
  return { ...complaint, hearingOffers: [...complaint.hearingOffers, offer] };
};

export const recordHearingAnswer: Applier<ActionPayloads['recordHearingAnswer']> = (
  complaint,
  input,
  ctx,
) => {
  const offer = complaint.hearingOffers.find((o) => o.id === input.hearingOfferId);
  if (!offer)
    throw new DomainError(
      'not_found',
      { en: 'No such hearing offer.', nl: 'Dit aanbod om gehoord te worden bestaat niet.' },
      { field: 'hearingOfferId' },
    );
  return {
    ...complaint,
    hearingOffers: complaint.hearingOffers.map((o) =>
      o === offer ? { ...o, answer: input.answer, answeredAt: ctx.now } : o,
    ),
  };
};

export const recordHearing: Applier<ActionPayloads['recordHearing']> = (complaint, input, ctx) => ({
  ...complaint,
  hearings: [
    ...complaint.hearings,
    { id: ctx.newId(), heldAt: input.heldAt ?? ctx.now, report: input.report.trim() },
  ],
});

function findReaction(complaint: Complaint, involvedPersonId: string): Reaction {
  const reaction = complaint.reactions.find((r) => r.involvedPersonId === involvedPersonId);
  if (!reaction)
    throw new DomainError(
      'not_found',
      { en: 'No reaction recorded for this person.', nl: 'Er is geen reactie van deze persoon vastgelegd.' },
      { field: 'involvedPersonId' },
    );
  return reaction;
}

const replaceReaction = (complaint: Complaint, reaction: Reaction): Complaint => ({
  ...complaint,
  reactions: [
    ...complaint.reactions.filter((r) => r.involvedPersonId !== reaction.involvedPersonId),
    reaction,
  ],
});

export const recordReaction: Applier<ActionPayloads['recordReaction']> = (complaint, input) => {
  if (!complaint.involved.some((p) => p.id === input.involvedPersonId)) {
    throw new DomainError(
      'not_found',
      { en: 'No such involved person.', nl: 'Deze betrokkene bestaat niet.' },
      { field: 'involvedPersonId' },
    );
  }
  const previous = complaint.reactions.find((r) => r.involvedPersonId === input.involvedPersonId);
  // A new version withdraws any earlier agreement: the person agrees to a text, not to a slot.
  return replaceReaction(complaint, {
    involvedPersonId: input.involvedPersonId,
    summary: input.summary.trim(),
    summaryVersion: (previous?.summaryVersion ?? 0) + 1,
    agreedVersion: null,
    agreedAt: null,
    agreementMethod: null,
  });
};

function agree(
  complaint: Complaint,
  involvedPersonId: string,
  version: number,
  at: string,
  method: string | null,
): Complaint {
  const reaction = findReaction(complaint, involvedPersonId);
  guard(
    reaction.summaryVersion === version,
    {
      en: `The summary has changed: agree to version ${reaction.summaryVersion}.`,
      nl: `De samenvatting is gewijzigd: ga akkoord met versie ${reaction.summaryVersion}.`,
    },
    'version',
  );
  return replaceReaction(complaint, {
    ...reaction,
    agreedVersion: version,
    agreedAt: at,
    agreementMethod: method,
  });
}

export const agreeReaction: Applier<ActionPayloads['agreeReaction']> = (complaint, input, ctx) => {
  const person = complaint.involved.find((p) => p.id === input.involvedPersonId);
  // Only the person themselves can agree to the summary of their own reaction.
  if (!person || person.kind !== 'user' || person.userId !== ctx.actor.userId) {
    throw new DomainError('forbidden', {
      en: 'Only the involved person can agree to the summary of their reaction.',
      nl: 'Alleen de betrokkene zelf kan akkoord gaan met de samenvatting van zijn of haar reactie.',
    });
  }
  return agree(complaint, input.involvedPersonId, input.version, ctx.now, null);
};

export const recordThirdPartyAgreement: Applier<ActionPayloads['recordThirdPartyAgreement']> = (
  complaint,
  input,
  ctx,
) => {
  const person = complaint.involved.find((p) => p.id === input.involvedPersonId);
  guard(
    person?.kind === 'third_party',
    {
      en: 'Agreement on behalf of someone is only for third parties without an account.',
      nl: 'Akkoord namens iemand vastleggen kan alleen voor derden zonder account.',
    },
    'involvedPersonId',
  );
  return agree(complaint, input.involvedPersonId, input.version, ctx.now, input.method.trim());
};

export const decide: Applier<ActionPayloads['decide']> = (complaint, input, ctx) => {
  const missing = involvedWithoutAgreedReaction(complaint);
  const hearingOpen = hasOpenHearingRequest(complaint);
  if ((missing.length > 0 || hearingOpen) && !input.overrideReason) {
    const names = missing.map((p) => p.name).join(', ');
    const en = [
      ...(missing.length ? [`no agreed reaction from ${names}`] : []),
      ...(hearingOpen ? ['the reporter asked to be heard and has not been heard yet'] : []),
    ];
    const nl = [
      ...(missing.length ? [`geen akkoord op de reactie van ${names}`] : []),
      ...(hearingOpen ? ['de melder wil gehoord worden en is nog niet gehoord'] : []),
    ];
    throw new DomainError(
      'guard_failed',
      {
        en: `Cannot decide yet: ${en.join('; ')}. Record a reason to decide anyway.`,
        nl: `Nog geen oordeel mogelijk: ${nl.join('; ')}. Leg een reden vast om toch te beslissen.`,
      },
      { field: 'overrideReason' },
    );
  }
  return {
    ...complaint,
    decision: {
      judgement: input.judgement,
      reasons: input.reasons.trim(),
      findings: input.findings.trim(),
      severity: input.severity,
      cause: input.cause.trim(),
      responsibleParty: input.responsibleParty.trim(),
      decidedAt: ctx.now,
      overrideReason: input.overrideReason?.trim() ?? null,
    },
  };
};
