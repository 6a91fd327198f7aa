/**
 * Step 3 on the case page: the short summary that letters quote, the acknowledgement (the letter, or a copy
 * sent outside the system and attached), not taking a complaint up, the optional extension of the term;
 * and attachments, which go through the same attachment store and limits as the public form.
 */
import type { ActionForm } from './types.ts';
import { chosen, noteField, optional } from './types.ts';

export const recordSummary: ActionForm = {
  name: 'recordSummary',
  fields: (env) => [
    {
      kind: 'textarea',
      name: 'summary',
      label: env.t.recordSummary.summary,
      hint: env.t.recordSummary.summaryHint,
      maxLength: 2000,
      rows: 5,
    },
  ],
  initial: (env) => ({ summary: env.complaint.summary ?? '' }),
  input: (values) => ({ summary: values.summary ?? '' }),
};

export const acknowledge: ActionForm = {
  name: 'acknowledge',
  multipart: true,
  fields: (env) => {
    const t = env.t.acknowledge;
    return [
      {
        kind: 'radio',
        name: 'how',
        label: t.how,
        options: [
          { value: 'letter', label: t.hows.letter },
          { value: 'outside', label: t.hows.outside },
        ],
      },
      { kind: 'file', name: 'attachments', label: t.attachments, hint: t.attachmentsHint },
      noteField(t.note),
    ];
  },
  initial: () => ({ how: 'letter' }),
  input: (values) => ({
    ...optional('note', values.note),
    ...(values.how === 'outside' ? { sentOutsideSystem: true } : {}),
  }),
  check: (values, env, files) => {
    if (values.how !== 'letter' && values.how !== 'outside')
      return [{ field: 'how', message: env.t.form.required }];
    if (values.how === 'outside' && files.length === 0)
      return [{ field: 'attachments', message: env.t.acknowledge.copyMissing }];
    return [];
  },
  // The copy of an acknowledgement sent elsewhere is stored with the acknowledgement, in one transaction.
  uploads: (values, files) => (values.how === 'outside' ? files : []),
};

export const notTakeUp: ActionForm = {
  name: 'notTakeUp',
  fields: (env) => [
    {
      kind: 'select',
      name: 'ground',
      label: env.t.notTakeUp.ground,
      options: env.settings.nonAdmissionGrounds.map((g) => ({ value: g.code, label: g.label[env.locale] })),
    },
    {
      kind: 'textarea',
      name: 'motivation',
      label: env.t.notTakeUp.motivation,
      hint: env.t.notTakeUp.motivationHint,
      maxLength: 10_000,
      rows: 6,
    },
  ],
  input: (values) => ({ ...chosen('ground', values.ground), motivation: values.motivation ?? '' }),
};

export const extendResolutionTerm: ActionForm = {
  name: 'extendResolutionTerm',
  intro: (env) => [env.t.extendResolutionTerm.intro],
  fields: (env) => [
    {
      kind: 'number',
      name: 'workingDays',
      label: env.t.extendResolutionTerm.workingDays,
      hint: env.t.extendResolutionTerm.workingDaysHint(env.settings.terms.extension.maxWorkingDays),
      short: true,
    },
    { kind: 'textarea', name: 'reason', label: env.t.extendResolutionTerm.reason, maxLength: 2000, rows: 3 },
  ],
  input: (values) => {
    const days = (values.workingDays ?? '').trim();
    // A whole number goes to the schema as a number; anything else as typed, so the schema names the field.
    return {
      ...(days === '' ? {} : { workingDays: /^\d{1,6}$/.test(days) ? Number(days) : days }),
      reason: values.reason ?? '',
    };
  },
};

export const addAttachment: ActionForm = {
  name: 'addAttachment',
  multipart: true,
  fields: (env) => [{ kind: 'file', name: 'attachments', label: env.t.addAttachment.attachments }],
  // The first file is the action's input (as the API sends it); the others are stored with it.
  input: (_values, _env, files) => {
    const first = files[0];
    return first ? { filename: first.filename, contentBase64: first.content.toString('base64') } : {};
  },
  fieldOf: () => 'attachments',
  check: (_values, env, files) =>
    files.length ? [] : [{ field: 'attachments', message: env.t.form.atLeastOneFile }],
  uploads: (_values, files) => files.slice(1),
};
