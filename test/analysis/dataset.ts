/**
 * A crafted data set with known answers for the annual analysis: 3 complaints in 2023, 11 in 2024, 24 in 2025,
 * and spot records, each written straight through the complaints repository (the write path that keeps the
 * fact columns in step). Every complaint carries personal values (names, emails, phone numbers, free text)
 * that the publishable version must never show; `PERSONAL_VALUES` lists them all.
 *
 * The expected figures in analysis-report.test.ts were worked out by hand and with a separate script from the
 * specifications below (working days after the Algemene termijnenwet), not by the code under test.
 */

import { bootstrap } from '../../src/commands/bootstrap.ts';
import type { DbExecutor, Dialect } from '../../src/db/database.ts';
import { insertComplaint } from '../../src/db/repositories/complaints.ts';
import { saveSettingsVersion } from '../../src/db/repositories/settings.ts';
import { insertSpotRecord } from '../../src/db/repositories/spot-records.ts';
import { startOfAmsterdamDay } from '../../src/domain/calendar.ts';
import type {
  Channel,
  Complaint,
  CorrectiveKind,
  Judgement,
  ReporterRole,
  Survey,
} from '../../src/domain/complaint.ts';
import { computeDeadlines } from '../../src/domain/deadlines.ts';
import type { ComplaintStatus } from '../../src/domain/lifecycle.ts';
import {
  type CommissioningPartyType,
  DEFAULT_SETTINGS,
  type OrganisationSettings,
} from '../../src/domain/settings.ts';
import { atwCalendar } from '../domain/fixtures.ts';
import { type TestDb, whileTestSchemasStay, withTestDatabase } from '../helpers/databases.ts';

export interface CaseSpec {
  ref: string;
  /** Received on this Amsterdam date at 10:00. */
  received: string;
  channel: Channel;
  category?: string;
  role?: ReporterRole;
  party?: CommissioningPartyType;
  team?: string;
  anonymous?: boolean;
  status: ComplaintStatus;
  ack?: string;
  judgement?: Judgement;
  offers?: { kinds: CorrectiveKind[]; satisfied: boolean | null }[];
  resolved?: {
    on: string;
    by: 'confirmation' | 'findings' | 'no_further_step' | 'not_taken_up';
    ground?: string;
  };
  report?: string;
  extension?: number;
  withdrawn?: string;
  prevention?: { on: string; none?: true; measures?: { due: string; done?: string; effective?: boolean }[] };
  agreed?: { kind: CorrectiveKind; due: string; done?: string }[];
  escalations?: string[];
  closed?: string;
  survey?: [Survey['handledWell'], Survey['onTime']];
  reopened?: string;
}

/** The settings of the data set: Loket3's defaults with two locations. */
export const DATASET_SETTINGS: OrganisationSettings = {
  ...DEFAULT_SETTINGS,
  teams: [
    { code: 'utrecht', label: { nl: 'Vestiging Utrecht', en: 'Utrecht office' } },
    { code: 'amersfoort', label: { nl: 'Vestiging Amersfoort', en: 'Amersfoort office' } },
  ],
};

const previousYear = (): CaseSpec[] => {
  // Eleven complaints in 2024, each on a Monday: acknowledged the next working day, findings (unfounded) ten
  // working days after receipt, the final report the working day after, closed the day after that.
  const rows: [string, string, Channel, ReporterRole, CommissioningPartyType, string, string, string][] = [
    // received, category, channel, role, party, ack, findings, report
    ['2024-01-08', 'communication', 'web', 'candidate', 'UWV', '2024-01-09', '2024-01-22', '2024-01-23'],
    ['2024-02-05', 'communication', 'web', 'candidate', 'UWV', '2024-02-06', '2024-02-19', '2024-02-20'],
    [
      '2024-03-04',
      'communication',
      'email',
      'candidate',
      'municipality',
      '2024-03-05',
      '2024-03-18',
      '2024-03-19',
    ],
    [
      '2024-04-08',
      'communication',
      'email',
      'employer',
      'municipality',
      '2024-04-09',
      '2024-04-22',
      '2024-04-23',
    ],
    [
      '2024-06-03',
      'appointments',
      'web',
      'candidate',
      'municipality',
      '2024-06-04',
      '2024-06-17',
      '2024-06-18',
    ],
    [
      '2024-07-01',
      'communication',
      'phone',
      'candidate',
      'municipality',
      '2024-07-02',
      '2024-07-15',
      '2024-07-16',
    ],
    ['2024-08-05', 'coaching', 'web', 'employer', 'UWV', '2024-08-06', '2024-08-19', '2024-08-20'],
    [
      '2024-09-02',
      'coaching',
      'email',
      'candidate',
      'municipality',
      '2024-09-03',
      '2024-09-16',
      '2024-09-17',
    ],
    ['2024-10-07', 'service', 'web', 'candidate', 'UWV', '2024-10-08', '2024-10-21', '2024-10-22'],
    ['2024-11-04', 'service', 'phone', 'employer', 'municipality', '2024-11-05', '2024-11-18', '2024-11-19'],
    ['2024-12-02', 'service', 'web', 'candidate', 'municipality', '2024-12-03', '2024-12-16', '2024-12-17'],
  ];
  return rows.map(([received, category, channel, role, party, ack, findings, report], i) => ({
    ref: `VP-2024-${String(i + 1).padStart(5, '0')}`,
    received,
    channel,
    category,
    role,
    party,
    team: 'utrecht',
    status: 'closed',
    ack,
    judgement: 'unfounded',
    resolved: { on: findings, by: 'findings' },
    report,
    prevention: { on: report, none: true },
    closed: report,
  }));
};

