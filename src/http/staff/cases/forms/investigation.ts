/**
 * The hearing of step 1 and the investigation of step 4 on the case page: offer a hearing and record the
 * answer, record hearings and contact moments, put the complaint to the involved people, summarise their
 * reactions and have them agreed, and decide (step 5's judgement closes the investigation).
 */
import {
  hasOpenHearingRequest,
  involvedWithoutAgreedReaction,
  isReactionAgreed,
} from '../../../../domain/complaint.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import {
  type ActionForm,
  amsterdamInstant,
  chosen,
  dateTimeProblem,
  type FormEnv,
  noteField,
  type Option,
  optional,
} from './types.ts';

const CONTACT_METHODS = ['phone', 'in_person', 'email', 'letter', 'follow_up_page'] as const;
const contactOptions = (env: FormEnv): Option[] =>
  CONTACT_METHODS.map((m) => ({ value: m, label: env.page.contactMethods[m] }));

export const offerHearing: ActionForm = {
  name: 'offerHearing',
  fields: (env) => [
    { kind: 'radio', name: 'method', label: env.t.offerHearing.method, options: contactOptions(env) },
    {
      kind: 'datetime',
      name: 'offeredAt',
      label: env.t.offerHearing.offeredAt,
      hint: env.t.offerHearing.offeredAtHint,
      optional: true,
    },
  ],
  initial: () => ({ method: 'phone' }),
  input: (values) => {
    const offeredAt = amsterdamInstant(values.offeredAt);
    return { ...chosen('method', values.method), ...(offeredAt ? { offeredAt } : {}) };
  },
  check: (values, env) => dateTimeProblem('offeredAt', values, env.t.form.invalidDateTime),
};

export const recordHearingAnswer: ActionForm = {
  name: 'recordHearingAnswer',
  unavailable: (env) =>
    env.complaint.hearingOffers.some((o) => o.answer === null) ? null : env.t.recordHearingAnswer.none,
  fields: (env) => {
    const t = env.t.recordHearingAnswer;
    return [
      {
        kind: 'select',
        name: 'hearingOfferId',
        label: t.hearingOfferId,
        options: env.complaint.hearingOffers
          .filter((o) => o.answer === null)
          .map((o) => ({
            value: o.id,
            label: t.offer(env.page.contactMethods[o.method], formatDateTime(env.common, o.offeredAt)),
          })),
      },
      {
        kind: 'radio',
        name: 'answer',
        label: t.answer,
        options: (['accepted', 'declined', 'no_answer'] as const).map((a) => ({
          value: a,
          label: t.answers[a],
        })),
      },
    ];
  },
  initial: (env) => ({
    hearingOfferId: env.complaint.hearingOffers.filter((o) => o.answer === null).at(-1)?.id ?? '',
  }),
  input: (values) => ({
    ...chosen('hearingOfferId', values.hearingOfferId),
    ...chosen('answer', values.answer),
  }),
};

export const recordHearing: ActionForm = {
  name: 'recordHearing',
  fields: (env) => [
    {
      kind: 'datetime',
      name: 'heldAt',
      label: env.t.recordHearing.heldAt,
      hint: env.t.recordHearing.heldAtHint,
      optional: true,
    },
    {
      kind: 'textarea',
      name: 'report',
      label: env.t.recordHearing.report,
      hint: env.t.recordHearing.reportHint,
      maxLength: 10_000,
      rows: 6,
    },
  ],
  input: (values) => {
    const heldAt = amsterdamInstant(values.heldAt);
    return { ...(heldAt ? { heldAt } : {}), report: values.report ?? '' };
  },
  check: (values, env) => dateTimeProblem('heldAt', values, env.t.form.invalidDateTime),
};

