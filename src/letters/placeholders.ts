/**
 * The safe placeholders: a closed list of names per letter kind. A template may use these names and nothing
 * else (src/letters/validate.ts refuses the rest), so an administrator's template can only ever read the facts
 * that facts.ts prepares for that letter, never the raw complaint text or anything else in the process.
 *
 * - text: `{{name}}` writes it; `{{#name}}…{{/name}}` shows the part only when it is not empty, `{{^name}}…{{/name}}`
 *   only when it is;
 * - flag: true or false, for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`;
 * - list: `{{#name}}…{{/name}}` repeats the part for every item, whose fields are written as `{{field}}` inside it.
 *
 * Layout in a body: a blank line starts a new paragraph; a line starting with "# " is a heading; lines starting
 * with "- " are a bulleted list.
 */

import type { LetterKind } from '../domain/letters.ts';
import type { LocalisedText } from '../domain/settings.ts';

export type PlaceholderType = 'text' | 'flag' | 'list';

export interface Placeholder {
  name: string;
  type: PlaceholderType;
  description: LocalisedText;
  /** The fields of each item of a list. */
  fields?: readonly Placeholder[];
}

const text = (name: string, nl: string, en: string): Placeholder => ({
  name,
  type: 'text',
  description: { nl, en },
});
const flag = (name: string, nl: string, en: string): Placeholder => ({
  name,
  type: 'flag',
  description: { nl, en },
});
const list = (name: string, nl: string, en: string, fields: Placeholder[]): Placeholder => ({
  name,
  type: 'list',
  description: { nl, en },
  fields,
});

/** In every letter. */
const COMMON: readonly Placeholder[] = [
  text('organisationName', 'Naam van de organisatie', 'Name of the organisation'),
  text(
    'organisationAddress',
    'Adres van de organisatie op één regel',
    "The organisation's address on one line",
  ),
  text('organisationEmail', 'E-mailadres van de organisatie', "The organisation's email address"),
  text('organisationPhone', 'Telefoonnummer van de organisatie', "The organisation's phone number"),
  text('organisationWebsite', 'Website van de organisatie', "The organisation's website"),
  text(
    'letterDate',
    'Datum van de brief, bijvoorbeeld "8 mei 2026"',
    'Date of the letter, e.g. "8 May 2026"',
  ),
  text(
    'reference',
    'Kenmerk van de klacht, bijvoorbeeld VP-2026-00012',
    "The complaint's reference, e.g. VP-2026-00012",
  ),
  text(
    'recipientName',
    'Naam van de ontvanger (leeg als die onbekend is)',
    "The recipient's name (empty when unknown)",
  ),
  text(
    'salutation',
    'Aanhef: "Geachte <naam>," of "Geachte heer/mevrouw,"',
    'Salutation: "Dear <name>," or "Dear Sir or Madam,"',
  ),
  flag('forReporter', 'Waar als de brief naar de melder gaat', 'True when the letter goes to the reporter'),
  flag(
    'forInvolved',
    'Waar als de brief naar een betrokkene gaat',
    'True when the letter goes to an involved person',
  ),
  text(
    'reporterName',
    'Naam van de melder, of "een anonieme melder"',
    'Name of the reporter, or "an anonymous reporter"',
  ),
  text(
    'reporterRole',
    'Rol van de melder in woorden, bijvoorbeeld "kandidaat"',
    'Role of the reporter in words, e.g. "candidate"',
  ),
  flag('hasHandler', 'Waar als er een behandelaar is', 'True when a handler is assigned'),
  text('handlerName', 'Naam van de behandelaar', 'Name of the handler'),
  text('handlerJobTitle', 'Functie van de behandelaar', "The handler's job title"),
  text(
    'summary',
    'Korte omschrijving van de klacht door de behandelaar (nooit de tekst van de melder zelf)',
    "The handler's short summary of the complaint (never the reporter's own text)",
  ),
  text('receivedDate', 'Datum waarop de klacht is ontvangen', 'Date the complaint was received'),
  text(
    'resolveByDate',
    'Datum waarop de klacht uiterlijk is afgehandeld',
    'Date by which the complaint will be handled',
  ),
  text(
    'resolveWorkingDays',
    'Termijn voor de afhandeling in werkdagen, bijvoorbeeld 21',
    'Term for handling in working days, e.g. 21',
  ),
];

const EVENT: readonly Placeholder[] = [
  text('eventDate', 'Datum van de gebeurtenis (kan leeg zijn)', 'Date of the event (may be empty)'),
  text('eventPlace', 'Plaats van de gebeurtenis (kan leeg zijn)', 'Place of the event (may be empty)'),
  text(
    'eventCircumstances',
    'Bijzondere omstandigheden (kan leeg zijn)',
    'Special circumstances (may be empty)',
  ),
];

