/**
 * The cast and the stories of `verbeterpunt demo`: fictional staff of Loket3, fictional reporters and the
 * kinds of complaint a re-integration company receives. All addresses use the reserved `.example` domain, so
 * that a demo database connected to a real SMTP server can never mail a real person.
 */
import type { Role } from '../db/repositories/users.ts';
import type { CommissioningPartyType } from '../domain/settings.ts';

export interface DemoUserSpec {
  key: 'qm' | 'h1' | 'h2' | 'h3' | 'e1' | 'e2' | 'e3' | 'e4';
  email: string;
  name: string;
  jobTitle: string;
  roles: Role[];
}

export const DEMO_USERS: readonly DemoUserSpec[] = [
  {
    key: 'qm',
    email: 'marieke.dejong@loket3.example',
    name: 'Marieke de Jong',
    jobTitle: 'Kwaliteitsmanager',
    roles: ['quality_manager', 'receiver'],
  },
  {
    key: 'h1',
    email: 'pieter.vandenberg@loket3.example',
    name: 'Pieter van den Berg',
    jobTitle: 'Senior re-integratieadviseur',
    roles: ['handler', 'receiver'],
  },
  {
    key: 'h2',
    email: 'fatima.elamrani@loket3.example',
    name: 'Fatima El Amrani',
    jobTitle: 'Teamleider re-integratie',
    roles: ['handler', 'receiver'],
  },
  {
    key: 'h3',
    email: 'joost.visser@loket3.example',
    name: 'Joost Visser',
    jobTitle: 'Klachtfunctionaris',
    roles: ['handler', 'receiver'],
  },
  {
    key: 'e1',
    email: 'sanne.bakker@loket3.example',
    name: 'Sanne Bakker',
    jobTitle: 'Jobcoach',
    roles: ['receiver'],
  },
  {
    key: 'e2',
    email: 'emre.yilmaz@loket3.example',
    name: 'Emre Yılmaz',
    jobTitle: 'Jobcoach',
    roles: ['receiver'],
  },
  {
    key: 'e3',
    email: 'lisa.smit@loket3.example',
    name: 'Lisa Smit',
    jobTitle: 'Re-integratieadviseur',
    roles: ['receiver'],
  },
  {
    key: 'e4',
    email: 'daan.mulder@loket3.example',
    name: 'Daan Mulder',
    jobTitle: 'Arbeidsdeskundige',
    roles: ['receiver'],
  },
];

export interface DemoReporter {
  name: string;
  role: 'candidate' | 'employee' | 'client' | 'employer' | 'representative';
  language: 'nl' | 'en';
}

export const REPORTERS: readonly DemoReporter[] = [
  { name: 'Anouk Verbeek', role: 'candidate', language: 'nl' },
  { name: 'Mehmet Kaya', role: 'candidate', language: 'nl' },
  { name: 'Johan de Boer', role: 'candidate', language: 'nl' },
  { name: 'Priya Ramdin', role: 'candidate', language: 'nl' },
  { name: 'Wilma Hoekstra', role: 'employee', language: 'nl' },
  { name: 'Kevin Jansen', role: 'candidate', language: 'nl' },
  { name: 'Samira Bouzid', role: 'candidate', language: 'nl' },
  { name: 'Gerard Kuipers', role: 'employee', language: 'nl' },
  { name: 'Esther van Dijk', role: 'candidate', language: 'nl' },
  { name: 'Tom Willems', role: 'candidate', language: 'nl' },
  { name: 'Naima Ouali', role: 'candidate', language: 'nl' },
  { name: 'Ricardo Martina', role: 'client', language: 'nl' },
  { name: 'Ingrid Vos', role: 'representative', language: 'nl' },
  { name: 'Bram Peters', role: 'candidate', language: 'nl' },
  { name: 'Fenna Dekker', role: 'candidate', language: 'nl' },
  { name: 'Youssef Benali', role: 'candidate', language: 'nl' },
  { name: 'Linda Schouten', role: 'employee', language: 'nl' },
  { name: 'Marco de Graaf', role: 'candidate', language: 'nl' },
  { name: 'Aleksandra Nowak', role: 'candidate', language: 'en' },
  { name: "James O'Connor", role: 'candidate', language: 'en' },
];

