/**
 * GET and POST /staff/complaints/<reference>/actions/<slug>: an action's form, and taking the action
 * through the same command as the API (takeAction, which checks the policy and the lifecycle again).
 * Only what the policy offers this user now has a form; a post of anything else is refused (403).
 * Success: 303 back to the case page, saying what was done and which letters went out. Invalid input: 400
 * with the form again. A rule of the regulation: at its field, or in the summary in the rule's own words.
 * The case changed since the form was opened: 409 "changed meanwhile".
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { takeAction } from '../../../commands/take-action.ts';
import type { Action } from '../../../domain/action-schemas.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import { lettersFor } from '../../../domain/letters.ts';
import { actionsOffered, mayTakeAction } from '../../../domain/policy.ts';
import { messagesFor } from '../../../i18n/pages/index.ts';
import { casesMessages } from '../../../i18n/staff/cases.ts';
import { casesActionMessages } from '../../../i18n/staff/cases-actions.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import { validateUploads } from '../../pages/uploads.ts';
import type { FieldError } from '../../pages/validate.ts';
import type { StaffPageContext } from '../context.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { handlerCandidates } from './forms/assignment.ts';
import { actionSlug, formBySlug, formFieldOf, validateForm } from './forms/index.ts';
import type { ActionForm, FieldSpec, FormEnv, Values } from './forms/types.ts';
import { type CaseContext, loadCase } from './load.ts';
import { ActionPage } from './views/ActionPage.tsx';
import { casePath } from './views/case-view.ts';
import { letterInWords } from './views/sections/Files.tsx';

type ActionRequest = FastifyRequest<{
  Params: { reference: string; slug: string };
  Querystring: Record<string, string>;
}>;

const notFound = () =>
  new DomainError('not_found', { en: 'No such action.', nl: 'Deze handeling bestaat niet.' });
const forbidden = () =>
  new DomainError('forbidden', {
    en: 'You may not take this action now.',
    nl: 'U mag deze handeling nu niet doen.',
  });

export function formEnv(ctx: StaffPageContext, kase: CaseContext, query: Values): FormEnv {
  return {
    complaint: kase.complaint,
    relation: kase.relation,
    users: kase.users,
    settings: ctx.organisation.settings,
    calendar: ctx.organisation.calendar,
    locale: ctx.locale,
    t: casesActionMessages[ctx.locale],
    page: casesMessages[ctx.locale],
    common: ctx.t,
    query,
  };
}

/** The version the form was opened with; a form without one can only conflict. */
const expectedVersion = (values: Values): number => {
  const version = Number(values.caseVersion);
  return Number.isInteger(version) ? version : -1;
};

interface Shown {
  values: Values;
  errors: FieldError[];
  formMessage?: string | undefined;
}

function renderAction(
  deps: AppDeps,
  reply: FastifyReply,
  status: number,
  ctx: StaffPageContext,
  env: FormEnv,
  form: ActionForm,
  shown: Shown,
) {
  const { complaint } = env;
  const emails = new Map(env.users.map((u) => [u.id, u.email]));
  const letters = lettersFor(form.name, complaint, (id) => emails.get(id) ?? null).map(
    ({ kind, recipient }) =>
      letterInWords(env.page, {
        kind,
        recipientRole: recipient.role,
        recipientName: recipient.name,
        delivery: recipient.delivery,
      }),
  );
  const notEligible =
    form.name === 'assignHandler' || form.name === 'reassignHandler'
      ? handlerCandidates(complaint, env.users, env).notEligible.map(({ user, why }) => ({
          name: user.name,
          why,
        }))
      : undefined;
  return sendPage(
    reply,
    status,
    createElement(ActionPage, { ctx, env, form, ...shown, letters, notEligible, limits: deps.config }),
  );
}

/**
 * A required choice with a single option (the one mention to link, the one open measure) is made already: the
 * page shows it chosen, and the person only confirms. Optional choices stay empty.
 */
function onlyChoices(fields: FieldSpec[]): Values {
  const chosen: Values = {};
  for (const field of fields) {
    if (field.kind === 'group') Object.assign(chosen, onlyChoices(field.fields));
    else if (
      (field.kind === 'select' || field.kind === 'radio') &&
      !field.optional &&
      field.options.length === 1
    )
      chosen[field.name] = field.options[0]!.value;
  }
  return chosen;
}

/** The values a form's own defaults give, leaving out the empty ones (they would undo a choice made above). */
const filled = (values: Values): Values =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

export async function actionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);

  app.get(
    '/complaints/:reference/actions/:slug',
    { schema: { hide: true } },
    async (request: ActionRequest, reply) => {
      const form = formBySlug(request.params.slug);
      if (!form) throw notFound();
      const ctx = await staffPageContext(deps, request, reply);
      const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
      // Only what the policy offers now has a form (deny by default).
      if (!actionsOffered(kase.complaint, kase.relation, ctx.organisation.settings).includes(form.name))
        throw forbidden();
      const env = formEnv(ctx, kase, request.query ?? {});
      return renderAction(deps, reply, 200, ctx, env, form, {
        values: { ...onlyChoices(form.fields(env)), ...filled(form.initial?.(env) ?? {}) },
        errors: [],
      });
    },
  );

  app.post(
    '/complaints/:reference/actions/:slug',
    { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection },
    async (request: ActionRequest, reply) => {
      const form = formBySlug(request.params.slug);
      if (!form) throw notFound();
      const ctx = await staffPageContext(deps, request, reply);
      const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
      // Refused before anything is read; the command checks the policy again in its transaction.
      if (!mayTakeAction(form.name, kase.relation)) throw forbidden();
      const { fields: values, files, fileProblems } = postedForm(request);
      const env = formEnv(ctx, kase, {});
      const errors = validateForm(form, values, files, env);
      if (form.multipart && (files.length > 0 || fileProblems.length > 0)) {
        errors.push(...(await validateUploads(files, fileProblems, messagesFor(ctx.locale), deps.config)));
      }
      if (errors.length > 0) {
        const status = fileProblems.length > 0 ? 413 : 400;
        return renderAction(deps, reply, status, ctx, env, form, { values, errors: dedupe(errors) });
      }
      const action = { name: form.name, input: form.input(values, env, files) } as Action;
      try {
        const outcome = await takeAction(
          deps,
          kase.complaint.reference,
          action,
          kase.actor,
          expectedVersion(values),
          form.uploads?.(values, files) ?? [],
        );
        const query = new URLSearchParams({ done: actionSlug(form.name), event: String(outcome.eventSeq) });
        return reply.redirect(casePath(kase.complaint.reference, `?${query}`), 303);
      } catch (error) {
        // No access, no such case, or changed meanwhile: the error pages say so (403, 404, 409).
        if (!isDomainError(error) || error.code === 'forbidden' || error.code === 'version_conflict')
          throw error;
        if (error.code === 'not_found' && !error.field) throw error;
        const message = ctx.locale === 'nl' ? error.messageNl : error.message;
        const field = error.field ? formFieldOf(form, env, error.field, values) : null;
        const status = error.code === 'invalid_input' || error.code === 'not_found' ? 400 : 409;
        return renderAction(deps, reply, status, ctx, env, form, {
          values,
          errors: field ? [{ field, message }] : [],
          formMessage: field ? undefined : message,
        });
      }
    },
  );
}

/** One message per field: the first (the page's own check or the schema's) wins. */
function dedupe(errors: FieldError[]): FieldError[] {
  return errors.filter((e, index) => errors.findIndex((other) => other.field === e.field) === index);
}
