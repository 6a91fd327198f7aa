/**
 * The staff session in HTTP: the cookie, and a hook that finds the signed-in user for every staff route and
 * denies by default. A route is open to anyone only when it says `config: { staffAccess: 'public' }`; a
 * route for a sign-in step in between says which stage it serves; every other route needs a complete sign-in.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClientMeta } from '../../commands/staff-sessions.ts';
import { resumeSession } from '../../commands/staff-sessions.ts';
import type { StaffSession } from '../../db/repositories/staff-sessions.ts';
import type { User } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/action-context.ts';
import type { SessionStage } from '../../domain/sign-in.ts';
import type { AppDeps } from '../app.ts';
import type { StaffActor } from '../auth.ts';

export const SESSION_COOKIE = 'vp_staff';
export const STAFF_PREFIX = '/staff';

/**
 * Who may open a staff route: anyone; any session, whatever its stage (signing out); a session at one sign-in
 * step, or at any of several stages (setting up the second factor: owed, or by choice once signed in); or
 * (the default) a complete sign-in.
 */
export type StaffAccess = 'public' | 'any' | SessionStage | readonly SessionStage[];

/** The page that serves each unfinished sign-in step. */
export const STAGE_PATHS: Record<Exclude<SessionStage, 'complete'>, string> = {
  second_factor: '/staff/sign-in/second-factor',
  enrol_second_factor: '/staff/account/two-factor',
};

export interface SignedIn {
  session: StaffSession;
  user: User;
  /** The cookie's token (to rotate or revoke it). */
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staffSignedIn: SignedIn | null;
  }
  interface FastifyContextConfig {
    staffAccess?: StaffAccess;
  }
}

/** Not signed in (or the session expired): the error handler sends the browser to the sign-in page. */
export class SignInRequired extends Error {
  constructor(readonly expired: boolean) {
    super('Sign in first.');
  }
}

/** Signed in only part of the way: the error handler sends the browser to the step that is owed. */
export class SignInStepRequired extends Error {
  constructor(readonly stage: Exclude<SessionStage, 'complete'>) {
    super('Finish signing in first.');
  }
}

/** Go elsewhere (303): for a page that makes no sense in the request's situation. */
export class RedirectTo extends Error {
  constructor(readonly location: string) {
    super(`See ${location}`);
  }
}

export function registerStaffSession(app: FastifyInstance, deps: AppDeps): void {
  const secure = deps.config.publicUrl.startsWith('https:');
  app.decorateRequest('staffSignedIn', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const resumed = await resumeSession(deps, token);
    if (resumed.state === 'active' && token) {
      request.staffSignedIn = { session: resumed.session, user: resumed.user, token };
    } else if (token) {
      clearSessionCookie(reply, secure);
    }
    const access = request.routeOptions.config?.staffAccess ?? 'complete';
    if (access === 'public') return;
    const signedIn = request.staffSignedIn;
    if (!signedIn) throw new SignInRequired(resumed.state === 'expired');
    const stage = signedIn.session.stage;
    if (access === 'any' || (typeof access === 'string' ? stage === access : access.includes(stage))) return;
    if (stage !== 'complete') throw new SignInStepRequired(stage);
    // A complete session on a sign-in step's page: nothing is owed any more.
    throw new RedirectTo(STAFF_PREFIX);
  });
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind https, only for the staff pages, ends with the browser. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: STAFF_PREFIX, httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: STAFF_PREFIX, httpOnly: true, sameSite: 'lax', secure });
}

/** The signed-in user of a route that needs one (every staff route but the public ones). */
export function signedInOf(request: FastifyRequest): SignedIn {
  if (!request.staffSignedIn) throw new SignInRequired(false);
  return request.staffSignedIn;
}

/** The signed-in user as the domain's actor, for commands and the policy. */
export function staffActorOf(request: FastifyRequest): StaffActor {
  const { user } = signedInOf(request);
  return { userId: user.id, name: user.name, email: user.email, roles: user.roles as Role[] };
}

/** Where the request comes from, for the audit log and the list of sessions. */
export function clientMeta(request: FastifyRequest): ClientMeta {
  return { ip: request.ip ?? null, userAgent: String(request.headers['user-agent'] ?? '') || null };
}

/**
 * A `next` path after signing in: only a staff page of this site, never another site. The path is resolved
 * as a browser would (dot segments, also encoded ones) before it is checked, so `/staff/../api` is refused.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return STAFF_PREFIX;
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return STAFF_PREFIX;
  const base = 'http://staff.invalid';
  const url = URL.canParse(next, base) ? new URL(next, base) : null;
  if (!url || url.origin !== base || !/^\/staff(\/|$)/.test(url.pathname)) return STAFF_PREFIX;
  return `${url.pathname}${url.search}`;
}
