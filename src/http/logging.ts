/**
 * Structured JSON logs (pino, through Fastify) that can be shipped anywhere because they hold no personal
 * data, and a request id that ties every line of a request together and travels back in `x-request-id`.
 *
 * What a line of a request holds: the method, the URL with follow-up tokens and every query value outside a
 * short list of harmless ones replaced by `[redacted]` (a staff search `?q=Anouk` names a person), the
 * client address, the status, the time taken and, for errors, the error's type, code and message with email
 * addresses and long numbers scrubbed. Never bodies (complaint texts, names, emails, phone numbers,
 * passwords, CSRF tokens), never headers (Authorization, cookies, Set-Cookie); pino's `redact` removes those
 * paths as well, should a future log call pass them in.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { redactUrl } from './pages/log-redaction.ts';

/** An incoming request id is kept only when it is a plain token: letters, digits, `.`, `_`, `:`, `-`. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: the caller's `x-request-id` when it is sane (a proxy's, a client's), else a UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Query parameters whose values say nothing about a person; every other value is logged as [redacted]. */
const HARMLESS_QUERY = new Set([
  'lang',
  'done',
  'status',
  'limit',
  'overdue',
  'receivedFrom',
  'receivedTo',
  'from',
  'to',
  'year',
  'kind',
  'language',
  'format',
  'page',
]);

/** The URL as it may be logged: tokens in the path and non-harmless query values redacted. */
export function loggableUrl(url: string): string {
  const path = redactUrl(url);
  const queryAt = path.indexOf('?');
  if (queryAt === -1) return path;
  const query = path
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const [key = '', ...rest] = pair.split('=');
      if (rest.length === 0) return pair.length <= 40 ? pair : '[redacted]';
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {}
      return HARMLESS_QUERY.has(name) ? pair : `${key}=[redacted]`;
    })
    .join('&');
  return `${path.slice(0, queryAt)}?${query}`;
}

const EMAIL = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[A-Za-z]{2,}/g;
const LONG_NUMBER = /\+?\d[\d\s-]{7,}\d/g;

/** A message with email addresses and phone-like numbers taken out. */
export function scrub(text: string): string {
  return text.replace(EMAIL, '[email]').replace(LONG_NUMBER, '[number]');
}

function serializeRequest(request: FastifyRequest) {
  return { method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip };
}

/**
 * Errors with only what helps an operator: the database's `detail` (which quotes the offending value), a
 * domain error's `details` and anything else an error carries are left out.
 */
function serializeError(error: Error & { code?: unknown; statusCode?: unknown }) {
  return {
    type: error?.constructor?.name ?? 'Error',
    message: scrub(String(error?.message ?? error)),
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.statusCode === 'number' ? { statusCode: error.statusCode } : {}),
    stack: scrub(String(error?.stack ?? '')),
  };
}

export type LoggerOption = boolean | { level: string; stream?: { write(line: string): void } };

/** The Fastify logger options (false stays false). */
export function loggerOptions(logger: LoggerOption) {
  if (logger === false) return false;
  const base = logger === true ? { level: 'info' } : logger;
  return {
    ...base,
    // ISO 8601 times read better than epoch milliseconds and sort the same.
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: { req: serializeRequest, err: serializeError },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
        'body',
        'password',
        'token',
        '*.password',
        '*.token',
        '*.email',
        '*.phone',
        '*.name',
      ],
      censor: '[redacted]',
    },
  };
}

/** Every answer carries its request id, errors and 404s included (set before anything can fail). */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
