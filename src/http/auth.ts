/**
 * Staff API authentication with personal access tokens (`Authorization: Bearer vp_…`). Unauthenticated
 * requests to staff routes get 401; what an authenticated user may do is decided by the domain policy.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/action-context.ts';
import { DomainError } from '../domain/errors.ts';
import type { Db } from '../db/database.ts';
import { findUserByToken } from '../db/repositories/api-tokens.ts';

export type StaffActor = Actor & { userId: string; email: string };

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffActor | null;
  }
}

export class UnauthorizedError extends Error {
  readonly statusCode = 401;
  constructor() {
    super('A valid personal access token is required (Authorization: Bearer …).');
  }
}

/** Adds `request.staff` to every request under `prefix`, or answers 401. */
export function registerTokenAuth(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw new UnauthorizedError();
    const user = await findUserByToken(db.kysely, match[1], now());
    if (!user) throw new UnauthorizedError();
    request.staff = { userId: user.id, name: user.name, email: user.email, roles: user.roles };
  });
}

export function staffOf(request: FastifyRequest): StaffActor {
  if (!request.staff) throw new UnauthorizedError();
  return request.staff;
}

export function requireRole(actor: StaffActor, ...roles: Actor['roles']): void {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new DomainError('forbidden', { en: `This needs one of the roles: ${roles.join(', ')}.`, nl: `Hiervoor is een van deze rollen nodig: ${roles.join(', ')}.` });
  }
}
