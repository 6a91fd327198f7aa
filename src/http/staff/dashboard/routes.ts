/**
 * GET /staff: the dashboard, the page after signing in. Quality managers and administrators see every open
 * case (the policy's maySeeAllCases); everyone sees their own work: cases they handle or received, cases in
 * which their agreement to a reaction is asked, and the open measures they own. What each row shows is the
 * policy's view of that case for this user.
 */
import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import { listComplaints } from '../../../db/repositories/complaints.ts';
import {
  countOpenCases,
  type DashboardScope,
  findComplaintsByIds,
  listOpenCases,
} from '../../../db/repositories/dashboard.ts';
import { listUsers } from '../../../db/repositories/users.ts';
import { listOwnedMeasures } from '../../../db/repositories/work-items.ts';
import type { Actor } from '../../../domain/action-context.ts';
import { amsterdamDateOf, startOfAmsterdamDay } from '../../../domain/calendar.ts';
import { dueSoonBefore } from '../../../domain/dashboard.ts';
import { TERMINAL } from '../../../domain/lifecycle.ts';
import { maySeeAllCases } from '../../../domain/policy.ts';
import { dashboardMessages } from '../../../i18n/staff/dashboard.ts';
import type { AppDeps } from '../../app.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { staffActorOf } from '../session.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { dashboardHref, parseDashboardQuery } from './query.ts';
import { caseRow, type MeasureRow, measureRow, type QualityManagerFacts } from './rows.ts';

const PAGE_SIZE = 25;
const MEASURES_SHOWN = 20;

/** The users acting as quality manager: those with the role, and the deputy named in the settings. */
async function qualityManagerFacts(deps: AppDeps, deputyEmail: string | null): Promise<QualityManagerFacts> {
  const users = await listUsers(deps.db.kysely);
  const deputy = deputyEmail ? users.find((u) => u.email === deputyEmail.toLowerCase()) : undefined;
  return {
    qualityManagerIds: new Set(users.filter((u) => u.roles.includes('quality_manager')).map((u) => u.id)),
    deputyId: deputy?.id ?? null,
  };
}

function workScope(actor: Actor & { userId: string }, facts: QualityManagerFacts): DashboardScope {
  // The deputy acts as quality manager in the cases in which a quality manager is involved (policy.ts).
  const deputyFor =
    actor.userId === facts.deputyId ? [...facts.qualityManagerIds].filter((id) => id !== actor.userId) : [];
  return { kind: 'work', userId: actor.userId, deputyFor };
}

export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await staffPageContext(deps, request, reply);
    const actor = staffActorOf(request);
    const d = dashboardMessages[ctx.locale];
    const { settings, calendar } = ctx.organisation;
    const query = parseDashboardQuery(request.query as Record<string, unknown>, settings, d);
    const facts = await qualityManagerFacts(deps, settings.deputyQualityManagerEmail ?? null);
    const seesAll = maySeeAllCases(actor);
    const work = workScope(actor, facts);
    const today = amsterdamDateOf(ctx.now.toISOString());
    const day = { today, soonBefore: dueSoonBefore(today, calendar) };
    const db = deps.db.kysely;

    const measures = await ownedMeasures(deps, actor, facts, today, ctx.organisation.calendar);
    const common = { ctx, d, query, seesAll, measures: measures.rows, measuresTruncated: measures.truncated };
    if (query.errors.length > 0) {
      const page = { ...common, counts: null, finished: false, rows: null, nextHref: null, firstHref: null };
      return sendPage(reply, 400, createElement(DashboardPage, page));
    }

    const scope: DashboardScope = seesAll && !query.mine ? { kind: 'all' } : work;
    const status = query.status;
    const finished = status === 'finished';
    const receivedFrom = query.from ? startOfAmsterdamDay(query.from) : undefined;
    const receivedTo = query.to ? nextDayStart(query.to) : undefined;
    const found =
      status === 'finished'
        ? await listComplaints(
            db,
            {
              statuses: [...TERMINAL],
              ...(query.channel ? { channel: query.channel } : {}),
              ...(query.category ? { category: query.category } : {}),
              unassigned: query.unassigned,
              ...(receivedFrom ? { receivedFrom } : {}),
              ...(receivedTo ? { receivedTo } : {}),
              ...(query.text ? { text: query.text } : {}),
              ...(scope.kind === 'work' ? { visibleTo: actor.userId } : {}),
            },
            { limit: PAGE_SIZE, cursor: query.cursor },
          )
        : await listOpenCases(
            db,
            scope,
            {
              ...(status !== 'open' ? { statuses: [status] } : {}),
              ...(query.due ? { due: query.due } : {}),
              unassigned: query.unassigned,
              ...(query.channel ? { channel: query.channel } : {}),
              ...(query.category ? { category: query.category } : {}),
              ...(receivedFrom ? { receivedFrom } : {}),
              ...(receivedTo ? { receivedTo } : {}),
              ...(query.text ? { text: query.text } : {}),
            },
            day,
            { limit: PAGE_SIZE, cursor: query.cursor },
          );
    // The counts are of everything this user sees open, whatever the filters (the page says so).
    const counts = await countOpenCases(db, seesAll ? { kind: 'all' } : work, day);
    const rows = found.items.flatMap((c) => caseRow(c, actor, facts, today, calendar) ?? []);
    return sendPage(
      reply,
      200,
      createElement(DashboardPage, {
        ...common,
        counts,
        finished,
        rows,
        nextHref: found.next ? dashboardHref(query.values, {}, found.next) : null,
        firstHref: query.cursor ? dashboardHref(query.values) : null,
      }),
    );
  });
}

/** The instant the Amsterdam day after `date` begins: the exclusive end of "received up to and including". */
function nextDayStart(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfAmsterdamDay(next.toISOString().slice(0, 10));
}

async function ownedMeasures(
  deps: AppDeps,
  actor: Actor & { userId: string },
  facts: QualityManagerFacts,
  today: string,
  calendar: Parameters<typeof measureRow>[5],
): Promise<{ rows: MeasureRow[]; truncated: number | null }> {
  const owned = await listOwnedMeasures(deps.db.kysely, actor.userId, MEASURES_SHOWN + 1);
  const shown = owned.slice(0, MEASURES_SHOWN);
  const complaints = new Map(
    (await findComplaintsByIds(deps.db.kysely, [...new Set(shown.map((m) => m.complaintId))])).map((c) => [
      c.id,
      c,
    ]),
  );
  const rows = shown.flatMap((measure) => {
    const complaint = complaints.get(measure.complaintId);
    return (complaint && measureRow(complaint, measure, actor, facts, today, calendar)) || [];
  });
  return { rows, truncated: owned.length > MEASURES_SHOWN ? MEASURES_SHOWN : null };
}
