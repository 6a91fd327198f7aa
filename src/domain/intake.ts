/**
 * Step 1: receipt and registration on the improvement form. Public submissions and staff registrations of
 * complaints received by phone, letter, email or at the desk both start here, as do the light records of
 * dissatisfaction resolved on the spot (outside the procedure, kept for learning).
 */
import { type Static, Type } from 'typebox';
import type { ActionContext } from './action-context.ts';
import { amsterdamDateOf } from './calendar.ts';
import type { Channel, Complaint, Language } from './complaint.ts';
import { computeDeadlines } from './deadlines.ts';
import { DomainError } from './errors.ts';

const Strict = { additionalProperties: false } as const;
const Optional = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const ReporterRoleSchema = Type.Enum([
  'candidate',
  'employee',
  'client',
  'employer',
  'commissioning_party',
  'representative',
  'other',
] as const);
export const ChannelSchema = Type.Enum(['web', 'email', 'letter', 'phone', 'in_person'] as const);
export const CommissioningPartyTypeSchema = Type.Enum([
  'UWV',
  'municipality',
  'employer',
  'insurer',
  'other',
] as const);

const ReporterSchema = Type.Object(
  {
    name: Optional(200),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Literal('')])),
    phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$' })),
    postalAddress: Optional(500),
    role: Type.Optional(ReporterRoleSchema),
    consentToContact: Type.Optional(Type.Boolean()),
  },
  Strict,
);

const common = {
  reporter: Type.Optional(ReporterSchema),
  description: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }),
  desiredOutcome: Optional(4000),
  event: Type.Optional(
    Type.Object(
      {
        date: Type.Optional(Type.String({ format: 'date' })),
        place: Optional(500),
        circumstances: Optional(4000),
      },
      Strict,
    ),
  ),
  involvedEmployees: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), { maxItems: 20 }),
  ),
  commissioningParty: Type.Optional(
    Type.Object({ type: CommissioningPartyTypeSchema, name: Optional(200), contact: Optional(500) }, Strict),
  ),
  language: Type.Optional(Type.Enum(['nl', 'en'] as const)),
  subject: Type.Optional(Type.Enum(['service', 'person', 'product'] as const)),
};

/** POST /api/v1/complaints: what anyone may send, without an account. */
export const PublicIntakeSchema = Type.Object(common, Strict);
export type PublicIntake = Static<typeof PublicIntakeSchema>;

/** Staff registration of a complaint that came in another way, possibly some time ago. */
export const StaffIntakeSchema = Type.Object(
  {
    ...common,
    channel: ChannelSchema,
    receivedAt: Type.String({ format: 'date-time' }),
    trajectory: Type.Optional(Type.Object({ reference: Optional(100), jobcoach: Optional(200) }, Strict)),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    team: Type.Optional(Type.String({ maxLength: 64 })),
  },
  Strict,
);
export type StaffIntake = Static<typeof StaffIntakeSchema>;

/** Complaints resolved on the spot: date, channel, category, one line, no identity. */
export const SpotRecordSchema = Type.Object(
  {
    receivedAt: Type.String({ format: 'date-time' }),
    channel: ChannelSchema,
    category: Type.Optional(Type.String({ maxLength: 64 })),
    summary: Type.String({ minLength: 1, maxLength: 300, pattern: '^[^\\r\\n]*\\S[^\\r\\n]*$' }),
  },
  Strict,
);
export type SpotRecordInput = Static<typeof SpotRecordSchema>;

const blankToNull = (value: string | undefined): string | null =>
  value && value.trim() !== '' ? value.trim() : null;

export interface NewComplaintFacts {
  id: string;
  reference: string;
  channel: Channel;
  receivedAt: string;
  receiverId: string | null;
  trajectory?: StaffIntake['trajectory'];
  category?: string | undefined;
  team?: string | undefined;
}