export const startInvestigation: ActionForm = {
  name: 'startInvestigation',
  inline: true,
  intro: (env) => {
    const names = env.complaint.involved.map((p) => p.name);
    return [
      names.length ? env.t.startInvestigation.intro(names.join(', ')) : env.t.startInvestigation.noInvolved,
    ];
  },
  fields: (env) => [noteField(env.t.startInvestigation.note)],
  input: (values) => optional('note', values.note),
};

export const recordReaction: ActionForm = {
  name: 'recordReaction',
  unavailable: (env) => (env.complaint.involved.length ? null : env.t.recordReaction.noInvolved),
  fields: (env) => [
    {
      kind: 'select',
      name: 'involvedPersonId',
      label: env.t.recordReaction.involvedPersonId,
      options: env.complaint.involved.map((p) => ({ value: p.id, label: p.name })),
    },
    {
      kind: 'textarea',
      name: 'summary',
      label: env.t.recordReaction.summary,
      hint: env.t.recordReaction.summaryHint,
      maxLength: 10_000,
      rows: 6,
    },
  ],
  // A link from a reaction on the case page opens the form with that person and the current summary.
  initial: (env) => {
    const person = env.query.person ?? '';
    const reaction = env.complaint.reactions.find((r) => r.involvedPersonId === person);
    return { involvedPersonId: person, summary: reaction?.summary ?? '' };
  },
  input: (values) => ({
    ...chosen('involvedPersonId', values.involvedPersonId),
    summary: values.summary ?? '',
  }),
};

/** The involved person's own reaction (an involved user has one entry on a case). */
const ownReaction = (env: FormEnv) =>
  env.complaint.reactions.find((r) => env.relation.involvedPersonIds.includes(r.involvedPersonId));

export const agreeReaction: ActionForm = {
  name: 'agreeReaction',
  inline: true,
  intro: (env) => {
    const reaction = ownReaction(env);
    return reaction
      ? [env.t.agreeReaction.intro, env.page.reactions.version(reaction.summaryVersion), reaction.summary]
      : [];
  },
  unavailable: (env) => {
    const reaction = ownReaction(env);
    if (!reaction) return env.t.agreeReaction.none;
    return isReactionAgreed(reaction) ? env.t.agreeReaction.already : null;
  },
  fields: () => [
    { kind: 'hidden', name: 'involvedPersonId', label: '' },
    { kind: 'hidden', name: 'version', label: '' },
  ],
  initial: (env) => {
    const reaction = ownReaction(env);
    return {
      involvedPersonId: reaction?.involvedPersonId ?? '',
      version: String(reaction?.summaryVersion ?? ''),
    };
  },
  input: (values) => ({
    ...chosen('involvedPersonId', values.involvedPersonId),
    ...(values.version && /^\d{1,9}$/.test(values.version) ? { version: Number(values.version) } : {}),
  }),
  submit: (env) => env.t.agreeReaction.submit,
};

/** Step 4: the reporter's contact details for one involved employee, or no longer. */
export const shareReporterContact: ActionForm = {
  name: 'shareReporterContact',
  intro: (env) => [env.t.shareReporterContact.intro],
  unavailable: (env) =>
    env.complaint.involved.some((p) => p.kind === 'user') ? null : env.t.shareReporterContact.noEmployees,
  fields: (env) => {
    const t = env.t.shareReporterContact;
    return [
      {
        kind: 'radio',
        name: 'involvedPersonId',
        label: t.involvedPersonId,
        options: env.complaint.involved.flatMap((p) =>
          p.kind === 'user'
            ? [{ value: p.id, label: p.reporterContactShared ? t.sharedNow(p.name) : p.name }]
            : [],
        ),
      },
      {
        kind: 'radio',
        name: 'share',
        label: t.share,
        options: [
          { value: 'yes', label: t.shareYes },
          { value: 'no', label: t.shareNo },
        ],
      },
    ];
  },
  initial: (env) => {
    const employees = env.complaint.involved.filter((p) => p.kind === 'user');
    return { involvedPersonId: employees.length === 1 ? employees[0]!.id : '', share: 'yes' };
  },
  input: (values) => ({
    ...chosen('involvedPersonId', values.involvedPersonId),
    ...(values.share === 'yes' || values.share === 'no' ? { share: values.share === 'yes' } : {}),
  }),
};

