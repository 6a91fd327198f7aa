/** Sends a page: React rendered to a string on the server, never cached (pages may hold personal data). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { loadOrganisationOf } from '../../commands/context.ts';
import { messagesFor, type PageLocale } from '../../i18n/pages/index.ts';
import type { AppDeps } from '../app.ts';
import { assetPaths } from './assets.ts';
import type { PageContext } from './context.ts';
import { pageLocale } from './locale.ts';

export function sendPage(reply: FastifyReply, status: number, page: ReactElement): FastifyReply {
  return sendHtml(reply, status, renderPage(page));
}

/** The whole document of a page. */
export const renderPage = (page: ReactElement): string => `<!DOCTYPE html>${renderToString(page)}`;

/** Sends a rendered document (see sendPage). */
export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** The language (from the request, else `fallback`), its texts, the organisation settings and asset paths. */
export async function pageContext(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { locale?: PageLocale; fallback?: PageLocale } = {},
): Promise<PageContext> {
  const locale = options.locale ?? pageLocale(request, reply, options.fallback);
  const { settings } = await loadOrganisationOf(deps.db);
  return {
    locale,
    t: messagesFor(locale),
    settings,
    assets: assetPaths(settings),
    path: request.url.split('?')[0] ?? '/',
  };
}
