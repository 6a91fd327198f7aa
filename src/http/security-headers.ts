/**
 * Security headers on every answer, the JSON API, its documentation and error answers included (before,
 * only the pages had them, through helmet in their plugin): no MIME sniffing, no framing, no referrer, no
 * caching unless a route allows it, the resource for this site only, and HSTS when the public address is
 * https (over plain http it means nothing and would only confuse a local setup). JSON answers get a Content
 * Security Policy that allows nothing at all; the pages keep helmet's; anything else (the API documentation,
 * which needs its own scripts, PDFs shown in the browser's viewer) gets `frame-ancestors 'none'`.
 */
import type { FastifyInstance } from 'fastify';

export const HSTS = 'max-age=31536000; includeSubDomains';
const NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const https = options.publicUrl.startsWith('https:');
  app.addHook('onRequest', async (_request, reply) => {
    // On the raw response: whatever a route or plugin sets later (helmet on the pages, a page's own headers)
    // takes precedence over these defaults.
    const raw = reply.raw;
    raw.setHeader('x-content-type-options', 'nosniff');
    raw.setHeader('x-frame-options', 'DENY');
    raw.setHeader('referrer-policy', 'no-referrer');
    raw.setHeader('cross-origin-resource-policy', 'same-origin');
    // Answers hold personal data unless a route says otherwise (static assets do): no cache keeps them.
    raw.setHeader('cache-control', 'no-store');
    if (https) raw.setHeader('strict-transport-security', HSTS);
  });
  // The policy depends on what is sent: JSON may load nothing; anything else without a policy of its own
  // (the API documentation, a PDF shown in the browser's viewer) may at least not be framed.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.getHeader('content-security-policy') === undefined) {
      const type = String(reply.getHeader('content-type') ?? '');
      reply.header('content-security-policy', /json/.test(type) ? NOTHING_ALLOWED : "frame-ancestors 'none'");
    }
    return payload;
  });
}
