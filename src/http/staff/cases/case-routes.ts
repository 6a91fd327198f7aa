/**
 * The case page and what hangs off it besides the actions: downloads of attachments and letters (each a view
 * of personal data, recorded), a letter marked as posted, the follow-up link revoked or renewed, and the
 * involved person's comment on the summary of their reaction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CommentOnReactionSchema, commentOnReaction } from '../../../commands/comment-on-reaction.ts';
import { replaceFollowUpLink } from '../../../commands/follow-up.ts';
import { recordLetterPosted } from '../../../commands/mark-letter-posted.ts';
import { getAttachmentContent } from '../../../db/repositories/attachments.ts';
import { getLetterPdf } from '../../../db/repositories/letters.ts';
import { isIsoDate, startOfAmsterdamDay } from '../../../domain/calendar.ts';
import { DomainError } from '../../../domain/errors.ts';
import { mayCommentOnOwnReaction } from '../../../domain/policy.ts';
import { casesActionMessages } from '../../../i18n/staff/cases-actions.ts';
import { sendPdf } from '../../api/letters.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import { pageLocale } from '../../pages/locale.ts';
import { schemaProblems } from '../../pages/validate.ts';
import { takeRegistrationNotice } from '../registration/notice.ts';
import { staffPageContext } from '../render.ts';
import { renderCasePage } from './case-page.ts';
import { loadCase, recordComplaintView, requireFullView } from './load.ts';
import { casePath } from './views/case-view.ts';

type CaseRequest = FastifyRequest<{
  Params: { reference: string };
  Querystring: { done?: string; event?: string };
}>;
type ItemRequest = FastifyRequest<{ Params: { reference: string; id: string } }>;

const noSuch = () => new DomainError('not_found', { en: 'Not found.', nl: 'Niet gevonden.' });

/** `filename*=` (RFC 6266/5987) keeps any name intact; the plain `filename` is an ASCII fallback. */
const disposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export async function caseRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);
  const withForm = { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection };

  app.get('/complaints/:reference', { schema: { hide: true } }, async (request: CaseRequest, reply) => {
    const event = Number(request.query.event);
    // Just registered or converted from a spot record (../registration/notice.ts): the follow-up link, once.
    const notice = takeRegistrationNotice(
      request,
      reply,
      request.params.reference,
      pageLocale(request, reply),
    );
    return renderCasePage(deps, request, reply, {
      status: 200,
      reference: request.params.reference,
      done: request.query.done,
      eventSeq: Number.isInteger(event) ? event : undefined,
      ...(notice ? { newFollowUpUrl: notice.followUpUrl, statusText: notice.statusText } : {}),
    });
  });

  app.get(
    '/complaints/:reference/attachments/:id',
    { schema: { hide: true } },
    async (request: ItemRequest, reply) => {
      const ctx = await staffPageContext(deps, request, reply);
      const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
      requireFullView(kase);
      const file = await getAttachmentContent(deps.db.kysely, request.params.id);
      if (!file || file.complaintId !== kase.complaint.id) throw noSuch();
      await recordComplaintView(deps, request, kase.actor, kase.complaint, {
        via: 'attachment',
        view: kase.view,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', disposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/complaints/:reference/letters/:id/pdf',
    { schema: { hide: true } },
    async (request: ItemRequest, reply) => {
      const ctx = await staffPageContext(deps, request, reply);
      const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
      requireFullView(kase);
      const found = await getLetterPdf(deps.db.kysely, request.params.id);
      if (!found || found.letter.complaintId !== kase.complaint.id) throw noSuch();
      await recordComplaintView(deps, request, kase.actor, kase.complaint, {
        via: 'letter',
        view: kase.view,
      });
      return sendPdf(reply, found.letter, found.pdf);
    },
  );

  app.post('/complaints/:reference/letters/:id/posted', withForm, async (request: ItemRequest, reply) => {
    const ctx = await staffPageContext(deps, request, reply);
    const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
    const date = (postedForm(request).fields.postedAt ?? '').trim();
    if (date !== '' && !isIsoDate(date)) {
      throw new DomainError(
        'invalid_input',
        {
          en: 'Posted on: enter a valid date, for example 2026-05-04.',
          nl: 'Op de post gedaan op: vul een geldige datum in, bijvoorbeeld 2026-05-04.',
        },
        { field: 'postedAt' },
      );
    }
    await recordLetterPosted(
      deps,
      kase.complaint.reference,
      request.params.id,
      kase.actor,
      date ? startOfAmsterdamDay(date) : null,
    );
    return reply.redirect(casePath(kase.complaint.reference, '?done=letter-posted'), 303);
  });

  for (const mode of ['revoke', 'renew'] as const) {
    app.post(
      `/complaints/:reference/follow-up-link/${mode}`,
      withForm,
      async (request: CaseRequest, reply) => {
        const ctx = await staffPageContext(deps, request, reply);
        const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
        const result = await replaceFollowUpLink(deps, kase.complaint.reference, kase.actor, {
          issueNew: mode === 'renew',
        });
        if (mode === 'revoke')
          return reply.redirect(casePath(kase.complaint.reference, '?done=follow-up-link-revoked'), 303);
        // The new link exists only now (it is stored as a hash): shown this once, never put in a URL.
        return renderCasePage(deps, request, reply, {
          status: 200,
          reference: kase.complaint.reference,
          newFollowUpUrl: result.followUpUrl,
          statusText: [casesActionMessages[ctx.locale].followUpLink.renewed],
        });
      },
    );
  }

  app.post('/complaints/:reference/comment', withForm, async (request: CaseRequest, reply) => {
    const ctx = await staffPageContext(deps, request, reply);
    const kase = await loadCase(deps, request, request.params.reference, ctx.organisation);
    // Who may comes before what was typed (the command checks the person again).
    if (!mayCommentOnOwnReaction(kase.relation)) {
      throw new DomainError('forbidden', {
        en: 'Only the involved person can comment on the summary of their reaction.',
        nl: 'Alleen de betrokkene zelf kan een opmerking maken bij de samenvatting van zijn of haar reactie.',
      });
    }
    const values = postedForm(request).fields;
    const input = { involvedPersonId: values.involvedPersonId ?? '', text: values.text ?? '' };
    const errors = schemaProblems(CommentOnReactionSchema, input, ctx.locale).map(({ message }) => ({
      field: 'text',
      message,
    }));
    if (errors.length > 0) {
      return renderCasePage(deps, request, reply, {
        status: 400,
        reference: kase.complaint.reference,
        comment: { errors: errors.slice(0, 1), values },
      });
    }
    const version = Number(values.caseVersion);
    await commentOnReaction(
      deps,
      kase.complaint.reference,
      kase.actor,
      input,
      Number.isInteger(version) ? version : -1,
    );
    return reply.redirect(casePath(kase.complaint.reference, '?done=comment'), 303);
  });
}
