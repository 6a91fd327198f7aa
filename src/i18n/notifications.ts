/**
 * The emails staff get from the system: deadline reminders and escalations (src/jobs/deadline-watch.ts) and
 * notifications about what happened on a case (src/notifications/staff-notifications.ts). Staff read Dutch, so
 * these are Dutch only. They name the case by its reference and link to it, and never quote the complaint or
 * the reporter: an email is easily forwarded, the case itself is behind a login.
 */
import type { IsoDate } from '../domain/calendar.ts';

export interface StaffMessage {
  subject: string;
  text: string;
}

// Made once: constructing an Intl.DateTimeFormat costs more than a whole registration's SQL (docs/performance.md).
const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 'vrijdag 8 mei 2026': a calendar date in words, as staff read it. */
export function formatDutchDate(date: IsoDate): string {
  return DUTCH_DATE.format(new Date(`${date}T12:00:00Z`));
}

export type TermName = 'acknowledge' | 'resolve' | 'report';

/** The term in words, with the rule it comes from ("within 5 working days after receipt"). */
export function termInWords(term: TermName, workingDays: number): string {
  switch (term) {
    case 'acknowledge':
      return `de ontvangstbevestiging (binnen ${workingDays} werkdagen na ontvangst)`;
    case 'resolve':
      return `de afhandeling van de klacht (binnen ${workingDays} werkdagen na ontvangst)`;
    case 'report':
      return `het schriftelijk verslag aan de melder en alle betrokkenen (binnen ${workingDays} werkdagen na het oplossen)`;
  }
}

const TERM_TITLE: Record<TermName, string> = {
  acknowledge: 'ontvangstbevestiging',
  resolve: 'afhandeling',
  report: 'schriftelijk verslag',
};

const FOOTER = 'Dit is een automatisch bericht van Verbeterpunt.';

const lines = (...parts: (string | null | false)[]): string =>
  parts.filter((part): part is string => part !== null && part !== false).join('\n');

interface CaseFacts {
  reference: string;
  /** Where staff open the case. */
  url: string;
}

interface TermFacts extends CaseFacts {
  recipientName: string;
  term: TermName;
  workingDays: number;
  due: IsoDate;
}

