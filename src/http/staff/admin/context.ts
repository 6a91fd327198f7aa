/**
 * What every administrator page needs: the staff page context, the administration texts in the page's
 * language, the administrator as the commands' actor and where the request came from (for the audit log).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminActor } from '../../../commands/admin-access.ts';
import type { ClientMeta } from '../../../commands/staff-sessions.ts';
import { type AdminMessages, adminMessages } from '../../../i18n/staff/admin.ts';
import type { AppDeps } from '../../app.ts';
import type { StaffPageContext } from '../context.ts';
import { staffPageContext } from '../render.ts';
import { clientMeta, staffActorOf } from '../session.ts';

export interface AdminPageContext extends StaffPageContext {
  a: AdminMessages;
}

export interface AdminRequest {
  ctx: AdminPageContext;
  actor: AdminActor;
  meta: ClientMeta;
}

export async function adminRequest(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AdminRequest> {
  const ctx = await staffPageContext(deps, request, reply);
  return {
    ctx: { ...ctx, a: adminMessages[ctx.locale] },
    actor: staffActorOf(request),
    meta: clientMeta(request),
  };
}

/** The message of a `?done=` key, when the page knows it. */
export function doneMessage<T extends Record<string, string>>(texts: T, done: unknown): string | undefined {
  return typeof done === 'string' && Object.hasOwn(texts, done) ? texts[done as keyof T] : undefined;
}
