/**
 * Step 5 on the case page: offer corrective measures (by phone unless a reason is given), record the
 * reporter's reaction and satisfaction, and after an unsatisfied reaction a new investigation, a new offer or
 * no further step; the written confirmation or the findings; and the agreed measures of step 8.
 */

import { rowField, rowFieldOf, rowGroups, usedRows } from './rows.ts';
import {
  type ActionForm,
  activeUserOptions,
  chosen,
  type FormEnv,
  noteField,
  type Option,
  optional,
  userName,
  type Values,
} from './types.ts';

const KINDS = ['correction', 'redress', 'replacement_service'] as const;
const kindOptions = (env: FormEnv): Option[] =>
  KINDS.map((k) => ({ value: k, label: env.page.correctiveKinds[k] }));
const OFFER_ROW = ['kind', 'description'] as const;

export const makeOffer: ActionForm = {
  name: 'makeOffer',
  fields: (env) => {
    const t = env.t.makeOffer;
    return [
      {
        kind: 'radio',
        name: 'method',
        label: t.method,
        hint: t.methodHint,
        options: (['phone', 'in_person', 'email', 'letter', 'follow_up_page'] as const).map((m) => ({
          value: m,
          label: env.page.contactMethods[m],
        })),
      },
      {
        kind: 'textarea',
        name: 'phoneSkippedReason',
        label: t.phoneSkippedReason,
        hint: t.phoneSkippedReasonHint,
        optional: true,
        maxLength: 2000,
        rows: 2,
      },
      ...(env.complaint.status === 'offer_rejected'
        ? [
            {
              kind: 'textarea' as const,
              name: 'reason',
              label: t.reason,
              optional: true,
              maxLength: 2000,
              rows: 2,
            },
          ]
        : []),
      ...rowGroups('measures', env.t.form.measure, env.t.form.measuresHint, (row) => [
        { kind: 'select', name: rowField('measures', row, 'kind'), label: t.kind, options: kindOptions(env) },
        {
          kind: 'textarea',
          name: rowField('measures', row, 'description'),
          label: t.description,
          maxLength: 2000,
          rows: 2,
        },
      ]),
    ];
  },
  // "De klachtbehandelaar doet telefonisch het aanbod"; an anonymous reporter is reached on the follow-up page.
  initial: (env) => ({ method: env.complaint.reporter.anonymous ? 'follow_up_page' : 'phone' }),
  input: (values: Values) => ({
    ...chosen('method', values.method),
    ...optional('phoneSkippedReason', values.phoneSkippedReason),
    ...optional('reason', values.reason),
    measures: usedRows('measures', OFFER_ROW, values).map((row) => ({
      ...chosen('kind', values[rowField('measures', row, 'kind')]),
      description: values[rowField('measures', row, 'description')] ?? '',
    })),
  }),
  fieldOf: (path, values) =>
    path.startsWith('measures')
      ? rowFieldOf('measures', OFFER_ROW, 'description', path, values)
      : ['method', 'phoneSkippedReason', 'reason'].includes(path)
        ? path
        : null,
};

const reactionForm = (name: 'recordOfferAccepted' | 'recordOfferRejected'): ActionForm => ({
  name,
  fields: (env) => [
    {
      kind: 'textarea',
      name: 'reaction',
      label: env.t[name].reaction,
      optional: true,
      maxLength: 4000,
      rows: 4,
    },
  ],
  input: (values) => optional('reaction', values.reaction),
});
export const recordOfferAccepted = reactionForm('recordOfferAccepted');
export const recordOfferRejected = reactionForm('recordOfferRejected');

const reasonForm = (
  name: 'startNewInvestigation' | 'decideNoFurtherStep',
  maxLength: number,
): ActionForm => ({
  name,
  ...(name === 'decideNoFurtherStep' ? { intro: (env: FormEnv) => [env.t.decideNoFurtherStep.intro] } : {}),
  fields: (env) => [{ kind: 'textarea', name: 'reason', label: env.t[name].reason, maxLength, rows: 4 }],
  input: (values) => ({ reason: values.reason ?? '' }),
});
export const startNewInvestigation = reasonForm('startNewInvestigation', 2000);
export const decideNoFurtherStep = reasonForm('decideNoFurtherStep', 4000);

const sendForm = (name: 'sendWrittenConfirmation' | 'sendFindings'): ActionForm => ({
  name,
  inline: true,
  intro: (env) => [env.t[name].intro],
  fields: (env) => [noteField(env.t[name].note)],
  input: (values) => optional('note', values.note),
});
export const sendWrittenConfirmation = sendForm('sendWrittenConfirmation');
export const sendFindings = sendForm('sendFindings');

export const addAgreedMeasure: ActionForm = {
  name: 'addAgreedMeasure',
  fields: (env) => {
    const t = env.t.addAgreedMeasure;
    return [
      { kind: 'select', name: 'kind', label: t.kind, options: kindOptions(env) },
      { kind: 'textarea', name: 'description', label: t.description, maxLength: 2000, rows: 3 },
      { kind: 'select', name: 'ownerId', label: t.ownerId, options: activeUserOptions(env.users) },
      { kind: 'date', name: 'dueDate', label: t.dueDate, short: true },
    ];
  },
  input: (values) => ({
    ...chosen('kind', values.kind),
    description: values.description ?? '',
    ...chosen('ownerId', values.ownerId),
    ...chosen('dueDate', values.dueDate?.trim()),
  }),
};

const openAgreedMeasures = (env: FormEnv): Option[] =>
  env.complaint.agreedMeasures
    .filter((m) => !m.doneAt)
    .map((m) => ({
      value: m.id,
      label: `${m.description} (${userName(env.users, m.ownerUserId)}, ${m.dueDate})`,
    }));

export const completeAgreedMeasure: ActionForm = {
  name: 'completeAgreedMeasure',
  inline: true,
  unavailable: (env) => (openAgreedMeasures(env).length ? null : env.t.completeAgreedMeasure.none),
  fields: (env) => [
    {
      kind: 'select',
      name: 'measureId',
      label: env.t.completeAgreedMeasure.measureId,
      options: openAgreedMeasures(env),
    },
  ],
  initial: (env) => ({ measureId: env.query.measure ?? '' }),
  input: (values) => chosen('measureId', values.measureId),
};
