/**
 * Single sign-on in the browser (only where OIDC_ISSUER is configured; otherwise these addresses are 404):
 * - GET /staff/sign-in/oidc?next=…: off to the provider, with state, nonce and the PKCE verifier kept in a
 *   signed, HttpOnly cookie for 10 minutes, only for these two addresses;
 * - GET /staff/sign-in/oidc/callback: back from the provider; the identity becomes a session of the existing
 *   user it belongs to, or a page says there is none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import {
  finishSingleSignOn,
  type SingleSignOnTransient,
  signInWithIdentity,
  startSingleSignOn,
} from '../../../commands/single-sign-on.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import type { AppDeps } from '../../app.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { clientMeta, SESSION_COOKIE, STAGE_PATHS, safeNext, setSessionCookie } from '../session.ts';
import { SingleSignOnProblemPage } from '../views/SingleSignOnProblemPage.tsx';

const COOKIE = 'vp_oidc';
const COOKIE_PATH = '/staff/sign-in/oidc';
const TRANSIENT_SECONDS = 600;

interface Kept extends SingleSignOnTransient {
  next: string;
  /** When the browser left, on the app's clock (ms). */
  at: number;
}

export async function singleSignOnRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const config = deps.config.oidc;
  if (!config) return;
  const secure = deps.config.publicUrl.startsWith('https:');
  const cookieOptions = { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure };

  async function problem(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    kind: 'unknown' | 'failed' | 'expired' | 'unavailable',
    email?: string | null,
  ) {
    const ctx = await staffPageContext(deps, request, reply);
    const m = authMessages[ctx.locale].singleSignOn;
    const provider = config!.displayName;
    const [title, text] =
      kind === 'unknown'
        ? [m.unknownTitle, m.unknownText(provider, email ?? m.someone)]
        : kind === 'expired'
          ? [m.failedTitle, m.expiredText]
          : kind === 'unavailable'
            ? [m.failedTitle, m.unavailableText(provider)]
            : [m.failedTitle, m.failedText(provider)];
    return sendPage(reply, status, createElement(SingleSignOnProblemPage, { ctx, title, text }));
  }

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in/oidc',
    {
      schema: { hide: true },
      config: { staffAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      let started: Awaited<ReturnType<typeof startSingleSignOn>>;
      try {
        started = await startSingleSignOn(deps);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on: the provider cannot be reached');
        return problem(request, reply, 503, 'unavailable');
      }
      const kept: Kept = {
        ...started.transient,
        next: safeNext(request.query.next),
        at: deps.now().getTime(),
      };
      reply.setCookie(COOKIE, Buffer.from(JSON.stringify(kept)).toString('base64url'), {
        ...cookieOptions,
        signed: true,
        maxAge: TRANSIENT_SECONDS,
      });
      return reply.redirect(started.url, 303);
    },
  );

  app.get(
    '/sign-in/oidc/callback',
    {
      schema: { hide: true },
      config: { staffAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const kept = keptOf(request, deps.now().getTime());
      reply.clearCookie(COOKIE, cookieOptions);
      if (!kept) return problem(request, reply, 400, 'expired');
      const query = request.query as Record<string, unknown>;
      if (typeof query.error === 'string') {
        // The person cancelled, or the provider refused: say so without its technical words.
        request.log.info({ error: query.error }, 'single sign-on: the provider answered with an error');
        return problem(request, reply, 401, 'failed');
      }
      let identity: Awaited<ReturnType<typeof finishSingleSignOn>>;
      try {
        const current = new URL(request.url, deps.config.publicUrl);
        identity = await finishSingleSignOn(deps, current, kept);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on: the answer of the provider was refused');
        return problem(request, reply, 401, 'failed');
      }
      const outcome = await signInWithIdentity(
        deps,
        identity,
        request.cookies[SESSION_COOKIE],
        clientMeta(request),
      );
      if (!outcome.ok) return problem(request, reply, 403, 'unknown', outcome.email);
      setSessionCookie(reply, outcome.token, secure);
      const stage = outcome.session.stage;
      const to =
        stage === 'complete'
          ? kept.next
          : `${STAGE_PATHS[stage]}?${new URLSearchParams({ next: kept.next })}`;
      return reply.redirect(to, 303);
    },
  );
}

/** The values kept in the cookie, when it is ours (signature) and recent (on the app's clock). */
function keptOf(request: FastifyRequest, now: number): Kept | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const kept = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Kept;
    const fresh = now - kept.at >= 0 && now - kept.at <= TRANSIENT_SECONDS * 1000;
    const complete = [kept.state, kept.nonce, kept.codeVerifier, kept.next].every(
      (v) => typeof v === 'string',
    );
    return fresh && complete ? { ...kept, next: safeNext(kept.next) } : null;
  } catch {
    return null;
  }
}
