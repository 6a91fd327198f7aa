/**
 * The facts a letter is filled with: one flat view model per letter, in the recipient's language, built from
 * the complaint as it is after the action. This is the only bridge from a complaint to a template, and it
 * deliberately has no field for the reporter's raw description: letters quote the handler's short summary
 * ("korte omschrijving", step 3), never the text the reporter wrote.
 *
 * Every key is always present (an empty string or false when the complaint has no such fact yet): mustache
 * looks a missing name up in the enclosing context, and an absent key must never reach anything else.
 */
import { type Complaint, type Language, latestOffer } from '../domain/complaint.ts';
import { appealRoutesFor, followUpLinkExpiresAt } from '../domain/follow-up.ts';
import type { LetterRequest } from '../domain/letters.ts';
import type { CommissioningPartyType, OrganisationSettings } from '../domain/settings.ts';
import {
  CONTACT_METHOD_LABELS,
  CORRECTIVE_KIND_LABELS,
  continueSentence,
  formatDate,
  formatInstantDate,
  JUDGEMENT_LABELS,
  REPORTER_ROLE_LABELS,
} from './format.ts';

export interface MeasureFacts {
  kind: string;
  description: string;
}

export interface DatedMeasureFacts {
  kind: string;
  description: string;
  dueDate: string;
}

export interface AppealRouteFacts {
  text: string;
}

export interface AdvocacyBodyFacts {
  name: string;
  description: string;
  url: string;
  text: string;
}

/** The view model; its keys are exactly the names in placeholders.ts (a test holds the two together). */
export interface LetterFacts {
  organisationName: string;
  organisationAddress: string;
  organisationEmail: string;
  organisationPhone: string;
  organisationWebsite: string;
  letterDate: string;
  reference: string;
  recipientName: string;
  salutation: string;
  forReporter: boolean;
  forInvolved: boolean;
  reporterName: string;
  reporterRole: string;
  hasHandler: boolean;
  handlerName: string;
  handlerJobTitle: string;
  summary: string;
  receivedDate: string;
  resolveByDate: string;
  resolveWorkingDays: string;
  eventDate: string;
  eventPlace: string;
  eventCircumstances: string;
  rightToBeHeard: string;
  notTakenUpGround: string;
  notTakenUpMotivation: string;
  extensionReason: string;
  extensionWorkingDays: string;
  previousResolveByDate: string;
  judgement: string;
  findings: string;
  reasons: string;
  hasOfferMeasures: boolean;
  offerMeasures: MeasureFacts[];
  offerDate: string;
  offerMethod: string;
  offerReaction: string;
  hasAgreedMeasures: boolean;
  agreedMeasures: DatedMeasureFacts[];
  reportByDate: string;
  noFurtherStepReason: string;
  resolvedDate: string;
  hasPreventiveMeasures: boolean;
  preventiveMeasures: { description: string; dueDate: string }[];
  noPreventiveMeasuresReason: string;
  closedDate: string;
  followUpLinkUntilDate: string;
  appealRoutes: AppealRouteFacts[];
  advocacyBodies: AdvocacyBodyFacts[];
}

const WORDS = {
  nl: {
    salutation: (name: string) => `Geachte ${name},`,
    salutationUnknown: 'Geachte heer/mevrouw,',
    anonymous: 'een anonieme melder',
    thirdInstance: 'In derde instantie',
    or: 'of',
    rightToBeHeard:
      'U heeft het recht om gehoord te worden. Dat betekent dat u uw klacht in een gesprek mag toelichten. Wilt u dat? Laat het ons dan weten via de persoonlijke link die u bij uw melding kreeg, per telefoon of per e-mail.',
    partyTypes: {
      UWV: 'UWV',
      municipality: 'gemeente',
      employer: 'werkgever',
      insurer: 'verzekeraar',
      other: '',
    },
  },
  en: {
    salutation: (name: string) => `Dear ${name},`,
    salutationUnknown: 'Dear Sir or Madam,',
    anonymous: 'an anonymous reporter',
    thirdInstance: 'In third instance',
    or: 'or',
    rightToBeHeard:
      'You have the right to be heard. This means you may explain your complaint in a conversation with us. Would you like that? Then let us know through the personal link you received with your complaint, by phone or by email.',
    partyTypes: {
      UWV: 'UWV',
      municipality: 'municipality',
      employer: 'employer',
      insurer: 'insurer',
      other: '',
    },
  },
} satisfies Record<Language, unknown>;

const dateOrEmpty = (date: string | null | undefined, language: Language) =>
  date ? formatDate(date, language) : '';
const instantOrEmpty = (instant: string | null | undefined, language: Language) =>
  instant ? formatInstantDate(instant, language) : '';

