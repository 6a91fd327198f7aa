/** GET /staff/admin: the administration index. */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import type { AppDeps } from '../../../app.ts';
import { sendPage } from '../../render.ts';
import { adminRequest } from '../context.ts';
import { AdminIndexPage } from '../views/AdminIndexPage.tsx';

export async function adminIndexRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const { ctx } = await adminRequest(deps, request, reply);
    return sendPage(reply, 200, createElement(AdminIndexPage, { ctx }));
  });
}
