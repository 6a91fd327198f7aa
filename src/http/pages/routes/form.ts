/**
 * GET / shows the improvement form; POST / submits it (multipart/form-data, without JavaScript). A language
 * switch re-renders it in the other language with everything typed; errors re-render it with 400; success
 * redirects (303) to the confirmation page. A failure stores nothing: registration is one transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { REPORTER } from '../../../commands/context.ts';
import { registerComplaint } from '../../../commands/register-complaint.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { isPageLocale, type PageLocale } from '../../../i18n/pages/index.ts';
import type { AppDeps } from '../../app.ts';
import type { PageContext } from '../context.ts';
import { newDecoyToken } from '../decoys.ts';
import { formReader, postedForm } from '../form-data.ts';
import {
  formFieldOf,
  INTAKE_FIELDS,
  type IntakeValues,
  intakeValues,
  toPublicIntake,
  validateIntake,
} from '../intake-form.ts';
import { rememberLocale } from '../locale.ts';
import { pageContext, renderPage, sendHtml, sendPage } from '../render.ts';
import { attachmentRules, validateUploads } from '../uploads.ts';
import { type FieldError, orderErrors } from '../validate.ts';
import { FormPage } from '../views/FormPage.tsx';

export interface FormRender {
  status: number;
  locale?: PageLocale | undefined;
  values?: IntakeValues;
  errors?: FieldError[];
  formMessage?: string | undefined;
  filesChosen?: boolean;
}

/**
 * The blank form is the same document for every visitor of a language under one settings version, but for its
 * CSRF token: rendered once with a placeholder for the token, which each request fills in. Rendering it anew
 * cost most of the form page's time (docs/performance.md). Keyed by the settings object, which stays the same
 * object while its version is in force (loadOrganisationOf), so a settings change renders afresh.
 */
const blankForms = new WeakMap<object, Map<string, string>>();
const TOKEN_PLACEHOLDER = 'csrf-token-placeholder-4f6c2a9e';

async function sendBlankForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const ctx = await pageContext(deps, request, reply);
  let forms = blankForms.get(ctx.settings);
  if (!forms) {
    forms = new Map();
    blankForms.set(ctx.settings, forms);
  }
  const key = `${ctx.locale}|${ctx.path}`;
  let html = forms.get(key);
  if (html === undefined) {
    html = renderPage(formPage(deps, ctx, { status: 200 }, TOKEN_PLACEHOLDER));
    forms.set(key, html);
  }
  // A token is URL-safe base64 text; escaped all the same, as React would have.
  const token = reply.generateCsrf().replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return sendHtml(reply, 200, html.replace(TOKEN_PLACEHOLDER, token));
}

function formPage(deps: AppDeps, ctx: PageContext, options: FormRender, csrfToken: string) {
  return createElement(FormPage, {
    ctx,
    values: options.values ?? intakeValues({}),
    errors: options.errors ?? [],
    csrfToken,
    rules: attachmentRules(ctx.t, deps.config),
    formMessage: options.formMessage,
    filesChosen: options.filesChosen ?? false,
  });
}

export async function renderForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: FormRender,
) {
  const ctx = await pageContext(deps, request, reply, { locale: options.locale });
  return sendPage(reply, options.status, formPage(deps, ctx, options, reply.generateCsrf()));
}

/** The language a post was written in: the form's hidden field, else the request's. */
export function postedLocale(fields: Record<string, string>): PageLocale | undefined {
  return isPageLocale(fields.lang) ? fields.lang : undefined;
}

export async function formRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);

  app.get('/', { schema: { hide: true } }, async (request, reply) => sendBlankForm(deps, request, reply));

  app.post(
    '/',
    {
      schema: { hide: true },
      config: { rateLimit: { max: deps.config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const form = postedForm(request);
      const values = intakeValues(form.fields);
      const filesChosen = form.files.length > 0 || form.fileProblems.length > 0;

      const switchTo = form.fields.switchLang;
      if (isPageLocale(switchTo)) {
        rememberLocale(reply, switchTo);
        return renderForm(deps, request, reply, { status: 200, locale: switchTo, values, filesChosen });
      }

      // The honeypot: people never see this field, so whoever fills it in gets a success that stores nothing.
      if ((form.fields.website ?? '').trim() !== '') {
        request.log.info('honeypot filled in: nothing stored');
        return reply.redirect(`/confirmation/${newDecoyToken()}`, 303);
      }

      const ctx = await pageContext(deps, request, reply, { locale: postedLocale(form.fields) });
      const locale = ctx.locale;
      const errors = [
        ...validateIntake(values, locale, ctx.t),
        ...(await validateUploads(form.files, form.fileProblems, ctx.t, deps.config)),
      ];
      if (errors.length > 0) {
        const status = form.fileProblems.length > 0 ? 413 : 400;
        return renderForm(deps, request, reply, {
          status,
          locale,
          values,
          errors: orderErrors(errors, INTAKE_FIELDS),
          filesChosen,
        });
      }

      try {
        const intake = toPublicIntake(values, locale === 'en' ? 'en' : 'nl');
        const { followUpToken } = await registerComplaint(deps, intake, REPORTER, form.files);
        return reply.redirect(`/confirmation/${followUpToken}`, 303);
      } catch (error) {
        // Rules only the domain knows (a date in the future, the attachment store's checks): shown at the field.
        if (isDomainError(error) && error.code === 'invalid_input' && error.field) {
          const field = formFieldOf(error.field) ?? 'description';
          const message = locale === 'nl' ? error.messageNl : error.message;
          return renderForm(deps, request, reply, {
            status: 400,
            locale,
            values,
            errors: [{ field, message }],
            filesChosen,
          });
        }
        throw error;
      }
    },
  );
}
