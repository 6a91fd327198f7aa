/**
 * Steps 1 and 2 on the case page: link the people the reporter mentioned, add involved people, record who
 * delivered the service, classify, and appoint a neutral handler (or another one, with a reason).
 */
import type { User } from '../../../../db/repositories/users.ts';
import { type Complaint, involvedUserIds } from '../../../../domain/complaint.ts';
import {
  type ActionForm,
  activeUserOptions,
  chosen,
  type FieldSpec,
  type FormEnv,
  fieldName,
  type Option,
  optional,
  type Values,
} from './types.ts';

type PersonKind = 'user' | 'third_party' | 'nobody';

/** A person: a user, a third party with contact details, or (for a mention) nobody. Fields `<prefix>-…`. */
function personFields(prefix: string, env: FormEnv, kinds: PersonKind[]): FieldSpec[] {
  const p = env.t.person;
  return [
    {
      kind: 'radio',
      name: `${prefix}-kind`,
      label: p.kind,
      options: kinds.map((k) => ({ value: k, label: p.kinds[k] })),
    },
    {
      kind: 'select',
      name: `${prefix}-userId`,
      label: p.userId,
      hint: p.userIdHint,
      options: activeUserOptions(env.users),
    },
    {
      kind: 'group',
      name: `${prefix}-thirdParty`,
      legend: p.kinds.third_party,
      hint: p.thirdPartyHint,
      fields: [
        { kind: 'text', name: `${prefix}-thirdParty-name`, label: p.name, maxLength: 200 },
        {
          kind: 'text',
          name: `${prefix}-thirdParty-organisation`,
          label: p.organisation,
          optional: true,
          maxLength: 200,
        },
        { kind: 'email', name: `${prefix}-thirdParty-email`, label: p.email, optional: true, maxLength: 254 },
        {
          kind: 'textarea',
          name: `${prefix}-thirdParty-postalAddress`,
          label: p.postalAddress,
          optional: true,
          rows: 3,
          maxLength: 500,
        },
      ],
    },
  ];
}

function personInput(prefix: string, values: Values): Record<string, unknown> {
  const kind = values[`${prefix}-kind`];
  const v = (name: string) => values[`${prefix}-thirdParty-${name}`];
  if (kind === 'user') return { kind, ...chosen('userId', values[`${prefix}-userId`]) };
  if (kind === 'third_party') {
    return {
      kind,
      thirdParty: {
        name: v('name') ?? '',
        ...optional('organisation', v('organisation')),
        ...optional('email', v('email')?.trim()),
        ...optional('postalAddress', v('postalAddress')),
      },
    };
  }
  return kind === 'nobody' ? { kind } : {};
}

/**
 * The schema's union reports every branch that failed: keep only what concerns the kind chosen, so a third
 * party's empty name is not also told as "choose an employee".
 */
function personFieldOf(prefix: string, kinds: PersonKind[], path: string, values: Values): string | null {
  const kind = values[`${prefix}-kind`] as PersonKind | undefined;
  const kindChosen = kind !== undefined && kinds.includes(kind);
  if (path === prefix || path === `${prefix}.kind`) return kindChosen ? null : `${prefix}-kind`;
  if (path === `${prefix}.userId` || path === 'userId') return kind === 'user' ? `${prefix}-userId` : null;
  // 'link.thirdParty' itself is only ever refused by the other branches ("unknown field"): not this choice's problem.
  if (path.startsWith(`${prefix}.thirdParty.`)) return kind === 'third_party' ? fieldName(path) : null;
  return null;
}

/** Why each user can or cannot handle this case (the domain checks again on assignment). */
export function handlerCandidates(complaint: Complaint, users: User[], env: FormEnv) {
  const reasons = env.t.assignHandler.reasons;
  const involved = involvedUserIds(complaint);
  const provider = complaint.involved.find((p) => p.id === complaint.serviceProvidedBy);
  const providerUserId = provider?.kind === 'user' ? provider.userId : null;
  const eligible: Option[] = [];
  const notEligible: { user: User; why: string[] }[] = [];
  for (const user of users) {
    const why = [
      ...(user.id === providerUserId
        ? [reasons.serviceProvider]
        : involved.includes(user.id)
          ? [reasons.involved]
          : []),
      ...(user.id === complaint.handler?.userId ? [reasons.current] : []),
      ...(user.roles.includes('handler') ? [] : [reasons.noRole]),
      ...(user.active ? [] : [reasons.inactive]),
    ];
    if (why.length) notEligible.push({ user, why });
    else eligible.push({ value: user.id, label: `${user.name} (${user.jobTitle})` });
  }
  return { eligible, notEligible };
}

