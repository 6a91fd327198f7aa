/**
 * Organisation settings: everything that differs between organisations. Defaults come from Loket3's
 * klachtenreglement; the settings file (config/organisation.json) seeds the database on first start and
 * the database keeps every later version.
 */
import type { Role } from './action-context.ts';

export type CommissioningPartyType = 'UWV' | 'municipality' | 'employer' | 'insurer' | 'other';
export const COMMISSIONING_PARTY_TYPES: readonly CommissioningPartyType[] = [
  'UWV',
  'municipality',
  'employer',
  'insurer',
  'other',
];

/** A text shown to users, Dutch first. */
export interface LocalisedText {
  nl: string;
  en: string;
}

export interface Category {
  code: string;
  label: LocalisedText;
}

export interface NonAdmissionGround {
  code: string;
  label: LocalisedText;
}

/** One appeal route (step 9), in the regulation's order. */
export interface AppealRoute {
  code: string;
  /** 1 = commissioning party, 2 = UWV complaints office (UWV trajectories only), 3 = ombudsman. */
  order: number;
  label: LocalisedText;
  /** Only for trajectories of this commissioning-party type (e.g. the UWV klachtenbureau). */
  onlyFor?: CommissioningPartyType;
  contact?: string;
  url?: string;
}

export interface AdvocacyBody {
  name: string;
  description: LocalisedText;
  url?: string;
}

export interface OrganisationSettings {
  name: string;
  address: { street: string; postalCode: string; city: string; country: string };
  email: string;
  phone: string;
  website: string;
  /** The regulation's terms, in working days. */
  terms: {
    acknowledgeWorkingDays: number;
    resolveWorkingDays: number;
    reportWorkingDays: number;
    /** Off by default: Loket3's regulation has no extension. */
    extension: { allowed: boolean; maxWorkingDays: number };
  };
  calendar: {
    /** Follow the days equated with holidays by royal decree (Atw art. 3 lid 3). */
    followEquatedDays: boolean;
    /** Days equated by royal decree, extended by an administrator when a new decree appears. */
    equatedDays: string[];
    /** The organisation's own closing days (ISO dates). */
    closingDays: string[];
  };
  categories: Category[];
  /** Optional; empty when the organisation does not split by team or location. */
  teams: Category[];
  nonAdmissionGrounds: NonAdmissionGround[];
  appealRoutes: AppealRoute[];
  advocacyBodies: AdvocacyBody[];
  /** The user (by email) who acts as quality manager on cases that involve a quality manager. */
  deputyQualityManagerEmail: string | null;
  /**
   * The organisation's own privacy statement elsewhere (its website). The product's page /privacy, which the
   * public form links to, states the complaint-specific text below and links here for the rest.
   */
  privacyStatementUrl: string;
  /**
   * The privacy statement about complaints, shown at /privacy: plain paragraphs separated by a blank line, with
   * the placeholders {organisation}, {email}, {phone}, {complaintYears} and {auditLogYears} filled in from these
   * settings (so the retention it states is the retention applied). See src/domain/privacy.ts.
   */
  privacyStatement: LocalisedText;
  /** The public pages' look: a primary colour (must reach 4.5:1 contrast on white) and an optional logo. */
  branding: { primaryColor: string; logoUrl: string | null };
  /** The reporter's private follow-up link stops working this many days after the case ends. */
  followUpLinkDaysAfterClosing: number;
  retention: { complaintYearsAfterClosing: number; auditLogYears: number };
  /** Signing in to the staff workspace. */
  security: {
    /** Roles that must sign in with a second factor (TOTP): by default those that see every complaint. */
    twoFactorRequiredForRoles: Role[];
    /** A session ends after this many minutes without a request. */
    sessionIdleMinutes: number;
    /** A session ends this many hours after signing in, however active. */
    sessionMaxHours: number;
  };
}

/** Days equated with a generally recognised holiday by royal decree, as known on 2026-11-25. */
export const KNOWN_EQUATED_DAYS: readonly string[] = [
  '2023-04-28',
  '2023-05-19',
  '2024-05-10',
  '2024-12-27',
  '2025-05-30',
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
];

const t = (nl: string, en: string): LocalisedText => ({ nl, en });

