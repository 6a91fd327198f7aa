/** GET /staff/account: the signed-in user's own account. */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import type { AppDeps } from '../../app.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { signedInOf } from '../session.ts';
import { AccountPage } from '../views/AccountPage.tsx';

export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/account', { schema: { hide: true } }, async (request, reply) => {
    const { user } = signedInOf(request);
    const ctx = await staffPageContext(deps, request, reply);
    return sendPage(reply, 200, createElement(AccountPage, { ctx, user }));
  });
}
