/**
 * GET /follow-up/<token>: the reporter's page. POST /follow-up/<token>/<action>: one of the reporter's
 * actions, redirected (303) back with `?done=<action>`; invalid input re-renders the page with 400 and the
 * posted form's errors; an action the case no longer allows re-renders with 409 and says so.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { loadOrganisation } from '../../../commands/context.ts';
import { complaintForToken, takeReporterAction } from '../../../commands/follow-up.ts';
import { listLetters } from '../../../db/repositories/letters.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { presentForReporter } from '../../api/presenters.ts';
import type { AppDeps } from '../../app.ts';
import {
  actionInput,
  fieldIdName,
  PAGE_ACTIONS,
  type ReporterAction,
  toAction,
  validateAction,
} from '../follow-up-actions.ts';
import { formReader, postedForm } from '../form-data.ts';
import { pageContext, sendPage } from '../render.ts';
import { validateUploads } from '../uploads.ts';
import type { FieldError } from '../validate.ts';
import { FollowUpPage } from '../views/FollowUpPage.tsx';
import { unknownLink, validToken } from './tokens.ts';

interface FollowUpRender {
  status: number;
  done?: ReporterAction | undefined;
  failed?: ReporterAction | undefined;
  errors?: FieldError[];
  values?: Record<string, string>;
  problem?: 'notNow';
}

async function renderFollowUp(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  options: FollowUpRender,
) {
  const complaint = await complaintForToken(deps.db.kysely, token, deps.now());
  const { settings } = await loadOrganisation(deps.db.kysely);
  const ctx = await pageContext(deps, request, reply, { fallback: complaint.reporter.language });
  const f = ctx.t.followUp;
  return sendPage(
    reply,
    options.status,
    createElement(FollowUpPage, {
      state: {
        ctx,
        view: presentForReporter(
          complaint,
          settings,
          await listLetters(deps.db.kysely, complaint.id, { reporterOnly: true }),
        ),
        token,
        csrfToken: reply.generateCsrf(),
        failed: options.failed,
        errors: options.errors ?? [],
        values: options.values ?? {},
      },
      limits: deps.config,
      done: options.done ? f.done[options.done] : undefined,
      problem: options.problem ? f.errors[options.problem] : undefined,
    }),
  );
}

type TokenRequest = FastifyRequest<{ Params: { token: string }; Querystring: { done?: string } }>;

export async function followUpRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);

  // As the API: a person reloads a page now and then; nobody needs more than one a second.
  app.get(
    '/follow-up/:token',
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request: TokenRequest, reply) => {
      const { token } = request.params;
      if (!validToken(token)) throw unknownLink();
      const done = PAGE_ACTIONS.get(String(request.query.done ?? ''));
      return renderFollowUp(deps, request, reply, token, { status: 200, done });
    },
  );

  for (const [slug, name] of PAGE_ACTIONS) {
    app.post(
      `/follow-up/:token/${slug}`,
      {
        schema: { hide: true },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        preValidation: readForm,
        preHandler: app.csrfProtection,
      },
      async (request: TokenRequest, reply) => {
        const { token } = request.params;
        if (!validToken(token)) throw unknownLink();
        const form = postedForm(request);
        const ctx = await pageContext(deps, request, reply);
        const uploads = name === 'addInformation' ? form.files : [];
        const errors = validateAction(name, form.fields, ctx.locale, ctx.t);
        if (name === 'addInformation')
          errors.push(...(await validateUploads(form.files, form.fileProblems, ctx.t, deps.config)));
        const failed = { failed: name, values: form.fields };
        if (errors.length > 0) {
          const status = form.fileProblems.length > 0 ? 413 : 400;
          return renderFollowUp(deps, request, reply, token, { status, errors, ...failed });
        }
        try {
          await takeReporterAction(deps, token, toAction(name, actionInput(name, form.fields)), uploads);
        } catch (error) {
          if (!isDomainError(error) || error.code === 'not_found' || error.code === 'link_expired')
            throw error;
          if (error.code === 'invalid_input' && error.field) {
            const message = ctx.locale === 'nl' ? error.messageNl : error.message;
            const field = fieldIdName(name, error.field.split('.')[0] ?? error.field);
            return renderFollowUp(deps, request, reply, token, {
              status: 400,
              errors: [{ field, message }],
              ...failed,
            });
          }
          // The case moved on (another tab, the handler): say so, and show how it stands now.
          return renderFollowUp(deps, request, reply, token, { status: 409, problem: 'notNow', ...failed });
        }
        return reply.redirect(`/follow-up/${token}?done=${slug}`, 303);
      },
    );
  }
}
