/**
 * One error handler for the whole app: every error becomes an RFC 9457 problem document with a stable
 * `code`, a title in the caller's language and, for invalid input, a message per field. 5xx details are
 * logged, never shown.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DOMAIN_ERROR_STATUS, isDomainError } from '../domain/errors.ts';
import { type Locale, problemTitle, validationMessage } from '../i18n/validation.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/** Dutch unless the caller prefers English. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (!header) return 'nl';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const pointerToField = (pointer: string): string =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

/**
 * Turns Ajv's errors into one message per field. For a union Ajv reports every branch plus `anyOf`; the
 * first specific complaint (a format, a length) says most, and "choose a value" is the fallback.
 */
export function fieldProblems(
  errors: AjvError[],
  locale: Locale,
  context: string | undefined,
): FieldProblem[] {
  const byField = new Map<string, { key: string; params: Record<string, unknown> }>();
  const prefix =
    context === 'querystring'
      ? 'query.'
      : context === 'params'
        ? 'params.'
        : context === 'headers'
          ? 'headers.'
          : '';
  for (const error of errors) {
    let field = pointerToField(error.instancePath);
    let key = error.keyword;
    if (key === 'required') field = [field, String(error.params.missingProperty)].filter(Boolean).join('.');
    if (key === 'additionalProperties')
      field = [field, String(error.params.additionalProperty)].filter(Boolean).join('.');
    if (key === 'format') key = String(error.params.format);
    if (key === 'pattern' && error.params.pattern === '\\S') key = 'empty';
    if (key === 'minLength' && error.params.limit === 1) key = 'empty';
    if (key === 'anyOf' || key === 'const' || key === 'enum') key = 'choice';
    const name = prefix + (field || 'body');
    const existing = byField.get(name);
    const weak = (k: string) => k === 'choice' || k === 'type';
    if (!existing || (weak(existing.key) && !weak(key))) {
      byField.set(name, { key, params: error.params });
    }
  }
  return [...byField].map(([field, { key, params }]) => ({
    field,
    message: validationMessage(locale, key, params),
  }));
}

/**
 * A request body that cannot be read at all (a multipart body cut short or without its boundary): the
 * client's fault, 400 — never a 5xx. The API answers `validation_failed` at the field `body`; the pages show
 * their "bad request" page.
 */
export class MalformedBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'VP_MALFORMED_BODY';
  constructor(reason: string) {
    super(`The request body cannot be read: ${reason}`);
    this.name = 'MalformedBodyError';
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

export function problem(locale: Locale, status: number, code: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:verbeterpunt:problem:${code}`,
    title: problemTitle(locale, code),
    status,
    code,
    ...extra,
  };
}

export interface ProblemHandlerOptions {
  /** The answer to an unknown path outside /api: people get a page, programs under /api a problem document. */
  pageNotFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function registerProblemHandlers(app: FastifyInstance, options: ProblemHandlerOptions = {}): void {
  app.setNotFoundHandler((request, reply) => {
    const isApi =
      request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
    if (!isApi && options.pageNotFound) return options.pageNotFound(request, reply);
    return sendProblem(reply, problem(localeOf(request), 404, 'not_found'));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error.validation) {
      return sendProblem(
        reply,
        problem(locale, 400, 'validation_failed', {
          errors: fieldProblems(error.validation as AjvError[], locale, error.validationContext),
        }),
      );
    }
    if (isDomainError(error)) {
      const status = DOMAIN_ERROR_STATUS[error.code];
      const message = locale === 'nl' ? error.messageNl : error.message;
      return sendProblem(
        reply,
        problem(locale, status, error.code, {
          detail: message,
          ...(error.field ? { errors: [{ field: error.field, message }] } : {}),
          ...(error.details ? { details: error.details } : {}),
        }),
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, problem(locale, 413, 'payload_too_large'));
    if (status === 415) return sendProblem(reply, problem(locale, 415, 'unsupported_media_type'));
    if (status === 429) return sendProblem(reply, problem(locale, 429, 'rate_limited'));
    if (
      status === 400 &&
      (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error instanceof MalformedBodyError ||
        error instanceof SyntaxError)
    ) {
      return sendProblem(
        reply,
        problem(locale, 400, 'validation_failed', {
          errors: [{ field: 'body', message: validationMessage(locale, 'body') }],
        }),
      );
    }
    if (status >= 400 && status < 500) {
      return sendProblem(
        reply,
        problem(locale, status, status === 401 ? 'unauthorized' : 'invalid_input', { detail: error.message }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(locale, 500, 'internal'));
  });
}
