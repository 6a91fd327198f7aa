/** Renders a case's legal-hold page: the hold in force, its history, when the case is anonymised, the log. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { loadOrganisation } from '../../../commands/context.ts';
import { legalHoldState } from '../../../commands/legal-hold.ts';
import { findComplaintByReference } from '../../../db/repositories/complaints.ts';
import { listDeletionLog } from '../../../db/repositories/deletion-log.ts';
import { DomainError } from '../../../domain/errors.ts';
import { endedAt } from '../../../domain/follow-up.ts';
import { anonymisationDueAt } from '../../../domain/privacy.ts';
import type { AppDeps } from '../../app.ts';
import type { FieldError } from '../../pages/validate.ts';
import { sendPage } from '../render.ts';
import { privacyRequest, REFERENCE } from './context.ts';
import { LegalHoldPage } from './views/LegalHoldPage.tsx';

const DONE = ['hold-set', 'hold-lifted'] as const;

export async function renderHoldPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string | null,
  options: { status: number; errors?: FieldError[]; formMessage?: string; reason?: string },
) {
  const { ctx: context, actor } = await privacyRequest(
    deps,
    request,
    reply,
    reference ? 'case' : 'legal_hold',
  );
  // Also after a form was posted: the language switch leads to the page, not to the form's address.
  const ctx = {
    ...context,
    path: reference ? `/staff/admin/privacy/cases/${reference}` : '/staff/admin/privacy',
  };
  const notFound = () =>
    new DomainError('not_found', {
      en: `No complaint ${reference}.`,
      nl: `Klacht ${reference} bestaat niet.`,
    });
  if (reference === null) {
    return sendPage(
      reply,
      options.status,
      createElement(LegalHoldPage, { ctx, item: null, errors: options.errors ?? [], reason: '' }),
    );
  }
  if (!REFERENCE.test(reference)) throw notFound();
  const complaint = await findComplaintByReference(deps.db.kysely, reference);
  if (!complaint) throw notFound();
  const state = await legalHoldState(deps, reference, actor);
  const { settings } = await loadOrganisation(deps.db.kysely);
  const done = (request.query as { done?: string }).done;
  return sendPage(
    reply,
    options.status,
    createElement(LegalHoldPage, {
      ctx,
      item: {
        reference,
        status: complaint.status,
        endedAt: endedAt(complaint),
        anonymiseOn: anonymisationDueAt(complaint, settings.retention.complaintYearsAfterClosing),
        state,
        deletions: await listDeletionLog(deps.db.kysely, { complaintId: complaint.id }),
      },
      done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : undefined,
      errors: options.errors ?? [],
      formMessage: options.formMessage,
      reason: options.reason ?? '',
    }),
  );
}