/** To the handler: a term ends within a few working days ('near'), or has passed ('overdue'). */
export function termHandlerMessage(f: TermFacts & { stage: 'near' | 'overdue' }): StaffMessage {
  const due = formatDutchDate(f.due);
  const overdue = f.stage === 'overdue';
  return {
    subject: overdue
      ? `Termijn verstreken: ${TERM_TITLE[f.term]} klacht ${f.reference} (uiterlijk ${due})`
      : `Herinnering: ${TERM_TITLE[f.term]} klacht ${f.reference} uiterlijk ${due}`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      overdue
        ? `De termijn voor ${termInWords(f.term, f.workingDays)} van klacht ${f.reference} is verstreken: die liep af op ${due}.`
        : `De termijn voor ${termInWords(f.term, f.workingDays)} van klacht ${f.reference} loopt af op ${due}.`,
      overdue
        ? 'U bent de behandelaar van deze klacht. De kwaliteitsmanager heeft hiervan ook bericht gekregen.'
        : 'U bent de behandelaar van deze klacht.',
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

/**
 * To the quality managers: a term has passed (an escalation), or ends soon while the case has no active
 * handler to remind.
 */
export function termQualityManagerMessage(
  f: TermFacts & { stage: 'near' | 'overdue'; handlerName: string | null },
): StaffMessage {
  const due = formatDutchDate(f.due);
  const overdue = f.stage === 'overdue';
  return {
    subject: overdue
      ? `Escalatie: termijn ${TERM_TITLE[f.term]} klacht ${f.reference} verstreken (${due})`
      : `Herinnering: ${TERM_TITLE[f.term]} klacht ${f.reference} uiterlijk ${due}, geen actieve behandelaar`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      overdue
        ? `De termijn voor ${termInWords(f.term, f.workingDays)} van klacht ${f.reference} is verstreken: die liep af op ${due}.`
        : `De termijn voor ${termInWords(f.term, f.workingDays)} van klacht ${f.reference} loopt af op ${due}.`,
      f.handlerName
        ? `Behandelaar: ${f.handlerName}. Die heeft ook een herinnering gekregen.`
        : 'De klacht heeft geen actieve behandelaar: wijs er een aan.',
      'U krijgt dit bericht als kwaliteitsmanager, die toeziet op de termijnen.',
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

/** To the quality managers: nobody handles the complaint yet (step 2). */
export function unassignedMessage(
  f: CaseFacts & {
    recipientName: string;
    stage: 'near' | 'overdue';
    acknowledgeBy: IsoDate;
    receivedOn: IsoDate;
  },
): StaffMessage {
  const overdue = f.stage === 'overdue';
  return {
    subject: overdue
      ? `Escalatie: klacht ${f.reference} heeft nog geen behandelaar en de ontvangstbevestiging is te laat`
      : `Klacht ${f.reference} heeft nog geen behandelaar`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      `Klacht ${f.reference} is ontvangen op ${formatDutchDate(f.receivedOn)} en heeft nog geen behandelaar.`,
      overdue
        ? `De ontvangstbevestiging had uiterlijk ${formatDutchDate(f.acknowledgeBy)} verstuurd moeten zijn.`
        : `De behandelaar moet uiterlijk ${formatDutchDate(f.acknowledgeBy)} de ontvangstbevestiging versturen.`,
      'Wijs een neutrale behandelaar aan: nooit de medewerker die de dienst heeft verleend.',
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

export type MeasureKind = 'agreed_measure' | 'preventive_measure';

const MEASURE_TITLE: Record<MeasureKind, string> = {
  agreed_measure: 'afgesproken maatregel',
  preventive_measure: 'preventieve maatregel',
};

/** To the measure's owner (and, once overdue, the handler). */
export function measureMessage(
  f: CaseFacts & {
    recipientName: string;
    kind: MeasureKind;
    stage: 'near' | 'overdue';
    description: string;
    due: IsoDate;
    ownerName: string;
    /** Why this recipient gets it: the owner, the handler (step 8), or a quality manager when neither is active. */
    recipientRole: 'owner' | 'handler' | 'quality_manager';
  },
): StaffMessage {
  const title = MEASURE_TITLE[f.kind];
  const overdue = f.stage === 'overdue';
  return {
    subject: overdue
      ? `Verlopen: ${title} bij klacht ${f.reference} (uiterlijk ${formatDutchDate(f.due)})`
      : `Herinnering: ${title} bij klacht ${f.reference} uiterlijk ${formatDutchDate(f.due)}`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      overdue
        ? `De ${title} bij klacht ${f.reference} had uiterlijk ${formatDutchDate(f.due)} uitgevoerd moeten zijn en staat nog open:`
        : `De ${title} bij klacht ${f.reference} moet uiterlijk ${formatDutchDate(f.due)} uitgevoerd zijn:`,
      `  ${f.description}`,
      f.recipientRole === 'owner'
        ? 'U bent eigenaar van deze maatregel. Markeer hem als uitgevoerd zodra hij klaar is.'
        : f.recipientRole === 'handler'
          ? `Eigenaar: ${f.ownerName}. U krijgt dit bericht als behandelaar, die zorgt voor de afhandeling van wat is afgesproken.`
          : `Eigenaar: ${f.ownerName}. U krijgt dit bericht als kwaliteitsmanager, omdat eigenaar en behandelaar niet (meer) actief zijn.`,
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

/** To every quality manager: a new complaint came in (step 1 → step 2). */
export function newComplaintMessage(
  f: CaseFacts & { recipientName: string; receivedOn: IsoDate; acknowledgeBy: IsoDate; channel: string },
): StaffMessage {
  return {
    subject: `Nieuwe klacht ${f.reference}: wijs een behandelaar aan`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      `Er is een nieuwe klacht geregistreerd: ${f.reference}, ontvangen op ${formatDutchDate(f.receivedOn)} (${CHANNEL_WORDS[f.channel] ?? f.channel}).`,
      `Wijs een neutrale behandelaar aan. De ontvangstbevestiging moet uiterlijk ${formatDutchDate(f.acknowledgeBy)} verstuurd zijn.`,
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

const CHANNEL_WORDS: Record<string, string> = {
  web: 'via het webformulier',
  email: 'per e-mail',
  letter: 'per brief',
  phone: 'telefonisch',
  in_person: 'mondeling',
};

/** To the (new) handler: step 2 appointed them. */
export function handlerAssignedMessage(
  f: CaseFacts & {
    recipientName: string;
    reassigned: boolean;
    acknowledgeBy: IsoDate | null;
    resolveBy: IsoDate;
  },
): StaffMessage {
  return {
    subject: f.reassigned
      ? `Klacht ${f.reference} is aan u overgedragen`
      : `U bent behandelaar van klacht ${f.reference}`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      f.reassigned
        ? `De behandeling van klacht ${f.reference} is aan u overgedragen.`
        : `U bent aangewezen als behandelaar van klacht ${f.reference}.`,
      f.acknowledgeBy &&
        `De ontvangstbevestiging moet uiterlijk ${formatDutchDate(f.acknowledgeBy)} verstuurd zijn.`,
      `De klacht moet uiterlijk ${formatDutchDate(f.resolveBy)} afgehandeld zijn.`,
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

/** To an involved employee: step 4 puts the complaint to them. */
export function reactionRequestedMessage(
  f: CaseFacts & { recipientName: string; handlerName: string | null },
): StaffMessage {
  return {
    subject: `Uw reactie gevraagd op klacht ${f.reference}`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      `U bent betrokken bij klacht ${f.reference}. De klacht wordt onderzocht en uw reactie is nodig.`,
      f.handlerName
        ? `De behandelaar, ${f.handlerName}, neemt contact met u op, vat uw reactie samen en vraagt u daarna of u akkoord bent met die samenvatting.`
        : 'De behandelaar neemt contact met u op, vat uw reactie samen en vraagt u daarna of u akkoord bent met die samenvatting.',
      '',
      `Uw deel van de klacht: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}

export type ReporterActionName =
  | 'addInformation'
  | 'requestHearing'
  | 'recordOfferAccepted'
  | 'recordOfferRejected'
  | 'withdraw'
  | 'answerSurvey';

const REPORTER_ACTION_WORDS: Record<ReporterActionName, { subject: string; sentence: string }> = {
  addInformation: {
    subject: 'De melder heeft informatie toegevoegd',
    sentence: 'De melder heeft via de persoonlijke link informatie toegevoegd aan de klacht.',
  },
  requestHearing: {
    subject: 'De melder wil gehoord worden',
    sentence: 'De melder heeft via de persoonlijke link gevraagd om gehoord te worden. Plan een hoorgesprek.',
  },
  recordOfferAccepted: {
    subject: 'De melder is tevreden met het aanbod',
    sentence:
      'De melder heeft via de persoonlijke link laten weten tevreden te zijn met het aanbod. Stuur de schriftelijke bevestiging.',
  },
  recordOfferRejected: {
    subject: 'De melder is niet tevreden met het aanbod',
    sentence:
      'De melder heeft via de persoonlijke link laten weten niet tevreden te zijn met het aanbod. Overweeg nieuw onderzoek of een nieuw aanbod.',
  },
  withdraw: {
    subject: 'De melder heeft de klacht ingetrokken',
    sentence: 'De melder heeft de klacht via de persoonlijke link ingetrokken.',
  },
  answerSurvey: {
    subject: 'De melder heeft de tevredenheidsvragenlijst ingevuld',
    sentence: 'De melder heeft via de persoonlijke link de vragenlijst over de afhandeling ingevuld.',
  },
};

/** To the handler (or the quality managers): the reporter did something through the follow-up link. */
export function reporterActionMessage(
  f: CaseFacts & { recipientName: string; action: ReporterActionName; asQualityManager: boolean },
): StaffMessage {
  const words = REPORTER_ACTION_WORDS[f.action];
  return {
    subject: `${words.subject} (klacht ${f.reference})`,
    text: lines(
      `Beste ${f.recipientName},`,
      '',
      `Klacht ${f.reference}: ${words.sentence}`,
      f.asQualityManager
        ? 'U krijgt dit bericht als kwaliteitsmanager, omdat de klacht nog geen behandelaar heeft.'
        : 'U krijgt dit bericht als behandelaar van deze klacht.',
      '',
      `Klacht openen: ${f.url}`,
      '',
      FOOTER,
    ),
  };
}
