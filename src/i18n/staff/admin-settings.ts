/**
 * Texts of the organisation settings pages (/staff/admin/settings/<section>), Dutch first: each section's
 * title, introduction and fields, the note, the history of versions and the messages.
 */
import type { Widen } from '../widen.ts';

const listTexts = {
  code: 'Code',
  codeHint: 'Kleine letters, cijfers en _; verandert daarna niet meer.',
  labelNl: 'Omschrijving in het Nederlands',
  labelEn: 'Omschrijving in het Engels',
  remove: 'Verwijderen',
  removeUsed: (n: number) =>
    `Verwijderen, ook al ${n === 1 ? 'gebruikt 1 klacht' : `gebruiken ${n} klachten`} deze code (die klachten tonen dan alleen de code)`,
  usedBy: (n: number) => (n === 1 ? 'Gebruikt door 1 klacht' : `Gebruikt door ${n} klachten`),
  unused: 'Door geen enkele klacht gebruikt',
  item: (code: string) => `Code ${code}`,
  newHeading: 'Toevoegen',
  newHint: 'Laat leeg als u niets toevoegt.',
};

const nl = {
  title: 'Instellingen van de organisatie',
  intro:
    'Elke wijziging wordt een nieuwe versie, met wie, wanneer en waarom. Wijzigt u de termijnen of de werkdagen, dan worden de open termijnen van lopende klachten opnieuw berekend; termijnen die al gehaald zijn blijven staan.',
  sectionsHeading: 'Onderdelen',
  currentVersion: (version: number) => `Versie ${version} is in gebruik.`,
  sections: {
    organisation: {
      title: 'Organisatie',
      intro: 'Naam en contactgegevens, zoals brieven en de openbare pagina’s ze tonen.',
    },
    branding: { title: 'Huisstijl', intro: 'De kleur en het logo van de openbare pagina’s en de brieven.' },
    terms: {
      title: 'Termijnen',
      intro: 'De termijnen van het klachtenreglement, in werkdagen.',
    },
    calendar: {
      title: 'Werkdagen',
      intro:
        'Zaterdag, zondag en de algemeen erkende feestdagen (Algemene termijnenwet) zijn nooit werkdagen. Hier staan de dagen die daarnaast niet meetellen.',
    },
    categories: { title: 'Categorieën', intro: 'Waar een klacht over gaat, voor de jaaranalyse.' },
    teams: {
      title: 'Teams',
      intro: 'Optioneel: teams of vestigingen waar een klacht bij hoort, voor de jaaranalyse.',
    },
    grounds: {
      title: 'Redenen om niet te behandelen',
      intro: 'De redenen waarom een klacht niet in behandeling wordt genomen; de brief noemt de reden.',
    },
    appealRoutes: {
      title: 'Beroepsmogelijkheden',
      intro:
        'Waar de melder terecht kan als de klacht niet naar tevredenheid is opgelost (stap 9), in de volgorde van het reglement.',
    },
    advocacyBodies: {
      title: 'Belangenorganisaties',
      intro: 'Organisaties die de melder kunnen helpen, naast de beroepsmogelijkheden.',
    },
    deputy: {
      title: 'Plaatsvervangend kwaliteitsmanager',
      intro:
        'Is een kwaliteitsmanager zelf betrokken bij een klacht, dan treedt deze persoon voor die klacht op als kwaliteitsmanager.',
    },
    followUp: {
      title: 'Volglink',
      intro: 'Hoe lang de persoonlijke link van de melder werkt nadat de klacht is afgesloten.',
    },
    retention: { title: 'Bewaartermijnen', intro: 'Hoe lang gegevens worden bewaard.' },
    privacyStatement: {
      title: 'Privacyverklaring',
      intro: 'De tekst van de pagina /privacy, waar het verbeterformulier naar verwijst.',
    },
    security: {
      title: 'Beveiliging',
      intro: 'Aanmelden bij de werkomgeving: de tweede factor en hoe lang een sessie duurt.',
    },
  },
  fields: {
    name: 'Naam van de organisatie',
    street: 'Straat en huisnummer',
    postalCode: 'Postcode',
    city: 'Plaats',
    country: 'Land',
    email: 'E-mailadres voor klachten',
    phone: 'Telefoonnummer',
    website: 'Website',
    websiteHint: 'Met https://, bijvoorbeeld https://www.loket3.nl',
    privacyStatementUrl: 'Adres van de privacyverklaring',
    privacyStatementNl: 'Privacyverklaring in het Nederlands',
    privacyStatementEn: 'Privacyverklaring in het Engels',
    privacyStatementHint:
      'Alinea’s scheidt u met een lege regel. {organisation}, {complaintYears}, {auditLogYears}, {email} en {phone} worden ingevuld uit de instellingen, zodat de tekst altijd de termijnen noemt die gelden.',
    primaryColor: 'Hoofdkleur',
    primaryColorHint:
      'Als #rrggbb, bijvoorbeeld #00598a. De kleur moet een contrast van minstens 4,5:1 met wit halen.',
    contrast: (ratio: string, ok: boolean) =>
      ok
        ? `De kleur die nu is ingesteld haalt een contrast van ${ratio}:1 met wit. Dat is voldoende.`
        : `De kleur die nu is ingesteld haalt een contrast van ${ratio}:1 met wit. Dat is te weinig.`,
    logoUrl: 'Adres van het logo',
    logoUrlHint: 'Begint met https:// of /. Leeg: geen logo.',
    acknowledgeWorkingDays: 'Ontvangstbevestiging binnen (werkdagen)',
    resolveWorkingDays: 'Afhandeling binnen (werkdagen)',
    resolveWorkingDaysHint: 'Het reglement noemt 21 werkdagen.',
    reportWorkingDays: 'Schriftelijk verslag binnen (werkdagen na afhandeling)',
    extensionAllowed: 'Verlengen van de afhandeltermijn is toegestaan',
    extensionAllowedHint: 'Eén keer per klacht, met een reden en een bericht aan de melder.',
    extensionMaxWorkingDays: 'Verlenging hoogstens (werkdagen)',
    followEquatedDays: 'Gelijkgestelde dagen volgen',
    followEquatedDaysHint:
      'Dagen die bij koninklijk besluit met een feestdag zijn gelijkgesteld (Atw art. 3 lid 3), zoals de vrijdag na Hemelvaart.',
    equatedDays: 'Gelijkgestelde dagen',
    closingDays: 'Sluitingsdagen van de organisatie',
    datesHint: 'Eén datum per regel, als JJJJ-MM-DD.',
    datesNow: 'Nu ingesteld',
    noDates: 'Geen.',
    deputyQualityManagerEmail: 'Plaatsvervanger',
    deputyHint: 'Een actieve gebruiker, meestal een tweede kwaliteitsmanager.',
    noDeputy: 'Geen plaatsvervanger',
    followUpLinkDaysAfterClosing: 'Dagen na afsluiten',
    complaintYearsAfterClosing: 'Klachten bewaren (jaren na afsluiten)',
    auditLogYears: 'Auditlog bewaren (jaren)',
    twoFactorRequiredForRoles: 'Tweede factor verplicht voor',
    twoFactorHint:
      'Wie een van deze rollen heeft, moet bij het aanmelden ook een code uit een authenticator-app invullen.',
    sessionIdleMinutes: 'Sessie stopt na (minuten zonder activiteit)',
    sessionMaxHours: 'Sessie stopt in elk geval na (uren)',
  },
  list: listTexts,
  appeal: {
    order: 'Volgorde',
    orderHint: '1 = de opdrachtgever, 2 = het klachtenbureau van UWV, 3 = een ombudsman.',
    onlyFor: 'Alleen voor trajecten van',
    allTrajectories: 'Alle trajecten',
    partyTypes: {
      UWV: 'UWV',
      municipality: 'Gemeente',
      employer: 'Werkgever',
      insurer: 'Verzekeraar',
      other: 'Anders',
    },
    contact: 'Contactgegevens',
    url: 'Website',
    item: (code: string) => `Beroepsmogelijkheid ${code}`,
  },
  advocacy: {
    name: 'Naam',
    descriptionNl: 'Beschrijving in het Nederlands',
    descriptionEn: 'Beschrijving in het Engels',
    url: 'Website',
    item: (name: string) => `Organisatie ${name}`,
  },
  note: 'Waarom wijzigt u dit?',
  noteHint: 'Komt in de geschiedenis van de instellingen.',
  save: 'Opslaan',
  history: {
    heading: 'Geschiedenis',
    none: 'Dit onderdeel is sinds de eerste versie niet gewijzigd.',
    caption: 'Versies die dit onderdeel wijzigden, nieuwste eerst',
    allCaption: 'Alle versies, nieuwste eerst',
    columns: { version: 'Versie', at: 'Wanneer', by: 'Door', note: 'Waarom', changes: 'Wat veranderde' },
    initial: 'Eerste versie',
    added: 'toegevoegd',
    removed: 'verwijderd',
    empty: '(leeg)',
    sections: 'Onderdelen',
  },
  done: {
    saved: (version: number, recomputed: number) =>
      `Opgeslagen als versie ${version}. ${
        recomputed === 0
          ? 'Geen open klacht kreeg andere termijnen.'
          : recomputed === 1
            ? 'Bij 1 open klacht zijn de termijnen opnieuw berekend.'
            : `Bij ${recomputed} open klachten zijn de termijnen opnieuw berekend.`
      }`,
    unchanged: 'Er was niets gewijzigd; er is geen nieuwe versie gemaakt.',
  },
  errors: {
    integer: 'Vul een heel getal in.',
    dateLine: (line: number, value: string) =>
      `Regel ${line}: "${value}" is geen bestaande datum als JJJJ-MM-DD.`,
    duplicateCode: 'Deze code bestaat al.',
    newIncomplete: 'Vul de code en beide omschrijvingen in, of laat alle drie leeg.',
    newAppealIncomplete: 'Vul volgorde, code en beide omschrijvingen in, of laat ze allemaal leeg.',
    newAdvocacyIncomplete: 'Vul de naam en beide beschrijvingen in, of laat ze allemaal leeg.',
    atLeastOne: 'Er moet er minstens één overblijven.',
    deputyUnknown: 'Kies een actieve gebruiker uit de lijst.',
    noteMissing: 'Vul in waarom u dit wijzigt.',
  },
};

