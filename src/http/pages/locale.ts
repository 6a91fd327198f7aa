/**
 * The language of a page: `?lang=` (remembered in a `lang` cookie), else the cookie, else the fallback
 * (the complaint's language on the follow-up page), else Dutch.
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_PAGE_LOCALE, isPageLocale, type PageLocale } from '../../i18n/pages/index.ts';

export const LANG_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

export function rememberLocale(reply: FastifyReply, locale: PageLocale): void {
  reply.setCookie(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: YEAR_SECONDS });
}

export function pageLocale(request: FastifyRequest, reply: FastifyReply, fallback?: PageLocale): PageLocale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isPageLocale(query)) {
    if (request.cookies[LANG_COOKIE] !== query) rememberLocale(reply, query);
    return query;
  }
  const cookie = request.cookies[LANG_COOKIE];
  if (isPageLocale(cookie)) return cookie;
  return fallback ?? DEFAULT_PAGE_LOCALE;
}
