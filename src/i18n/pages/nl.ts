/**
 * Every text of the public pages in Dutch, at language level B1: short sentences, everyday words, "u".
 * This file defines the shape; every other language must have every key (see index.ts).
 */

export interface AttachmentRules {
  types: string;
  maxFile: string;
  maxTotal: string;
  maxFiles: number;
}

export const nl = {
  meta: {
    lang: 'nl',
    dir: 'ltr' as 'ltr' | 'rtl',
    /** For dates: Intl locale. */
    intl: 'nl-NL',
    name: 'Nederlands',
    /** The language switch, written in this language, so that a reader of this language recognises it. */
    switchTo: 'Lees dit formulier in het Nederlands',
    pageIn: 'Deze pagina in het Nederlands',
  },

  layout: {
    skipLink: 'Ga direct naar de inhoud',
    logoAlt: (organisation: string) => `${organisation} – naar het verbeterformulier`,
    footerHeading: 'Contact',
    privacyStatement: 'Privacyverklaring',
    otherLanguage: 'Andere taal',
    phone: 'Telefoon',
    email: 'E-mail',
  },

  form: {
    title: 'Verbeterformulier',
    htmlTitle: (organisation: string) => `Verbeterformulier – ${organisation}`,
    errorTitlePrefix: 'Fout: ',
    intro: (organisation: string) => [
      `Bent u niet tevreden over ${organisation}? Of over iemand die voor ons werkt? Vertel het ons. Dan kunnen wij het beter doen.`,
      'Ook een kleine ergernis mag u melden. Wij nemen elke melding serieus.',
    ],
    requiredNote: 'Alleen de eerste vraag is verplicht. De andere vragen mag u overslaan.',
    languageNote:
      'Wat u al heeft ingevuld, blijft staan. Heeft u bestanden gekozen? Dan moet u die opnieuw kiezen.',
    sections: {
      what: 'Wat is er gebeurd?',
      wish: 'Wat zou het goedmaken?',
      contact: 'Hoe kunnen wij u bereiken?',
      about: 'Over u',
      attachments: 'Bestanden',
      privacy: 'Wat doen wij met uw gegevens?',
    },
    fields: {
      description: { label: 'Wat is er gebeurd? (verplicht)', hint: 'Schrijf het in uw eigen woorden.' },
      eventDate: {
        label: 'Wanneer was het?',
        hint: 'Bijvoorbeeld 30-04-2026. Weet u de datum niet? Laat dit dan leeg.',
      },
      eventPlace: {
        label: 'Waar was het?',
        hint: 'Bijvoorbeeld: op kantoor, bij een werkgever of aan de telefoon.',
      },
      eventCircumstances: {
        label: 'Was er iets bijzonders aan de hand?',
        hint: 'Bijvoorbeeld: het was heel druk, of u was niet alleen.',
      },
      involved: {
        label: 'Wie waren erbij betrokken?',
        hint: 'Zet elke naam op een eigen regel. Weet u de naam niet? Beschrijf de persoon dan.',
      },
      desiredOutcome: {
        label: 'Wat zou het voor u goedmaken?',
        hint: 'Bijvoorbeeld: excuses, een nieuwe afspraak of een andere jobcoach.',
      },
      contactChoice: {
        legend: 'Mogen wij contact met u opnemen?',
        contact: 'Ja, u mag contact met mij opnemen',
        contactHint: 'Vul hieronder in hoe wij u kunnen bereiken: e-mail, telefoon of adres.',
        anonymous: 'Nee, ik blijf anoniem',
        anonymousHint:
          'Wij weten dan niet wie u bent. Wij kunnen u dan niet bellen en geen brief sturen. U krijgt wel een eigen, geheime link. Met die link ziet u hoe het met uw melding gaat.',
      },
      name: { label: 'Uw naam' },
      email: { label: 'E-mailadres', hint: 'Wij mailen u dan de link waarmee u uw melding kunt volgen.' },
      phone: { label: 'Telefoonnummer' },
      postalAddress: { label: 'Adres', hint: 'Straat en huisnummer, postcode en plaats.' },
      consentToContact: {
        label: 'U mag mij bellen of mailen over mijn melding.',
        hint: 'Dit kiest u zelf. Ook als u dit niet aanvinkt, behandelen wij uw melding.',
      },
      role: { label: 'Wie bent u?', choose: 'Kies een antwoord (mag leeg blijven)' },
      commissioningPartyType: {
        label: 'Wie betaalt uw traject?',
        hint: 'Dit is uw opdrachtgever. Bent u niet tevreden over hoe wij uw melding behandelen? Dan kunt u ook bij hen terecht.',
        choose: 'Weet ik niet, of ik heb geen traject',
      },
      commissioningPartyName: {
        label: 'Naam van de opdrachtgever',
        hint: 'Bijvoorbeeld: UWV Utrecht of gemeente Amersfoort.',
      },
      commissioningPartyContact: {
        label: 'Contactpersoon of telefoonnummer van de opdrachtgever',
        hint: 'Dit mag leeg blijven.',
      },
      attachments: {
        label: 'Bestanden toevoegen',
        hint: (rules: AttachmentRules) =>
          `Bijvoorbeeld een brief of een foto. U mag ${rules.maxFiles} bestanden toevoegen. Toegestaan: ${rules.types}. Per bestand maximaal ${rules.maxFile}, samen maximaal ${rules.maxTotal}.`,
      },
      website: { label: 'Laat dit veld leeg' },
    },
    attachmentTypes: 'PDF, JPG, PNG, HEIC, Word, e-mail (.eml) en tekst (.txt)',
    roles: {
      candidate: 'Kandidaat: ik volg een traject',
      employee: 'Werknemer',
      client: 'Klant',
      employer: 'Werkgever',
      commissioning_party: 'Opdrachtgever, bijvoorbeeld UWV of gemeente',
      representative: 'Ik meld dit voor iemand anders',
      other: 'Iets anders',
    },
    partyTypes: {
      UWV: 'UWV',
      municipality: 'Gemeente',
      employer: 'Werkgever',
      insurer: 'Verzekeraar',
      other: 'Iemand anders',
    },
    privacy: {
      paragraphs: (p: { organisation: string; years: number }) => [
        `${p.organisation} bewaart wat u invult en de bestanden die u meestuurt. Wij gebruiken dit alleen om uw melding te behandelen en om ervan te leren.`,
        'Alleen de medewerkers die uw melding behandelen, kunnen uw gegevens zien. De medewerker over wie uw melding gaat, ziet uw contactgegevens niet.',
        `Wij bewaren uw melding tot ${p.years} jaar nadat wij hem hebben afgesloten. Daarna verwijderen wij hem.`,
        'U mag altijd vragen welke gegevens wij van u hebben. U mag ook vragen om ze te verbeteren of te verwijderen.',
      ],
      link: 'Lees meer in onze privacyverklaring',
    },
    contactPrivacyLink: 'Wat doen wij met uw gegevens? Lees onze privacyverklaring',
    submit: 'Verstuur mijn melding',
    errors: {
      summaryHeading: 'Er is iets niet goed ingevuld',
      descriptionEmpty: 'Vertel in een paar woorden wat er is gebeurd.',
      email: 'Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.',
      phone: 'Vul een telefoonnummer in met alleen cijfers. Spaties en + - ( ) mogen ook.',
      eventDate: 'Vul een datum in zoals 30-04-2026.',
      contactMissing: 'Vul een e-mailadres, telefoonnummer of adres in. Of kies: Nee, ik blijf anoniem.',
      partyTypeMissing: 'Kies wie uw traject betaalt.',
      tooManyNames: 'Vul maximaal 20 namen in.',
      fileTooLarge: (p: { name: string; max: string }) =>
        `Het bestand ${p.name} is groter dan ${p.max}. Kies een kleiner bestand.`,
      filesTooLarge: (max: string) =>
        `De bestanden zijn samen groter dan ${max}. Kies minder of kleinere bestanden.`,
      fileEmpty: (name: string) => `Het bestand ${name} is leeg. Kies een ander bestand.`,
      fileType: (p: { name: string; types: string }) =>
        `Het bestand ${p.name} kunnen wij niet gebruiken. Toegestaan: ${p.types}.`,
      tooManyFiles: (max: number) => `U kunt maximaal ${max} bestanden toevoegen.`,
      chooseFilesAgain: 'Uw bestanden zijn nog niet verstuurd. Kies ze opnieuw.',
      expired:
        'Uw formulier is nog niet verstuurd, omdat het te lang open stond. Controleer wat u heeft ingevuld en verstuur het opnieuw.',
    },
  },

  confirmation: {
    title: 'Bedankt voor uw melding',
    htmlTitle: (organisation: string) => `Bedankt voor uw melding – ${organisation}`,
    referenceLabel: 'Het nummer van uw melding is',
    referenceNote: 'Noem dit nummer als u contact met ons opneemt.',
    nextHeading: 'Wat gebeurt er nu?',
    next: (p: { acknowledgeBy: string; resolveBy: string }) => [
      'Een medewerker gaat uw melding behandelen. Dat is nooit de medewerker over wie uw melding gaat.',
      `Uiterlijk ${p.acknowledgeBy} bevestigen wij dat wij uw melding behandelen.`,
      `Uiterlijk ${p.resolveBy} laten wij u weten wat wij met uw melding hebben gedaan.`,
    ],
    linkHeading: 'Uw eigen link',
    linkIntro:
      'Met deze link ziet u hoe het met uw melding gaat. U kunt er ook iets aan toevoegen. Bewaar de link goed en geef hem niet aan anderen.',
    linkEmailed: 'Wij hebben deze link ook naar uw e-mailadres gestuurd.',
    linkNotEmailed:
      'U heeft geen e-mailadres ingevuld. Bewaar de link daarom zelf, bijvoorbeeld als bladwijzer.',
    openLink: 'Bekijk uw melding',
    decoyText: 'Wij hebben uw bericht ontvangen.',
  },

  followUp: {
    title: (reference: string) => `Uw melding ${reference}`,
    htmlTitle: (p: { reference: string; organisation: string }) =>
      `Uw melding ${p.reference} – ${p.organisation}`,
    statusHeading: 'Hoe staat het ervoor?',
    status: {
      registered:
        'Wij hebben uw melding ontvangen. Wij zoeken een medewerker die uw melding gaat behandelen.',
      handler_assigned: 'Een medewerker gaat uw melding behandelen. U krijgt snel een bevestiging.',
      acknowledged: 'Wij hebben bevestigd dat wij uw melding behandelen. Het onderzoek begint binnenkort.',
      investigating: 'Wij onderzoeken uw melding. Wij praten met de mensen die erbij betrokken waren.',
      decided: 'Het onderzoek is klaar. Wij laten u snel weten wat eruit kwam.',
      offer_made: 'Wij hebben u een oplossing aangeboden. Laat ons weten of u daar tevreden mee bent.',
      offer_accepted:
        'U bent tevreden met de oplossing. Wij sturen u een bevestiging van wat wij hebben afgesproken.',
      offer_rejected: 'U bent niet tevreden met de oplossing. Wij kijken wat wij nog kunnen doen.',
      resolved: 'Uw melding is afgehandeld. U krijgt nog een verslag van ons.',
      reported: 'Uw melding is afgehandeld. Wij hebben u een verslag gestuurd.',
      prevention_decided:
        'Uw melding is afgehandeld. Wij hebben besloten wat wij doen om herhaling te voorkomen.',
      closed: 'Uw melding is afgesloten.',
      not_taken_up: 'Wij behandelen uw melding niet. In ons bericht staat waarom.',
      withdrawn: 'U heeft uw melding ingetrokken. Wij behandelen hem niet verder.',
    },
    dates: {
      receivedAt: 'Ontvangen op',
      acknowledgeBy: 'Bevestiging uiterlijk op',
      acknowledgedAt: 'Bevestigd op',
      resolveBy: 'Antwoord uiterlijk op',
      resolvedAt: 'Afgehandeld op',
      closedAt: 'Afgesloten op',
    },
    extended: (reason: string) => `Wij hebben meer tijd nodig. De reden: ${reason}`,
    handlerHeading: 'Wie behandelt uw melding?',
    handler: (p: { name: string; jobTitle: string }) => `${p.name}, ${p.jobTitle}`,
    noHandler: 'Er is nog geen medewerker gekozen.',
    offerHeading: 'Ons aanbod',
    offerMadeAt: (date: string) => `Wij hebben u dit aangeboden op ${date}:`,
    measureKinds: {
      correction: 'Wij maken goed wat fout ging',
      redress: 'Genoegdoening',
      replacement_service: 'Een vervangende dienst',
    },
    hearingRequested: 'U heeft gevraagd om een gesprek. Wij nemen contact met u op om een afspraak te maken.',
    messagesHeading: 'Wat u heeft toegevoegd',
    messageAt: (date: string) => `Toegevoegd op ${date}`,
    lettersHeading: 'Brieven die wij u stuurden',
    letterSent: (date: string) => `Verstuurd op ${date}`,
    download: (subject: string) => `Download als PDF: ${subject}`,
    surveyAnswered: 'U heeft onze vragen over de afhandeling beantwoord. Dank u wel.',
    linkExpires: (date: string) => `Deze link werkt tot ${date}.`,
    actionsHeading: 'Wat kunt u doen?',
    noActions: 'U hoeft nu niets te doen.',
    addInformation: {
      heading: 'Iets toevoegen',
      text: { label: 'Wat wilt u ons nog vertellen?' },
      attachments: { label: 'Bestanden toevoegen (mag leeg blijven)' },
      submit: 'Voeg toe aan mijn melding',
    },
    requestHearing: {
      heading: 'Een gesprek',
      intro: 'Wilt u uw verhaal ook in een gesprek vertellen? Dan nemen wij contact met u op.',
      submit: 'Ik wil graag een gesprek',
    },
    offerReaction: {
      heading: 'Bent u tevreden met ons aanbod?',
      reaction: { label: 'Uw reactie (mag leeg blijven)' },
      accept: 'Ik ben tevreden',
      reject: 'Ik ben niet tevreden',
      submitAccept: 'Laat weten dat ik tevreden ben',
      submitReject: 'Laat weten dat ik niet tevreden ben',
    },
    withdraw: {
      heading: 'Melding intrekken',
      intro:
        'Wilt u niet meer dat wij uw melding behandelen? Dan kunt u hem intrekken. Dit kunt u niet ongedaan maken.',
      reason: { label: 'Waarom trekt u uw melding in? (mag leeg blijven)' },
      confirm: { label: 'Ja, ik wil mijn melding intrekken.' },
      submit: 'Trek mijn melding in',
    },
    survey: {
      heading: 'Hoe vond u het?',
      intro: 'Wij willen graag leren. Wilt u drie korte vragen beantwoorden?',
      handledWell: {
        legend: 'Hebben wij uw melding goed behandeld?',
        yes: 'Ja',
        partly: 'Voor een deel',
        no: 'Nee',
      },
      onTime: { legend: 'Kreeg u op tijd antwoord?', yes: 'Ja', no: 'Nee', unknown: 'Weet ik niet' },
      comment: { label: 'Wilt u nog iets zeggen? (mag leeg blijven)' },
      submit: 'Verstuur mijn antwoorden',
    },
    done: {
      addInformation: 'Dank u wel. Wij hebben uw informatie toegevoegd aan uw melding.',
      requestHearing: 'Dank u wel. Wij nemen contact met u op voor een gesprek.',
      recordOfferAccepted: 'Dank u wel. Wij hebben genoteerd dat u tevreden bent.',
      recordOfferRejected:
        'Dank u wel. Wij hebben genoteerd dat u niet tevreden bent. Wij kijken wat wij nog kunnen doen.',
      withdraw: 'Uw melding is ingetrokken.',
      answerSurvey: 'Dank u wel voor uw antwoorden.',
    },
    errors: {
      summaryHeading: 'Dat lukte niet',
      confirmMissing: 'Zet een vinkje als u uw melding echt wilt intrekken.',
      textEmpty: 'Schrijf op wat u wilt toevoegen.',
      choose: 'Kies een antwoord.',
      notNow:
        'Dit kan nu niet meer. Misschien is er intussen iets veranderd. Bekijk hieronder hoe het nu staat.',
    },
    appeal: {
      heading: 'Niet tevreden over hoe wij uw melding behandelen?',
      intro: 'Dan kunt u uw klacht voorleggen aan een andere organisatie. Doe dat in deze volgorde:',
      thirdInstance: 'Komt u er dan nog niet uit? Dan kunt u terecht bij:',
      yourParty: 'Uw opdrachtgever:',
      partyContact: 'Contact:',
    },
    advocacy: {
      heading: 'Hulp bij uw klacht',
      intro: 'Deze organisaties komen op voor mensen zoals u. Zij kunnen u helpen.',
    },
  },

  errorPages: {
    backToForm: 'Naar het verbeterformulier',
    contact: (p: { organisation: string; phone: string; email: string }) =>
      `Heeft u een vraag? Bel ${p.organisation} op ${p.phone} of mail naar ${p.email}.`,
    notFound: {
      title: 'Deze pagina bestaat niet',
      text: 'Controleer de link. Heeft u de link uit een e-mail? Kopieer dan de hele link.',
    },
    expired: {
      title: 'Deze link werkt niet meer',
      text: 'Uw melding is al een tijd afgesloten. Daarom werkt de link niet meer.',
    },
    tooLarge: {
      title: 'Uw bestanden zijn te groot',
      text: (p: { maxFile: string; maxTotal: string; maxFiles: number }) =>
        `Er is niets verstuurd. Per bestand mag het maximaal ${p.maxFile} zijn, samen maximaal ${p.maxTotal}. U mag ${p.maxFiles} bestanden toevoegen. Ga terug en kies kleinere of minder bestanden.`,
    },
    rateLimited: {
      title: 'Even wachten',
      text: 'U heeft het formulier vaak verstuurd. Wacht een minuut en probeer het dan opnieuw.',
    },
    csrf: {
      title: 'Uw formulier is verlopen',
      text: 'Er is niets verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog een keer.',
    },
    badRequest: {
      title: 'Dat lukte niet',
      text: 'Er is niets verstuurd. Ga terug en probeer het opnieuw.',
    },
    serverError: {
      title: 'Er ging iets mis',
      text: 'Er ging iets mis aan onze kant. Er is niets verstuurd. Probeer het later opnieuw.',
    },
  },
  privacyPage: {
    title: 'Privacyverklaring: uw klacht en uw gegevens',
    htmlTitle: (organisation: string) => `Privacyverklaring klachten – ${organisation}`,
    more: (organisation: string) => `Hoe ${organisation} verder met persoonsgegevens omgaat, leest u in`,
    moreLink: (organisation: string) => `de algemene privacyverklaring van ${organisation}`,
    toForm: 'Naar het verbeterformulier',
  },
};
