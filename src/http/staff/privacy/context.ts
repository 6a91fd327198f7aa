/** What the privacy pages share: their texts beside the workspace's, and who may open which page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/action-context.ts';
import { DomainError } from '../../../domain/errors.ts';
import { mayHandleDataSubjectRequests, mayManageLegalHold } from '../../../domain/privacy.ts';
import { type PrivacyMessages, privacyMessages } from '../../../i18n/staff/privacy.ts';
import type { AppDeps } from '../../app.ts';
import type { StaffPageContext } from '../context.ts';
import { staffPageContext } from '../render.ts';
import { clientMeta, staffActorOf } from '../session.ts';

export interface PrivacyPageContext extends StaffPageContext {
  p: PrivacyMessages;
}

/**
 * administrator: data subjects' requests, retention, the deletion log. legal_hold: looking up cases for a hold
 * (quality managers and administrators). case: one case's hold, whose command decides (its acting quality
 * manager, the deputy included, or an administrator not involved in it).
 */
export type PrivacyAccess = 'administrator' | 'legal_hold' | 'case';

const forbidden = () =>
  new DomainError('forbidden', { en: 'You may not open this page.', nl: 'U mag deze pagina niet openen.' });

/**
 * The page's context after the role check: data subjects' requests, retention and the deletion log are for
 * administrators; a case's legal hold also for quality managers (deny by default: anyone else gets 403).
 */
export async function privacyRequest(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  access: PrivacyAccess,
): Promise<{ ctx: PrivacyPageContext; actor: Actor & { userId: string }; ip: string | null }> {
  const actor = staffActorOf(request);
  const allowed =
    access === 'administrator'
      ? mayHandleDataSubjectRequests(actor)
      : access === 'legal_hold'
        ? mayManageLegalHold(actor)
        : true;
  if (!allowed) throw forbidden();
  const ctx = await staffPageContext(deps, request, reply);
  return { ctx: { ...ctx, p: privacyMessages[ctx.locale] }, actor, ip: clientMeta(request).ip };
}

/** The case's reference in the form VP-2026-00042. */
export const REFERENCE = /^VP-\d{4}-\d{5,}$/;
