/**
 * Only administrators open the administrator pages: checked for every route under /staff/admin before
 * anything else of the request is read (the session hook of the workspace has run first, so someone not
 * signed in is sent to the sign-in page). The commands check the role again.
 */
import type { FastifyRequest } from 'fastify';
import { assertAdministrator } from '../../../commands/admin-access.ts';
import { staffActorOf } from '../session.ts';

export async function requireAdministrator(request: FastifyRequest): Promise<void> {
  assertAdministrator(staffActorOf(request));
}
