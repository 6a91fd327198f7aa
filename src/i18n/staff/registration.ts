/**
 * Texts of registering a complaint received by phone, letter, email or in person (GET/POST
 * /staff/complaints/new) and of the light records of complaints resolved on the spot (/staff/spot-records),
 * Dutch first. Channels, reporter roles and statuses are the shared ones in common.ts.
 */
import type { Widen } from '../widen.ts';

interface AttachmentRules {
  types: string;
  maxFile: string;
  maxTotal: string;
  maxFiles: number;
}

const nl = {
  title: 'Klacht registreren',
  intro:
    'Voor een klacht die u per telefoon, per brief, per e-mail of persoonlijk ontving. De termijnen gaan in op het moment van ontvangst, ook als dat eerder was dan nu.',
  requiredNote: 'Verplicht zijn alleen het kanaal, het moment van ontvangst en wat er is gebeurd.',
  sections: {
    receipt: 'Ontvangst',
    reporter: 'De melder',
    trajectory: 'Traject en opdrachtgever',
    what: 'Wat er is gebeurd',
    classification: 'Categorie en team',
    attachments: 'De schriftelijke klacht',
  },
  fields: {
    channel: { label: 'Hoe kwam de klacht binnen? (verplicht)', choose: 'Kies het kanaal' },
    receivedAt: {
      label: 'Ontvangen op (datum en tijd, verplicht)',
      hint: 'Nederlandse tijd. Mag in het verleden liggen, niet in de toekomst. Bijvoorbeeld 30-04-2026 10:15.',
    },
    receiverId: {
      label: 'Ontvangen door',
      hint: 'Als kwaliteitsmanager kunt u een klacht registreren die een collega ontving.',
      me: (name: string) => `${name} (uzelf)`,
    },
    receiverFixed: (name: string) => `Ontvangen door: ${name} (uzelf).`,
    name: { label: 'Naam' },
    email: { label: 'E-mailadres', hint: 'De melder krijgt dan de link om de klacht te volgen per e-mail.' },
    phone: { label: 'Telefoonnummer' },
    postalAddress: { label: 'Postadres', hint: 'Straat en huisnummer, postcode en plaats.' },
    anonymous: {
      label: 'De melder wil anoniem blijven',
      hint: 'Naam en contactgegevens worden dan niet bewaard, ook als ze hierboven staan.',
    },
    consentToContact: { label: 'De melder wil over de klacht gebeld of gemaild worden' },
    role: { label: 'De melder is', choose: 'Onbekend' },
    language: { label: 'Taal van de melder (voor brieven en e-mails)' },
    languages: { nl: 'Nederlands', en: 'Engels' },
    trajectoryReference: { label: 'Trajectnummer' },
    jobcoach: { label: 'Jobcoach' },
    commissioningPartyType: { label: 'Opdrachtgever', choose: 'Geen of onbekend' },
    commissioningPartyName: { label: 'Naam van de opdrachtgever', hint: 'Bijvoorbeeld UWV Utrecht.' },
    commissioningPartyContact: { label: 'Contactpersoon of telefoonnummer van de opdrachtgever' },
    description: {
      label: 'Wat is er gebeurd? (verplicht)',
      hint: 'Zo veel mogelijk in de woorden van de melder.',
    },
    eventDate: { label: 'Datum van de gebeurtenis', hint: 'Bijvoorbeeld 28-04-2026.' },
    eventPlace: { label: 'Plaats van de gebeurtenis' },
    eventCircumstances: { label: 'Omstandigheden' },
    desiredOutcome: { label: 'Wat wil de melder bereiken?' },
    involved: { label: 'Genoemde personen', hint: 'Eén naam per regel, zoals de melder ze noemde.' },
    category: { label: 'Categorie', choose: 'Nog niet bekend' },
    team: { label: 'Team', choose: 'Nog niet bekend' },
    attachments: {
      label: 'Bestanden toevoegen',
      hint: (rules: AttachmentRules) =>
        `De schriftelijke klacht: een scan, een PDF of een e-mailbestand. Hoogstens ${rules.maxFiles} bestanden. Toegestaan: ${rules.types}. Per bestand hoogstens ${rules.maxFile}, samen hoogstens ${rules.maxTotal}.`,
    },
  },
  partyTypes: {
    UWV: 'UWV',
    municipality: 'Gemeente',
    employer: 'Werkgever',
    insurer: 'Verzekeraar',
    other: 'Anders',
  },
  submit: 'Klacht registreren',
  errors: {
    channel: 'Kies hoe de klacht binnenkwam.',
    receivedAtMissing: 'Vul in wanneer de klacht binnenkwam.',
    receivedAt: 'Vul datum en tijd in zoals 30-04-2026 10:15.',
    receiverId: 'Kies een ontvanger uit de lijst.',
    language: 'Kies Nederlands of Engels.',
    description: 'Schrijf in een paar woorden wat er is gebeurd.',
    email: 'Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.',
    phone: 'Vul een telefoonnummer in met alleen cijfers. Spaties en + - ( ) mogen ook.',
    eventDate: 'Vul een datum in zoals 28-04-2026.',
    partyTypeMissing: 'Kies de soort opdrachtgever.',
    tooManyNames: 'Vul hoogstens 20 namen in.',
    choice: 'Kies een waarde uit de lijst.',
  },
  notice: {
    registered: (reference: string) => `Klacht ${reference} is geregistreerd.`,
    converted: (reference: string) =>
      `De registratie is omgezet in klacht ${reference}. Het moment van ontvangst bleef gelijk.`,
    emailed: (email: string) =>
      `Met de volglink hieronder volgt de melder de klacht; hij is ook gemaild naar ${email}.`,
    notEmailed:
      'Met de volglink hieronder volgt de melder de klacht. Er is geen e-mailadres bekend: geef de link zelf door, bijvoorbeeld aan de telefoon of in een brief.',
  },
  spot: {
    title: 'Direct opgelost',
    intro:
      'Ontevredenheid die meteen is opgelost, valt buiten de klachtenprocedure. Leg haar hier kort vast, zonder naam, zodat de jaaranalyse er ook van leert.',
    formHeading: 'Vastleggen',
    receivedAt: { label: 'Wanneer', hint: 'Nederlandse tijd; staat op nu. Bijvoorbeeld 30-04-2026 10:15.' },
    channel: { label: 'Hoe', choose: 'Kies het kanaal' },
    category: { label: 'Categorie', choose: 'Geen' },
    summary: {
      label: 'Waar ging het over? (één regel, verplicht)',
      hint: 'Geen namen of andere gegevens waaraan iemand te herkennen is.',
    },
    submit: 'Vastleggen',
    done: 'Vastgelegd. Dank u wel.',
    viewOnly:
      'U kunt deze registraties bekijken. Vastleggen en omzetten doen ontvangers, behandelaars en de kwaliteitsmanager.',
    listHeading: 'Vastgelegd',
    period: {
      heading: 'Periode',
      from: 'Van',
      to: 'Tot en met',
      hint: 'Bijvoorbeeld 30-04-2026.',
      show: 'Toon',
      shown: (from: string, to: string, n: number) =>
        `${n} vastgelegd van ${from} tot en met ${to}, de laatste eerst.`,
      truncated: (n: number) =>
        `Alleen de laatste ${n} worden getoond. Kies een kortere periode om alles te zien.`,
    },
    columns: {
      when: 'Wanneer',
      channel: 'Hoe',
      category: 'Categorie',
      summary: 'Waarover',
      recordedBy: 'Vastgelegd door',
      complaint: 'Klacht',
    },
    none: 'Er is in deze periode niets vastgelegd.',
    convert: 'Omzetten in een klacht',
    convertOf: (when: string) => `(vastgelegd op ${when})`,
    convertHint:
      'Toch niet opgelost? Zet de registratie om in een klacht. Het moment van ontvangst blijft gelijk, dus ook de termijnen.',
    notConverted: 'Niet omgezet',
    errors: {
      summary: 'Schrijf in één regel waar het over ging.',
      summaryTooLong: 'Gebruik hoogstens 300 tekens, op één regel.',
      receivedAt: 'Vul datum en tijd in zoals 30-04-2026 10:15.',
      channel: 'Kies hoe het binnenkwam.',
      category: 'Kies een categorie uit de lijst.',
      date: 'Vul een datum in zoals 30-04-2026.',
      toBeforeFrom: 'Deze datum ligt voor "Van".',
    },
  },
};

