/**
 * The second factor in the browser:
 * - GET/POST /staff/sign-in/second-factor: the code after the password (stage `second_factor`);
 * - GET/POST /staff/account/two-factor: setting it up, owed (`enrol_second_factor`) or by choice
 *   (`complete`); once on, the same address manages it;
 * - POST /staff/account/two-factor/recovery-codes and …/remove: new recovery codes, turning it off.
 * Pages that show a secret (the key, recovery codes) are never cached (sendPage says no-store).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { ClientMeta } from '../../../commands/staff-sessions.ts';
import {
  confirmEnrolment,
  enrolmentFor,
  type ProtectedChange,
  removeSecondFactor,
  renewRecoveryCodes,
  twoFactorStatus,
  verifySecondFactor,
} from '../../../commands/two-factor.ts';
import type { User } from '../../../db/repositories/users.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import { pageLocale } from '../../pages/locale.ts';
import type { FieldError } from '../../pages/validate.ts';
import type { StaffPageContext } from '../context.ts';
import { sendPage, staffPageContext } from '../render.ts';
import {
  clearSessionCookie,
  clientMeta,
  RedirectTo,
  safeNext,
  setSessionCookie,
  signedInOf,
} from '../session.ts';
import { RecoveryCodesPage } from '../views/RecoveryCodesPage.tsx';
import { SecondFactorPage } from '../views/SecondFactorPage.tsx';
import { SignInPage } from '../views/SignInPage.tsx';
import { TwoFactorEnrolPage } from '../views/TwoFactorEnrolPage.tsx';
import { TwoFactorManagePage } from '../views/TwoFactorManagePage.tsx';
import { singleSignOnOf } from './sign-in.ts';

const ENROL_STAGES = ['enrol_second_factor', 'complete'] as const;

/**
 * The page context of a sign-in step: no menus until the sign-in is complete (they would only lead back
 * here); the step's page offers signing out itself.
 */
