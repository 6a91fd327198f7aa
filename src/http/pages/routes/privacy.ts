/**
 * GET /privacy: the privacy statement about complaints, from the settings, in Dutch or English. It links on to
 * the organisation's general privacy statement (settings.privacyStatementUrl) unless that URL is this page.
 */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import type { AppDeps } from '../../app.ts';
import { pageContext, sendPage } from '../render.ts';
import { PrivacyPage } from '../views/PrivacyPage.tsx';

export async function privacyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/privacy', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await pageContext(deps, request, reply);
    const own = new URL('/privacy', deps.config.publicUrl);
    const general = new URL(ctx.settings.privacyStatementUrl);
    const isThisPage = general.origin === own.origin && general.pathname.replace(/\/$/, '') === own.pathname;
    return sendPage(
      reply,
      200,
      createElement(PrivacyPage, {
        ctx,
        generalStatementUrl: isThisPage ? null : ctx.settings.privacyStatementUrl,
      }),
    );
  });
}