/** Validates what only the domain knows (time, settings) and builds the complaint as first registered. */
export function newComplaint(input: PublicIntake, facts: NewComplaintFacts, ctx: ActionContext): Complaint {
  // Compared as instants: the two may be written with different UTC offsets.
  if (Date.parse(facts.receivedAt) > Date.parse(ctx.now)) {
    throw new DomainError(
      'invalid_input',
      {
        en: 'The time of receipt cannot be in the future.',
        nl: 'Het tijdstip van ontvangst kan niet in de toekomst liggen.',
      },
      { field: 'receivedAt' },
    );
  }
  if (input.event?.date && input.event.date > amsterdamDateOf(ctx.now)) {
    throw new DomainError(
      'invalid_input',
      {
        en: 'The date of the event cannot be in the future.',
        nl: 'De datum van de gebeurtenis kan niet in de toekomst liggen.',
      },
      { field: 'event.date' },
    );
  }
  if (facts.category && !ctx.settings.categories.some((c) => c.code === facts.category)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown category '${facts.category}'.`, nl: `Onbekende categorie '${facts.category}'.` },
      { field: 'category' },
    );
  }
  if (facts.team && !ctx.settings.teams.some((t) => t.code === facts.team)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown team '${facts.team}'.`, nl: `Onbekend team '${facts.team}'.` },
      { field: 'team' },
    );
  }
  const reporter = input.reporter ?? {};
  const contact = {
    name: blankToNull(reporter.name),
    email: blankToNull(reporter.email)?.toLowerCase() ?? null,
    phone: blankToNull(reporter.phone),
    postalAddress: blankToNull(reporter.postalAddress),
  };
  const anonymous = !contact.name && !contact.email && !contact.phone && !contact.postalAddress;
  const language: Language = input.language ?? 'nl';
  const party = input.commissioningParty;
  const base = {
    receivedAt: facts.receivedAt,
    reopenings: [],
    extension: null,
    resolvedAt: null,
    acknowledgedAt: null,
    finalReportSentAt: null,
    notTakenUp: null,
  };
  return {
    id: facts.id,
    reference: facts.reference,
    status: 'registered',
    version: 1,
    channel: facts.channel,
    receivedAt: facts.receivedAt,
    registeredAt: ctx.now,
    receiverId: facts.receiverId,
    reporter: {
      anonymous,
      ...contact,
      role: reporter.role ?? null,
      language,
      // Nobody can be contacted without a way to reach them.
      consentToContact: !anonymous && (reporter.consentToContact ?? false),
    },
    trajectory: {
      reference: blankToNull(facts.trajectory?.reference),
      jobcoach: blankToNull(facts.trajectory?.jobcoach),
      commissioningParty: party
        ? { type: party.type, name: blankToNull(party.name), contact: blankToNull(party.contact) }
        : null,
    },
    subject: input.subject ?? null,
    description: input.description.trim(),
    desiredOutcome: blankToNull(input.desiredOutcome),
    event: {
      date: input.event?.date ?? null,
      place: blankToNull(input.event?.place),
      circumstances: blankToNull(input.event?.circumstances),
    },
    category: facts.category ?? null,
    team: facts.team ?? null,
    mentions: (input.involvedEmployees ?? []).map((name) => ({
      id: ctx.newId(),
      name: name.trim(),
      linkedTo: null,
    })),
    involved: [],
    serviceProvidedBy: null,
    handler: null,
    handlerHistory: [],
    summary: null,
    deadlines: computeDeadlines(base, ctx.calendar, ctx.settings.terms),
    extension: null,
    acknowledgedAt: null,
    hearingOffers: [],
    hearings: [],
    reactions: [],
    decision: null,
    findingsSentAt: null,
    offers: [],
    afterRejection: [],
    agreedMeasures: [],
    writtenConfirmationSentAt: null,
    notTakenUp: null,
    withdrawal: null,
    resolvedAt: null,
    finalReportSentAt: null,
    prevention: null,
    preventiveMeasures: [],
    escalations: [],
    reopenings: [],
    closedAt: null,
    closingNote: null,
    reporterMessages: [],
    survey: null,
    followUpLink: { revokedAt: null, renewedAt: null },
    updatedAt: ctx.now,
  };
}

/** VP-2026-00042: the year of receipt and a counter per year. */
export const formatReference = (year: number, number: number): string =>
  `VP-${year}-${String(number).padStart(5, '0')}`;