export const DEFAULT_SETTINGS: OrganisationSettings = {
  name: 'Loket3',
  address: { street: 'Voorbeeldstraat 3', postalCode: '1234 AB', city: 'Utrecht', country: 'Nederland' },
  email: 'klachten@loket3.nl',
  phone: '030 123 45 67',
  website: 'https://www.loket3.nl',
  terms: {
    acknowledgeWorkingDays: 5,
    // "binnen een termijn van drie weken – binnen 21 werkdagen": the explicit 21 wins (docs/adr/0003).
    resolveWorkingDays: 21,
    reportWorkingDays: 21,
    extension: { allowed: false, maxWorkingDays: 20 },
  },
  calendar: { followEquatedDays: true, equatedDays: [...KNOWN_EQUATED_DAYS], closingDays: [] },
  categories: [
    { code: 'service', label: t('Dienstverlening', 'Service') },
    { code: 'communication', label: t('Communicatie en bejegening', 'Communication and treatment') },
    { code: 'coaching', label: t('Begeleiding door de jobcoach', 'Guidance by the job coach') },
    { code: 'appointments', label: t('Afspraken en bereikbaarheid', 'Appointments and availability') },
    { code: 'privacy', label: t('Privacy en gegevens', 'Privacy and data') },
    { code: 'third_party', label: t('Derden in opdracht van ons', 'Third parties working for us') },
    { code: 'other', label: t('Overig', 'Other') },
  ],
  teams: [],
  nonAdmissionGrounds: [
    {
      code: 'not_about_us',
      label: t(
        'De klacht gaat niet over ons of onze medewerkers',
        'The complaint is not about us or our staff',
      ),
    },
    {
      code: 'already_handled',
      label: t('Dezelfde klacht is al behandeld', 'The same complaint was already handled'),
    },
    { code: 'legal_proceedings', label: t('De zaak ligt bij de rechter', 'The matter is before a court') },
    {
      code: 'too_old',
      label: t('De gebeurtenis is langer dan een jaar geleden', 'The event is more than a year ago'),
    },
    { code: 'other', label: t('Andere reden (zie motivering)', 'Other reason (see motivation)') },
  ],
  appealRoutes: [
    {
      code: 'commissioning_party',
      order: 1,
      label: t(
        'De opdrachtgever van uw re-integratietraject (werkgever, UWV, gemeente of verzekeraar)',
        'The commissioning party of your re-integration trajectory (employer, UWV, municipality or insurer)',
      ),
    },
    {
      code: 'uwv_complaints_office',
      order: 2,
      onlyFor: 'UWV',
      label: t('Het klachtenbureau van UWV', 'The UWV complaints office'),
      url: 'https://www.uwv.nl/klachten',
    },
    {
      code: 'national_ombudsman',
      order: 3,
      label: t('De Nationale Ombudsman', 'The National Ombudsman'),
      url: 'https://www.nationaleombudsman.nl',
    },
    {
      code: 'municipal_ombudsman',
      order: 3,
      label: t('De ombudsman van uw gemeente', 'The ombudsman of your municipality'),
    },
  ],
  advocacyBodies: [
    {
      name: 'Arcon',
      description: t(
        'Landelijke Vereniging Arbeidsongeschikten',
        'National association of people unfit for work',
      ),
    },
    {
      name: 'Breed Platform Verzekerden en Werk',
      description: t('Belangenbehartiging van verzekerden', 'Advocacy for insured people'),
    },
    {
      name: 'Helpdesk Gezondheid, Werk en Verzekeringen',
      description: t('Advies over werk en gezondheid', 'Advice on work and health'),
    },
    // The regulation names the CG-Raad, which is now Ieder(in).
    {
      name: 'Ieder(in)',
      description: t(
        'Netwerk voor mensen met een beperking of chronische ziekte (voorheen CG-Raad)',
        'Network for people with a disability or chronic illness (formerly CG-Raad)',
      ),
      url: 'https://iederin.nl',
    },
  ],
  deputyQualityManagerEmail: null,
  privacyStatementUrl: 'https://www.loket3.nl/privacy',
  privacyStatement: {
    nl: [
      '{organisation} gebruikt wat u ons vertelt in een klacht om uw klacht te behandelen en om ervan te leren. Hier leest u welke gegevens dat zijn, waarom wij ze gebruiken, hoe lang wij ze bewaren, wie ze ziet en welke rechten u heeft. {organisation} is verantwoordelijk voor deze gegevens.',
      'Welke gegevens? Wat u ons vertelt: wat er is gebeurd, wanneer en waar, wat het volgens u goed zou maken, en de bestanden die u meestuurt. Als u dat wilt ook uw naam, e-mailadres, telefoonnummer en adres, en of u bijvoorbeeld kandidaat, werkgever of opdrachtgever bent. Soms staat er iets over uw gezondheid in een klacht, omdat u een re-integratietraject volgt. Dat zijn bijzondere gegevens. Wij gebruiken ze alleen als dat nodig is om uw klacht te behandelen. U mag ook klagen zonder uw naam te geven.',
      'Waarom? Wij behandelen klachten volgens ons klachtenreglement. Dat vragen onze opdrachtgevers en het kwaliteitssysteem waaraan wij ons moeten houden. Wij hebben er ook zelf belang bij: wij willen fouten herstellen en voorkomen. Wij gebruiken uw gegevens niet voor iets anders en verkopen ze nooit.',
      'Hoe lang? Wij bewaren uw klacht tot {complaintYears} jaar nadat wij hem hebben afgesloten. Daarna halen wij automatisch alles weg wat iets over u zegt: uw naam en contactgegevens, de teksten en de bestanden. Er blijven alleen cijfers zonder namen over, voor ons jaarverslag. Moeten wij een klacht langer bewaren, bijvoorbeeld voor een rechtszaak? Dan wachten wij daarmee tot dat voorbij is. Wie een klacht heeft bekeken, houden wij {auditLogYears} jaar bij.',
      'Wie ziet uw gegevens? Alleen de medewerkers die uw klacht behandelen: de klachtbehandelaar en de kwaliteitsmanager. De medewerker over wie uw klacht gaat, leest een samenvatting, maar ziet uw contactgegevens niet. Alleen als dat nodig is, bijvoorbeeld om u zelf excuses aan te bieden, kan de klachtbehandelaar ze met die medewerker delen. Wij houden bij wie uw klacht bekijkt. Wij geven uw gegevens alleen aan anderen, zoals de opdrachtgever van uw traject, als u dat goed vindt of als de wet dat vraagt.',
      'Uw rechten. U mag vragen welke gegevens wij over u hebben en er een kopie van krijgen. U mag vragen om gegevens te verbeteren of te verwijderen, en u mag bezwaar maken. Stuur uw verzoek naar {email} of bel {phone}. Wij antwoorden binnen een maand. Soms vragen wij u te laten zien wie u bent, zodat wij uw gegevens niet aan een ander geven.',
      'Bent u het niet eens met hoe wij met uw gegevens omgaan? Vertel het ons. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens: www.autoriteitpersoonsgegevens.nl.',
    ].join('\n\n'),
    en: [
      '{organisation} uses what you tell us in a complaint to handle your complaint and to learn from it. Here you can read which information that is, why we use it, how long we keep it, who sees it and what your rights are. {organisation} is responsible for this information.',
      'Which information? What you tell us: what happened, when and where, what would make it right, and the files you send. If you wish, also your name, email address, phone number and address, and whether you are, for example, a candidate, an employer or a commissioning party. A complaint sometimes says something about your health, because you are in a re-integration trajectory. That is special information. We only use it when we need it to handle your complaint. You may also complain without giving your name.',
      'Why? We handle complaints under our complaints regulation. Our commissioning parties and the quality system we must follow ask us to. It is in our own interest too: we want to put mistakes right and prevent them. We do not use your information for anything else and never sell it.',
      'How long? We keep your complaint until {complaintYears} years after we closed it. After that we automatically remove everything that says something about you: your name and contact details, the texts and the files. Only figures without names remain, for our annual report. If we must keep a complaint longer, for example for a court case, we wait until that is over. We keep a record of who looked at a complaint for {auditLogYears} years.',
      'Who sees your information? Only the staff who handle your complaint: the complaint handler and the quality manager. The employee your complaint is about reads a summary, but does not see your contact details. Only when it is needed, for example to apologise to you in person, may the complaint handler share them with that employee. We record who looks at your complaint. We only give your information to others, such as the commissioning party of your trajectory, if you agree or the law requires it.',
      'Your rights. You may ask which information we hold about you and get a copy. You may ask us to correct or remove information, and you may object. Send your request to {email} or call {phone}. We answer within one month. We may ask you to show who you are, so that we do not give your information to someone else.',
      'Do you disagree with how we handle your information? Tell us. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens): www.autoriteitpersoonsgegevens.nl.',
    ].join('\n\n'),
  },
  followUpLinkDaysAfterClosing: 90,
  branding: { primaryColor: '#00598a', logoUrl: null },
  retention: { complaintYearsAfterClosing: 2, auditLogYears: 5 },
  security: {
    twoFactorRequiredForRoles: ['quality_manager', 'administrator'],
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
  },
};