// biome-ignore format: one complaint per line reads as a table
export const CASES: CaseSpec[] = [
  { ref: 'VP-2023-00001', received: '2023-03-01', channel: 'web', category: 'service', role: 'candidate', status: 'registered' },
  { ref: 'VP-2023-00002', received: '2023-06-12', channel: 'email', category: 'service', role: 'candidate', status: 'registered' },
  { ref: 'VP-2023-00003', received: '2023-09-04', channel: 'web', category: 'appointments', role: 'employer', status: 'registered' },
  ...previousYear(),
  // ---- 2025: appointments (12) ----
  { ref: 'VP-2025-00001', received: '2025-01-06', channel: 'web', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-01-07', judgement: 'well_founded', offers: [{ kinds: ['correction'], satisfied: true }], resolved: { on: '2025-01-20', by: 'confirmation' }, report: '2025-01-21', agreed: [{ kind: 'correction', due: '2025-02-01', done: '2025-01-28' }], prevention: { on: '2025-01-22', measures: [{ due: '2025-06-30', done: '2025-06-30', effective: true }] }, closed: '2025-07-01', survey: ['yes', 'yes'] },
  { ref: 'VP-2025-00002', received: '2025-02-03', channel: 'email', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-02-04', judgement: 'unfounded', resolved: { on: '2025-02-17', by: 'findings' }, report: '2025-02-18', prevention: { on: '2025-02-19', none: true }, closed: '2025-02-20', survey: ['partly', 'no'] },
  { ref: 'VP-2025-00003', received: '2025-03-03', channel: 'phone', category: 'appointments', role: 'employer', party: 'employer', team: 'amersfoort', status: 'prevention_decided', ack: '2025-03-12', judgement: 'partly_well_founded', offers: [{ kinds: ['redress'], satisfied: false }, { kinds: ['redress', 'replacement_service'], satisfied: true }], resolved: { on: '2025-04-07', by: 'confirmation' }, report: '2025-04-08', prevention: { on: '2025-04-09', measures: [{ due: '2025-05-01', done: '2025-05-15', effective: false }, { due: '2025-12-01' }] } },
  { ref: 'VP-2025-00004', received: '2025-04-07', channel: 'web', category: 'appointments', role: 'candidate', party: 'municipality', team: 'utrecht', anonymous: true, status: 'offer_made', ack: '2025-04-08', judgement: 'well_founded', offers: [{ kinds: ['correction'], satisfied: null }] },
  { ref: 'VP-2025-00005', received: '2025-05-12', channel: 'letter', category: 'appointments', role: 'client', team: 'amersfoort', status: 'not_taken_up', resolved: { on: '2025-05-20', by: 'not_taken_up', ground: 'already_handled' } },
  { ref: 'VP-2025-00006', received: '2025-06-02', channel: 'web', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'withdrawn', withdrawn: '2025-06-04' },
  { ref: 'VP-2025-00007', received: '2025-07-07', channel: 'email', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-07-08', escalations: ['commissioning_party', 'uwv_complaints_office'], judgement: 'unfounded', resolved: { on: '2025-07-21', by: 'findings' }, report: '2025-08-25', prevention: { on: '2025-08-25', none: true }, closed: '2025-08-26', survey: ['no', 'unknown'] },
  { ref: 'VP-2025-00008', received: '2025-08-04', channel: 'web', category: 'appointments', role: 'candidate', party: 'municipality', team: 'utrecht', status: 'investigating', ack: '2025-08-05' },
  { ref: 'VP-2025-00009', received: '2025-09-01', channel: 'phone', category: 'appointments', role: 'employer', party: 'employer', team: 'amersfoort', status: 'closed', ack: '2025-09-02', judgement: 'well_founded', offers: [{ kinds: ['replacement_service'], satisfied: true }], resolved: { on: '2025-09-15', by: 'confirmation' }, report: '2025-09-16', prevention: { on: '2025-09-17', measures: [{ due: '2025-10-31', done: '2025-10-20', effective: true }] }, closed: '2025-10-21', survey: ['yes', 'yes'] },
  { ref: 'VP-2025-00010', received: '2025-10-06', channel: 'in_person', category: 'appointments', role: 'representative', party: 'UWV', team: 'utrecht', status: 'reported', extension: 10, ack: '2025-10-07', judgement: 'partly_well_founded', offers: [{ kinds: ['correction', 'redress'], satisfied: false }], resolved: { on: '2025-11-17', by: 'no_further_step' }, escalations: ['national_ombudsman'], report: '2025-11-18' },
  { ref: 'VP-2025-00011', received: '2025-11-03', channel: 'web', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'registered' },
  { ref: 'VP-2025-00012', received: '2025-12-15', channel: 'web', category: 'appointments', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'resolved', ack: '2025-12-16', judgement: 'unfounded', resolved: { on: '2026-02-10', by: 'findings' } },
  // ---- 2025: coaching (4) ----
  { ref: 'VP-2025-00013', received: '2025-01-13', channel: 'web', category: 'coaching', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-01-14', judgement: 'unfounded', resolved: { on: '2025-01-27', by: 'findings' }, report: '2025-01-28', prevention: { on: '2025-01-28', none: true }, closed: '2025-01-29', survey: ['yes', 'yes'] },
  { ref: 'VP-2025-00014', received: '2025-03-10', channel: 'email', category: 'coaching', role: 'candidate', party: 'municipality', team: 'amersfoort', status: 'investigating', ack: '2025-03-11', reopened: '2025-05-01' },
  { ref: 'VP-2025-00015', received: '2025-06-16', channel: 'phone', category: 'coaching', role: 'employee', status: 'prevention_decided', ack: '2025-06-17', judgement: 'well_founded', offers: [{ kinds: ['redress'], satisfied: true }], resolved: { on: '2025-06-30', by: 'confirmation' }, report: '2025-07-01', agreed: [{ kind: 'redress', due: '2025-07-15', done: '2025-07-20' }], prevention: { on: '2025-07-02', measures: [{ due: '2025-09-30', done: '2025-09-15' }] } },
  { ref: 'VP-2025-00016', received: '2025-10-13', channel: 'web', category: 'coaching', role: 'candidate', party: 'UWV', team: 'utrecht', anonymous: true, status: 'closed', ack: '2025-10-14', judgement: 'unfounded', resolved: { on: '2025-10-27', by: 'findings' }, report: '2025-10-28', prevention: { on: '2025-10-28', none: true }, closed: '2025-10-29', survey: ['yes', 'yes'] },
  // ---- 2025: communication (5) ----
  { ref: 'VP-2025-00017', received: '2025-01-20', channel: 'web', category: 'communication', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-01-21', judgement: 'well_founded', offers: [{ kinds: ['correction'], satisfied: false }, { kinds: ['correction'], satisfied: false }], resolved: { on: '2025-02-17', by: 'no_further_step' }, escalations: ['commissioning_party'], report: '2025-02-18', prevention: { on: '2025-02-19', none: true }, closed: '2025-02-20', survey: ['no', 'no'] },
  { ref: 'VP-2025-00018', received: '2025-04-14', channel: 'email', category: 'communication', role: 'candidate', party: 'municipality', team: 'amersfoort', status: 'closed', ack: '2025-04-15', judgement: 'unfounded', resolved: { on: '2025-04-30', by: 'findings' }, report: '2025-05-01', prevention: { on: '2025-05-01', none: true }, closed: '2025-05-02' },
  { ref: 'VP-2025-00019', received: '2025-07-14', channel: 'letter', category: 'communication', role: 'employer', party: 'employer', team: 'amersfoort', status: 'not_taken_up', ack: '2025-07-15', resolved: { on: '2025-07-16', by: 'not_taken_up', ground: 'not_about_us' } },
  { ref: 'VP-2025-00020', received: '2025-09-08', channel: 'web', category: 'communication', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'withdrawn', ack: '2025-09-09', withdrawn: '2025-09-20' },
  { ref: 'VP-2025-00021', received: '2025-11-10', channel: 'web', category: 'communication', role: 'other', status: 'prevention_decided', ack: '2025-11-11', judgement: 'partly_well_founded', offers: [{ kinds: ['replacement_service'], satisfied: true }], resolved: { on: '2025-11-24', by: 'confirmation' }, report: '2025-11-25', agreed: [{ kind: 'replacement_service', due: '2025-12-15' }], prevention: { on: '2025-11-26', measures: [{ due: '2025-12-31', done: '2026-01-15', effective: true }] } },
  // ---- 2025: privacy (1) and not classified (2) ----
  { ref: 'VP-2025-00022', received: '2025-05-19', channel: 'email', category: 'privacy', role: 'candidate', party: 'UWV', team: 'utrecht', status: 'closed', ack: '2025-05-20', judgement: 'well_founded', offers: [{ kinds: ['correction'], satisfied: true }], resolved: { on: '2025-06-02', by: 'confirmation' }, report: '2025-06-03', prevention: { on: '2025-06-04', measures: [{ due: '2025-08-01', done: '2025-07-15', effective: false }] }, closed: '2025-08-05', survey: ['yes', 'yes'] },
  { ref: 'VP-2025-00023', received: '2025-03-17', channel: 'phone', role: 'candidate', party: 'UWV', status: 'not_taken_up', resolved: { on: '2025-03-18', by: 'not_taken_up', ground: 'too_old' } },
  { ref: 'VP-2025-00024', received: '2025-12-22', channel: 'web', anonymous: true, status: 'registered' },
];

/** Spot records: four in 2025 (one later converted into a complaint), one in 2024. */
export const SPOT_RECORDS = [
  { receivedAt: '2025-01-15T09:00:00+01:00', channel: 'web', category: 'appointments', converted: false },
  { receivedAt: '2025-01-31T23:30:00+01:00', channel: 'phone', category: 'appointments', converted: false },
  { receivedAt: '2025-03-10T14:00:00+01:00', channel: 'phone', category: 'coaching', converted: false },
  { receivedAt: '2025-06-30T22:30:00Z', channel: 'email', category: null, converted: true },
  { receivedAt: '2024-05-01T10:00:00+02:00', channel: 'in_person', category: 'service', converted: false },
];

const NAMES = [
  'Anouk Verbeek',
  'Bram de Graaf',
  'Chantal Oosterhuis',
  'Dennis Kwakman',
  'Esra Yıldız',
  'Floor van Dijk',
  'Gijs Hoekstra',
  'Hatice Demir',
  'Ilse Brouwer',
  'Joris Meijer',
  'Kübra Aydın',
  'Lotte Scholten',
  'Mohamed Bouzid',
  'Nina Postma',
  'Olaf Kramer',
  'Priya Ramdin',
  'Quinten Vos',
  'Rosa Dekker',
  'Sem Willems',
  'Tamara Bos',
  'Umut Kaya',
  'Vera Smit',
  'Wouter Mulder',
  'Xandra Peeters',
  'Youssef Amrani',
  'Zoë de Wit',
  'Annelies Kok',
  'Bas Jonker',
  'Carla Visser',
  'Daan Prins',
  'Eline Vermeulen',
  'Fleur Maas',
  'Gerrit Kuipers',
  'Hanna Veenstra',
  'Ivo Blom',
  'Janneke Huisman',
  'Karim Haddou',
  'Linda Groen',
];

const instantOn = (date: string, hour = 10): string =>
  new Date(Date.parse(startOfAmsterdamDay(date)) + hour * 3_600_000).toISOString();

/** The personal values and free texts of one case, all distinct, so that a search for them cannot miss. */
export function personalValuesOf(index: number) {
  const name = NAMES[index % NAMES.length]!;
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]+/g, '.');
  return {
    name,
    email: `${slug}${index}@voorbeeld.example`,
    phone: `06-4${String(1_000_000 + index * 7919).slice(-7)}`,
    description: `Mijn jobcoach kwam drie keer niet opdagen (melding ${index}, ${name}).`,
    summary: `Afspraken niet nagekomen volgens melder nummer ${index}.`,
    jobcoach: `Jobcoach Hendriks-${index}`,
    handler: `Behandelaar Van Leeuwen-${index}`,
    findings: `Bevinding: de agenda liep bij case ${index} uit de hand.`,
    measure: `Excuses en een nieuwe afspraak voor case ${index}.`,
    preventive: `Agenda-herinneringen per sms invoeren, case ${index}.`,
    motivation: `Motivering bij case ${index}: eerder behandeld.`,
    surveyComment: `Opmerking in de vragenlijst van case ${index}.`,
    withdrawal: `Reden van intrekking bij case ${index}.`,
    escalationNote: `Doorgestuurd naar de opdrachtgever in case ${index}.`,
    place: `Kantoor Lombok-${index}`,
  };
}

/** Every personal value and free text of the data set (and the case references), for the leak scans. */
export const PERSONAL_VALUES: string[] = CASES.flatMap((spec, index) => {
  const p = personalValuesOf(index);
  return [
    spec.ref,
    ...(spec.anonymous ? [] : [p.name, p.email, p.phone]),
    p.description,
    p.summary,
    p.jobcoach,
    p.handler,
    p.findings,
    p.measure,
    p.preventive,
    p.motivation,
    p.surveyComment,
    p.withdrawal,
    p.escalationNote,
    p.place,
  ];
});

/** The improvement form of a case, as the lifecycle would have left it. */
export function complaintOf(spec: CaseSpec, index: number): Complaint {
  const p = personalValuesOf(index);
  const receivedAt = instantOn(spec.received);
  const at = (date: string | undefined, hour = 11) => (date ? instantOn(date, hour) : null);
  const offers = (spec.offers ?? []).map((offer, i) => ({
    id: `${spec.ref}-offer-${i}`,
    madeAt: instantOn(spec.ack ?? spec.received, 12 + i),
    method: spec.anonymous ? ('follow_up_page' as const) : ('phone' as const),
    phoneSkippedReason: null,
    measures: offer.kinds.map((kind) => ({ kind, description: p.measure })),
    satisfied: offer.satisfied,
    reaction: offer.satisfied === null ? null : p.surveyComment,
    respondedAt: offer.satisfied === null ? null : instantOn(spec.ack ?? spec.received, 15),
  }));
  const reopenings = spec.reopened
    ? [{ at: instantOn(spec.reopened), reason: p.motivation, fromStatus: 'closed' as const }]
    : [];
  const extension = spec.extension
    ? {
        workingDays: spec.extension,
        reason: p.motivation,
        noticeSentAt: instantOn(spec.ack ?? spec.received, 13),
        previousResolveBy: '2025-11-04',
      }
    : null;
  const resolvedAt = at(spec.resolved?.on);
  const notTakenUp =
    spec.resolved?.by === 'not_taken_up'
      ? { ground: spec.resolved.ground!, motivation: p.motivation, at: resolvedAt! }
      : null;
  const facts = {
    receivedAt,
    reopenings,
    extension,
    resolvedAt,
    acknowledgedAt: at(spec.ack),
    finalReportSentAt: at(spec.report, 14),
    notTakenUp,
  };
  const terms = DATASET_SETTINGS.terms;
  // A reopened case keeps the acknowledgement date it met; its resolution term runs from the reopening.
  const original = computeDeadlines({ ...facts, reopenings: [] }, atwCalendar, terms);
  const deadlines = spec.reopened ? computeDeadlines(facts, atwCalendar, terms, original) : original;
  const handler = spec.ack
    ? {
        userId: `user-handler-${index}`,
        name: p.handler,
        jobTitle: 'Klachtbehandelaar',
        assignedAt: receivedAt,
        reason: null,
      }
    : null;
  const decisionOn = spec.resolved?.on ?? spec.ack ?? spec.received;
  return {
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    reference: spec.ref,
    status: spec.status,
    version: 1,
    channel: spec.channel,
    receivedAt,
    registeredAt: receivedAt,
    receiverId: null,
    reporter: {
      anonymous: spec.anonymous === true,
      name: spec.anonymous ? null : p.name,
      email: spec.anonymous ? null : p.email,
      phone: spec.anonymous ? null : p.phone,
      postalAddress: null,
      role: spec.role ?? null,
      language: 'nl',
      consentToContact: !spec.anonymous,
    },
    trajectory: {
      reference: null,
      jobcoach: p.jobcoach,
      commissioningParty: spec.party ? { type: spec.party, name: null, contact: null } : null,
    },
    subject: 'service',
    description: p.description,
    desiredOutcome: p.measure,
    event: { date: spec.received, place: p.place, circumstances: p.findings },
    category: spec.category ?? null,
    team: spec.team ?? null,
    mentions: [],
    involved: [],
    serviceProvidedBy: null,
    handler,
    handlerHistory: handler ? [handler] : [],
    summary: spec.ack ? p.summary : null,
    deadlines,
    extension,
    acknowledgedAt: facts.acknowledgedAt,
    hearingOffers: [],
    hearings: [],
    reactions: [],
    decision: spec.judgement
      ? {
          judgement: spec.judgement,
          reasons: p.findings,
          findings: p.findings,
          severity: 'medium',
          cause: p.findings,
          responsibleParty: p.jobcoach,
          decidedAt: instantOn(decisionOn, 9),
          overrideReason: null,
        }
      : null,
    findingsSentAt:
      spec.resolved?.by === 'findings' || spec.resolved?.by === 'no_further_step' ? resolvedAt : null,
    offers,
    afterRejection: [],
    agreedMeasures: (spec.agreed ?? []).map((m, i) => ({
      id: `${spec.ref}-agreed-${i}`,
      kind: m.kind,
      description: p.measure,
      ownerUserId: 'user-owner',
      dueDate: m.due,
      doneAt: at(m.done),
    })),
    writtenConfirmationSentAt: spec.resolved?.by === 'confirmation' ? resolvedAt : null,
    notTakenUp,
    withdrawal: spec.withdrawn ? { at: instantOn(spec.withdrawn), reason: p.withdrawal } : null,
    resolvedAt,
    finalReportSentAt: facts.finalReportSentAt,
    prevention: spec.prevention
      ? {
          decision: spec.prevention.none ? 'none_possible' : 'measures',
          reason: spec.prevention.none ? p.motivation : null,
          decidedAt: instantOn(spec.prevention.on),
        }
      : null,
    preventiveMeasures: (spec.prevention?.measures ?? []).map((m, i) => ({
      id: `${spec.ref}-preventive-${i}`,
      description: p.preventive,
      ownerUserId: 'user-owner',
      consulted: p.jobcoach,
      dueDate: m.due,
      doneAt: at(m.done),
      evaluation:
        m.effective === undefined
          ? null
          : { effective: m.effective, note: p.preventive, evaluatedAt: instantOn(m.done!, 16) },
    })),
    escalations: (spec.escalations ?? []).map((route, i) => ({
      id: `${spec.ref}-escalation-${i}`,
      at: instantOn(spec.ack ?? spec.received, 17),
      route,
      note: p.escalationNote,
    })),
    reopenings,
    closedAt: at(spec.closed, 15),
    closingNote: null,
    reporterMessages: [{ id: `${spec.ref}-message`, at: receivedAt, text: p.description }],
    survey: spec.survey
      ? {
          handledWell: spec.survey[0],
          onTime: spec.survey[1],
          comment: p.surveyComment,
          answeredAt: instantOn(spec.closed!, 18),
        }
      : null,
    followUpLink: { revokedAt: null, renewedAt: null },
    updatedAt: receivedAt,
  };
}

/** Writes the whole data set through the repositories. */
export async function insertDataset(db: DbExecutor): Promise<void> {
  for (const [index, spec] of CASES.entries()) {
    await insertComplaint(db, complaintOf(spec, index), `token-hash-${spec.ref}`);
  }
  for (const spot of SPOT_RECORDS) {
    const record = await insertSpotRecord(db, {
      receivedAt: spot.receivedAt,
      channel: spot.channel,
      category: spot.category,
      summary: `Direct opgelost: ${spot.channel}`,
      recordedBy: null,
      now: new Date(spot.receivedAt),
    });
    if (spot.converted) {
      await db
        .updateTable('spot_records')
        .set({ converted_complaint_id: complaintOf(CASES[30]!, 30).id })
        .where('id', '=', record.id)
        .execute();
    }
  }
}

/** The instant the expected figures describe: Monday 16 February 2026, 10:00 in Amsterdam. */
export const REPORT_NOW = new Date('2026-02-16T10:00:00+01:00');

/** A fresh database of the dialect with the data set's settings and every case and spot record. */
export async function datasetDatabase(dialect: Dialect): Promise<TestDb> {
  const db = await withTestDatabase(dialect);
  const seededAt = new Date('2023-01-01T00:00:00Z');
  await whileTestSchemasStay(() => bootstrap(db, '/nonexistent/organisation.json', seededAt));
  await saveSettingsVersion(db.kysely, DATASET_SETTINGS, null, seededAt, 'annual analysis data set');
  await insertDataset(db.kysely);
  return db;
}
