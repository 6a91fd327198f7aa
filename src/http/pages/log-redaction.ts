/**
 * Follow-up tokens open a complaint without an account, so they must never reach a log. Fastify logs each
 * request's URL; this serializer replaces the token in `/follow-up/<token>` (pages and API) and
 * `/confirmation/<token>` with `[redacted]`, and so does the staff's password link (`/staff/password-reset/<token>`).
 */
import type { FastifyRequest } from 'fastify';

const TOKEN_IN_PATH = /(\/(?:follow-up|confirmation|password-reset)\/)[^/?#]+/g;

export const redactUrl = (url: string): string => url.replace(TOKEN_IN_PATH, '$1[redacted]');

/** Fastify's default request serializer, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Logger options with the redacting serializer (false stays false). */
export function withRedactedUrls<T extends object>(
  logger: boolean | T,
): false | (T & { serializers: { req: typeof serializeRequest } }) {
  if (logger === false) return false;
  const base = (logger === true ? {} : logger) as T;
  return {
    ...base,
    serializers: { ...(base as { serializers?: object }).serializers, req: serializeRequest },
  } as T & {
    serializers: { req: typeof serializeRequest };
  };
}
