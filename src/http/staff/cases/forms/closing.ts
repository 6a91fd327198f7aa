/**
 * Steps 6 to 9 and the side paths on the case page: the final report, preventive measures (decided, done,
 * evaluated, also after closing), closing, an appeal or escalation, withdrawal on the reporter's behalf, and
 * reopening.
 */
import { appealRoutesFor } from '../../../../domain/follow-up.ts';
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
} from './types.ts';

export const sendFinalReport: ActionForm = {
  name: 'sendFinalReport',
  inline: true,
  intro: (env) => [env.t.sendFinalReport.intro],
  fields: (env) => [noteField(env.t.sendFinalReport.note)],
  input: (values) => optional('note', values.note),
};

const PREVENTIVE_ROW = ['description', 'ownerId', 'consulted', 'dueDate'] as const;

export const decidePreventiveMeasures: ActionForm = {
  name: 'decidePreventiveMeasures',
  fields: (env) => {
    const t = env.t.decidePreventiveMeasures;
    return rowGroups('measures', env.t.form.measure, env.t.form.measuresHint, (row) => [
      {
        kind: 'textarea',
        name: rowField('measures', row, 'description'),
        label: t.description,
        maxLength: 2000,
        rows: 2,
      },
      {
        kind: 'select',
        name: rowField('measures', row, 'ownerId'),
        label: t.ownerId,
        options: activeUserOptions(env.users),
      },
      {
        kind: 'text',
        name: rowField('measures', row, 'consulted'),
        label: t.consulted,
        hint: t.consultedHint,
        maxLength: 500,
      },
      { kind: 'date', name: rowField('measures', row, 'dueDate'), label: t.dueDate, short: true },
    ]);
  },
  input: (values) => ({
    measures: usedRows('measures', PREVENTIVE_ROW, values).map((row) => {
      const v = (field: string) => values[rowField('measures', row, field)] ?? '';
      return {
        description: v('description'),
        ...chosen('ownerId', v('ownerId')),
        consulted: v('consulted'),
        ...chosen('dueDate', v('dueDate').trim()),
      };
    }),
  }),
  fieldOf: (path, values) => rowFieldOf('measures', PREVENTIVE_ROW, 'description', path, values),
};

export const recordNoPreventiveMeasures: ActionForm = {
  name: 'recordNoPreventiveMeasures',
  fields: (env) => [
    {
      kind: 'textarea',
      name: 'reason',
      label: env.t.recordNoPreventiveMeasures.reason,
      maxLength: 2000,
      rows: 4,
    },
  ],
  input: (values) => ({ reason: values.reason ?? '' }),
};

const preventiveOptions = (env: FormEnv, done: boolean): Option[] =>
  env.complaint.preventiveMeasures
    .filter((m) => Boolean(m.doneAt) === done)
    .map((m) => ({
      value: m.id,
      label: `${m.description} (${userName(env.users, m.ownerUserId)}, ${m.dueDate})`,
    }));

export const completePreventiveMeasure: ActionForm = {
  name: 'completePreventiveMeasure',
  inline: true,
  unavailable: (env) => (preventiveOptions(env, false).length ? null : env.t.completePreventiveMeasure.none),
  fields: (env) => [
    {
      kind: 'select',
      name: 'measureId',
      label: env.t.completePreventiveMeasure.measureId,
      options: preventiveOptions(env, false),
    },
  ],
  initial: (env) => ({ measureId: env.query.measure ?? '' }),
  input: (values) => chosen('measureId', values.measureId),
};

export const evaluatePreventiveMeasure: ActionForm = {
  name: 'evaluatePreventiveMeasure',
  unavailable: (env) => (preventiveOptions(env, true).length ? null : env.t.evaluatePreventiveMeasure.none),
  fields: (env) => {
    const t = env.t.evaluatePreventiveMeasure;
    return [
      { kind: 'select', name: 'measureId', label: t.measureId, options: preventiveOptions(env, true) },
      {
        kind: 'radio',
        name: 'effective',
        label: t.effective,
        options: (['yes', 'no'] as const).map((v) => ({ value: v, label: t.effectives[v] })),
      },
      { kind: 'textarea', name: 'note', label: t.note, maxLength: 2000, rows: 3 },
    ];
  },
  initial: (env) => ({ measureId: env.query.measure ?? '' }),
  input: (values) => ({
    ...chosen('measureId', values.measureId),
    ...(values.effective === 'yes' || values.effective === 'no'
      ? { effective: values.effective === 'yes' }
      : {}),
    note: values.note ?? '',
  }),
};

export const close: ActionForm = {
  name: 'close',
  intro: (env) => {
    const open = env.complaint.agreedMeasures.filter((m) => !m.doneAt).map((m) => m.description);
    return open.length ? [env.t.close.openMeasures(open.join('; '))] : [];
  },
  fields: (env) => {
    const open = env.complaint.agreedMeasures.some((m) => !m.doneAt);
    return [
      {
        kind: 'textarea',
        name: 'reason',
        label: env.t.close.reason,
        hint: env.t.close.reasonHint,
        optional: !open,
        maxLength: 2000,
        rows: 3,
      },
    ];
  },
  input: (values) => optional('reason', values.reason),
};

export const escalate: ActionForm = {
  name: 'escalate',
  fields: (env) => [
    {
      kind: 'select',
      name: 'route',
      label: env.t.escalate.route,
      // In the regulation's order, for this complaint's trajectory (step 9).
      options: appealRoutesFor(env.complaint, env.settings).map(({ route }) => ({
        value: route.code,
        label: route.label[env.locale],
      })),
    },
    noteField(env.t.escalate.note),
  ],
  input: (values) => ({ ...chosen('route', values.route), ...optional('note', values.note) }),
};

export const withdraw: ActionForm = {
  name: 'withdraw',
  intro: (env) => [env.t.withdraw.intro],
  fields: (env) => [
    {
      kind: 'textarea',
      name: 'reason',
      label: env.t.withdraw.reason,
      optional: true,
      maxLength: 2000,
      rows: 3,
    },
    { kind: 'checkbox', name: 'confirm', label: env.t.withdraw.confirm },
  ],
  input: (values) => optional('reason', values.reason),
  check: (values, env) =>
    values.confirm ? [] : [{ field: 'confirm', message: env.t.withdraw.confirmMissing }],
};

export const reopen: ActionForm = {
  name: 'reopen',
  fields: (env) => [
    { kind: 'textarea', name: 'reason', label: env.t.reopen.reason, maxLength: 2000, rows: 3 },
  ],
  input: (values) => ({ reason: values.reason ?? '' }),
};
