/**
 * The improvement form (verbeterformulier): everything the regulation says must be recorded about one
 * complaint, as one aggregate. Storage keeps it in one row plus its history; this module holds the types
 * and the invariants that are not about the order of steps (that is lifecycle.ts).
 */
import type { IsoDate } from './calendar.ts';
import { DomainError } from './errors.ts';
import type { ComplaintStatus } from './lifecycle.ts';
import type { CommissioningPartyType } from './settings.ts';

export type Channel = 'web' | 'email' | 'letter' | 'phone' | 'in_person';
export const CHANNELS: readonly Channel[] = ['web', 'email', 'letter', 'phone', 'in_person'];

/** One list for the whole product (GLOSSARY.md, melder). */
export type ReporterRole =
  | 'candidate'
  | 'employee'
  | 'client'
  | 'employer'
  | 'commissioning_party'
  | 'representative'
  | 'other';
export const REPORTER_ROLES: readonly ReporterRole[] = [
  'candidate',
  'employee',
  'client',
  'employer',
  'commissioning_party',
  'representative',
  'other',
];

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Step 1: "een bewezen dienst, een persoon of een product". */
export type SubjectKind = 'service' | 'person' | 'product';
export type Judgement = 'well_founded' | 'partly_well_founded' | 'unfounded';
export type Severity = 'low' | 'medium' | 'high';
export type CorrectiveKind = 'correction' | 'redress' | 'replacement_service';
export type ContactMethod = 'phone' | 'in_person' | 'email' | 'letter' | 'follow_up_page';

export interface Reporter {
  anonymous: boolean;
  name: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  role: ReporterRole | null;
  language: Language;
  consentToContact: boolean;
}

export interface CommissioningParty {
  type: CommissioningPartyType;
  name: string | null;
  contact: string | null;
}

export interface Trajectory {
  reference: string | null;
  jobcoach: string | null;
  commissioningParty: CommissioningParty | null;
}

export interface ThirdParty {
  name: string;
  organisation: string | null;
  email: string | null;
  postalAddress: string | null;
}

/** A person involved in the complaint: a user, or a third party working on the organisation's behalf. */
export type InvolvedPerson =
  | {
      id: string;
      kind: 'user';
      userId: string;
      name: string;
      mentionId: string | null;
      /**
       * The handler shared the reporter's contact details with this employee (e.g. to call and apologise).
       * Absent on cases from before sharing existed: not shared.
       */
      reporterContactShared?: boolean;
    }
  | ({ id: string; kind: 'third_party'; mentionId: string | null } & ThirdParty);

/** A name the reporter wrote. It stays as written; `linkedTo` says what the quality manager made of it. */
export interface Mention {
  id: string;
  name: string;
  /** null = not yet decided; 'nobody' = decided that it is nobody we can involve. */
  linkedTo: { involvedPersonId: string } | 'nobody' | null;
}

export interface HandlerSnapshot {
  userId: string;
  /** Name and job title at the time of assignment (step 2 asks for both on the form). */
  name: string;
  jobTitle: string;
  assignedAt: string;
  reason: string | null;
}

export interface HearingOffer {
  id: string;
  offeredAt: string;
  method: ContactMethod;
  /** accepted = the reporter wants to be heard: an open request until a hearing is held. */
  answer: 'accepted' | 'declined' | 'no_answer' | null;
  answeredAt: string | null;
}

export interface Hearing {
  id: string;
  heldAt: string;
  report: string;
}

/** Step 4: the handler's summary of an involved person's reaction, agreed by that person. */
export interface Reaction {
  involvedPersonId: string;
  summary: string;
  /** Increments on every edit; agreement is to one version, so an edit withdraws it. */
  summaryVersion: number;
  agreedVersion: number | null;
  agreedAt: string | null;
  /** For a third party without an account: how the handler obtained the agreement. */
  agreementMethod: string | null;
}

export interface Decision {
  judgement: Judgement;
  reasons: string;
  findings: string;
  severity: Severity;
  cause: string;
  responsibleParty: string;
  decidedAt: string;
  /** Why the handler decided without every reaction agreed or with a hearing request open. */
  overrideReason: string | null;
}

export interface OfferedMeasure {
  kind: CorrectiveKind;
  description: string;
}

export interface Offer {
  id: string;
  madeAt: string;
  method: ContactMethod;
  /** Required when the offer was not made by phone, as the regulation asks (e.g. anonymous reporter). */
  phoneSkippedReason: string | null;
  measures: OfferedMeasure[];
  satisfied: boolean | null;
  reaction: string | null;
  respondedAt: string | null;
}

/** Step 8: what was agreed with the reporter, followed up until done. */
export interface AgreedMeasure {
  id: string;
  kind: CorrectiveKind;
  description: string;
  ownerUserId: string;
  dueDate: IsoDate;
  doneAt: string | null;
}

/** Step 7. */
export interface PreventiveMeasure {
  id: string;
  description: string;
  ownerUserId: string;
  consulted: string;
  dueDate: IsoDate;
  doneAt: string | null;
  evaluation: { effective: boolean; note: string; evaluatedAt: string } | null;
}

export interface Escalation {
  id: string;
  at: string;
  /** An appeal route code from settings. */
  route: string;
  note: string | null;
}

