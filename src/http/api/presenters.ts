/**
 * What the API shows of a complaint, and the response schemas that say so. The staff view is the whole
 * improvement form with its deadlines, traffic lights and the actions this user may take now; the reporter's
 * view shows only what the reporter may see.
 */
import { Type } from 'typebox';
import type { Actor } from '../../domain/action-context.ts';
import { amsterdamDateOf, type WorkingDayCalendar } from '../../domain/calendar.ts';
import { type Complaint, hasOpenHearingRequest, latestOffer } from '../../domain/complaint.ts';
import { deadlineOverview } from '../../domain/deadlines.ts';
import { appealRoutesFor, followUpLinkExpiresAt } from '../../domain/follow-up.ts';
import { COMPLAINT_STATUSES } from '../../domain/lifecycle.ts';
import { actionsOffered, type CaseRelation } from '../../domain/policy.ts';
import type { OrganisationSettings } from '../../domain/settings.ts';

const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Enum(COMPLAINT_STATUSES);
const DeadlineState = Type.Enum(['met', 'met_late', 'on_time', 'due_soon', 'overdue', 'not_owed'] as const);
const Term = Type.Object({ due: Type.String({ format: 'date' }), state: DeadlineState });

export const DeadlinesSchema = Type.Object({
  acknowledgeBy: Type.String({ format: 'date' }),
  resolveBy: Type.String({ format: 'date' }),
  reportBy: Nullable(Type.String({ format: 'date' })),
  calendarId: Type.String(),
  overview: Type.Object({ acknowledge: Term, resolve: Term, report: Type.Union([Term, Type.Null()]) }),
});

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorLabel: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  changes: Open('{ field: { before, after } } for every changed field'),
  note: Nullable(Type.String()),
});

export const StaffComplaintSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    status: Status,
    version: Type.Integer(),
    channel: Type.String(),
    receivedAt: Type.String(),
    registeredAt: Type.String(),
    receiverId: Nullable(Type.String()),
    reporter: Open('name, email, phone, postalAddress, role, language, consentToContact, anonymous'),
    trajectory: Open('reference, jobcoach, commissioningParty'),
    description: Type.String(),
    deadlines: DeadlinesSchema,
    allowedActions: Type.Array(Type.String()),
  },
  { additionalProperties: true, description: 'The whole improvement form; see src/domain/complaint.ts' },
);

export const ComplaintSummarySchema = Type.Object({
  reference: Type.String(),
  status: Status,
  version: Type.Integer(),
  channel: Type.String(),
  receivedAt: Type.String(),
  category: Nullable(Type.String()),
  handler: Type.Union([Type.Object({ userId: Type.String(), name: Type.String() }), Type.Null()]),
  reporterName: Nullable(Type.String()),
  anonymous: Type.Boolean(),
  deadlines: DeadlinesSchema,
});

function deadlinesOf(complaint: Complaint, calendar: WorkingDayCalendar, now: Date) {
  return {
    ...complaint.deadlines,
    overview: deadlineOverview(complaint, amsterdamDateOf(now.toISOString()), calendar),
  };
}

export function presentStaffComplaint(
  complaint: Complaint,
  relation: CaseRelation,
  organisation: { calendar: WorkingDayCalendar; settings: OrganisationSettings },
  now: Date,
  view: 'full' | 'involved' = 'full',
) {
  const full = {
    ...complaint,
    deadlines: deadlinesOf(complaint, organisation.calendar, now),
    allowedActions: actionsOffered(complaint, relation, organisation.settings),
  };
  return view === 'full' ? full : involvedPart(full, relation.involvedPersonIds);
}

/**
 * An involved person sees the complaint and their own part: never the reporter's contact details, nor other
 * people's reactions, hearings or the reporter's wishes.
 */
function involvedPart<T extends Complaint>(complaint: T, ownIds: string[]): T {
  // The handler may share the reporter's contact details with this person (shareReporterContact).
  const shared = complaint.involved.some(
    (p) => ownIds.includes(p.id) && p.kind === 'user' && p.reporterContactShared,
  );
  return {
    ...complaint,
    reporter: shared
      ? complaint.reporter
      : { ...complaint.reporter, name: null, email: null, phone: null, postalAddress: null },
    trajectory: { ...complaint.trajectory, commissioningParty: null },
    involved: complaint.involved.filter((p) => ownIds.includes(p.id)),
    mentions: [],
    reactions: complaint.reactions.filter((r) => ownIds.includes(r.involvedPersonId)),
    hearingOffers: [],
    hearings: [],
    offers: [],
    desiredOutcome: null,
  };
}