export const COMMISSIONING_PARTIES: readonly { type: CommissioningPartyType; name: string }[] = [
  { type: 'UWV', name: 'UWV Utrecht' },
  { type: 'UWV', name: 'UWV Amersfoort' },
  { type: 'municipality', name: 'Gemeente Utrecht' },
  { type: 'municipality', name: 'Gemeente Amersfoort' },
  { type: 'employer', name: 'Bouwbedrijf Van Leeuwen B.V.' },
  { type: 'insurer', name: 'Verzuimverzekeraar Centraal' },
];

export const PLACES: readonly string[] = [
  'Kantoor Loket3 Utrecht',
  'Kantoor Loket3 Amersfoort',
  'Telefonisch',
  'Bij de werkgever op locatie',
  'Online (videogesprek)',
];

/** What a complaint is about and how it goes; `{name}` is the involved employee's name. */
export interface DemoStory {
  category: string;
  subject: 'service' | 'person' | 'product';
  /** The involved person is a third party (working on Loket3's behalf) instead of an employee. */
  thirdParty?: { name: string; organisation: string; email: string; mention: string };
  /** An extra mention that turns out to be nobody we can involve (e.g. "de receptioniste"). */
  unlinkedMention?: string;
  reporterRole?: DemoReporter['role'];
  description: { nl: string; en: string };
  desiredOutcome: { nl: string; en: string };
  circumstances: string;
  summary: string;
  reaction: string;
  judgement: 'well_founded' | 'partly_well_founded' | 'unfounded';
  severity: 'low' | 'medium' | 'high';
  reasons: string;
  findings: string;
  cause: string;
  responsibleParty: string;
  /** Corrective measures offered (step 5); none for an unfounded complaint. */
  measures: { kind: 'correction' | 'redress' | 'replacement_service'; description: string }[];
  /** Preventive measure (step 7), or null when none is possible. */
  preventive: { description: string; consulted: string } | null;
}