export async function stepPageContext(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StaffPageContext> {
  const ctx = await staffPageContext(deps, request, reply);
  return request.staffSignedIn?.session.stage === 'complete' ? ctx : { ...ctx, user: null };
}

/** Seconds or minutes to wait, in the words of the sign-in form. */
export function waitMessage(ctx: StaffPageContext, reason: 'backoff' | 'locked', until: string): string {
  const ms = Date.parse(until) - ctx.now.getTime();
  return reason === 'locked'
    ? ctx.t.signIn.locked(Math.max(1, Math.ceil(ms / 60_000)))
    : ctx.t.signIn.backoff(Math.max(1, Math.ceil(ms / 1000)));
}

export async function twoFactorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https:');
  const readForm = formReader(deps.config);

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in/second-factor',
    { schema: { hide: true }, config: { staffAccess: 'second_factor' } },
    async (request, reply) => {
      const ctx = await stepPageContext(deps, request, reply);
      const next = safeNext(request.query.next);
      return sendPage(reply, 200, createElement(SecondFactorPage, { ctx, next, errors: [] }));
    },
  );

  app.post(
    '/sign-in/second-factor',
    {
      schema: { hide: true },
      config: { staffAccess: 'second_factor', rateLimit: { max: 30, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const { fields } = postedForm(request);
      const next = safeNext(fields.next);
      const code = (fields.code ?? '').trim().slice(0, 64);
      const signedIn = signedInOf(request);
      const ctx = await stepPageContext(deps, request, reply);
      const a = authMessages[ctx.locale].secondFactor;
      const page = (status: number, errors: FieldError[], formMessage?: string) =>
        sendPage(reply, status, createElement(SecondFactorPage, { ctx, next, errors, formMessage }));
      if (code === '') return page(400, [{ field: 'code', message: a.codeMissing }]);

      const outcome = await verifySecondFactor(deps, signedIn, signedIn.token, code, clientMeta(request));
      if (outcome.ok) {
        setSessionCookie(reply, outcome.token, secure);
        return reply.redirect(next, 303);
      }
      if (outcome.reason === 'invalid') return page(401, [{ field: 'code', message: a.invalid }]);
      const message = waitMessage(ctx, outcome.reason, outcome.until);
      if (outcome.reason === 'backoff') return page(429, [], message);
      // Locked: the half-signed-in session has ended; the next try starts from the password.
      clearSessionCookie(reply, secure);
      request.staffSignedIn = null;
      const signIn = { ...ctx, user: null };
      return sendPage(
        reply,
        423,
        createElement(SignInPage, {
          ctx: signIn,
          next,
          email: '',
          errors: [],
          formMessage: message,
          singleSignOn: singleSignOnOf(deps, signIn, next),
        }),
      );
    },
  );

  async function manageOrEnrol(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status: number; next: string; errors: FieldError[]; formMessage?: string },
  ) {
    const { session, user } = signedInOf(request);
    const ctx = await stepPageContext(deps, request, reply);
    const status = await twoFactorStatus(deps, user);
    if (status.enabledAt) {
      return sendPage(
        reply,
        options.status,
        createElement(TwoFactorManagePage, {
          ctx,
          status: { ...status, enabledAt: status.enabledAt },
          errors: options.errors,
          formMessage: options.formMessage,
        }),
      );
    }
    const enrolment = await enrolmentFor(deps, user);
    if (!enrolment) throw new RedirectTo('/staff/account/two-factor');
    const owed = session.stage === 'enrol_second_factor';
    return sendPage(
      reply,
      options.status,
      createElement(TwoFactorEnrolPage, {
        ctx,
        enrolment,
        owed,
        required: owed || status.required,
        next: options.next,
        errors: options.errors,
      }),
    );
  }

  app.get<{ Querystring: { next?: string } }>(
    '/account/two-factor',
    { schema: { hide: true }, config: { staffAccess: ENROL_STAGES } },
    async (request, reply) =>
      manageOrEnrol(request, reply, { status: 200, next: safeNext(request.query.next), errors: [] }),
  );

  app.post(
    '/account/two-factor',
    {
      schema: { hide: true },
      config: { staffAccess: ENROL_STAGES, rateLimit: { max: 30, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const { fields } = postedForm(request);
      const signedIn = signedInOf(request);
      const owed = signedIn.session.stage === 'enrol_second_factor';
      const next = safeNext(fields.next);
      const a = authMessages[pageLocale(request, reply)].enrol;
      const code = (fields.code ?? '').trim().slice(0, 64);
      const invalid = (message: string) =>
        manageOrEnrol(request, reply, { status: 400, next, errors: [{ field: 'code', message }] });
      if (code === '') return invalid(a.codeMissing);
      if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) return invalid(a.codeFormat);

      const outcome = await confirmEnrolment(deps, signedIn, signedIn.token, code, clientMeta(request));
      if (!outcome.ok) {
        if (outcome.reason === 'already_enabled') throw new RedirectTo('/staff/account/two-factor');
        return invalid(a.invalid);
      }
      if (outcome.token) {
        setSessionCookie(reply, outcome.token, secure);
        // The rest of this request is the complete session's: the page shows the menus again.
        request.staffSignedIn = { ...signedIn, session: { ...signedIn.session, stage: 'complete' } };
      }
      const page = await staffPageContext(deps, request, reply);
      return sendPage(
        reply,
        200,
        createElement(RecoveryCodesPage, {
          ctx: page,
          codes: outcome.recoveryCodes,
          renewed: false,
          continueHref: owed ? next : '/staff/account',
        }),
      );
    },
  );

  /** The answer to a form that needed the password again. */
  async function protectedAnswer<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    field: 'renew-password' | 'remove-password',
    outcome: ProtectedChange<T>,
  ) {
    const page = await staffPageContext(deps, request, reply);
    const m = authMessages[page.locale].manage;
    if (outcome.ok) throw new Error('protectedAnswer is for refusals');
    if (outcome.reason === 'not_enabled') throw new RedirectTo('/staff/account/two-factor');
    if (outcome.reason === 'required')
      return manageOrEnrol(request, reply, {
        status: 409,
        next: '/staff',
        errors: [],
        formMessage: m.requiredText,
      });
    if (outcome.reason === 'wrong')
      return manageOrEnrol(request, reply, {
        status: 400,
        next: '/staff',
        errors: [{ field, message: m.passwordWrong }],
      });
    if (outcome.reason === 'backoff' || outcome.reason === 'locked') {
      return manageOrEnrol(request, reply, {
        status: outcome.reason === 'locked' ? 423 : 429,
        next: '/staff',
        errors: [{ field, message: waitMessage(page, outcome.reason, outcome.until) }],
      });
    }
    throw new Error(`Unexpected outcome ${JSON.stringify(outcome)}`);
  }

  const passwordForm = { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection };

  /** A form that needs the password again: refused without one (not counted), then the command decides. */
  function withPassword<T>(
    field: 'renew-password' | 'remove-password',
    change: (user: User, password: string, meta: ClientMeta) => Promise<ProtectedChange<T>>,
    done: (request: FastifyRequest, reply: FastifyReply, outcome: { ok: true } & T) => Promise<FastifyReply>,
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const password = postedForm(request).fields.password ?? '';
      if (password === '') {
        const m = authMessages[pageLocale(request, reply)].manage;
        return manageOrEnrol(request, reply, {
          status: 400,
          next: '/staff',
          errors: [{ field, message: m.passwordMissing }],
        });
      }
      const outcome = await change(signedInOf(request).user, password, clientMeta(request));
      if (!outcome.ok) return protectedAnswer(request, reply, field, outcome);
      return done(request, reply, outcome);
    };
  }

  app.post(
    '/account/two-factor/recovery-codes',
    passwordForm,
    withPassword(
      'renew-password',
      (user, password, meta) => renewRecoveryCodes(deps, user, password, meta),
      async (request, reply, outcome) => {
        const page = await staffPageContext(deps, request, reply);
        return sendPage(
          reply,
          200,
          createElement(RecoveryCodesPage, {
            ctx: page,
            codes: outcome.recoveryCodes,
            renewed: true,
            continueHref: '/staff/account/two-factor',
          }),
        );
      },
    ),
  );

  app.post(
    '/account/two-factor/remove',
    passwordForm,
    withPassword(
      'remove-password',
      (user, password, meta) => removeSecondFactor(deps, user, password, meta),
      async (_request, reply) => reply.redirect('/staff/account?done=two-factor-removed', 303),
    ),
  );
}