export function presentSummary(complaint: Complaint, calendar: WorkingDayCalendar, now: Date) {
  return {
    reference: complaint.reference,
    status: complaint.status,
    version: complaint.version,
    channel: complaint.channel,
    receivedAt: complaint.receivedAt,
    category: complaint.category,
    handler: complaint.handler ? { userId: complaint.handler.userId, name: complaint.handler.name } : null,
    reporterName: complaint.reporter.name,
    anonymous: complaint.reporter.anonymous,
    deadlines: deadlinesOf(complaint, calendar, now),
  };
}

const Localised = Type.Object({ nl: Type.String(), en: Type.String() });

export const ReporterViewSchema = Type.Object({
  reference: Type.String(),
  status: Status,
  receivedAt: Type.String(),
  language: Type.String(),
  anonymous: Type.Boolean(),
  deadlines: Type.Object({
    acknowledgeBy: Type.String({ format: 'date' }),
    resolveBy: Type.String({ format: 'date' }),
    extendedBecause: Nullable(Type.String()),
  }),
  acknowledgedAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  handler: Type.Union([Type.Object({ name: Type.String(), jobTitle: Type.String() }), Type.Null()]),
  /** The offer waiting for the reporter's reaction, if any. */
  openOffer: Type.Union([
    Type.Object({
      madeAt: Type.String(),
      measures: Type.Array(Type.Object({ kind: Type.String(), description: Type.String() })),
    }),
    Type.Null(),
  ]),
  hearingRequested: Type.Boolean(),
  messages: Type.Array(Type.Object({ at: Type.String(), text: Type.String() })),
  survey: Type.Union([Type.Object({ answeredAt: Type.String() }), Type.Null()]),
  appealRoutes: Type.Array(
    Type.Object({
      code: Type.String(),
      order: Type.Integer(),
      label: Localised,
      url: Nullable(Type.String()),
      contact: Nullable(Type.String()),
      party: Type.Union([
        Type.Object({ type: Type.String(), name: Nullable(Type.String()), contact: Nullable(Type.String()) }),
        Type.Null(),
      ]),
    }),
  ),
  advocacyBodies: Type.Array(
    Type.Object({ name: Type.String(), description: Localised, url: Nullable(Type.String()) }),
  ),
  allowedActions: Type.Array(Type.String()),
  linkExpiresAt: Nullable(Type.String()),
  /** The letters sent to the reporter, downloadable through the link. */
  letters: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      subject: Type.String(),
      createdAt: Type.String(),
      delivery: Type.String(),
    }),
  ),
});

export interface ReporterLetter {
  id: string;
  kind: string;
  subject: string;
  createdAt: string;
  delivery: string;
}

/** The reporter sees the progress, who handles it and what they can do; never internal notes or other people's reactions. */
export function presentForReporter(
  complaint: Complaint,
  settings: OrganisationSettings,
  letters: ReporterLetter[] = [],
) {
  const offer = latestOffer(complaint);
  const relation: CaseRelation = {
    isReporter: true,
    isHandler: false,
    isInvolved: false,
    involvedPersonIds: [],
    isReceiver: false,
    actsAsQualityManager: false,
  };
  return {
    reference: complaint.reference,
    status: complaint.status,
    receivedAt: complaint.receivedAt,
    language: complaint.reporter.language,
    anonymous: complaint.reporter.anonymous,
    deadlines: {
      acknowledgeBy: complaint.deadlines.acknowledgeBy,
      resolveBy: complaint.deadlines.resolveBy,
      extendedBecause: complaint.extension?.reason ?? null,
    },
    acknowledgedAt: complaint.acknowledgedAt,
    resolvedAt: complaint.resolvedAt,
    closedAt: complaint.closedAt,
    handler: complaint.handler
      ? { name: complaint.handler.name, jobTitle: complaint.handler.jobTitle }
      : null,
    openOffer:
      complaint.status === 'offer_made' && offer ? { madeAt: offer.madeAt, measures: offer.measures } : null,
    hearingRequested: hasOpenHearingRequest(complaint),
    messages: complaint.reporterMessages.map(({ at, text }) => ({ at, text })),
    survey: complaint.survey ? { answeredAt: complaint.survey.answeredAt } : null,
    appealRoutes: appealRoutesFor(complaint, settings).map(({ route, party }) => ({
      code: route.code,
      order: route.order,
      label: route.label,
      url: route.url ?? null,
      contact: route.contact ?? null,
      party,
    })),
    advocacyBodies: settings.advocacyBodies.map((b) => ({
      name: b.name,
      description: b.description,
      url: b.url ?? null,
    })),
    allowedActions: actionsOffered(complaint, relation, settings),
    linkExpiresAt: followUpLinkExpiresAt(complaint, settings),
    letters: letters.map(({ id, kind, subject, createdAt, delivery }) => ({
      id,
      kind,
      subject,
      createdAt,
      delivery,
    })),
  };
}

export type { Actor };
