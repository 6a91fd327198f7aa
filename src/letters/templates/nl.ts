/**
 * The default letters in plain Dutch (taalniveau B1: short sentences, "u", say what happens and when).
 * Placeholders: src/letters/placeholders.ts. Layout: a blank line starts a paragraph, "# " a heading, "- " a
 * list item. The signature (handler, job title, organisation) follows the body on its own.
 */
import type { LetterKind } from '../../domain/letters.ts';
import type { TemplateText } from '../template.ts';

const EVENT = `{{#eventDate}}
Datum: {{eventDate}}
{{/eventDate}}
{{#eventPlace}}
Plaats: {{eventPlace}}
{{/eventPlace}}
{{#eventCircumstances}}
Bijzondere omstandigheden: {{eventCircumstances}}
{{/eventCircumstances}}`;

const APPEAL = `# Niet tevreden?
Bent u niet tevreden over hoe wij uw klacht hebben behandeld? Dan kunt u in deze volgorde terecht bij:
{{#appealRoutes}}
- {{text}}
{{/appealRoutes}}

Deze organisaties komen op voor de belangen van cliënten. Zij kunnen u ook helpen:
{{#advocacyBodies}}
- {{text}}
{{/advocacyBodies}}`;

const QUESTIONS = `Heeft u vragen over deze brief? Bel ons dan op {{organisationPhone}} of mail naar {{organisationEmail}}. Noem daarbij het kenmerk {{reference}}.`;