export const STORIES: readonly DemoStory[] = [
  {
    category: 'coaching',
    subject: 'person',
    description: {
      nl: 'Mijn jobcoach {name} is de afgelopen weken drie keer niet op onze afspraak verschenen, zonder af te bellen. Ik heb daardoor mijn sollicitatiegesprek zonder hulp moeten voorbereiden.',
      en: 'My job coach {name} did not turn up for our appointment three times in recent weeks, without calling to cancel. I had to prepare my job interview without any help.',
    },
    desiredOutcome: {
      nl: 'Vaste afspraken die worden nagekomen, en extra hulp bij het solliciteren.',
      en: 'Fixed appointments that are kept, and extra help with applying for jobs.',
    },
    circumstances: 'Wekelijkse afspraak op dinsdagochtend om 10.00 uur.',
    summary: 'De melder geeft aan dat de jobcoach drie afspraken niet is nagekomen zonder afbericht.',
    reaction:
      '{name} erkent dat twee afspraken door ziekte zijn vervallen en dat het afbericht de melder niet heeft bereikt, omdat het telefoonnummer in het dossier niet klopte.',
    judgement: 'well_founded',
    severity: 'medium',
    reasons:
      'Afspraken horen te worden nagekomen of tijdig te worden afgezegd; dat is hier drie keer niet gebeurd.',
    findings:
      'De afspraken zijn niet nagekomen en de melder is niet tijdig geïnformeerd. Het telefoonnummer in het dossier was onjuist.',
    cause: 'Onjuist telefoonnummer in het dossier; geen vervanging bij ziekte van de jobcoach.',
    responsibleParty: 'Team jobcoaching',
    measures: [
      { kind: 'correction', description: 'Een vaste wekelijkse afspraak, bevestigd per sms.' },
      { kind: 'redress', description: 'Een extra gesprek ter voorbereiding op sollicitatiegesprekken.' },
    ],
    preventive: {
      description:
        'Bij ziekte van een jobcoach neemt het secretariaat de afspraken van die dag over en belt het de kandidaten af.',
      consulted: 'Teamleider jobcoaching',
    },
  },
  {
    category: 'communication',
    subject: 'person',
    description: {
      nl: 'Tijdens een telefoongesprek met {name} werd ik steeds onderbroken en kreeg ik te horen dat ik "niet zo moeilijk moest doen". Ik voelde me niet serieus genomen.',
      en: 'During a phone call with {name} I was interrupted repeatedly and told "not to be so difficult". I did not feel taken seriously.',
    },
    desiredOutcome: {
      nl: 'Excuses, en een gesprek waarin ik wel gehoord word.',
      en: 'An apology, and a conversation in which I am heard.',
    },
    circumstances: 'Telefoongesprek over de voortgang van het traject.',
    summary: 'De melder voelde zich onheus bejegend tijdens een telefoongesprek met de medewerker.',
    reaction:
      '{name} herinnert zich het gesprek als gespannen, wilde het afronden vanwege een volgende afspraak en betreurt de gekozen woorden.',
    judgement: 'partly_well_founded',
    severity: 'low',
    reasons: 'De toon van het gesprek was niet in orde; de inhoud van het gesprek wel.',
    findings:
      'De medewerker heeft de melder onderbroken en een ongelukkige opmerking gemaakt. De inhoudelijke informatie die is gegeven, klopte.',
    cause: 'Tijdsdruk tussen opeenvolgende afspraken.',
    responsibleParty: 'De betrokken medewerker en de planning van het team',
    measures: [
      {
        kind: 'redress',
        description: 'Excuses van de medewerker en een nieuw gesprek met de teamleider erbij.',
      },
    ],
    preventive: {
      description:
        "Training 'lastige gesprekken' voor het team en minimaal vijftien minuten tussen telefonische afspraken.",
      consulted: 'HR-adviseur',
    },
  },
  {
    category: 'appointments',
    subject: 'service',
    description: {
      nl: 'Ik probeer al twee weken iemand te bereiken over mijn reiskostenvergoeding. Op mijn e-mails en voicemails wordt niet gereageerd. Ik heb {name} ook gevraagd het door te geven.',
      en: 'For two weeks I have been trying to reach someone about my travel allowance. My emails and voicemails get no reply. I also asked {name} to pass it on.',
    },
    desiredOutcome: {
      nl: 'Binnen een week antwoord, en mijn reiskosten vergoed.',
      en: 'An answer within a week, and my travel costs reimbursed.',
    },
    circumstances: 'Reiskosten van de maanden augustus en september.',
    summary: 'De melder krijgt geen reactie op vragen over de reiskostenvergoeding.',
    reaction:
      '{name} geeft aan de vraag te hebben doorgestuurd naar de gedeelde mailbox, waar hij niet is opgepakt.',
    judgement: 'well_founded',
    severity: 'medium',
    reasons: 'De melder heeft herhaaldelijk gevraagd en geen antwoord gekregen.',
    findings:
      'De vragen zijn binnengekomen in een gedeelde mailbox zonder vaste verantwoordelijke en zijn blijven liggen.',
    cause: 'Gedeelde mailbox zonder eigenaar.',
    responsibleParty: 'Administratie',
    measures: [{ kind: 'correction', description: 'De reiskosten worden binnen vijf werkdagen uitbetaald.' }],
    preventive: {
      description:
        'De gedeelde mailbox krijgt per dag een verantwoordelijke en een reactietermijn van twee werkdagen.',
      consulted: 'Officemanager',
    },
  },
  {
    category: 'privacy',
    subject: 'service',
    description: {
      nl: 'In de voortgangsrapportage die {name} naar mijn werkgever heeft gestuurd, staat informatie over mijn medische behandeling. Daar heb ik nooit toestemming voor gegeven.',
      en: 'The progress report {name} sent to my employer contains information about my medical treatment. I never consented to that.',
    },
    desiredOutcome: {
      nl: 'Dat de rapportage wordt aangepast en dat ik weet wie hem heeft gezien.',
      en: 'That the report is corrected and that I know who has seen it.',
    },
    circumstances: 'Voortgangsrapportage na drie maanden traject.',
    summary:
      'Medische informatie van de melder is zonder toestemming opgenomen in een voortgangsrapportage aan de werkgever.',
    reaction:
      '{name} heeft de informatie overgenomen uit een eerder gesprek en wist niet dat die niet in de rapportage mocht.',
    judgement: 'well_founded',
    severity: 'high',
    reasons:
      'Medische gegevens mogen zonder uitdrukkelijke toestemming niet met de werkgever worden gedeeld.',
    findings:
      'De rapportage bevatte medische informatie. Die is gedeeld met de werkgever en de casemanager van de werkgever.',
    cause: 'Onvoldoende kennis van de regels voor medische gegevens.',
    responsibleParty: 'Loket3 (verwerkingsverantwoordelijke)',
    measures: [
      {
        kind: 'correction',
        description: 'De rapportage wordt ingetrokken en zonder medische informatie opnieuw verstuurd.',
      },
      { kind: 'redress', description: 'Schriftelijke excuses van de directie.' },
    ],
    preventive: {
      description:
        'Elke voortgangsrapportage krijgt een privacycontrole door een tweede medewerker; jaarlijkse AVG-training voor alle adviseurs.',
      consulted: 'Functionaris gegevensbescherming',
    },
  },
  {
    category: 'third_party',
    subject: 'service',
    thirdParty: {
      name: 'Ruud Hermans',
      organisation: 'Opleidingscentrum Midden',
      email: 'r.hermans@opleidingscentrum-midden.example',
      mention: 'de docent van de cursus',
    },
    description: {
      nl: "De cursus 'Solliciteren in de praktijk' waarvoor ik via Loket3 ben aangemeld, is twee keer op het laatste moment afgezegd door de docent van de cursus.",
      en: "The course 'Applying in practice' that Loket3 enrolled me in was cancelled twice at the last minute by the course teacher.",
    },
    desiredOutcome: { nl: 'Een cursus die wel doorgaat.', en: 'A course that actually takes place.' },
    circumstances: 'Cursusavonden op donderdag.',
    summary: 'Een cursus van een ingehuurde opleider is twee keer op het laatste moment geannuleerd.',
    reaction:
      'De opleider geeft aan dat er te weinig deelnemers waren en dat de annulering te laat aan Loket3 is doorgegeven.',
    judgement: 'partly_well_founded',
    severity: 'medium',
    reasons:
      'De annuleringen waren te laat; dat er te weinig deelnemers waren, is een geldige reden om niet door te gaan.',
    findings: 'De opleider heeft de cursus twee keer binnen een dag voor aanvang geannuleerd.',
    cause: 'Geen afspraken met de opleider over een annuleringstermijn.',
    responsibleParty: 'Opleidingscentrum Midden, in opdracht van Loket3',
    measures: [
      {
        kind: 'replacement_service',
        description: 'Een individuele sollicitatietraining bij een andere aanbieder.',
      },
    ],
    preventive: {
      description:
        'In de contracten met opleiders wordt een annuleringstermijn van vijf werkdagen opgenomen.',
      consulted: 'Inkoper opleidingen',
    },
  },
  {
    category: 'service',
    subject: 'product',
    description: {
      nl: 'Het trajectplan dat {name} heeft gemaakt, klopt niet: mijn eigen wensen staan er niet in en er staat een beroep in dat ik lichamelijk niet kan uitoefenen.',
      en: 'The trajectory plan {name} made is wrong: my own wishes are missing and it lists an occupation I physically cannot do.',
    },
    desiredOutcome: {
      nl: 'Een nieuw plan dat samen met mij wordt gemaakt.',
      en: 'A new plan, made together with me.',
    },
    circumstances: 'Trajectplan verstuurd na het intakegesprek.',
    summary: 'Het trajectplan sluit niet aan bij de wensen en de belastbaarheid van de melder.',
    reaction:
      '{name} heeft het plan opgesteld op basis van het intakeverslag en erkent dat de belastbaarheid niet opnieuw is besproken.',
    judgement: 'well_founded',
    severity: 'medium',
    reasons: 'Een trajectplan hoort aan te sluiten bij de belastbaarheid en wensen van de kandidaat.',
    findings:
      'Het plan is zonder overleg met de melder opgesteld en houdt geen rekening met de belastbaarheid.',
    cause: 'Het plan is niet met de kandidaat besproken voordat het werd verstuurd.',
    responsibleParty: 'Team re-integratie',
    measures: [{ kind: 'correction', description: 'Het trajectplan wordt samen met de melder herschreven.' }],
    preventive: {
      description:
        'Een trajectplan wordt altijd met de kandidaat besproken voordat het naar de opdrachtgever gaat.',
      consulted: 'Arbeidsdeskundige',
    },
  },
  {
    category: 'service',
    subject: 'service',
    description: {
      nl: 'Ik ben het niet eens met het advies dat Loket3 aan het UWV heeft gegeven over mijn re-integratie. {name} had mij meer tijd moeten geven.',
      en: 'I disagree with the advice Loket3 gave UWV about my re-integration. {name} should have given me more time.',
    },
    desiredOutcome: { nl: 'Dat het advies wordt herzien.', en: 'That the advice is reconsidered.' },
    circumstances: 'Eindrapportage aan UWV.',
    summary: 'De melder is het oneens met het advies aan UWV over de duur van het traject.',
    reaction:
      '{name} licht toe dat het advies volgt uit de afspraken in het trajectplan en dat de melder daar twee keer over is gesproken.',
    judgement: 'unfounded',
    severity: 'low',
    reasons: 'Het advies volgt de afspraken in het trajectplan en de melder is vooraf geïnformeerd.',
    findings:
      'Het advies is zorgvuldig tot stand gekomen en vooraf met de melder besproken. De melder kan UWV om heroverweging vragen.',
    cause: 'Verschil van inzicht over de duur van het traject.',
    responsibleParty: 'Niet van toepassing',
    measures: [],
    preventive: null,
  },
  {
    category: 'communication',
    subject: 'service',
    description: {
      nl: 'Ik had gevraagd om alle post in het Engels, maar de laatste drie brieven over mijn traject waren alleen in het Nederlands. {name} wist hiervan.',
      en: 'I asked for all letters in English, but the last three letters about my trajectory were in Dutch only. {name} knew about this.',
    },
    desiredOutcome: { nl: 'De brieven in het Engels.', en: 'The letters in English.' },
    circumstances: 'Brieven over de planning van het traject.',
    summary: 'De melder ontving brieven in het Nederlands terwijl Engels was afgesproken.',
    reaction:
      '{name} geeft aan dat de taalvoorkeur wel in het gespreksverslag stond, maar niet in het dossier.',
    judgement: 'partly_well_founded',
    severity: 'low',
    reasons: 'De taalvoorkeur was bekend maar niet vastgelegd; eerdere brieven waren wel in het Engels.',
    findings:
      'Drie brieven zijn alleen in het Nederlands verstuurd, omdat de taalvoorkeur niet in het dossier stond.',
    cause: 'Taalvoorkeur niet vastgelegd in het dossier.',
    responsibleParty: 'Team re-integratie',
    measures: [
      { kind: 'correction', description: 'De drie brieven worden in het Engels opnieuw verstuurd.' },
    ],
    preventive: {
      description: 'De taalvoorkeur wordt bij de intake als vast veld in het dossier vastgelegd.',
      consulted: 'Applicatiebeheer',
    },
  },
  {
    category: 'appointments',
    subject: 'service',
    unlinkedMention: 'de receptioniste',
    description: {
      nl: 'Bij mijn intakegesprek moest ik drie kwartier wachten in de hal. De receptioniste wist niet dat ik kwam en {name} was nergens te vinden.',
      en: 'At my intake I had to wait three quarters of an hour in the hall. The receptionist did not know I was coming and {name} was nowhere to be found.',
    },
    desiredOutcome: {
      nl: 'Excuses en vergoeding van mijn parkeerkosten.',
      en: 'An apology and my parking costs reimbursed.',
    },
    circumstances: 'Intakegesprek om 13.30 uur.',
    summary: 'De melder moest lang wachten bij de intake; de afspraak was niet bekend bij de receptie.',
    reaction:
      '{name} had de afspraak in de eigen agenda gezet, maar niet in de gedeelde agenda van de receptie.',
    judgement: 'well_founded',
    severity: 'low',
    reasons: 'De melder is niet ontvangen op het afgesproken tijdstip.',
    findings: 'De afspraak stond niet in de gedeelde agenda, waardoor de receptie niemand kon waarschuwen.',
    cause: 'Afspraken worden in verschillende agenda’s bijgehouden.',
    responsibleParty: 'Team re-integratie',
    measures: [{ kind: 'redress', description: 'Excuses en vergoeding van de parkeerkosten.' }],
    preventive: {
      description: 'Intakeafspraken worden alleen nog in de gedeelde agenda gepland.',
      consulted: 'Receptie en officemanager',
    },
  },
  {
    category: 'other',
    subject: 'service',
    reporterRole: 'employer',
    description: {
      nl: 'Als werkgever hebben wij al zes weken geen voortgangsrapportage ontvangen over onze medewerker, terwijl elke vier weken was afgesproken. {name} reageert niet op onze mails.',
      en: 'As the employer we have not received a progress report on our employee for six weeks, while every four weeks was agreed. {name} does not answer our emails.',
    },
    desiredOutcome: {
      nl: 'De ontbrekende rapportages, en voortaan op tijd.',
      en: 'The missing reports, and on time from now on.',
    },
    circumstances: 'Tweede-spoortraject, rapportage elke vier weken.',
    summary: 'De werkgever ontvangt de afgesproken voortgangsrapportages niet.',
    reaction:
      '{name} had de rapportage klaar, maar het versturen is blijven liggen bij een wisseling van dossiers.',
    judgement: 'well_founded',
    severity: 'medium',
    reasons: 'De afgesproken rapportagetermijn is niet gehaald.',
    findings: 'Twee rapportages zijn niet verstuurd door een overdracht van dossiers tussen adviseurs.',
    cause: 'Geen signalering van rapportagetermijnen bij overdracht.',
    responsibleParty: 'Team re-integratie',
    measures: [
      {
        kind: 'correction',
        description: 'De ontbrekende rapportages worden binnen drie werkdagen verstuurd.',
      },
    ],
    preventive: {
      description: 'Rapportagetermijnen krijgen een signalering in de planning, ook bij overdracht.',
      consulted: 'Teamleider re-integratie',
    },
  },
  {
    category: 'coaching',
    subject: 'person',
    description: {
      nl: 'Mijn jobcoach {name} stuurt mij steeds vacatures die niets met mijn opleiding te maken hebben. Ik krijg het gevoel dat er niet naar mij geluisterd wordt.',
      en: 'My job coach {name} keeps sending me vacancies that have nothing to do with my education. I feel nobody listens to me.',
    },
    desiredOutcome: { nl: 'Vacatures die bij mij passen.', en: 'Vacancies that suit me.' },
    circumstances: 'Vacatures per e-mail in de afgelopen maand.',
    summary: 'De melder vindt dat de voorgestelde vacatures niet passen bij de opleiding.',
    reaction:
      '{name} geeft aan dat de vacatures passen binnen het zoekprofiel dat in het trajectplan is afgesproken.',
    judgement: 'unfounded',
    severity: 'low',
    reasons: 'De vacatures vallen binnen het afgesproken zoekprofiel.',
    findings:
      'De voorgestelde vacatures passen binnen het zoekprofiel uit het trajectplan. Er is een nieuw gesprek over het zoekprofiel aangeboden.',
    cause: 'Verschil in verwachting over het zoekprofiel.',
    responsibleParty: 'Niet van toepassing',
    measures: [],
    preventive: null,
  },
  {
    category: 'communication',
    subject: 'product',
    description: {
      nl: 'Ik krijg steeds automatische herinneringen voor afspraken met {name} die al lang zijn afgezegd. Heel irritant.',
      en: 'I keep getting automatic reminders for appointments with {name} that were cancelled long ago. Very annoying.',
    },
    desiredOutcome: { nl: 'Dat die herinneringen stoppen.', en: 'That these reminders stop.' },
    circumstances: 'Sms-herinneringen, drie in één week.',
    summary: 'De melder ontvangt herinneringen voor afspraken die zijn vervallen.',
    reaction:
      '{name}: afspraken worden in de planning geannuleerd, maar de herinneringen komen uit een ander systeem dat dat niet weet.',
    judgement: 'well_founded',
    severity: 'low',
    reasons: 'De herinneringen horen te stoppen zodra een afspraak vervalt.',
    findings: 'Het herinneringssysteem is niet gekoppeld aan de annuleringen in de planning.',
    cause: 'Ontbrekende koppeling tussen planning en herinneringen.',
    responsibleParty: 'Applicatiebeheer',
    measures: [
      {
        kind: 'correction',
        description: 'De vervallen afspraken zijn uit het herinneringssysteem verwijderd.',
      },
    ],
    preventive: {
      description: 'De leverancier koppelt de herinneringen aan de annuleringen in de planning.',
      consulted: 'Applicatiebeheer',
    },
  },
];