export const recordThirdPartyAgreement: ActionForm = {
  name: 'recordThirdPartyAgreement',
  unavailable: (env) => (waitingThirdParties(env).length ? null : env.t.recordThirdPartyAgreement.none),
  fields: (env) => [
    {
      kind: 'select',
      name: 'reaction',
      label: env.t.recordThirdPartyAgreement.reaction,
      options: waitingThirdParties(env),
    },
    {
      kind: 'textarea',
      name: 'method',
      label: env.t.recordThirdPartyAgreement.method,
      hint: env.t.recordThirdPartyAgreement.methodHint,
      maxLength: 1000,
      rows: 2,
    },
  ],
  // One choice names the person and the version of the summary they agreed to.
  input: (values) => {
    const [involvedPersonId, version] = (values.reaction ?? '').split('@');
    return {
      ...chosen('involvedPersonId', involvedPersonId),
      ...(version && /^\d{1,9}$/.test(version) ? { version: Number(version) } : {}),
      method: values.method ?? '',
    };
  },
  fieldOf: (path) => (path === 'method' ? 'method' : 'reaction'),
};

function waitingThirdParties(env: FormEnv): Option[] {
  return env.complaint.reactions.flatMap((r) => {
    const person = env.complaint.involved.find((p) => p.id === r.involvedPersonId);
    if (person?.kind !== 'third_party' || isReactionAgreed(r)) return [];
    return [
      {
        value: `${r.involvedPersonId}@${r.summaryVersion}`,
        label: env.t.recordThirdPartyAgreement.reactionOption(person.name, r.summaryVersion),
      },
    ];
  });
}

export const decide: ActionForm = {
  name: 'decide',
  fields: (env) => {
    const t = env.t.decide;
    const d = env.page.decision;
    const missing = involvedWithoutAgreedReaction(env.complaint).map((p) => p.name);
    const needed = [
      ...(missing.length ? [t.noAgreement(missing.join(', '))] : []),
      ...(hasOpenHearingRequest(env.complaint) ? [t.hearingOpen] : []),
    ];
    return [
      {
        kind: 'radio',
        name: 'judgement',
        label: t.judgement,
        options: (['well_founded', 'partly_well_founded', 'unfounded'] as const).map((j) => ({
          value: j,
          label: d.judgements[j],
        })),
      },
      { kind: 'textarea', name: 'reasons', label: t.reasons, maxLength: 10_000, rows: 5 },
      {
        kind: 'textarea',
        name: 'findings',
        label: t.findings,
        hint: t.findingsHint,
        maxLength: 10_000,
        rows: 5,
      },
      {
        kind: 'radio',
        name: 'severity',
        label: t.severity,
        options: (['low', 'medium', 'high'] as const).map((s) => ({ value: s, label: d.severities[s] })),
      },
      { kind: 'textarea', name: 'cause', label: t.cause, maxLength: 2000, rows: 3 },
      { kind: 'text', name: 'responsibleParty', label: t.responsibleParty, maxLength: 500 },
      {
        kind: 'textarea',
        name: 'overrideReason',
        label: t.overrideReason,
        hint: needed.length ? t.overrideNeeded(needed.join('; ')) : t.overrideHint,
        optional: needed.length === 0,
        maxLength: 2000,
        rows: 3,
      },
    ];
  },
  input: (values) => ({
    ...chosen('judgement', values.judgement),
    reasons: values.reasons ?? '',
    findings: values.findings ?? '',
    ...chosen('severity', values.severity),
    cause: values.cause ?? '',
    responsibleParty: values.responsibleParty ?? '',
    ...optional('overrideReason', values.overrideReason),
  }),
};
