/** Renders staff pages: the page context from the request, and the assets of the staff stylesheet. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadOrganisationOf } from '../../commands/context.ts';
import { staffMessages } from '../../i18n/staff/common.ts';
import type { AppDeps } from '../app.ts';
import { assetPaths } from '../pages/assets.ts';
import { staffCss } from '../pages/css/bundle.ts';
import { pageLocale } from '../pages/locale.ts';
import type { StaffPageContext } from './context.ts';

export { sendPage } from '../pages/render.ts';

export async function staffPageContext(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StaffPageContext> {
  const locale = pageLocale(request, reply);
  const organisation = await loadOrganisationOf(deps.db);
  return {
    locale,
    t: staffMessages[locale],
    organisation,
    assets: { ...assetPaths(organisation.settings), css: staffCss().path },
    path: request.url.split('?')[0] ?? '/staff',
    user: request.staffSignedIn?.user ?? null,
    csrfToken: reply.generateCsrf(),
    now: deps.now(),
  };
}
