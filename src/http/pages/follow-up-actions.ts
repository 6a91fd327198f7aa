/**
 * What the reporter can do on the follow-up page: the reporter's actions of the policy table, each at
 * `/follow-up/<token>/<slug>`, with the form's fields turned into the action's input and checked by the same
 * schema as the API (ACTION_SCHEMAS).
 */
import { ACTION_SCHEMAS, type Action } from '../../domain/action-schemas.ts';
import type { ActionName } from '../../domain/lifecycle.ts';
import { REPORTER_ACTIONS } from '../../domain/policy.ts';
import type { PageLocale, PageMessages } from '../../i18n/pages/index.ts';
import { type FieldError, orderErrors, schemaProblems } from './validate.ts';

export type ReporterAction =
  | 'addInformation'
  | 'requestHearing'
  | 'recordOfferAccepted'
  | 'recordOfferRejected'
  | 'withdraw'
  | 'answerSurvey';

/** `recordOfferAccepted` → `record-offer-accepted`, as in the API. */
export const actionSlug = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Slug → action, for every reporter action the pages have a form for. */
export const PAGE_ACTIONS: ReadonlyMap<string, ReporterAction> = new Map(
  (REPORTER_ACTIONS as ActionName[]).map((name) => [actionSlug(name), name as ReporterAction]),
);

export const FOLLOW_UP_FIELDS = [
  'text',
  'attachments',
  'reaction',
  'reason',
  'confirm',
  'handledWell',
  'onTime',
  'comment',
] as const;

const optional = (name: string, value: string | undefined) =>
  value !== undefined && value.trim() !== '' ? { [name]: value } : {};

/** The page has two forms with a `reaction` field: the second one's id is `field-reaction-rejected`. */
export const fieldIdName = (action: ReporterAction, field: string): string =>
  action === 'recordOfferRejected' && field === 'reaction' ? 'reaction-rejected' : field;

/** The action's input from the posted fields; blank optional texts are left out, as the schema wants. */
export function actionInput(name: ReporterAction, fields: Record<string, string>): Record<string, unknown> {
  switch (name) {
    case 'addInformation':
      return { text: fields.text ?? '' };
    case 'requestHearing':
      return {};
    case 'recordOfferAccepted':
    case 'recordOfferRejected':
      return optional('reaction', fields.reaction);
    case 'withdraw':
      return optional('reason', fields.reason);
    case 'answerSurvey':
      return {
        ...optional('handledWell', fields.handledWell),
        ...optional('onTime', fields.onTime),
        ...optional('comment', fields.comment),
      };
  }
}

export function toAction(name: ReporterAction, input: Record<string, unknown>): Action {
  return { name, input } as Action;
}

/** The problems with the posted fields, at the form's fields (which carry the schema's names). */
export function validateAction(
  name: ReporterAction,
  fields: Record<string, string>,
  locale: PageLocale,
  t: PageMessages,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { path, message } of schemaProblems(ACTION_SCHEMAS[name], actionInput(name, fields), locale)) {
    const field = path.split('.')[0] ?? path;
    if (field === 'text' && (fields.text ?? '').trim() === '')
      errors.push({ field, message: t.followUp.errors.textEmpty });
    else if (field === 'handledWell' || field === 'onTime')
      errors.push({ field, message: t.followUp.errors.choose });
    else errors.push({ field, message });
  }
  if (name === 'withdraw' && !fields.confirm)
    errors.push({ field: 'confirm', message: t.followUp.errors.confirmMissing });
  return orderErrors(errors, FOLLOW_UP_FIELDS).map((e) => ({ ...e, field: fieldIdName(name, e.field) }));
}
