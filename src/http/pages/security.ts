/**
 * What protects the public pages: signed cookies, a CSRF token on every form post, and security headers
 * with a Content Security Policy that allows no inline script or style. Registered inside the pages'
 * plugin only, so the JSON API and its documentation (which needs inline scripts) are unaffected.
 */
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
};

/**
 * COOKIE_SECRET signs the CSRF cookie. Without it a random secret is made at start: forms still work, but a
 * form opened before a restart (or on another instance) is refused once with "your form has expired".
 */
export function cookieSecret(env: Record<string, string | undefined> = process.env): {
  secret: string;
  generated: boolean;
} {
  const configured = env.COOKIE_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error('COOKIE_SECRET must be at least 32 characters long.');
    return { secret: configured, generated: false };
  }
  return { secret: randomBytes(32).toString('base64url'), generated: true };
}

export async function registerSecurity(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  const { secret, generated } = cookieSecret();
  if (generated) app.log.warn('COOKIE_SECRET is not set: a random one is used until the process stops.');
  await app.register(cookie, { secret });
  await app.register(csrf, {
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      signed: true,
      secure: options.publicUrl.startsWith('https:'),
    },
    // Only the form field: the pages post forms, never JSON with headers.
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The follow-up page's address holds a private token: never send it to another site.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    // Only where the public address is https (src/http/security-headers.ts says why).
    strictTransportSecurity: options.publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
}
