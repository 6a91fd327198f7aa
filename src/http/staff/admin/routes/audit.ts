/**
 * GET /audit: the audit log viewer. Filters in the query (`actor`, `action`, `target` – a user's email or an
 * id –, `from`, `to` as dates in Amsterdam, `to` included), pages by an opaque `after` cursor (keyset on the
 * time and id, newest first). Wrong filters are named at their field (400) and nothing is listed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { Temporal } from 'temporal-polyfill';
import { type AuditFilters, listAuditPage } from '../../../../db/repositories/admin.ts';
import type { AuditEntry } from '../../../../db/repositories/audit-log.ts';
import { findUserByEmail, listUsers } from '../../../../db/repositories/users.ts';
import { isDomainError } from '../../../../domain/errors.ts';
import type { AppDeps } from '../../../app.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { sendPage } from '../../render.ts';
import { adminRequest } from '../context.ts';
import { type AuditFilterValues, AuditPage } from '../views/AuditPage.tsx';

const PAGE_SIZE = 50;
const ZONE = 'Europe/Amsterdam';

type AuditQuery = Partial<Record<keyof AuditFilterValues | 'after' | 'lang', string>>;

/** The instant a day starts in Amsterdam, or null when the text is not a real date. */
function startOfDay(date: string, plusDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  try {
    const day = Temporal.PlainDate.from(date, { overflow: 'reject' }).add({ days: plusDays });
    return day.toZonedDateTime({ timeZone: ZONE }).toInstant().toString();
  } catch {
    return null;
  }
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export async function adminAuditRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;

  app.get(
    '/audit',
    { schema: { hide: true } },
    async (request: FastifyRequest<{ Querystring: AuditQuery }>, reply) => {
      const { ctx } = await adminRequest(deps, request, reply);
      const l = ctx.a.audit;
      const q = request.query;
      const values: AuditFilterValues = {
        actor: text(q.actor, 64),
        action: text(q.action, 64),
        target: text(q.target, 254),
        from: text(q.from, 10),
        to: text(q.to, 10),
      };
      const errors: FieldError[] = [];
      const filters: AuditFilters = {};
      if (values.actor) filters.actorId = values.actor;
      if (values.action) filters.action = values.action;
      if (values.target) {
        const user = values.target.includes('@') ? await findUserByEmail(db, values.target) : null;
        filters.targetId = user?.id ?? values.target;
      }
      if (values.from) {
        const from = startOfDay(values.from);
        if (from) filters.from = from;
        else errors.push({ field: 'from', message: l.errors.date });
      }
      if (values.to) {
        const to = startOfDay(values.to, 1);
        if (to) filters.to = to;
        else errors.push({ field: 'to', message: l.errors.date });
      }
      if (filters.from && filters.to && filters.from >= filters.to)
        errors.push({ field: 'to', message: l.errors.period });

      let entries: AuditEntry[] = [];
      let next: string | null = null;
      let formMessage: string | undefined;
      if (errors.length === 0) {
        try {
          const page = await listAuditPage(db, filters, {
            limit: PAGE_SIZE,
            cursor: text(q.after, 200) || null,
          });
          entries = page.items;
          next = page.next;
        } catch (error) {
          if (!isDomainError(error) || error.field !== 'after') throw error;
          formMessage = l.errors.cursor;
        }
      }
      const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
      const href = (after?: string) => {
        const params = new URLSearchParams(query);
        if (after) params.set('after', after);
        const s = params.toString();
        return `/staff/admin/audit${s ? `?${s}` : ''}`;
      };
      return sendPage(
        reply,
        errors.length > 0 || formMessage ? 400 : 200,
        createElement(AuditPage, {
          ctx,
          filters: values,
          errors,
          formMessage,
          entries,
          users: await listUsers(db),
          olderHref: next ? href(next) : null,
          newestHref: q.after ? href() : null,
        }),
      );
    },
  );
}
