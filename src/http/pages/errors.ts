/**
 * Errors on the public pages become friendly pages in the reader's language, never problem JSON: an unknown
 * link (404), an expired one (410), files too large (413), too many posts (429), an expired form (403; the
 * improvement form is shown again with everything typed). 5xx details are logged, never shown.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { isDomainError } from '../../domain/errors.ts';
import { isPageLocale, type PageLocale } from '../../i18n/pages/index.ts';
import type { AppDeps } from '../app.ts';
import { postedForm } from './form-data.ts';
import { intakeValues } from './intake-form.ts';
import { pageContext, sendPage } from './render.ts';
import { postedLocale, renderForm } from './routes/form.ts';
import { CSP_DIRECTIVES } from './security.ts';
import { attachmentRules } from './uploads.ts';
import { MessagePage } from './views/MessagePage.tsx';

type Kind = 'notFound' | 'expired' | 'tooLarge' | 'rateLimited' | 'csrf' | 'badRequest' | 'serverError';

async function messagePage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  kind: Kind,
  locale?: PageLocale,
) {
  const ctx = await pageContext(deps, request, reply, { locale });
  const texts = ctx.t.errorPages;
  const rules = attachmentRules(ctx.t, deps.config);
  const text = kind === 'tooLarge' ? texts.tooLarge.text(rules) : texts[kind].text;
  return sendPage(reply, status, createElement(MessagePage, { ctx, title: texts[kind].title, text }));
}

export function pageErrorHandler(deps: AppDeps) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (String(error.code ?? '').startsWith('FST_CSRF')) {
      const form = postedForm(request);
      if (
        request.method === 'POST' &&
        request.routeOptions.url === '/' &&
        Object.keys(form.fields).length > 0
      ) {
        const locale = postedLocale(form.fields);
        const ctx = await pageContext(deps, request, reply, { locale });
        return renderForm(deps, request, reply, {
          status: 403,
          locale,
          values: intakeValues(form.fields),
          formMessage: ctx.t.form.errors.expired,
          filesChosen: form.files.length > 0,
        });
      }
      return messagePage(deps, request, reply, 403, 'csrf');
    }
    if (isDomainError(error) && error.code === 'not_found')
      return messagePage(deps, request, reply, 404, 'notFound');
    if (isDomainError(error) && error.code === 'link_expired')
      return messagePage(deps, request, reply, 410, 'expired');
    const status = error.statusCode ?? 500;
    if (status === 413) return messagePage(deps, request, reply, 413, 'tooLarge');
    if (status === 429) return messagePage(deps, request, reply, 429, 'rateLimited');
    if (status >= 400 && status < 500) return messagePage(deps, request, reply, status, 'badRequest');
    request.log.error({ err: error }, 'unhandled error on a public page');
    return messagePage(deps, request, reply, 500, 'serverError');
  };
}

/**
 * The page for an unknown path outside the API. It is answered outside the pages' plugin (no cookies parsed
 * there), so the language comes from `?lang=` or the browser's Accept-Language.
 */
export function notFoundPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const accepted = String(request.headers['accept-language'] ?? '')
    .trim()
    .toLowerCase();
  const locale: PageLocale = isPageLocale(query) ? query : accepted.startsWith('en') ? 'en' : 'nl';
  // Outside the pages' plugin helmet did not run: the same headers, set here.
  reply
    .header('content-security-policy', cspHeader())
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer');
  return messagePage(deps, request, reply, 404, 'notFound', locale);
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const cspHeader = (): string =>
  Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
