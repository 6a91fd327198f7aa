/**
 * API tokens: GET /tokens (every token), POST /users/<id>/tokens (create one; the answer shows it once, not
 * cached), POST /users/<id>/tokens/<tokenId>/revoke (back to the user's page, or the list with from=tokens).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { createTokenByAdmin, revokeTokenByAdmin } from '../../../../commands/admin-tokens.ts';
import { findUserOverview, listAllApiTokens } from '../../../../db/repositories/admin.ts';
import { listApiTokens } from '../../../../db/repositories/api-tokens.ts';
import { DomainError } from '../../../../domain/errors.ts';
import type { AppDeps } from '../../../app.ts';
import { formReader, postedForm } from '../../../pages/form-data.ts';
import { sendPage } from '../../render.ts';
import { adminRequest, doneMessage } from '../context.ts';
import { fieldRefusal, messageOf } from '../form-errors.ts';
import { TokenCreatedPage } from '../views/TokenCreatedPage.tsx';
import { TokensPage } from '../views/TokensPage.tsx';
import { UserPage } from '../views/UserPage.tsx';

type TokenRequest = FastifyRequest<{ Params: { id: string; tokenId: string } }>;

export async function adminTokenRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const form = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };
  const db = deps.db.kysely;

  app.get<{ Querystring: { done?: string } }>(
    '/tokens',
    { schema: { hide: true } },
    async (request, reply) => {
      const { ctx } = await adminRequest(deps, request, reply);
      const done = doneMessage({ revoked: ctx.a.user.done.tokenRevoked }, request.query.done);
      return sendPage(
        reply,
        200,
        createElement(TokensPage, { ctx, tokens: await listAllApiTokens(db), done }),
      );
    },
  );

  app.post('/users/:id/tokens', form, async (request: TokenRequest, reply) => {
    const { ctx, actor, meta } = await adminRequest(deps, request, reply);
    const user = await findUserOverview(db, request.params.id);
    if (!user)
      throw new DomainError('not_found', {
        en: 'There is no such user.',
        nl: 'Deze gebruiker bestaat niet.',
      });
    const name = (postedForm(request).fields.name ?? '').trim();
    try {
      const created = await createTokenByAdmin(deps, actor, user.id, { name }, meta);
      // Shown once: neither the browser nor a proxy may keep this page.
      reply.header('cache-control', 'no-store');
      return sendPage(reply, 200, createElement(TokenCreatedPage, { ctx, user, name, token: created.token }));
    } catch (error) {
      const refusal = fieldRefusal(error);
      if (!refusal) throw error;
      return sendPage(
        reply,
        400,
        createElement(UserPage, {
          ctx,
          user,
          tokens: await listApiTokens(db, user.id),
          values: {
            name: user.name,
            email: user.email,
            jobTitle: user.jobTitle,
            roles: user.roles,
            active: user.active,
          },
          errors: [{ field: 'token-name', message: messageOf(refusal, ctx.locale) }],
          tokenName: name,
          tokenError: messageOf(refusal, ctx.locale),
        }),
      );
    }
  });

  app.post('/users/:id/tokens/:tokenId/revoke', form, async (request: TokenRequest, reply) => {
    const { actor, meta } = await adminRequest(deps, request, reply);
    const { id, tokenId } = request.params;
    await revokeTokenByAdmin(deps, actor, id, tokenId, meta);
    const back =
      postedForm(request).fields.from === 'tokens'
        ? '/staff/admin/tokens?done=revoked'
        : `/staff/admin/users/${id}?done=tokenRevoked#tokens`;
    return reply.redirect(back, 303);
  });
}