export interface Deadlines {
  acknowledgeBy: IsoDate;
  resolveBy: IsoDate;
  reportBy: IsoDate | null;
  /** The calendar the deadlines were computed with (WorkingDayCalendar.id). */
  calendarId: string;
}

export interface Complaint {
  id: string;
  reference: string;
  status: ComplaintStatus;
  version: number;
  channel: Channel;
  receivedAt: string;
  registeredAt: string;
  receiverId: string | null;
  reporter: Reporter;
  trajectory: Trajectory;
  subject: SubjectKind | null;
  description: string;
  desiredOutcome: string | null;
  event: { date: IsoDate | null; place: string | null; circumstances: string | null };
  category: string | null;
  team: string | null;
  mentions: Mention[];
  involved: InvolvedPerson[];
  /** Who delivered the service complained about: an involved person's id. Never the handler. */
  serviceProvidedBy: string | null;
  handler: HandlerSnapshot | null;
  handlerHistory: HandlerSnapshot[];
  /** The handler's short description ("korte omschrijving"), quoted by letters instead of the raw text. */
  summary: string | null;
  deadlines: Deadlines;
  extension: { workingDays: number; reason: string; noticeSentAt: string; previousResolveBy: IsoDate } | null;
  acknowledgedAt: string | null;
  hearingOffers: HearingOffer[];
  hearings: Hearing[];
  reactions: Reaction[];
  decision: Decision | null;
  findingsSentAt: string | null;
  offers: Offer[];
  /** After an unsatisfied reaction: what the handler chose, with reasons. */
  afterRejection: {
    choice: 'new_investigation' | 'new_offer' | 'no_further_step';
    reason: string | null;
    at: string;
  }[];
  agreedMeasures: AgreedMeasure[];
  writtenConfirmationSentAt: string | null;
  notTakenUp: { ground: string; motivation: string; at: string } | null;
  withdrawal: { at: string; reason: string | null } | null;
  resolvedAt: string | null;
  finalReportSentAt: string | null;
  prevention: { decision: 'measures' | 'none_possible'; reason: string | null; decidedAt: string } | null;
  preventiveMeasures: PreventiveMeasure[];
  escalations: Escalation[];
  reopenings: { at: string; reason: string; fromStatus: ComplaintStatus }[];
  closedAt: string | null;
  closingNote: string | null;
  /** What the reporter added through the follow-up link after submitting. */
  reporterMessages: { id: string; at: string; text: string }[];
  /** The reporter's answers to the satisfaction survey after closing (step 8 learns from them). */
  survey: Survey | null;
  /** The follow-up link's history: revoked and renewed by staff. The token itself is never stored. */
  followUpLink: { revokedAt: string | null; renewedAt: string | null };
  updatedAt: string;
}

export interface Survey {
  handledWell: 'yes' | 'partly' | 'no';
  onTime: 'yes' | 'no' | 'unknown';
  comment: string | null;
  answeredAt: string;
}

/** User ids that count as involved: the handler may never be one of them (step 2). */
export function involvedUserIds(complaint: Pick<Complaint, 'involved'>): string[] {
  return complaint.involved.flatMap((person) => (person.kind === 'user' ? [person.userId] : []));
}

/**
 * Step 2: "Diegene die de klacht afhandelt is nooit de medewerker die de dienst heeft verleend."
 * The one place that checks a handler's neutrality; called on assignment, reassignment and whenever an
 * involved person or the service provider is linked while a handler is assigned.
 */
export function assertHandlerNeutral(
  complaint: Pick<Complaint, 'involved' | 'serviceProvidedBy'>,
  handlerUserId: string,
): void {
  if (involvedUserIds(complaint).includes(handlerUserId)) {
    throw new DomainError(
      'handler_not_neutral',
      {
        en: 'The handler cannot be a person involved in the complaint.',
        nl: 'De behandelaar mag niet betrokken zijn bij de klacht.',
      },
      {
        field: 'handlerId',
        details: { handlerId: handlerUserId },
      },
    );
  }
}

/** An involved person's reaction counts only when agreed to its current version. */
export const isReactionAgreed = (reaction: Reaction): boolean =>
  reaction.agreedVersion === reaction.summaryVersion;

/** Involved people whose reaction is missing or not agreed in its current version. */
export function involvedWithoutAgreedReaction(
  complaint: Pick<Complaint, 'involved' | 'reactions'>,
): InvolvedPerson[] {
  return complaint.involved.filter((person) => {
    const reaction = complaint.reactions.find((r) => r.involvedPersonId === person.id);
    return !reaction || !isReactionAgreed(reaction);
  });
}

/** A hearing request is open when the reporter accepted the latest offer and no hearing was held since. */
export function hasOpenHearingRequest(complaint: Pick<Complaint, 'hearingOffers' | 'hearings'>): boolean {
  const last = complaint.hearingOffers.at(-1);
  if (last?.answer !== 'accepted') return false;
  const since = Date.parse(last.answeredAt ?? last.offeredAt);
  return !complaint.hearings.some((hearing) => Date.parse(hearing.heldAt) >= since);
}

/** The offer still waiting for, or last given, the reporter's reaction. */
export const latestOffer = (complaint: Pick<Complaint, 'offers'>): Offer | undefined =>
  complaint.offers.at(-1);