export const assignHandler: ActionForm = {
  name: 'assignHandler',
  intro: (env) => {
    const open = env.complaint.mentions.filter((m) => m.linkedTo === null).map((m) => m.name);
    return [
      env.t.assignHandler.intro,
      ...(open.length ? [env.t.assignHandler.unlinked(open.join(', '))] : []),
    ];
  },
  fields: (env) => [
    {
      kind: 'select',
      name: 'handlerId',
      label: env.t.assignHandler.handlerId,
      options: handlerCandidates(env.complaint, env.users, env).eligible,
    },
  ],
  input: (values) => ({ ...chosen('handlerId', values.handlerId) }),
};

export const reassignHandler: ActionForm = {
  name: 'reassignHandler',
  intro: (env) => [env.t.assignHandler.intro],
  fields: (env) => [
    {
      kind: 'select',
      name: 'handlerId',
      label: env.t.reassignHandler.handlerId,
      options: handlerCandidates(env.complaint, env.users, env).eligible,
    },
    {
      kind: 'textarea',
      name: 'reason',
      label: env.t.reassignHandler.reason,
      hint: env.t.reassignHandler.reasonHint,
      maxLength: 2000,
      rows: 3,
    },
  ],
  input: (values) => ({ ...chosen('handlerId', values.handlerId), reason: values.reason ?? '' }),
};

const MENTION_KINDS: PersonKind[] = ['user', 'third_party', 'nobody'];
const INVOLVED_KINDS: PersonKind[] = ['user', 'third_party'];

export const linkMention: ActionForm = {
  name: 'linkMention',
  intro: (env) => [env.t.linkMention.intro],
  unavailable: (env) =>
    env.complaint.mentions.some((m) => m.linkedTo === null) ? null : env.t.form.nothingToDo,
  fields: (env) => [
    {
      kind: 'select',
      name: 'mentionId',
      label: env.t.linkMention.mentionId,
      options: env.complaint.mentions
        .filter((m) => m.linkedTo === null)
        .map((m) => ({ value: m.id, label: m.name })),
    },
    ...personFields('link', env, MENTION_KINDS),
  ],
  initial: (env) => ({ mentionId: env.query.mention ?? '' }),
  input: (values) => ({ ...chosen('mentionId', values.mentionId), link: personInput('link', values) }),
  fieldOf: (path, values) =>
    path === 'mentionId' ? 'mentionId' : personFieldOf('link', MENTION_KINDS, path, values),
};

export const addInvolvedPerson: ActionForm = {
  name: 'addInvolvedPerson',
  intro: (env) => [env.t.addInvolvedPerson.intro],
  fields: (env) => personFields('person', env, INVOLVED_KINDS),
  input: (values) => ({ person: personInput('person', values) }),
  fieldOf: (path, values) => personFieldOf('person', INVOLVED_KINDS, path, values),
};

export const setServiceProvidedBy: ActionForm = {
  name: 'setServiceProvidedBy',
  unavailable: (env) => (env.complaint.involved.length ? null : env.t.setServiceProvidedBy.noInvolved),
  fields: (env) => [
    {
      kind: 'radio',
      name: 'involvedPersonId',
      label: env.t.setServiceProvidedBy.involvedPersonId,
      options: [
        ...env.complaint.involved.map((p) => ({ value: p.id, label: p.name })),
        { value: 'nobody', label: env.t.setServiceProvidedBy.nobody },
      ],
    },
  ],
  initial: (env) => ({ involvedPersonId: env.complaint.serviceProvidedBy ?? '' }),
  input: (values) =>
    values.involvedPersonId
      ? { involvedPersonId: values.involvedPersonId === 'nobody' ? null : values.involvedPersonId }
      : {},
};

export const setClassification: ActionForm = {
  name: 'setClassification',
  fields: (env) => {
    const t = env.t.setClassification;
    const label = (c: { code: string; label: { nl: string; en: string } }) => ({
      value: c.code,
      label: c.label[env.locale],
    });
    return [
      {
        kind: 'select',
        name: 'category',
        label: t.category,
        optional: true,
        options: env.settings.categories.map(label),
      },
      ...(env.settings.teams.length
        ? [
            {
              kind: 'select',
              name: 'team',
              label: t.team,
              optional: true,
              options: env.settings.teams.map(label),
            } as FieldSpec,
          ]
        : []),
      {
        kind: 'radio',
        name: 'subject',
        label: t.subject,
        options: (['service', 'person', 'product', 'none'] as const).map((s) => ({
          value: s,
          label: t.subjects[s],
        })),
      },
    ];
  },
  initial: (env) => ({
    category: env.complaint.category ?? '',
    team: env.complaint.team ?? '',
    subject: env.complaint.subject ?? 'none',
  }),
  input: (values, env) => ({
    category: values.category || null,
    ...(env.settings.teams.length ? { team: values.team || null } : {}),
    subject: !values.subject || values.subject === 'none' ? null : values.subject,
  }),
};
