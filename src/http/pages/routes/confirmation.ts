/**
 * GET /confirmation/<token>: after submitting, the reference number, what happens next with real dates, and
 * the private follow-up link. The token is the follow-up token, so the page is as private as that link.
 */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import { complaintForToken } from '../../../commands/follow-up.ts';
import type { AppDeps } from '../../app.ts';
import { isDecoyToken } from '../decoys.ts';
import { pageContext, sendPage } from '../render.ts';
import { ConfirmationPage, DecoyConfirmationPage } from '../views/ConfirmationPage.tsx';
import { unknownLink, validToken } from './tokens.ts';

export async function confirmationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { token: string } }>(
    '/confirmation/:token',
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { token } = request.params;
      if (isDecoyToken(token)) {
        const ctx = await pageContext(deps, request, reply);
        return sendPage(reply, 200, createElement(DecoyConfirmationPage, { ctx }));
      }
      if (!validToken(token)) throw unknownLink();
      const complaint = await complaintForToken(deps.db.kysely, token, deps.now());
      const ctx = await pageContext(deps, request, reply, { fallback: complaint.reporter.language });
      return sendPage(
        reply,
        200,
        createElement(ConfirmationPage, {
          ctx,
          reference: complaint.reference,
          acknowledgeBy: complaint.deadlines.acknowledgeBy,
          resolveBy: complaint.deadlines.resolveBy,
          followUpUrl: `${deps.config.publicUrl}/follow-up/${token}`,
          emailed: complaint.reporter.email !== null,
        }),
      );
    },
  );
}