const APPEAL: readonly Placeholder[] = [
  list(
    'appealRoutes',
    'Waar de melder terecht kan als die niet tevreden is, in de volgorde van het klachtenreglement: eerst de opdrachtgever van het traject, dan (in derde instantie) de ombudsman',
    'Where the reporter can go when not satisfied, in the order of the regulation: first the commissioning party of the trajectory, then (in third instance) the ombudsman',
    [
      text(
        'text',
        'De hele zin voor deze stap, met naam en contactgegevens',
        'The whole sentence for this step, with names and contact details',
      ),
    ],
  ),
  list(
    'advocacyBodies',
    'Organisaties die de belangen van cliënten behartigen',
    "Organisations that stand up for clients' interests",
    [
      text('name', 'Naam', 'Name'),
      text('description', 'Korte beschrijving', 'Short description'),
      text('url', 'Website (kan leeg zijn)', 'Website (may be empty)'),
      text('text', 'Naam, beschrijving en website samen', 'Name, description and website together'),
    ],
  ),
];

const DECISION: readonly Placeholder[] = [
  text(
    'judgement',
    'Het oordeel in woorden: gegrond, deels gegrond of ongegrond',
    'The judgement in words: well-founded, partly well-founded or unfounded',
  ),
  text('findings', 'De bevindingen van het onderzoek', 'The findings of the investigation'),
  text('reasons', 'De motivering van het oordeel', 'The reasons for the judgement'),
];

const OFFER: readonly Placeholder[] = [
  flag('hasOfferMeasures', 'Waar als er een aanbod is gedaan', 'True when an offer was made'),
  list('offerMeasures', 'De maatregelen van het laatste aanbod', 'The measures of the latest offer', [
    text(
      'kind',
      'Soort: correctie, genoegdoening of vervangende dienst',
      'Kind: correction, redress or replacement service',
    ),
    text('description', 'Wat er wordt gedaan', 'What will be done'),
  ]),
  text('offerDate', 'Datum van het laatste aanbod', 'Date of the latest offer'),
  text(
    'offerMethod',
    'Hoe het aanbod is gedaan, bijvoorbeeld "telefonisch"',
    'How the offer was made, e.g. "by phone"',
  ),
  text(
    'offerReaction',
    'De reactie van de melder op het aanbod (kan leeg zijn)',
    "The reporter's reaction to the offer (may be empty)",
  ),
  flag('hasAgreedMeasures', 'Waar als er maatregelen zijn afgesproken', 'True when measures were agreed'),
  list('agreedMeasures', 'De afgesproken maatregelen', 'The agreed measures', [
    text(
      'kind',
      'Soort: correctie, genoegdoening of vervangende dienst',
      'Kind: correction, redress or replacement service',
    ),
    text('description', 'Wat er wordt gedaan', 'What will be done'),
    text('dueDate', 'Uiterlijke datum', 'Due date'),
  ]),
  text(
    'reportByDate',
    'Datum waarop het schriftelijk verslag uiterlijk volgt (kan leeg zijn)',
    'Date by which the final report follows (may be empty)',
  ),
];

const PER_KIND: Record<LetterKind, readonly Placeholder[]> = {
  acknowledgement: [
    ...EVENT,
    text('rightToBeHeard', 'Zin over het recht om gehoord te worden', 'Sentence about the right to be heard'),
  ],
  not_taken_up: [
    text(
      'notTakenUpGround',
      'De reden waarom de klacht niet in behandeling wordt genomen',
      'Why the complaint is not taken up',
    ),
    text('notTakenUpMotivation', 'De motivering', 'The motivation'),
    ...APPEAL,
  ],
  extension_notice: [
    text('extensionReason', 'Waarom er meer tijd nodig is', 'Why more time is needed'),
    text('extensionWorkingDays', 'Aantal extra werkdagen', 'Number of extra working days'),
    text('previousResolveByDate', 'De eerder genoemde datum', 'The date given before'),
  ],
  complaint_copy: [...EVENT],
  findings: [
    ...DECISION,
    ...OFFER,
    text(
      'noFurtherStepReason',
      'Waarom er geen nieuw onderzoek of aanbod komt (kan leeg zijn)',
      'Why there is no new investigation or offer (may be empty)',
    ),
    ...APPEAL,
  ],
  written_confirmation: [...DECISION, ...OFFER],
  final_report: [
    ...DECISION,
    ...OFFER,
    text('resolvedDate', 'Datum waarop de klacht is opgelost', 'Date the complaint was resolved'),
    flag(
      'hasPreventiveMeasures',
      'Waar als er preventieve maatregelen zijn',
      'True when there are preventive measures',
    ),
    list('preventiveMeasures', 'Maatregelen om herhaling te voorkomen', 'Measures to prevent recurrence', [
      text('description', 'Wat er wordt gedaan', 'What will be done'),
      text('dueDate', 'Uiterlijke datum', 'Due date'),
    ]),
    text(
      'noPreventiveMeasuresReason',
      'Waarom geen preventieve maatregelen mogelijk zijn (kan leeg zijn)',
      'Why no preventive measures are possible (may be empty)',
    ),
    ...APPEAL,
  ],
  survey_invitation: [
    text('closedDate', 'Datum waarop de klacht is afgesloten', 'Date the complaint was closed'),
    text(
      'followUpLinkUntilDate',
      'Tot wanneer de persoonlijke link werkt',
      'Until when the personal link works',
    ),
  ],
};

/** Every placeholder a template of this kind may use: the common ones and the kind's own. */
export function placeholdersFor(kind: LetterKind): readonly Placeholder[] {
  return [...COMMON, ...PER_KIND[kind]];
}
