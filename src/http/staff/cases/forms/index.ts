/**
 * Every staff action's form, by action name and by the slug of its page
 * (/staff/complaints/<reference>/actions/<slug>, the API's kebab-case), and the check of a posted form
 * against the action's schema (ACTION_SCHEMAS, the API's own), with each problem at its form field.
 */
import type { Upload } from '../../../../commands/take-action.ts';
import { ACTION_SCHEMAS } from '../../../../domain/action-schemas.ts';
import { actionSlug } from '../../../pages/follow-up-actions.ts';
import { type FieldError, orderErrors, schemaProblems } from '../../../pages/validate.ts';
import {
  acknowledge,
  addAttachment,
  extendResolutionTerm,
  notTakeUp,
  recordSummary,
} from './acknowledgement.ts';
import {
  addInvolvedPerson,
  assignHandler,
  linkMention,
  reassignHandler,
  setClassification,
  setServiceProvidedBy,
} from './assignment.ts';
import {
  close,
  completePreventiveMeasure,
  decidePreventiveMeasures,
  escalate,
  evaluatePreventiveMeasure,
  recordNoPreventiveMeasures,
  reopen,
  sendFinalReport,
  withdraw,
} from './closing.ts';
import {
  agreeReaction,
  decide,
  offerHearing,
  recordHearing,
  recordHearingAnswer,
  recordReaction,
  recordThirdPartyAgreement,
  shareReporterContact,
  startInvestigation,
} from './investigation.ts';
import {
  addAgreedMeasure,
  completeAgreedMeasure,
  decideNoFurtherStep,
  makeOffer,
  recordOfferAccepted,
  recordOfferRejected,
  sendFindings,
  sendWrittenConfirmation,
  startNewInvestigation,
} from './resolution.ts';
import {
  type ActionForm,
  type FormEnv,
  fieldName,
  fieldNames,
  type StaffActionName,
  type Values,
} from './types.ts';

/** Each form under its action's name (a test checks that every form names the action it is listed under). */
export const ACTION_FORMS: Record<StaffActionName, ActionForm> = {
  assignHandler,
  reassignHandler,
  linkMention,
  addInvolvedPerson,
  setServiceProvidedBy,
  shareReporterContact,
  setClassification,
  addAttachment,
  recordSummary,
  acknowledge,
  offerHearing,
  recordHearingAnswer,
  recordHearing,
  startInvestigation,
  recordReaction,
  agreeReaction,
  recordThirdPartyAgreement,
  decide,
  makeOffer,
  recordOfferAccepted,
  recordOfferRejected,
  startNewInvestigation,
  decideNoFurtherStep,
  sendWrittenConfirmation,
  sendFindings,
  addAgreedMeasure,
  completeAgreedMeasure,
  sendFinalReport,
  decidePreventiveMeasures,
  recordNoPreventiveMeasures,
  completePreventiveMeasure,
  evaluatePreventiveMeasure,
  close,
  notTakeUp,
  withdraw,
  extendResolutionTerm,
  escalate,
  reopen,
};

export { actionSlug };

const BY_SLUG = new Map<string, ActionForm>(
  Object.values(ACTION_FORMS).map((form) => [actionSlug(form.name), form]),
);

export const formBySlug = (slug: string): ActionForm | undefined => BY_SLUG.get(slug);

export const isStaffAction = (name: string): name is StaffActionName => name in ACTION_FORMS;

/**
 * The form field an error path belongs to: the form's own mapping, else the path's field name when the form
 * has that field; null when no field of this form can show it (it goes to the summary at the top).
 */
export function formFieldOf(form: ActionForm, env: FormEnv, path: string, values: Values): string | null {
  if (form.fieldOf) return form.fieldOf(path, values);
  const name = fieldName(path);
  return fieldNames(form.fields(env)).includes(name) ? name : null;
}

/** The problems of a posted form: the form's own checks first, then the schema's, one per field, in form order. */
export function validateForm(form: ActionForm, values: Values, files: Upload[], env: FormEnv): FieldError[] {
  const errors: FieldError[] = [...(form.check?.(values, env, files) ?? [])];
  const problems = schemaProblems(ACTION_SCHEMAS[form.name], form.input(values, env, files), env.locale);
  for (const { path, message } of problems) {
    const field = formFieldOf(form, env, path, values);
    if (field) errors.push({ field, message });
  }
  const order = fieldNames(form.fields(env));
  // A problem no field can show still stops the action: it is told at the first field.
  if (problems.length > 0 && errors.length === 0)
    errors.push({ field: order[0] ?? 'form', message: problems[0]!.message });
  return orderErrors(errors, order);
}
