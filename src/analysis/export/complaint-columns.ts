/**
 * The internal export: one row per complaint of the year, with these columns (documented in docs/analysis.md).
 * No attachments, no contact details of the reporter (name, email, phone, address) and no raw complaint text:
 * the handler's short summary says what the complaint is about. Values are labels in the chosen language,
 * dates are ISO dates (YYYY-MM-DD, Amsterdam), working days are numbers. Pure.
 */

import { amsterdamDateOf, type IsoDate } from '../../domain/calendar.ts';
import type { Complaint, Language } from '../../domain/complaint.ts';
import { type AnalysisMessages, analysisMessages } from '../../i18n/staff/analysis.ts';
import { type ComplaintFacts, complaintFacts } from '../facts.ts';
import type { ReportLabels } from '../report.ts';
import type { ExportValue } from './safe-cell.ts';

export type TermState = 'on_time' | 'late' | 'overdue' | 'open' | 'not_owed';

/** The state of one term of one complaint on `asOf`: the same rules the report counts with. */
export function termState(
  metOn: IsoDate | null,
  due: IsoDate | null,
  stopped: boolean,
  asOf: IsoDate,
): TermState | null {
  if (due === null) return null;
  if (metOn !== null) return metOn <= due ? 'on_time' : 'late';
  if (stopped) return 'not_owed';
  return due < asOf ? 'overdue' : 'open';
}

export interface RowContext {
  language: Language;
  t: AnalysisMessages;
  labels: ReportLabels;
  asOf: IsoDate;
  /** Working days in (from, to], for the lead times. */
  workingDays: (from: IsoDate, to: IsoDate) => number;
}

interface Derived {
  complaint: Complaint;
  facts: ComplaintFacts;
}

export interface ExportColumn {
  key: string;
  header: Record<Language, string>;
  value: (row: Derived, ctx: RowContext) => ExportValue;
  /** 'date' columns become real dates in XLSX. */
  kind?: 'date' | 'number';
}

const TERM_STATES: Record<Language, Record<TermState, string>> = {
  nl: {
    on_time: 'op tijd',
    late: 'te laat',
    overdue: 'verlopen',
    open: 'loopt nog',
    not_owed: 'niet meer nodig',
  },
  en: {
    on_time: 'on time',
    late: 'late',
    overdue: 'overdue',
    open: 'still running',
    not_owed: 'no longer owed',
  },
};
const REACTIONS: Record<Language, Record<string, string>> = {
  nl: { satisfied: 'tevreden', not_satisfied: 'niet tevreden', no_answer: 'nog geen reactie' },
  en: { satisfied: 'satisfied', not_satisfied: 'not satisfied', no_answer: 'no reaction yet' },
};

const label = (
  code: string | null,
  map: Record<string, string | { nl: string; en: string }>,
  language: Language,
): ExportValue => {
  if (code === null) return null;
  const found = map[code];
  if (found === undefined) return code;
  return typeof found === 'string' ? found : found[language];
};
const stopped = (c: Complaint) => c.status === 'withdrawn' || c.status === 'not_taken_up';
const leadTime = (from: IsoDate | null, to: IsoDate | null, ctx: RowContext) =>
  from && to ? ctx.workingDays(from, to) : null;
const yesNo = (value: boolean, t: AnalysisMessages) => (value ? t.yes : t.no);

const col = (
  key: string,
  nl: string,
  en: string,
  value: ExportColumn['value'],
  kind?: ExportColumn['kind'],
): ExportColumn => ({
  key,
  header: { nl, en },
  value,
  ...(kind ? { kind } : {}),
});