/** Builds the facts of one letter to one recipient, in the recipient's language, dated `now`. */
export function buildFacts(
  request: LetterRequest,
  complaint: Complaint,
  settings: OrganisationSettings,
  now: string,
): LetterFacts {
  const language = request.recipient.language;
  const words = WORDS[language];
  const { reporter, handler, decision } = complaint;
  const offer = latestOffer(complaint);
  const recipientName = request.recipient.name?.trim() ?? '';
  const noFurtherStep = complaint.afterRejection.findLast((entry) => entry.choice === 'no_further_step');
  const ground = complaint.notTakenUp
    ? (settings.nonAdmissionGrounds.find((g) => g.code === complaint.notTakenUp?.ground)?.label[language] ??
      complaint.notTakenUp.ground)
    : '';
  const { address } = settings;
  const preventiveMeasures = complaint.preventiveMeasures.map((m) => ({
    description: m.description,
    dueDate: formatDate(m.dueDate, language),
  }));
  const agreedMeasures = complaint.agreedMeasures.map((m) => ({
    kind: CORRECTIVE_KIND_LABELS[m.kind][language],
    description: m.description,
    dueDate: formatDate(m.dueDate, language),
  }));
  const offerMeasures = (offer?.measures ?? []).map((m) => ({
    kind: CORRECTIVE_KIND_LABELS[m.kind][language],
    description: m.description,
  }));

  return {
    organisationName: settings.name,
    organisationAddress: [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', '),
    organisationEmail: settings.email,
    organisationPhone: settings.phone,
    organisationWebsite: settings.website,
    letterDate: formatInstantDate(now, language),
    reference: complaint.reference,
    recipientName,
    salutation: recipientName ? words.salutation(recipientName) : words.salutationUnknown,
    forReporter: request.recipient.role === 'reporter',
    forInvolved: request.recipient.role === 'involved',
    reporterName: !reporter.anonymous && reporter.name ? reporter.name : words.anonymous,
    reporterRole: reporter.role ? REPORTER_ROLE_LABELS[reporter.role][language] : '',
    hasHandler: handler !== null,
    handlerName: handler?.name ?? '',
    handlerJobTitle: handler?.jobTitle ?? '',
    summary: complaint.summary ?? '',
    receivedDate: formatInstantDate(complaint.receivedAt, language),
    resolveByDate: formatDate(complaint.deadlines.resolveBy, language),
    resolveWorkingDays: String(settings.terms.resolveWorkingDays),
    eventDate: dateOrEmpty(complaint.event.date, language),
    eventPlace: complaint.event.place ?? '',
    eventCircumstances: complaint.event.circumstances ?? '',
    rightToBeHeard: words.rightToBeHeard,
    notTakenUpGround: ground,
    notTakenUpMotivation: complaint.notTakenUp?.motivation ?? '',
    extensionReason: complaint.extension?.reason ?? '',
    extensionWorkingDays: complaint.extension ? String(complaint.extension.workingDays) : '',
    previousResolveByDate: dateOrEmpty(complaint.extension?.previousResolveBy, language),
    judgement: decision ? JUDGEMENT_LABELS[decision.judgement][language] : '',
    findings: decision?.findings ?? '',
    reasons: decision?.reasons ?? '',
    hasOfferMeasures: offerMeasures.length > 0,
    offerMeasures,
    offerDate: instantOrEmpty(offer?.madeAt, language),
    offerMethod: offer ? CONTACT_METHOD_LABELS[offer.method][language] : '',
    offerReaction: offer?.reaction ?? '',
    hasAgreedMeasures: agreedMeasures.length > 0,
    agreedMeasures,
    reportByDate: dateOrEmpty(complaint.deadlines.reportBy, language),
    noFurtherStepReason: noFurtherStep?.reason ?? '',
    resolvedDate: instantOrEmpty(complaint.resolvedAt, language),
    hasPreventiveMeasures: preventiveMeasures.length > 0,
    preventiveMeasures,
    noPreventiveMeasuresReason:
      complaint.prevention?.decision === 'none_possible' ? (complaint.prevention.reason ?? '') : '',
    closedDate: instantOrEmpty(complaint.closedAt, language),
    followUpLinkUntilDate: instantOrEmpty(followUpLinkExpiresAt(complaint, settings), language),
    appealRoutes: appealRouteFacts(complaint, settings, language),
    advocacyBodies: settings.advocacyBodies.map((body) => {
      const description = body.description[language];
      const url = body.url ?? '';
      return {
        name: body.name,
        description,
        url,
        text: `${body.name}${description ? ` – ${description}` : ''}${url ? ` (${url})` : ''}`,
      };
    }),
  };
}

/**
 * Step 9 as sentences, one per instance in the regulation's order: routes of the same order are alternatives
 * ("de Nationale Ombudsman of de Ombudsman in uw gemeente") and share one item; the ombudsmen are named "in
 * derde instantie" as the regulation does (Loket3 itself being the first, the commissioning party the second).
 */
function appealRouteFacts(
  complaint: Complaint,
  settings: OrganisationSettings,
  language: Language,
): AppealRouteFacts[] {
  const words = WORDS[language];
  const groups = new Map<number, string[]>();
  for (const { route, party } of appealRoutesFor(complaint, settings)) {
    let phrase = route.label[language];
    if (party) {
      const who = party.name?.trim() || words.partyTypes[party.type as CommissioningPartyType] || '';
      const details = [who, party.contact?.trim()].filter(Boolean);
      if (details.length > 0) phrase += `: ${details[0]}${details[1] ? ` (${details[1]})` : ''}`;
    }
    const reach = [route.contact, route.url].filter(Boolean).join(', ');
    if (reach) phrase += ` (${reach})`;
    const group = groups.get(route.order) ?? [];
    group.push(phrase);
    groups.set(route.order, group);
  }
  return [...groups].map(([order, phrases]) => {
    const joined = phrases.map((p, i) => (i === 0 ? p : continueSentence(p))).join(` ${words.or} `);
    return { text: order === 3 ? `${words.thirdInstance}: ${continueSentence(joined)}` : joined };
  });
}
