/**
 * The case page: everything on it loaded for the view the policy gives this user, the view recorded in the
 * audit log, and the message about what was just done (with the letters that action sent).
 */

import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { COMMENT_ON_REACTION } from '../../../commands/comment-on-reaction.ts';
import { listAttachments } from '../../../db/repositories/attachments.ts';
import { listAudit } from '../../../db/repositories/audit-log.ts';
import { type ComplaintEvent, listEvents } from '../../../db/repositories/complaint-events.ts';
import { type Letter, listLetters } from '../../../db/repositories/letters.ts';
import { followUpLinkExpiresAt } from '../../../domain/follow-up.ts';
import { mayManageLegalHoldOf } from '../../../domain/privacy.ts';
import { casesMessages } from '../../../i18n/staff/cases.ts';
import { type CasesActionMessages, casesActionMessages } from '../../../i18n/staff/cases-actions.ts';
import { presentStaffComplaint } from '../../api/presenters.ts';
import type { AppDeps } from '../../app.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { formBySlug } from './forms/index.ts';
import { loadCase, recordComplaintView } from './load.ts';
import { CasePage, type CasePageProps } from './views/CasePage.tsx';
import { letterInWords } from './views/sections/Files.tsx';

/** What a redirect back to the case page may say was done, besides the actions (by their slug). */
const OTHER_DONE: Record<string, (ta: CasesActionMessages) => string> = {
  comment: (ta) => ta.comment.done,
  'letter-posted': (ta) => ta.letterPosted.done,
  'follow-up-link-revoked': (ta) => ta.followUpLink.revoked,
};

export interface CasePageOptions {
  status: number;
  reference: string;
  /** `?done=<slug>` and `&event=<seq>` of the action just taken. */
  done?: string | undefined;
  eventSeq?: number | undefined;
  newFollowUpUrl?: string | null;
  comment?: CasePageProps['comment'];
  statusText?: string[];
}

export async function renderCasePage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: CasePageOptions,
) {
  const ctx = await staffPageContext(deps, request, reply);
  const db = deps.db.kysely;
  const kase = await loadCase(deps, request, options.reference, ctx.organisation);
  const { complaint, relation, view, actor } = kase;
  await recordComplaintView(deps, request, actor, complaint, { via: 'page', view });
  const full = view === 'full';
  const allEvents = await listEvents(db, complaint.id);
  const letters = full ? await listLetters(db, complaint.id) : [];
  const seesAccessLog = full && (relation.actsAsQualityManager || actor.roles.includes('administrator'));
  const t = casesMessages[ctx.locale];
  const ta = casesActionMessages[ctx.locale];
  // What this user may see of the form, and (in it) the actions the policy offers them now.
  const c = presentStaffComplaint(complaint, relation, ctx.organisation, ctx.now, view);
  const props: CasePageProps = {
    ctx,
    t,
    ta,
    c,
    kase,
    users: new Map(kase.users.map((u) => [u.id, u])),
    offered: new Set(c.allowedActions),
    events: full ? allEvents : [],
    comments: allEvents.filter(
      (e) => e.action === COMMENT_ON_REACTION && (full || e.actorId === actor.userId),
    ),
    attachments: full ? await listAttachments(db, complaint.id) : [],
    letters,
    accessLog: seesAccessLog
      ? await listAudit(db, {
          action: 'complaint_viewed',
          targetType: 'complaint',
          targetId: complaint.id,
          limit: 50,
        })
      : null,
    linkExpiresAt: followUpLinkExpiresAt(complaint, ctx.organisation.settings),
    managesCase: relation.isHandler || relation.actsAsQualityManager,
    managesLegalHold: full && mayManageLegalHoldOf(relation, actor),
    status: options.statusText ?? doneMessages(options, ta, t, allEvents, letters, actor.userId),
    newFollowUpUrl: options.newFollowUpUrl,
    comment: options.comment,
  };
  return sendPage(reply, options.status, createElement(CasePage, props));
}

/** "The acknowledgement has been sent. Sent: Acknowledgement to the reporter (by email)." */
function doneMessages(
  options: CasePageOptions,
  ta: CasesActionMessages,
  t: CasesPageMessages,
  events: ComplaintEvent[],
  letters: Letter[],
  userId: string,
): string[] {
  if (!options.done) return [];
  const form = formBySlug(options.done);
  const done = form ? ta[form.name].done : OTHER_DONE[options.done]?.(ta);
  if (!done) return [];
  // The letters of that very action, in the order sent: its history entry names each by the SHA-256 of its PDF.
  const event = events.find((e) => e.seq === options.eventSeq && e.actorId === userId);
  const sent = (event?.note ?? '')
    .split('\n')
    .flatMap((line) => letters.find((l) => line.includes(l.sha256)) ?? []);
  return sent.length ? [done, t.status.lettersSent(sent.map((l) => letterInWords(t, l)).join('; '))] : [done];
}

type CasesPageMessages = (typeof casesMessages)['nl'];
