/**
 * Signing in and out: GET/POST /staff/sign-in, POST /staff/sign-out (this session), POST
 * /staff/sign-out-everywhere (every session of the user). A sign-in always starts a new session (the cookie
 * the browser had is revoked); a second factor still owed sends the browser to that step.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { signInWithPassword, signOut, signOutEverywhere } from '../../../commands/staff-sessions.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import type { FieldError } from '../../pages/validate.ts';
import type { StaffPageContext } from '../context.ts';
import { sendPage, staffPageContext } from '../render.ts';
import {
  clearSessionCookie,
  clientMeta,
  RedirectTo,
  SESSION_COOKIE,
  STAGE_PATHS,
  safeNext,
  setSessionCookie,
  signedInOf,
} from '../session.ts';
import { SignInPage, type SignInPageProps } from '../views/SignInPage.tsx';

type Query = { next?: string; expired?: string; signedOut?: string; passwordSet?: string };

async function renderSignIn(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  props: Omit<SignInPageProps, 'ctx'>,
) {
  const ctx = await staffPageContext(deps, request, reply);
  return sendPage(
    reply,
    status,
    createElement(SignInPage, { ctx, singleSignOn: singleSignOnOf(deps, ctx, props.next), ...props }),
  );
}

/** The "Sign in with …" button, where single sign-on is configured. */
export function singleSignOnOf(
  deps: AppDeps,
  ctx: StaffPageContext,
  next: string,
): SignInPageProps['singleSignOn'] {
  if (!deps.config.oidc) return undefined;
  return {
    label: ctx.t.signIn.singleSignOn(deps.config.oidc.displayName),
    href: `/staff/sign-in/oidc?${new URLSearchParams({ next })}`,
  };
}

export async function signInRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https:');
  const readForm = formReader(deps.config);

  app.get<{ Querystring: Query }>(
    '/sign-in',
    { schema: { hide: true }, config: { staffAccess: 'public' } },
    async (request, reply) => {
      if (request.staffSignedIn?.session.stage === 'complete')
        throw new RedirectTo(safeNext(request.query.next));
      const ctx = await staffPageContext(deps, request, reply);
      const q = request.query;
      const notice = q.passwordSet
        ? authMessages[ctx.locale].reset.done
        : q.signedOut === 'everywhere'
          ? ctx.t.signIn.signedOutEverywhere
          : q.signedOut
            ? ctx.t.signIn.signedOut
            : q.expired
              ? ctx.t.signIn.expired
              : undefined;
      return sendPage(
        reply,
        200,
        createElement(SignInPage, {
          ctx,
          next: safeNext(q.next),
          email: '',
          errors: [],
          notice,
          singleSignOn: singleSignOnOf(deps, ctx, safeNext(q.next)),
        }),
      );
    },
  );

  app.post(
    '/sign-in',
    {
      schema: { hide: true },
      // Per address, on top of the per-account back-off and lockout.
      config: { staffAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const { fields } = postedForm(request);
      const email = (fields.email ?? '').trim().slice(0, 254);
      const password = fields.password ?? '';
      const next = safeNext(fields.next);
      const ctx = await staffPageContext(deps, request, reply);
      const s = ctx.t.signIn;
      const errors: FieldError[] = [];
      if (email === '') errors.push({ field: 'email', message: s.emailMissing });
      if (password === '') errors.push({ field: 'password', message: s.passwordMissing });
      if (errors.length > 0) return renderSignIn(deps, request, reply, 400, { next, email, errors });

      const outcome = await signInWithPassword(
        deps,
        { email, password, previousToken: request.cookies[SESSION_COOKIE] },
        clientMeta(request),
      );
      if (!outcome.ok) {
        const waitMs = outcome.reason === 'invalid' ? 0 : Date.parse(outcome.until) - deps.now().getTime();
        const formMessage =
          outcome.reason === 'locked'
            ? s.locked(Math.max(1, Math.ceil(waitMs / 60_000)))
            : outcome.reason === 'backoff'
              ? s.backoff(Math.max(1, Math.ceil(waitMs / 1000)))
              : s.invalid;
        const status = outcome.reason === 'invalid' ? 401 : outcome.reason === 'locked' ? 423 : 429;
        return renderSignIn(deps, request, reply, status, { next, email, errors: [], formMessage });
      }
      setSessionCookie(reply, outcome.token, secure);
      const stage = outcome.session.stage;
      const to = stage === 'complete' ? next : `${STAGE_PATHS[stage]}?${new URLSearchParams({ next })}`;
      return reply.redirect(to, 303);
    },
  );

  app.post(
    '/sign-out',
    {
      schema: { hide: true },
      config: { staffAccess: 'any' },
      preValidation: readForm,
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      await signOut(deps, signedInOf(request), clientMeta(request));
      clearSessionCookie(reply, secure);
      return reply.redirect('/staff/sign-in?signedOut=1', 303);
    },
  );

  app.post(
    '/sign-out-everywhere',
    { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection },
    async (request, reply) => {
      await signOutEverywhere(deps, signedInOf(request).user, clientMeta(request));
      clearSessionCookie(reply, secure);
      return reply.redirect('/staff/sign-in?signedOut=everywhere', 303);
    },
  );
}
