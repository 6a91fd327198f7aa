/**
 * Errors on staff pages become pages, never problem JSON: not signed in → the sign-in page (303, with the page
 * to come back to); a sign-in step owed → that step; no access 403; not found 404; changed meanwhile 409; an
 * expired form 403; other rules of the regulation that a page did not show at a field → 409 with the rule's
 * own words. 5xx details are logged, never shown.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { isDomainError } from '../../domain/errors.ts';
import type { AppDeps } from '../app.ts';
import { pageLocale } from '../pages/locale.ts';
import { sendPage, staffPageContext } from './render.ts';
import { RedirectTo, SignInRequired, SignInStepRequired, STAGE_PATHS } from './session.ts';
import { StaffMessagePage } from './views/StaffMessagePage.tsx';

type Kind = 'forbidden' | 'notFound' | 'conflict' | 'csrf' | 'badRequest' | 'rateLimited' | 'serverError';

export async function staffMessage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  kind: Kind,
  text?: string,
) {
  const ctx = await staffPageContext(deps, request, reply);
  const texts = ctx.t.errors[kind];
  return sendPage(
    reply,
    status,
    createElement(StaffMessagePage, { ctx, title: texts.title, text: text ?? texts.text }),
  );
}

export function staffErrorHandler(deps: AppDeps) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof SignInRequired) {
      const next = request.method === 'GET' ? request.url : '/staff';
      const query = new URLSearchParams({ next, ...(error.expired ? { expired: '1' } : {}) });
      return reply.redirect(`/staff/sign-in?${query}`, 303);
    }
    if (error instanceof SignInStepRequired) return reply.redirect(STAGE_PATHS[error.stage], 303);
    if (error instanceof RedirectTo) return reply.redirect(error.location, 303);
    if (String(error.code ?? '').startsWith('FST_CSRF'))
      return staffMessage(deps, request, reply, 403, 'csrf');
    if (isDomainError(error)) {
      const ruleText = (pageLocale(request, reply) === 'en' ? error.message : error.messageNl) || undefined;
      switch (error.code) {
        case 'forbidden':
          return staffMessage(deps, request, reply, 403, 'forbidden');
        case 'not_found':
          return staffMessage(deps, request, reply, 404, 'notFound');
        case 'version_conflict':
          return staffMessage(deps, request, reply, 409, 'conflict');
        case 'invalid_input':
          return staffMessage(deps, request, reply, 400, 'badRequest', ruleText);
        default:
          return staffMessage(deps, request, reply, 409, 'conflict', ruleText);
      }
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return staffMessage(deps, request, reply, 429, 'rateLimited');
    if (status === 404) return staffMessage(deps, request, reply, 404, 'notFound');
    if (status >= 400 && status < 500) return staffMessage(deps, request, reply, status, 'badRequest');
    request.log.error({ err: error }, 'unhandled error on a staff page');
    return staffMessage(deps, request, reply, 500, 'serverError');
  };
}