export const COMPLAINT_COLUMNS: readonly ExportColumn[] = [
  col('reference', 'Kenmerk', 'Reference', ({ complaint }) => complaint.reference),
  col('received_on', 'Ontvangen op', 'Received on', ({ facts }) => facts.receivedOn, 'date'),
  col('channel', 'Kanaal', 'Channel', ({ complaint }, ctx) =>
    label(complaint.channel, ctx.t.channels, ctx.language),
  ),
  col('category', 'Categorie', 'Category', ({ complaint }, ctx) =>
    label(complaint.category, ctx.labels.categories, ctx.language),
  ),
  col('team', 'Team of vestiging', 'Team or location', ({ complaint }, ctx) =>
    label(complaint.team, ctx.labels.teams, ctx.language),
  ),
  col('reporter_role', 'Soort melder', 'Kind of reporter', ({ complaint }, ctx) =>
    label(complaint.reporter.role, ctx.t.roles, ctx.language),
  ),
  col('anonymous', 'Anoniem', 'Anonymous', ({ complaint }, ctx) =>
    yesNo(complaint.reporter.anonymous, ctx.t),
  ),
  col('commissioning_party_type', 'Soort opdrachtgever', 'Kind of commissioning party', ({ facts }, ctx) =>
    label(facts.commissioningPartyType, ctx.t.parties, ctx.language),
  ),
  col('status', 'Status', 'State', ({ complaint }, ctx) =>
    label(complaint.status, ctx.t.statuses, ctx.language),
  ),
  col('handler', 'Behandelaar', 'Handler', ({ complaint }) => complaint.handler?.name ?? null),
  col('summary', 'Korte omschrijving', 'Summary', ({ complaint }) => complaint.summary),
  col(
    'acknowledge_by',
    'Ontvangstbevestiging uiterlijk',
    'Acknowledge by',
    ({ complaint }) => complaint.deadlines.acknowledgeBy,
    'date',
  ),
  col(
    'acknowledged_on',
    'Ontvangst bevestigd op',
    'Acknowledged on',
    ({ facts }) => facts.acknowledgedOn,
    'date',
  ),
  col('acknowledgement', 'Ontvangstbevestiging', 'Acknowledgement', ({ complaint, facts }, ctx) =>
    termLabel(
      termState(facts.acknowledgedOn, complaint.deadlines.acknowledgeBy, stopped(complaint), ctx.asOf),
      ctx,
    ),
  ),
  col(
    'acknowledgement_working_days',
    'Werkdagen tot bevestiging',
    'Working days to acknowledgement',
    ({ facts }, ctx) => leadTime(facts.receivedOn, facts.acknowledgedOn, ctx),
    'number',
  ),
  col(
    'resolve_by',
    'Afhandeling uiterlijk',
    'Resolve by',
    ({ complaint }) => complaint.deadlines.resolveBy,
    'date',
  ),
  col('resolved_on', 'Afgehandeld op', 'Resolved on', ({ facts }) => facts.resolvedOn, 'date'),
  col('resolution', 'Afhandeling', 'Resolution', ({ complaint, facts }, ctx) =>
    termLabel(termState(facts.resolvedOn, complaint.deadlines.resolveBy, stopped(complaint), ctx.asOf), ctx),
  ),
  col(
    'resolution_working_days',
    'Werkdagen tot afhandeling',
    'Working days to resolution',
    ({ facts }, ctx) => leadTime(facts.receivedOn, facts.resolvedOn, ctx),
    'number',
  ),
  col(
    'extension_working_days',
    'Verlenging (werkdagen)',
    'Extension (working days)',
    ({ facts }) => facts.extensionWorkingDays,
    'number',
  ),
  col(
    'report_by',
    'Verslag uiterlijk',
    'Final report by',
    ({ complaint }) => complaint.deadlines.reportBy,
    'date',
  ),
  col(
    'final_report_on',
    'Verslag verstuurd op',
    'Final report sent on',
    ({ facts }) => facts.finalReportOn,
    'date',
  ),
  col('final_report', 'Schriftelijk verslag', 'Final report', ({ complaint, facts }, ctx) =>
    termLabel(termState(facts.finalReportOn, complaint.deadlines.reportBy, false, ctx.asOf), ctx),
  ),
  col(
    'final_report_working_days',
    'Werkdagen tot verslag',
    'Working days to final report',
    ({ facts }, ctx) => leadTime(facts.resolvedOn, facts.finalReportOn, ctx),
    'number',
  ),
  col('not_taken_up_ground', 'Grond niet in behandeling', 'Ground for not taking up', ({ facts }, ctx) =>
    label(facts.notTakenUpGround, ctx.labels.grounds, ctx.language),
  ),
  col(
    'withdrawn_on',
    'Ingetrokken op',
    'Withdrawn on',
    ({ complaint }) => (complaint.withdrawal ? amsterdamDateOf(complaint.withdrawal.at) : null),
    'date',
  ),
  col('judgement', 'Oordeel', 'Judgement', ({ facts }, ctx) =>
    facts.judgement ? label(facts.judgement, ctx.t.judgements, ctx.language) : null,
  ),
  col('offers', 'Aantal aanbiedingen', 'Offers', ({ facts }) => facts.offerCount, 'number'),
  col('first_offer', 'Reactie op eerste aanbod', 'Reaction to the first offer', ({ facts }, ctx) =>
    label(facts.firstOfferReaction, REACTIONS[ctx.language], ctx.language),
  ),
  col('last_offer', 'Reactie op laatste aanbod', 'Reaction to the last offer', ({ facts }, ctx) =>
    label(facts.finalOfferReaction, REACTIONS[ctx.language], ctx.language),
  ),
  col(
    'measure_kinds',
    'Corrigerende maatregelen',
    'Corrective measures',
    ({ facts }, ctx) =>
      facts.measureKinds.map((k) => label(k, ctx.t.measureKinds, ctx.language)).join('; ') || null,
  ),
  col(
    'agreed_measures',
    'Afgesproken maatregelen',
    'Agreed measures',
    ({ facts }) => facts.agreedMeasures.count,
    'number',
  ),
  col(
    'agreed_measures_done',
    'Afgesproken maatregelen uitgevoerd',
    'Agreed measures done',
    ({ facts }) => facts.agreedMeasures.done,
    'number',
  ),
  col(
    'escalations',
    'Beroep of escalatie naar',
    'Appealed or escalated to',
    ({ facts }, ctx) =>
      facts.escalationRoutes.map((r) => label(r, ctx.labels.routes, ctx.language)).join('; ') || null,
  ),
  col('prevention', 'Preventie', 'Prevention', ({ facts }, ctx) =>
    facts.preventionDecision
      ? label(facts.preventionDecision, ctx.t.preventionDecisions, ctx.language)
      : null,
  ),
  col(
    'preventive_measures',
    'Preventieve maatregelen',
    'Preventive measures',
    ({ facts }) => facts.preventiveMeasures.count,
    'number',
  ),
  col(
    'preventive_done_on_time',
    'Preventief op tijd uitgevoerd',
    'Preventive done on time',
    ({ facts }) => facts.preventiveMeasures.doneOnTime,
    'number',
  ),
  col(
    'preventive_done',
    'Preventief uitgevoerd',
    'Preventive done',
    ({ facts }) => facts.preventiveMeasures.done,
    'number',
  ),
  col(
    'preventive_effective',
    'Preventief effectief',
    'Preventive effective',
    ({ facts }) => facts.preventiveMeasures.effective,
    'number',
  ),
  col('reopened', 'Aantal keer heropend', 'Times reopened', ({ facts }) => facts.reopenCount, 'number'),
  col(
    'closed_on',
    'Afgesloten op',
    'Closed on',
    ({ complaint }) => (complaint.closedAt ? amsterdamDateOf(complaint.closedAt) : null),
    'date',
  ),
  col('survey_handled_well', 'Vragenlijst: goed behandeld', 'Survey: handled well', ({ facts }, ctx) =>
    facts.surveyHandledWell ? label(facts.surveyHandledWell, ctx.t.surveyHandledWell, ctx.language) : null,
  ),
  col('survey_on_time', 'Vragenlijst: op tijd', 'Survey: on time', ({ facts }, ctx) =>
    facts.surveyOnTime ? label(facts.surveyOnTime, ctx.t.surveyOnTime, ctx.language) : null,
  ),
];

function termLabel(state: TermState | null, ctx: RowContext): ExportValue {
  return state ? TERM_STATES[ctx.language][state] : null;
}

/** The export row of a complaint, in column order. */
export function complaintRow(complaint: Complaint, ctx: RowContext): ExportValue[] {
  const derived = { complaint, facts: complaintFacts(complaint) };
  return COMPLAINT_COLUMNS.map((column) => column.value(derived, ctx));
}

export const complaintHeaders = (language: Language): string[] =>
  COMPLAINT_COLUMNS.map((c) => c.header[language]);

export const messagesFor = (language: Language): AnalysisMessages => analysisMessages[language];
