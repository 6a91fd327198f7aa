/**
 * My account (/staff/account): who I am, the second factor (managed at /staff/account/two-factor), and
 * - POST /staff/account/password: change my password (the current one first; my other sessions end);
 * - POST /staff/account/sessions/end: end one of my other sessions;
 * - POST /staff/account/tokens: make a personal API token (shown once, in the answer);
 * - POST /staff/account/tokens/revoke: revoke one of my tokens.
 * After a change the browser comes back with 303 `?done=…`; refused input is shown again with 400.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { changePassword } from '../../../commands/change-password.ts';
import { createMyApiToken, listMyApiTokens, revokeMyApiToken } from '../../../commands/my-api-tokens.ts';
import { endOwnSession, listOwnSessions } from '../../../commands/staff-sessions.ts';
import { twoFactorStatus } from '../../../commands/two-factor.ts';
import { getPasswordHash } from '../../../db/repositories/users.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import type { FieldError } from '../../pages/validate.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { clientMeta, signedInOf } from '../session.ts';
import { AccountPage, type AccountPageProps } from '../views/AccountPage.tsx';
import { newPasswordErrors } from '../views/NewPasswordFields.tsx';
import { waitMessage } from './two-factor.ts';

const DONE = ['password', 'session-ended', 'token-revoked', 'two-factor-removed'] as const;
type Done = (typeof DONE)[number];

type Extra = Pick<AccountPageProps, 'errors' | 'formMessage' | 'createdToken' | 'tokenName'> & {
  done?: Done;
};

export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);
  const form = { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection };

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Extra = {},
  ) {
    const { user, session } = signedInOf(request);
    const ctx = await staffPageContext(deps, request, reply);
    const a = authMessages[ctx.locale];
    const doneText: Record<Done, string> = {
      password: a.account.password.done,
      'session-ended': a.account.sessions.ended,
      'token-revoked': a.account.tokens.revoked,
      'two-factor-removed': a.manage.removed,
    };
    const [twoFactor, sessions, tokens, hash] = await Promise.all([
      twoFactorStatus(deps, user),
      listOwnSessions(deps, user),
      listMyApiTokens(deps, user),
      getPasswordHash(deps.db.kysely, user.id),
    ]);
    const { done, ...rest } = extra;
    return sendPage(
      reply,
      status,
      createElement(AccountPage, {
        ctx,
        user,
        twoFactor,
        hasPassword: hash !== null,
        sessions,
        currentSessionId: session.id,
        tokens,
        ...rest,
        done: done ? doneText[done] : undefined,
      }),
    );
  }

  app.get<{ Querystring: { done?: string } }>(
    '/account',
    { schema: { hide: true } },
    async (request, reply) => {
      const done = DONE.find((d) => d === request.query.done);
      return accountPage(request, reply, 200, done ? { done } : {});
    },
  );

  app.post('/account/password', form, async (request, reply) => {
    const { fields } = postedForm(request);
    const signedIn = signedInOf(request);
    const ctx = await staffPageContext(deps, request, reply);
    const p = authMessages[ctx.locale].account.password;
    const outcome = await changePassword(
      deps,
      signedIn,
      {
        current: fields.currentPassword ?? '',
        password: fields.newPassword ?? '',
        confirm: fields.confirmPassword ?? '',
      },
      clientMeta(request),
    );
    if (outcome.ok) return reply.redirect('/staff/account?done=password', 303);
    switch (outcome.reason) {
      case 'no_password':
        return accountPage(request, reply, 409, { formMessage: p.noPassword });
      case 'current_wrong':
        return accountPage(request, reply, 400, {
          errors: [{ field: 'currentPassword', message: p.currentWrong }],
        });
      case 'invalid_input': {
        const errors: FieldError[] = [
          ...(outcome.currentMissing ? [{ field: 'currentPassword', message: p.currentMissing }] : []),
          ...newPasswordErrors(ctx, outcome.problems),
        ];
        return accountPage(request, reply, 400, { errors });
      }
      default:
        return accountPage(request, reply, outcome.reason === 'locked' ? 423 : 429, {
          errors: [{ field: 'currentPassword', message: waitMessage(ctx, outcome.reason, outcome.until) }],
        });
    }
  });

  app.post('/account/sessions/end', form, async (request, reply) => {
    const sessionId = postedForm(request).fields.session ?? '';
    // A session that is not mine, or has ended already: the list shows how things are now.
    await endOwnSession(deps, signedInOf(request), sessionId, clientMeta(request));
    return reply.redirect('/staff/account?done=session-ended', 303);
  });

  app.post('/account/tokens', form, async (request, reply) => {
    const name = postedForm(request).fields.name ?? '';
    const { user } = signedInOf(request);
    const outcome = await createMyApiToken(deps, user, name, clientMeta(request));
    if (!outcome.ok) {
      const k = authMessages[(await staffPageContext(deps, request, reply)).locale].account.tokens;
      const message = outcome.problem === 'missing' ? k.nameMissing : k.nameTooLong;
      return accountPage(request, reply, 400, {
        errors: [{ field: 'token-name', message }],
        tokenName: name.slice(0, 200),
      });
    }
    // Shown once, in this answer (never cached: sendPage says no-store); a reload shows the list without it.
    return accountPage(request, reply, 200, { createdToken: { name: outcome.name, token: outcome.token } });
  });

  app.post('/account/tokens/revoke', form, async (request, reply) => {
    const tokenId = postedForm(request).fields.token ?? '';
    await revokeMyApiToken(deps, signedInOf(request).user, tokenId, clientMeta(request));
    return reply.redirect('/staff/account?done=token-revoked', 303);
  });
}