export const NOT_TAKEN_UP: readonly { ground: string; motivation: string }[] = [
  {
    ground: 'not_about_us',
    motivation:
      'Uw klacht gaat over de beslissing van uw werkgever over uw contract. Daar gaat Loket3 niet over; u kunt hiervoor terecht bij uw werkgever of het UWV.',
  },
  {
    ground: 'already_handled',
    motivation:
      'Dezelfde klacht is eerder dit jaar behandeld en met u afgesloten. Er zijn geen nieuwe feiten genoemd.',
  },
  {
    ground: 'too_old',
    motivation:
      'De gebeurtenis waarover u klaagt, vond ruim anderhalf jaar geleden plaats; de betrokken medewerker werkt niet meer bij Loket3 en het dossier is niet meer beschikbaar.',
  },
];

export const WITHDRAWAL_REASONS: readonly string[] = [
  'De melder heeft telefonisch laten weten dat het probleem inmiddels met de jobcoach is opgelost.',
  'De melder trekt de klacht in na een goed gesprek met de teamleider.',
  'De melder is een nieuwe baan begonnen en wil de klacht niet verder laten behandelen.',
];

export const SPOT_RECORDS: readonly { category: string; summary: string }[] = [
  {
    category: 'appointments',
    summary:
      'Kandidaat belde over een verkeerd adres in de uitnodiging; direct aangepast en excuses aangeboden.',
  },
  {
    category: 'communication',
    summary: 'Kandidaat vond de wachtmuziek te lang; teruggebeld binnen vijf minuten.',
  },
  { category: 'service', summary: 'Werkgever miste een bijlage bij de rapportage; meteen nagestuurd.' },
  { category: 'appointments', summary: 'Afspraak dubbel ingepland; ter plekke een nieuwe tijd afgesproken.' },
  { category: 'coaching', summary: 'Kandidaat wilde een andere belafspraak dan de vaste; direct omgezet.' },
  {
    category: 'other',
    summary: 'Parkeerplaats bij kantoor vol; kandidaat verwezen naar de garage en parkeerkosten vergoed.',
  },
  {
    category: 'privacy',
    summary: 'Kandidaat vroeg wie haar dossier kan inzien; uitgelegd en privacyverklaring meegegeven.',
  },
  { category: 'communication', summary: 'Brief was moeilijk te lezen; aan de balie samen doorgenomen.' },
];

export const HEARING_REPORTS: readonly string[] = [
  'Hoorgesprek op kantoor. De melder heeft toegelicht wat er is gebeurd en wat hij verwacht. Afgesproken dat de melder binnen twee weken bericht krijgt.',
  'Telefonisch hoorgesprek van een half uur. De melder voelde zich gehoord en heeft aanvullende data van de gemiste afspraken doorgegeven.',
  'Hoorgesprek via video. De melder had een vertrouwenspersoon bij zich; de klacht en de gewenste oplossing zijn samen doorgenomen.',
];
