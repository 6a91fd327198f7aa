/**
 * Steps 1 and 2: the mentions become involved people, and a neutral handler is appointed.
 * "Diegene die de klacht afhandelt is nooit de medewerker die de dienst heeft verleend."
 */

import { type ActionContext, type Applier, guard, requireUser } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';
import { assertHandlerNeutral, type Complaint, type InvolvedPerson } from '../complaint.ts';
import { DomainError } from '../errors.ts';

type PersonInput = ActionPayloads['addInvolvedPerson']['person'];

function toInvolved(
  person: PersonInput,
  mentionId: string | null,
  ctx: ActionContext,
  field: string,
): InvolvedPerson {
  const id = ctx.newId();
  if (person.kind === 'user') {
    const user = requireUser(ctx, person.userId, `${field}.userId`);
    return { id, kind: 'user', userId: user.id, name: user.name, mentionId };
  }
  const { name, organisation, email, postalAddress } = person.thirdParty;
  // The final report must reach "alle betrokkenen": a third party needs an address of some kind.
  guard(
    email || postalAddress,
    {
      en: 'A third party needs an email or postal address.',
      nl: 'Een derde heeft een e-mailadres of postadres nodig.',
    },
    `${field}.thirdParty.email`,
  );
  return {
    id,
    kind: 'third_party',
    mentionId,
    name,
    organisation: organisation ?? null,
    email: email ?? null,
    postalAddress: postalAddress ?? null,
  };
}

/** Adds an involved person, refusing a duplicate user and re-checking the handler's neutrality. */
function withInvolved(complaint: Complaint, person: InvolvedPerson): Complaint {
  if (
    person.kind === 'user' &&
    complaint.involved.some((p) => p.kind === 'user' && p.userId === person.userId)
  ) {
    throw new DomainError(
      'invalid_input',
      { en: 'This user is already involved.', nl: 'Deze gebruiker is al betrokken.' },
      { field: 'userId' },
    );
  }
  const next = { ...complaint, involved: [...complaint.involved, person] };
  if (complaint.handler) assertHandlerNeutral(next, complaint.handler.userId);
  return next;
}

function assign(
  complaint: Complaint,
  handlerId: string,
  reason: string | null,
  ctx: ActionContext,
): Complaint {
  const user = requireUser(ctx, handlerId, 'handlerId');
  guard(
    user.roles.includes('handler'),
    {
      en: 'The chosen user does not have the handler role.',
      nl: 'De gekozen gebruiker heeft de rol behandelaar niet.',
    },
    'handlerId',
  );
  assertHandlerNeutral(complaint, user.id);
  const handler = { userId: user.id, name: user.name, jobTitle: user.jobTitle, assignedAt: ctx.now, reason };
  return { ...complaint, handler, handlerHistory: [...complaint.handlerHistory, handler] };
}

export const linkMention: Applier<ActionPayloads['linkMention']> = (complaint, input, ctx) => {
  const mention = complaint.mentions.find((m) => m.id === input.mentionId);
  if (!mention)
    throw new DomainError(
      'not_found',
      { en: 'No such mention.', nl: 'Deze vermelding bestaat niet.' },
      { field: 'mentionId' },
    );
  guard(
    mention.linkedTo === null,
    { en: 'This mention is already linked.', nl: 'Deze vermelding is al gekoppeld.' },
    'mentionId',
  );
  if (input.link.kind === 'nobody') {
    return {
      ...complaint,
      mentions: complaint.mentions.map((m) => (m === mention ? { ...m, linkedTo: 'nobody' } : m)),
    };
  }
  const person = toInvolved(input.link, mention.id, ctx, 'link');
  const next = withInvolved(complaint, person);
  return {
    ...next,
    mentions: next.mentions.map((m) =>
      m.id === mention.id ? { ...m, linkedTo: { involvedPersonId: person.id } } : m,
    ),
  };
};

export const addInvolvedPerson: Applier<ActionPayloads['addInvolvedPerson']> = (complaint, input, ctx) =>
  withInvolved(complaint, toInvolved(input.person, null, ctx, 'person'));

export const setServiceProvidedBy: Applier<ActionPayloads['setServiceProvidedBy']> = (complaint, input) => {
  if (input.involvedPersonId !== null && !complaint.involved.some((p) => p.id === input.involvedPersonId)) {
    throw new DomainError(
      'not_found',
      { en: 'No such involved person.', nl: 'Deze betrokkene bestaat niet.' },
      { field: 'involvedPersonId' },
    );
  }
  // Whoever delivered the service is an involved person, so neutrality is already checked on linking.
  return { ...complaint, serviceProvidedBy: input.involvedPersonId };
};

export const setClassification: Applier<ActionPayloads['setClassification']> = (complaint, input, ctx) => {
  if (input.category && !ctx.settings.categories.some((c) => c.code === input.category)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown category '${input.category}'.`, nl: `Onbekende categorie '${input.category}'.` },
      { field: 'category' },
    );
  }
  if (input.team && !ctx.settings.teams.some((t) => t.code === input.team)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown team '${input.team}'.`, nl: `Onbekend team '${input.team}'.` },
      { field: 'team' },
    );
  }
  return {
    ...complaint,
    category: input.category === undefined ? complaint.category : input.category,
    team: input.team === undefined ? complaint.team : input.team,
    subject: input.subject === undefined ? complaint.subject : input.subject,
  };
};

export const assignHandler: Applier<ActionPayloads['assignHandler']> = (complaint, input, ctx) => {
  const unlinked = complaint.mentions
    .filter((m) => m.linkedTo === null)
    .map((m) => m.name)
    .join(', ');
  guard(
    unlinked === '',
    {
      en: `Link every person the reporter mentioned before assigning a handler (open: ${unlinked}).`,
      nl: `Koppel eerst iedereen die de melder noemt voordat u een behandelaar toewijst (nog open: ${unlinked}).`,
    },
    'mentions',
  );
  return assign(complaint, input.handlerId, null, ctx);
};

export const reassignHandler: Applier<ActionPayloads['reassignHandler']> = (complaint, input, ctx) => {
  guard(
    complaint.handler,
    { en: 'There is no handler to replace.', nl: 'Er is geen behandelaar om te vervangen.' },
    'handlerId',
  );
  guard(
    complaint.handler.userId !== input.handlerId,
    { en: 'This user is already the handler.', nl: 'Deze gebruiker is al de behandelaar.' },
    'handlerId',
  );
  return assign(complaint, input.handlerId, input.reason, ctx);
};
