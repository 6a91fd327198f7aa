/**
 * A forgotten password, and the first password of an invited user:
 * - GET/POST /staff/password-reset: ask for a link by email; the answer is the same whether an account
 *   exists or not;
 * - GET/POST /staff/password-reset/<token>: choose the password; afterwards every session of the user has
 *   ended, and the sign-in page says the password is saved.
 * The token in the address is redacted from the logs (../pages/log-redaction.ts), and pages send no
 * Referer (helmet's no-referrer), so it does not leak to other sites.
 */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import {
  checkPasswordLink,
  requestPasswordReset,
  setPasswordWithLink,
} from '../../../commands/password-reset.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { clearSessionCookie, clientMeta } from '../session.ts';
import { newPasswordErrors } from '../views/NewPasswordFields.tsx';
import { PasswordResetPage } from '../views/PasswordResetPage.tsx';
import { PasswordResetRequestPage } from '../views/PasswordResetRequestPage.tsx';

const validEmail = Compile(Type.String({ format: 'email', maxLength: 254 }));

export async function passwordResetRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https:');
  const readForm = formReader(deps.config);
  const open = { staffAccess: 'public' } as const;

  app.get('/password-reset', { schema: { hide: true }, config: open }, async (request, reply) => {
    const ctx = await staffPageContext(deps, request, reply);
    return sendPage(reply, 200, createElement(PasswordResetRequestPage, { ctx, email: '', errors: [] }));
  });

  app.post(
    '/password-reset',
    {
      schema: { hide: true },
      // Per address; each account also gets at most 3 emails an hour (see the command).
      config: { ...open, rateLimit: { max: 10, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const email = (postedForm(request).fields.email ?? '').trim().slice(0, 254);
      const ctx = await staffPageContext(deps, request, reply);
      const r = authMessages[ctx.locale].reset;
      const problem = email === '' ? r.emailMissing : validEmail.Check(email) ? null : r.emailInvalid;
      if (problem) {
        return sendPage(
          reply,
          400,
          createElement(PasswordResetRequestPage, {
            ctx,
            email,
            errors: [{ field: 'email', message: problem }],
          }),
        );
      }
      await requestPasswordReset(deps, email, ctx.locale, clientMeta(request));
      return sendPage(
        reply,
        200,
        createElement(PasswordResetRequestPage, { ctx, email, errors: [], sentTo: email }),
      );
    },
  );

  app.get<{ Params: { token: string } }>(
    '/password-reset/:token',
    { schema: { hide: true }, config: open },
    async (request, reply) => {
      const ctx = await staffPageContext(deps, request, reply);
      const found = await checkPasswordLink(deps, request.params.token);
      if (!found) {
        return sendPage(
          reply,
          410,
          createElement(PasswordResetRequestPage, { ctx, email: '', errors: [], invalidLink: true }),
        );
      }
      return sendPage(
        reply,
        200,
        createElement(PasswordResetPage, {
          ctx,
          action: ctx.path,
          purpose: found.purpose,
          email: found.user.email,
          errors: [],
        }),
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/password-reset/:token',
    {
      schema: { hide: true },
      config: { ...open, rateLimit: { max: 30, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const { fields } = postedForm(request);
      const ctx = await staffPageContext(deps, request, reply);
      const outcome = await setPasswordWithLink(
        deps,
        request.params.token,
        { password: fields.newPassword ?? '', confirm: fields.confirmPassword ?? '' },
        clientMeta(request),
      );
      if (outcome.ok) {
        // Every session of the user has ended, this browser's too if it had one.
        clearSessionCookie(reply, secure);
        return reply.redirect('/staff/sign-in?passwordSet=1', 303);
      }
      if (outcome.reason === 'invalid_link') {
        return sendPage(
          reply,
          410,
          createElement(PasswordResetRequestPage, { ctx, email: '', errors: [], invalidLink: true }),
        );
      }
      const found = await checkPasswordLink(deps, request.params.token);
      return sendPage(
        reply,
        400,
        createElement(PasswordResetPage, {
          ctx,
          action: ctx.path,
          purpose: found?.purpose ?? 'reset',
          email: found?.user.email ?? '',
          errors: newPasswordErrors(ctx, outcome.problems),
        }),
      );
    },
  );
}