export const NL_TEMPLATES: Record<LetterKind, TemplateText> = {
  acknowledgement: {
    subject: 'Wij hebben uw klacht ontvangen ({{reference}})',
    body: `{{salutation}}

Op {{receivedDate}} hebben wij uw klacht ontvangen. Bedankt dat u dit aan ons laat weten. In deze brief leest u wat wij met uw klacht doen.

# Uw klacht in het kort
{{summary}}
${EVENT}

# Wie behandelt uw klacht?
{{handlerName}} ({{handlerJobTitle}}) behandelt uw klacht. {{handlerName}} was niet betrokken bij wat er is gebeurd. Zo kijken wij zo eerlijk mogelijk naar uw klacht.

# Wanneer hoort u van ons?
Wij behandelen uw klacht binnen {{resolveWorkingDays}} werkdagen. U hoort uiterlijk op {{resolveByDate}} wat wij hebben gedaan en wat de uitkomst is.

# Uw recht om gehoord te worden
{{rightToBeHeard}}

${QUESTIONS}

Met vriendelijke groet,`,
  },

  not_taken_up: {
    subject: 'Wij nemen uw klacht niet in behandeling ({{reference}})',
    body: `{{salutation}}

Op {{receivedDate}} hebben wij uw klacht ontvangen. Wij hebben besloten om uw klacht niet in behandeling te nemen. In deze brief leest u waarom.
{{#summary}}

# Uw klacht in het kort
{{summary}}
{{/summary}}

# Waarom nemen wij uw klacht niet in behandeling?
{{notTakenUpGround}}

{{notTakenUpMotivation}}

${APPEAL}

${QUESTIONS}

Met vriendelijke groet,`,
  },

  extension_notice: {
    subject: 'Meer tijd nodig voor klacht {{reference}}',
    body: `{{salutation}}

{{#forReporter}}
Op {{receivedDate}} hebben wij uw klacht ontvangen. Wij hebben u geschreven dat u uiterlijk op {{previousResolveByDate}} van ons zou horen. Dat lukt helaas niet. Het spijt ons dat u langer moet wachten.
{{/forReporter}}
{{#forInvolved}}
U bent betrokken bij de klacht met kenmerk {{reference}}. Wij zouden deze klacht uiterlijk op {{previousResolveByDate}} afhandelen. Dat lukt helaas niet.
{{/forInvolved}}

# Waarom hebben wij meer tijd nodig?
{{extensionReason}}

# De nieuwe datum
Wij nemen {{extensionWorkingDays}} werkdagen extra. {{#forReporter}}U hoort uiterlijk op {{resolveByDate}} wat de uitkomst is.{{/forReporter}}{{#forInvolved}}De klacht is uiterlijk op {{resolveByDate}} afgehandeld.{{/forInvolved}}

${QUESTIONS}

Met vriendelijke groet,`,
  },

  complaint_copy: {
    subject: 'Klacht {{reference}}: wij vragen uw reactie',
    body: `{{salutation}}

Wij hebben een klacht ontvangen waarbij u betrokken bent. Volgens ons klachtenreglement leggen wij de klacht aan u voor. {{handlerName}} ({{handlerJobTitle}}) behandelt de klacht.

# De klacht in het kort
{{summary}}
${EVENT}

De klacht is op {{receivedDate}} ingediend door {{reporterName}}{{#reporterRole}} ({{reporterRole}}){{/reporterRole}}.

# Wat vragen wij van u?
Wij vragen u om op de klacht te reageren. Vertel ons wat er volgens u is gebeurd. {{handlerName}} schrijft uw reactie kort op. Daarna vragen wij u of u het eens bent met die samenvatting.

De klacht moet uiterlijk op {{resolveByDate}} zijn afgehandeld. Wilt u daarom zo snel mogelijk reageren?

${QUESTIONS}

Met vriendelijke groet,`,
  },

  findings: {
    subject: 'De uitkomst van het onderzoek naar uw klacht ({{reference}})',
    body: `{{salutation}}

Op {{receivedDate}} hebben wij uw klacht ontvangen. Wij hebben uw klacht onderzocht. In deze brief leest u wat wij hebben gevonden en wat ons oordeel is.

# Uw klacht in het kort
{{summary}}

# Wat hebben wij gevonden?
{{findings}}

# Ons oordeel
Wij vinden uw klacht {{judgement}}.

{{reasons}}
{{#hasOfferMeasures}}

# Ons aanbod
Op {{offerDate}} hebben wij u {{offerMethod}} dit aanbod gedaan:
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}

U was niet tevreden met dit aanbod. Wij hebben besloten om geen nieuw onderzoek te doen en geen nieuw aanbod te doen.{{#noFurtherStepReason}} {{noFurtherStepReason}}{{/noFurtherStepReason}}
{{/hasOfferMeasures}}
{{#hasAgreedMeasures}}

# Wat hebben wij afgesproken?
{{#agreedMeasures}}
- {{kind}}: {{description}} (uiterlijk {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}

# Hoe gaat het verder?
Met deze brief ronden wij de behandeling van uw klacht af.{{#reportByDate}} U krijgt uiterlijk op {{reportByDate}} nog een kort schriftelijk verslag.{{/reportByDate}}

${APPEAL}

${QUESTIONS}

Met vriendelijke groet,`,
  },

  written_confirmation: {
    subject: 'Bevestiging van wat wij hebben afgesproken over uw klacht ({{reference}})',
    body: `{{salutation}}

Op {{offerDate}} hebben wij {{offerMethod}} met u gesproken over uw klacht. In deze brief zetten wij op een rij wat wij hebben besproken en afgesproken.

# Uw klacht in het kort
{{summary}}

# Ons oordeel
Wij vinden uw klacht {{judgement}}.

{{reasons}}

# Ons aanbod
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}

U heeft ons laten weten dat u tevreden bent met dit aanbod.{{#offerReaction}} Uw reactie: "{{offerReaction}}"{{/offerReaction}}
{{#hasAgreedMeasures}}

# Wat hebben wij afgesproken?
{{#agreedMeasures}}
- {{kind}}: {{description}} (uiterlijk {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}

# Hoe gaat het verder?
Hiermee is uw klacht opgelost. Wij zorgen ervoor dat wij doen wat wij hebben afgesproken.{{#reportByDate}} U krijgt uiterlijk op {{reportByDate}} nog een kort schriftelijk verslag.{{/reportByDate}}

Klopt er iets niet in deze brief? Laat het ons dan zo snel mogelijk weten.

${QUESTIONS}

Met vriendelijke groet,`,
  },

  final_report: {
    subject: 'Verslag van de afhandeling van klacht {{reference}}',
    body: `{{salutation}}

{{#forReporter}}
Op {{receivedDate}} hebben wij uw klacht ontvangen. Uw klacht is op {{resolvedDate}} opgelost. In dit verslag leest u hoe wij uw klacht hebben afgehandeld.
{{/forReporter}}
{{#forInvolved}}
U was betrokken bij de klacht met kenmerk {{reference}}. Wij hebben deze klacht op {{receivedDate}} ontvangen en op {{resolvedDate}} opgelost. In dit verslag leest u hoe wij de klacht hebben afgehandeld.
{{/forInvolved}}

# De klacht in het kort
{{summary}}

# Ons oordeel
{{#judgement}}
Wij vinden de klacht {{judgement}}.

{{reasons}}
{{/judgement}}
{{^judgement}}
Wij hebben geen oordeel over de klacht gegeven.
{{/judgement}}

# Maatregelen
{{#hasAgreedMeasures}}
Dit is afgesproken om de klacht op te lossen:
{{#agreedMeasures}}
- {{kind}}: {{description}} (uiterlijk {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}
{{^hasAgreedMeasures}}
{{#hasOfferMeasures}}
Dit hebben wij aangeboden:
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}
{{/hasOfferMeasures}}
{{^hasOfferMeasures}}
Er zijn geen maatregelen afgesproken.
{{/hasOfferMeasures}}
{{/hasAgreedMeasures}}

# Herhaling voorkomen
{{#hasPreventiveMeasures}}
Om te voorkomen dat dit nog eens gebeurt, nemen wij deze maatregelen:
{{#preventiveMeasures}}
- {{description}} (uiterlijk {{dueDate}})
{{/preventiveMeasures}}
{{/hasPreventiveMeasures}}
{{^hasPreventiveMeasures}}
{{#noPreventiveMeasuresReason}}
Wij kunnen geen maatregelen nemen om herhaling te voorkomen. {{noPreventiveMeasuresReason}}
{{/noPreventiveMeasuresReason}}
{{^noPreventiveMeasuresReason}}
Wij bekijken of wij maatregelen kunnen nemen om te voorkomen dat dit nog eens gebeurt. Wij leggen die maatregelen vast en controleren later of ze helpen.
{{/noPreventiveMeasuresReason}}
{{/hasPreventiveMeasures}}
{{#forReporter}}

${APPEAL}
{{/forReporter}}

${QUESTIONS}

Met vriendelijke groet,`,
  },

  survey_invitation: {
    subject: 'Hoe vond u de behandeling van uw klacht? ({{reference}})',
    body: `{{salutation}}

Wij hebben de behandeling van uw klacht met kenmerk {{reference}} afgesloten. Wij willen graag weten wat u van de behandeling vond. Zo leren wij ervan en kunnen wij het beter doen.

# Drie korte vragen
Wilt u drie korte vragen beantwoorden? Dat duurt ongeveer twee minuten. U vindt de vragen via de persoonlijke link die u bij uw melding kreeg.{{#followUpLinkUntilDate}} De link werkt tot {{followUpLinkUntilDate}}.{{/followUpLinkUntilDate}} Meedoen is vrijwillig.

Bent u de link kwijt? Bel ons dan op {{organisationPhone}} of mail naar {{organisationEmail}}. Noem daarbij het kenmerk {{reference}}.

Bedankt voor uw hulp.

Met vriendelijke groet,`,
  },
};
