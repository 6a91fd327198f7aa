/**
 * The staff API (personal access tokens): the list, one complaint with its history, staff intake, every
 * lifecycle action (one route per action, generated from the one schema catalogue), and the light records
 * of complaints resolved on the spot.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadOrganisationOf } from '../../commands/context.ts';
import { replaceFollowUpLink } from '../../commands/follow-up.ts';
import { registerComplaint } from '../../commands/register-complaint.ts';
import { convertSpotRecord, recordSpotRecord } from '../../commands/spot-records.ts';
import { relationOf, takeAction } from '../../commands/take-action.ts';
import { recordAudit } from '../../db/repositories/audit-log.ts';
import { listEvents } from '../../db/repositories/complaint-events.ts';
import { findComplaintByReference, listComplaints } from '../../db/repositories/complaints.ts';
import { listOutbox } from '../../db/repositories/outbox.ts';
import { listSpotRecords } from '../../db/repositories/spot-records.ts';
import { ACTION_SCHEMAS, type Action } from '../../domain/action-schemas.ts';
import { amsterdamDateOf, startOfAmsterdamDay } from '../../domain/calendar.ts';
import { DomainError } from '../../domain/errors.ts';
import { PublicIntakeSchema, SpotRecordSchema, StaffIntakeSchema } from '../../domain/intake.ts';
import { ACTION_NAMES, COMPLAINT_STATUSES, type ComplaintStatus } from '../../domain/lifecycle.ts';
import { mayRegister, maySeeAllCases, viewOf } from '../../domain/policy.ts';
import type { AppDeps } from '../app.ts';
import { registerTokenAuth, requireRole, staffOf } from '../auth.ts';
import { adminRoutes } from './admin.ts';
import { letterTemplateRoutes } from './letter-templates.ts';
import { letterRoutes } from './letters.ts';
import {
  ComplaintSummarySchema,
  EventSchema,
  presentStaffComplaint,
  presentSummary,
  StaffComplaintSchema,
} from './presenters.ts';
import { privacyRoutes } from './privacy.ts';
import { ProblemSchema } from './problem-schema.ts';
import { reportRoutes } from './reports.ts';

const Reference = Type.Object({ reference: Type.String({ pattern: '^VP-\\d{4}-\\d{5,}$', maxLength: 20 }) });
const Errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Type.Enum(COMPLAINT_STATUSES), { maxItems: 14 })),
    handler: Type.Optional(Type.String({ maxLength: 64 })),
    overdue: Type.Optional(Type.Boolean()),
    receivedFrom: Type.Optional(Type.String({ format: 'date' })),
    receivedTo: Type.Optional(Type.String({ format: 'date' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const staffRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    registerTokenAuth(app, deps.db, deps.now);
    await app.register(adminRoutes(deps));
    await app.register(letterRoutes(deps));
    await app.register(reportRoutes(deps));
    await app.register(letterTemplateRoutes(deps));
    await app.register(privacyRoutes(deps));

    app.get(
      '/api/v1/staff/complaints',
      {
        schema: {
          tags: ['staff'],
          summary: 'List complaints, newest first, with filters and keyset pagination',
          querystring: ListQuery,
          response: {
            200: Type.Object({
              items: Type.Array(ComplaintSummarySchema),
              next: Type.Union([Type.String(), Type.Null()]),
            }),
            ...Errors,
          },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const q = request.query;
        const now = deps.now();
        const { calendar } = await loadOrganisationOf(deps.db);
        const page = await listComplaints(
          deps.db.kysely,
          {
            statuses: q.status as ComplaintStatus[] | undefined,
            handlerId: q.handler,
            overdueOn: q.overdue ? amsterdamDateOf(now.toISOString()) : undefined,
            receivedFrom: q.receivedFrom ? startOfAmsterdamDay(q.receivedFrom) : undefined,
            receivedTo: q.receivedTo
              ? new Date(Date.parse(startOfAmsterdamDay(q.receivedTo)) + 86_400_000).toISOString()
              : undefined,
            text: q.q,
            visibleTo: maySeeAllCases(actor) ? undefined : actor.userId,
          },
          { limit: q.limit ?? 50, cursor: q.cursor ?? null },
        );
        return { items: page.items.map((c) => presentSummary(c, calendar, now)), next: page.next };
      },
    );

    app.get(
      '/api/v1/staff/complaints/:reference',
      {
        schema: {
          tags: ['staff'],
          summary:
            'One complaint: the whole improvement form, its deadlines, history and the actions you may take',
          params: Reference,
          response: {
            200: Type.Intersect([StaffComplaintSchema, Type.Object({ history: Type.Array(EventSchema) })]),
            ...Errors,
          },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const complaint = await findComplaintByReference(deps.db.kysely, request.params.reference);
        if (!complaint)
          throw new DomainError('not_found', {
            en: `No complaint ${request.params.reference}.`,
            nl: `Klacht ${request.params.reference} bestaat niet.`,
          });
        const organisation = await loadOrganisationOf(deps.db);
        const relation = await relationOf(deps.db.kysely, complaint, actor, organisation);
        const view = viewOf(relation, actor);
        if (!view)
          throw new DomainError('forbidden', {
            en: 'You may not see this complaint.',
            nl: 'U mag deze klacht niet inzien.',
          });
        await recordAudit(deps.db.kysely, {
          at: deps.now(),
          actorId: actor.userId,
          actorLabel: actor.name,
          action: 'complaint_viewed',
          targetType: 'complaint',
          targetId: complaint.id,
          ip: request.ip ?? null,
          details: { via: 'api', view },
        });
        // An involved person's view has no timeline: its before/after values would show what the view leaves out.
        const history = view === 'full' ? await listEvents(deps.db.kysely, complaint.id) : [];
        return { ...presentStaffComplaint(complaint, relation, organisation, deps.now(), view), history };
      },
    );

    app.post(
      '/api/v1/staff/complaints',
      {
        bodyLimit: 256 * 1024,
        schema: {
          tags: ['staff'],
          summary: 'Register a complaint received by phone, letter, email or in person',
          body: StaffIntakeSchema,
          response: { 201: StaffComplaintSchema, ...Errors },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        if (!mayRegister(actor))
          throw new DomainError('forbidden', {
            en: 'You may not register complaints.',
            nl: 'U mag geen klachten registreren.',
          });
        const { complaint } = await registerComplaint(deps, request.body, actor);
        const organisation = await loadOrganisationOf(deps.db);
        const relation = await relationOf(deps.db.kysely, complaint, actor, organisation);
        return reply.status(201).send(presentStaffComplaint(complaint, relation, organisation, deps.now()));
      },
    );

    for (const name of ACTION_NAMES) {
      app.post(
        `/api/v1/staff/complaints/:reference/${kebab(name)}`,
        {
          bodyLimit: name === 'addAttachment' ? 40 * 1024 * 1024 : 256 * 1024,
          schema: {
            tags: ['lifecycle'],
            summary: `Lifecycle action: ${name}`,
            description:
              'Send `If-Match: "<version>"` to refuse the change when the complaint changed since you read it.',
            params: Reference,
            headers: Type.Object({ 'if-match': Type.Optional(Type.String({ pattern: '^(W/)?"?\\d+"?$' })) }),
            body: ACTION_SCHEMAS[name],
            response: { 200: StaffComplaintSchema, ...Errors },
          },
        },
        async (request) => {
          const actor = staffOf(request);
          const ifMatch = request.headers['if-match'];
          const expectedVersion = ifMatch ? Number(ifMatch.replace(/\D/g, '')) : undefined;
          const action = { name, input: request.body } as Action;
          const { complaint } = await takeAction(
            deps,
            request.params.reference,
            action,
            actor,
            expectedVersion,
          );
          const organisation = await loadOrganisationOf(deps.db);
          const relation = await relationOf(deps.db.kysely, complaint, actor, organisation);
          return presentStaffComplaint(
            complaint,
            relation,
            organisation,
            deps.now(),
            viewOf(relation, actor) ?? 'involved',
          );
        },
      );
    }

    for (const mode of ['revoke', 'renew'] as const) {
      app.post(
        `/api/v1/staff/complaints/:reference/follow-up-link/${mode}`,
        {
          schema: {
            tags: ['staff'],
            summary:
              mode === 'revoke'
                ? "Revoke the reporter's follow-up link (e.g. it was forwarded by mistake)"
                : "Revoke the reporter's follow-up link and issue a new one (emailed when there is an address; shown once)",
            params: Reference,
            response: {
              200: Type.Object({
                reference: Type.String(),
                followUpUrl: Type.Union([Type.String(), Type.Null()]),
              }),
              ...Errors,
            },
          },
        },
        async (request) => {
          const actor = staffOf(request);
          const complaint = await findComplaintByReference(deps.db.kysely, request.params.reference);
          if (!complaint)
            throw new DomainError('not_found', {
              en: `No complaint ${request.params.reference}.`,
              nl: `Klacht ${request.params.reference} bestaat niet.`,
            });
          const result = await replaceFollowUpLink(deps, complaint.reference, actor, {
            issueNew: mode === 'renew',
          });
          return { reference: result.complaint.reference, followUpUrl: result.followUpUrl };
        },
      );
    }

    const SpotRecordView = Type.Object({
      id: Type.String(),
      receivedAt: Type.String(),
      channel: Type.String(),
      category: Type.Union([Type.String(), Type.Null()]),
      summary: Type.String(),
      convertedComplaintId: Type.Union([Type.String(), Type.Null()]),
    });

    app.post(
      '/api/v1/staff/spot-records',
      {
        schema: {
          tags: ['staff'],
          summary: 'Log dissatisfaction that was resolved on the spot (outside the procedure; no identity)',
          body: SpotRecordSchema,
          response: { 201: SpotRecordView, ...Errors },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        if (!mayRegister(actor))
          throw new DomainError('forbidden', {
            en: 'You may not register complaints.',
            nl: 'U mag geen klachten registreren.',
          });
        return reply.status(201).send(await recordSpotRecord(deps, request.body, actor));
      },
    );

    app.get(
      '/api/v1/staff/spot-records',
      {
        schema: {
          tags: ['staff'],
          summary: 'Complaints resolved on the spot in a period',
          querystring: Type.Object(
            { from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(SpotRecordView), ...Errors },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        if (!mayRegister(actor) && !maySeeAllCases(actor))
          throw new DomainError('forbidden', {
            en: 'You may not see these records.',
            nl: 'U mag deze registraties niet inzien.',
          });
        return listSpotRecords(deps.db.kysely, {
          from: startOfAmsterdamDay(request.query.from),
          to: new Date(Date.parse(startOfAmsterdamDay(request.query.to)) + 86_400_000).toISOString(),
        });
      },
    );

    app.post(
      '/api/v1/staff/spot-records/:id/convert',
      {
        schema: {
          tags: ['staff'],
          summary: 'Convert a spot record into a complaint that keeps its time of receipt',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          body: Type.Object(
            {
              reporter: PublicIntakeSchema.properties.reporter,
              description: Type.Optional(PublicIntakeSchema.properties.description),
            },
            { additionalProperties: false },
          ),
          response: { 201: StaffComplaintSchema, ...Errors },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        if (!mayRegister(actor))
          throw new DomainError('forbidden', {
            en: 'You may not register complaints.',
            nl: 'U mag geen klachten registreren.',
          });
        const { complaint } = await convertSpotRecord(deps, request.params.id, request.body, actor);
        const organisation = await loadOrganisationOf(deps.db);
        const relation = await relationOf(deps.db.kysely, complaint, actor, organisation);
        return reply.status(201).send(presentStaffComplaint(complaint, relation, organisation, deps.now()));
      },
    );

    app.get(
      '/api/v1/staff/outbox',
      {
        schema: {
          tags: ['admin'],
          summary: 'The email outbox (the local outbox when no SMTP server is configured)',
          querystring: Type.Object(
            { status: Type.Optional(Type.Enum(['pending', 'sent', 'failed', 'local'] as const)) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })), ...Errors },
        },
      },
      async (request) => {
        requireRole(staffOf(request), 'administrator');
        return listOutbox(deps.db.kysely, { status: request.query.status, limit: 200 });
      },
    );
  };