const en: Widen<typeof nl> = {
  title: 'Organisation settings',
  intro:
    'Every change becomes a new version, with who, when and why. When you change the terms or the working days, the open terms of current complaints are recomputed; terms already met keep their dates.',
  sectionsHeading: 'Sections',
  currentVersion: (version) => `Version ${version} is in force.`,
  sections: {
    organisation: {
      title: 'Organisation',
      intro: 'Name and contact details, as letters and the public pages show them.',
    },
    branding: { title: 'Branding', intro: 'The colour and logo of the public pages and the letters.' },
    terms: { title: 'Terms', intro: 'The terms of the complaints regulation, in working days.' },
    calendar: {
      title: 'Working days',
      intro:
        'Saturday, Sunday and the generally recognised holidays (Algemene termijnenwet) are never working days. These are the days that do not count besides them.',
    },
    categories: { title: 'Categories', intro: 'What a complaint is about, for the annual analysis.' },
    teams: {
      title: 'Teams',
      intro: 'Optional: teams or locations a complaint belongs to, for the annual analysis.',
    },
    grounds: {
      title: 'Grounds for not taking up',
      intro: 'The reasons why a complaint is not taken up; the letter names the reason.',
    },
    appealRoutes: {
      title: 'Appeal routes',
      intro:
        'Where the reporter can turn when the complaint was not resolved to their satisfaction (step 9), in the order of the regulation.',
    },
    advocacyBodies: {
      title: 'Advocacy bodies',
      intro: 'Organisations that can help the reporter, besides the appeal routes.',
    },
    deputy: {
      title: 'Deputy quality manager',
      intro:
        'When a quality manager is involved in a complaint, this person acts as quality manager for that complaint.',
    },
    followUp: {
      title: 'Follow-up link',
      intro: "How long the reporter's personal link works after the complaint is closed.",
    },
    retention: { title: 'Retention', intro: 'How long data is kept.' },
    privacyStatement: {
      title: 'Privacy statement',
      intro: 'The text of the page /privacy, which the improvement form links to.',
    },
    security: {
      title: 'Security',
      intro: 'Signing in to the workspace: the second factor and how long a session lasts.',
    },
  },
  fields: {
    name: 'Name of the organisation',
    street: 'Street and number',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    email: 'Email address for complaints',
    phone: 'Phone number',
    website: 'Website',
    websiteHint: 'With https://, for example https://www.loket3.nl',
    privacyStatementUrl: 'Address of the privacy statement',
    privacyStatementNl: 'Privacy statement in Dutch',
    privacyStatementEn: 'Privacy statement in English',
    privacyStatementHint:
      'Separate paragraphs with a blank line. {organisation}, {complaintYears}, {auditLogYears}, {email} and {phone} are filled in from the settings, so that the text always states the terms in force.',
    primaryColor: 'Primary colour',
    primaryColorHint:
      'As #rrggbb, for example #00598a. The colour must reach a contrast of at least 4.5:1 with white.',
    contrast: (ratio, ok) =>
      ok
        ? `The colour set now reaches a contrast of ${ratio}:1 with white. That is enough.`
        : `The colour set now reaches a contrast of ${ratio}:1 with white. That is too little.`,
    logoUrl: 'Address of the logo',
    logoUrlHint: 'Starts with https:// or /. Empty: no logo.',
    acknowledgeWorkingDays: 'Acknowledgement within (working days)',
    resolveWorkingDays: 'Resolution within (working days)',
    resolveWorkingDaysHint: 'The regulation says 21 working days.',
    reportWorkingDays: 'Final report within (working days after resolution)',
    extensionAllowed: 'Extending the resolution term is allowed',
    extensionAllowedHint: 'Once per complaint, with a reason and a notice to the reporter.',
    extensionMaxWorkingDays: 'Extension at most (working days)',
    followEquatedDays: 'Follow the equated days',
    followEquatedDaysHint:
      'Days equated with a holiday by royal decree (Atw art. 3 lid 3), such as the Friday after Ascension Day.',
    equatedDays: 'Equated days',
    closingDays: "The organisation's closing days",
    datesHint: 'One date per line, as YYYY-MM-DD.',
    datesNow: 'Set now',
    noDates: 'None.',
    deputyQualityManagerEmail: 'Deputy',
    deputyHint: 'An active user, usually a second quality manager.',
    noDeputy: 'No deputy',
    followUpLinkDaysAfterClosing: 'Days after closing',
    complaintYearsAfterClosing: 'Keep complaints (years after closing)',
    auditLogYears: 'Keep the audit log (years)',
    twoFactorRequiredForRoles: 'Second factor required for',
    twoFactorHint:
      'Whoever holds one of these roles must also enter a code from an authenticator app when signing in.',
    sessionIdleMinutes: 'A session ends after (minutes without activity)',
    sessionMaxHours: 'A session ends in any case after (hours)',
  },
  list: {
    code: 'Code',
    codeHint: 'Lowercase letters, digits and _; it does not change afterwards.',
    labelNl: 'Description in Dutch',
    labelEn: 'Description in English',
    remove: 'Remove',
    removeUsed: (n) =>
      `Remove, although ${n === 1 ? '1 complaint uses' : `${n} complaints use`} this code (they will show the code only)`,
    usedBy: (n) => (n === 1 ? 'Used by 1 complaint' : `Used by ${n} complaints`),
    unused: 'Not used by any complaint',
    item: (code) => `Code ${code}`,
    newHeading: 'Add',
    newHint: 'Leave empty when you add nothing.',
  },
  appeal: {
    order: 'Order',
    orderHint: '1 = the commissioning party, 2 = the UWV complaints office, 3 = an ombudsman.',
    onlyFor: 'Only for trajectories of',
    allTrajectories: 'All trajectories',
    partyTypes: {
      UWV: 'UWV',
      municipality: 'Municipality',
      employer: 'Employer',
      insurer: 'Insurer',
      other: 'Other',
    },
    contact: 'Contact details',
    url: 'Website',
    item: (code) => `Appeal route ${code}`,
  },
  advocacy: {
    name: 'Name',
    descriptionNl: 'Description in Dutch',
    descriptionEn: 'Description in English',
    url: 'Website',
    item: (name) => `Organisation ${name}`,
  },
  note: 'Why do you change this?',
  noteHint: 'Goes into the history of the settings.',
  save: 'Save',
  history: {
    heading: 'History',
    none: 'This section has not changed since the first version.',
    caption: 'Versions that changed this section, newest first',
    allCaption: 'All versions, newest first',
    columns: { version: 'Version', at: 'When', by: 'By', note: 'Why', changes: 'What changed' },
    initial: 'First version',
    added: 'added',
    removed: 'removed',
    empty: '(empty)',
    sections: 'Sections',
  },
  done: {
    saved: (version, recomputed) =>
      `Saved as version ${version}. ${
        recomputed === 0
          ? 'No open complaint got other terms.'
          : recomputed === 1
            ? 'The terms of 1 open complaint were recomputed.'
            : `The terms of ${recomputed} open complaints were recomputed.`
      }`,
    unchanged: 'Nothing had changed; no new version was made.',
  },
  errors: {
    integer: 'Enter a whole number.',
    dateLine: (line, value) => `Line ${line}: "${value}" is not an existing date as YYYY-MM-DD.`,
    duplicateCode: 'This code exists already.',
    newIncomplete: 'Fill in the code and both descriptions, or leave all three empty.',
    newAppealIncomplete: 'Fill in order, code and both descriptions, or leave them all empty.',
    newAdvocacyIncomplete: 'Fill in the name and both descriptions, or leave them all empty.',
    atLeastOne: 'At least one must remain.',
    deputyUnknown: 'Choose an active user from the list.',
    noteMissing: 'Say why you change this.',
  },
};

export type AdminSettingsMessages = Widen<typeof nl>;
export const adminSettingsMessages: Record<'nl' | 'en', AdminSettingsMessages> = { nl, en };