const en: Widen<typeof nl> = {
  title: 'Register a complaint',
  intro:
    'For a complaint you received by phone, by letter, by email or in person. The terms run from the moment of receipt, also when that was before now.',
  requiredNote: 'Only the channel, the moment of receipt and what happened are required.',
  sections: {
    receipt: 'Receipt',
    reporter: 'The reporter',
    trajectory: 'Trajectory and commissioning party',
    what: 'What happened',
    classification: 'Category and team',
    attachments: 'The written complaint',
  },
  fields: {
    channel: { label: 'How did the complaint come in? (required)', choose: 'Choose the channel' },
    receivedAt: {
      label: 'Received on (date and time, required)',
      hint: 'Dutch time. May be in the past, not in the future. For example 30-04-2026 10:15.',
    },
    receiverId: {
      label: 'Received by',
      hint: 'As quality manager you can register a complaint that a colleague received.',
      me: (name) => `${name} (yourself)`,
    },
    receiverFixed: (name) => `Received by: ${name} (yourself).`,
    name: { label: 'Name' },
    email: {
      label: 'Email address',
      hint: 'The reporter then gets the link to follow the complaint by email.',
    },
    phone: { label: 'Phone number' },
    postalAddress: { label: 'Postal address', hint: 'Street and number, postcode and town.' },
    anonymous: {
      label: 'The reporter wants to stay anonymous',
      hint: 'Name and contact details are then not kept, even when they are filled in above.',
    },
    consentToContact: { label: 'The reporter wants to be called or emailed about the complaint' },
    role: { label: 'The reporter is', choose: 'Unknown' },
    language: { label: "The reporter's language (for letters and emails)" },
    languages: { nl: 'Dutch', en: 'English' },
    trajectoryReference: { label: 'Trajectory number' },
    jobcoach: { label: 'Job coach' },
    commissioningPartyType: { label: 'Commissioning party', choose: 'None or unknown' },
    commissioningPartyName: { label: 'Name of the commissioning party', hint: 'For example UWV Utrecht.' },
    commissioningPartyContact: { label: 'Contact person or phone number of the commissioning party' },
    description: {
      label: 'What happened? (required)',
      hint: "As much as possible in the reporter's own words.",
    },
    eventDate: { label: 'Date of the event', hint: 'For example 28-04-2026.' },
    eventPlace: { label: 'Place of the event' },
    eventCircumstances: { label: 'Circumstances' },
    desiredOutcome: { label: 'What does the reporter want to achieve?' },
    involved: { label: 'People mentioned', hint: 'One name per line, as the reporter named them.' },
    category: { label: 'Category', choose: 'Not known yet' },
    team: { label: 'Team', choose: 'Not known yet' },
    attachments: {
      label: 'Add files',
      hint: (rules) =>
        `The written complaint: a scan, a PDF or an email file. At most ${rules.maxFiles} files. Allowed: ${rules.types}. At most ${rules.maxFile} per file, ${rules.maxTotal} together.`,
    },
  },
  partyTypes: {
    UWV: 'UWV',
    municipality: 'Municipality',
    employer: 'Employer',
    insurer: 'Insurer',
    other: 'Other',
  },
  submit: 'Register the complaint',
  errors: {
    channel: 'Choose how the complaint came in.',
    receivedAtMissing: 'Enter when the complaint came in.',
    receivedAt: 'Enter a date and time such as 30-04-2026 10:15.',
    receiverId: 'Choose a receiver from the list.',
    language: 'Choose Dutch or English.',
    description: 'Describe in a few words what happened.',
    email: 'Enter a valid email address, such as name@example.com.',
    phone: 'Enter a phone number with digits only. Spaces and + - ( ) are allowed too.',
    eventDate: 'Enter a date such as 28-04-2026.',
    partyTypeMissing: 'Choose the kind of commissioning party.',
    tooManyNames: 'Enter at most 20 names.',
    choice: 'Choose a value from the list.',
  },
  notice: {
    registered: (reference) => `Complaint ${reference} is registered.`,
    converted: (reference) =>
      `The record became complaint ${reference}. The moment of receipt stayed the same.`,
    emailed: (email) =>
      `With the follow-up link below the reporter follows the complaint; it was also emailed to ${email}.`,
    notEmailed:
      'With the follow-up link below the reporter follows the complaint. No email address is known: pass the link on yourself, for example on the phone or in a letter.',
  },
  spot: {
    title: 'Resolved on the spot',
    intro:
      'Dissatisfaction that was resolved at once is outside the complaints procedure. Record it here briefly, without a name, so that the annual analysis learns from it too.',
    formHeading: 'Record',
    receivedAt: { label: 'When', hint: 'Dutch time; set to now. For example 30-04-2026 10:15.' },
    channel: { label: 'How', choose: 'Choose the channel' },
    category: { label: 'Category', choose: 'None' },
    summary: {
      label: 'What was it about? (one line, required)',
      hint: 'No names or other details by which someone can be recognised.',
    },
    submit: 'Record',
    done: 'Recorded. Thank you.',
    viewOnly:
      'You can view these records. Receivers, handlers and the quality manager record and convert them.',
    listHeading: 'Recorded',
    period: {
      heading: 'Period',
      from: 'From',
      to: 'Up to and including',
      hint: 'For example 30-04-2026.',
      show: 'Show',
      shown: (from, to, n) => `${n} recorded from ${from} up to and including ${to}, the latest first.`,
      truncated: (n) => `Only the latest ${n} are shown. Choose a shorter period to see everything.`,
    },
    columns: {
      when: 'When',
      channel: 'How',
      category: 'Category',
      summary: 'About',
      recordedBy: 'Recorded by',
      complaint: 'Complaint',
    },
    none: 'Nothing was recorded in this period.',
    convert: 'Convert into a complaint',
    convertOf: (when) => `(recorded on ${when})`,
    convertHint:
      'Not resolved after all? Convert the record into a complaint. The moment of receipt stays the same, and so do the terms.',
    notConverted: 'Not converted',
    errors: {
      summary: 'Write in one line what it was about.',
      summaryTooLong: 'Use at most 300 characters, on one line.',
      receivedAt: 'Enter a date and time such as 30-04-2026 10:15.',
      channel: 'Choose how it came in.',
      category: 'Choose a category from the list.',
      date: 'Enter a date such as 30-04-2026.',
      toBeforeFrom: 'This date is before "From".',
    },
  },
};

export type RegistrationMessages = Widen<typeof nl>;
export const registrationMessages: Record<'nl' | 'en', RegistrationMessages> = { nl, en };
