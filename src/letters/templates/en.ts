/**
 * The default letters in plain English, following the Dutch ones (templates/nl.ts) paragraph by paragraph.
 * Placeholders: src/letters/placeholders.ts. Layout: a blank line starts a paragraph, "# " a heading, "- " a
 * list item. The signature (handler, job title, organisation) follows the body on its own.
 */
import type { LetterKind } from '../../domain/letters.ts';
import type { TemplateText } from '../template.ts';

const EVENT = `{{#eventDate}}
Date: {{eventDate}}
{{/eventDate}}
{{#eventPlace}}
Place: {{eventPlace}}
{{/eventPlace}}
{{#eventCircumstances}}
Special circumstances: {{eventCircumstances}}
{{/eventCircumstances}}`;

const APPEAL = `# Not satisfied?
Are you not satisfied with how we handled your complaint? Then you can turn to the following, in this order:
{{#appealRoutes}}
- {{text}}
{{/appealRoutes}}

These organisations stand up for the interests of clients. They can help you too:
{{#advocacyBodies}}
- {{text}}
{{/advocacyBodies}}`;

const QUESTIONS = `Do you have questions about this letter? Call us on {{organisationPhone}} or email {{organisationEmail}}. Please mention the reference {{reference}}.`;

export const EN_TEMPLATES: Record<LetterKind, TemplateText> = {
  acknowledgement: {
    subject: 'We have received your complaint ({{reference}})',
    body: `{{salutation}}

We received your complaint on {{receivedDate}}. Thank you for letting us know. This letter tells you what we will do with your complaint.

# Your complaint in short
{{summary}}
${EVENT}

# Who handles your complaint?
{{handlerName}} ({{handlerJobTitle}}) handles your complaint. {{handlerName}} was not involved in what happened. This way we look at your complaint as fairly as we can.

# When will you hear from us?
We handle your complaint within {{resolveWorkingDays}} working days. By {{resolveByDate}} at the latest you will hear what we did and what the outcome is.

# Your right to be heard
{{rightToBeHeard}}

${QUESTIONS}

Kind regards,`,
  },

  not_taken_up: {
    subject: 'We will not take up your complaint ({{reference}})',
    body: `{{salutation}}

We received your complaint on {{receivedDate}}. We have decided not to take up your complaint. This letter explains why.
{{#summary}}

# Your complaint in short
{{summary}}
{{/summary}}

# Why do we not take up your complaint?
{{notTakenUpGround}}

{{notTakenUpMotivation}}

${APPEAL}

${QUESTIONS}

Kind regards,`,
  },

  extension_notice: {
    subject: 'More time needed for complaint {{reference}}',
    body: `{{salutation}}

{{#forReporter}}
We received your complaint on {{receivedDate}}. We wrote to you that you would hear from us by {{previousResolveByDate}} at the latest. Unfortunately, we cannot make that date. We are sorry that you have to wait longer.
{{/forReporter}}
{{#forInvolved}}
You are involved in the complaint with reference {{reference}}. We were to handle this complaint by {{previousResolveByDate}}. Unfortunately, we cannot make that date.
{{/forInvolved}}

# Why do we need more time?
{{extensionReason}}

# The new date
We are taking {{extensionWorkingDays}} extra working days. {{#forReporter}}By {{resolveByDate}} at the latest you will hear the outcome.{{/forReporter}}{{#forInvolved}}The complaint will be handled by {{resolveByDate}} at the latest.{{/forInvolved}}

${QUESTIONS}

Kind regards,`,
  },

  complaint_copy: {
    subject: 'Complaint {{reference}}: we ask for your reaction',
    body: `{{salutation}}

We have received a complaint that involves you. Under our complaints regulation we put the complaint to you. {{handlerName}} ({{handlerJobTitle}}) handles the complaint.

# The complaint in short
{{summary}}
${EVENT}

The complaint was made on {{receivedDate}} by {{reporterName}}{{#reporterRole}} ({{reporterRole}}){{/reporterRole}}.

# What do we ask of you?
Please react to the complaint. Tell us what happened in your view. {{handlerName}} will write down your reaction in short. We will then ask you whether you agree with that summary.

The complaint must be handled by {{resolveByDate}} at the latest. Would you please react as soon as you can?

${QUESTIONS}

Kind regards,`,
  },

  findings: {
    subject: 'The outcome of the investigation into your complaint ({{reference}})',
    body: `{{salutation}}

We received your complaint on {{receivedDate}}. We have investigated your complaint. This letter tells you what we found and what our judgement is.

# Your complaint in short
{{summary}}

# What did we find?
{{findings}}

# Our judgement
We find your complaint {{judgement}}.

{{reasons}}
{{#hasOfferMeasures}}

# Our offer
On {{offerDate}} we made you this offer {{offerMethod}}:
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}

You were not satisfied with this offer. We have decided not to investigate again and not to make a new offer.{{#noFurtherStepReason}} {{noFurtherStepReason}}{{/noFurtherStepReason}}
{{/hasOfferMeasures}}
{{#hasAgreedMeasures}}

# What did we agree?
{{#agreedMeasures}}
- {{kind}}: {{description}} (by {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}

# What happens next?
With this letter we complete the handling of your complaint.{{#reportByDate}} By {{reportByDate}} at the latest you will receive a short written report.{{/reportByDate}}

${APPEAL}

${QUESTIONS}

Kind regards,`,
  },

  written_confirmation: {
    subject: 'Confirmation of what we agreed about your complaint ({{reference}})',
    body: `{{salutation}}

On {{offerDate}} we spoke with you {{offerMethod}} about your complaint. In this letter we list what we discussed and agreed.

# Your complaint in short
{{summary}}

# Our judgement
We find your complaint {{judgement}}.

{{reasons}}

# Our offer
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}

You told us that you are satisfied with this offer.{{#offerReaction}} Your reaction: "{{offerReaction}}"{{/offerReaction}}
{{#hasAgreedMeasures}}

# What did we agree?
{{#agreedMeasures}}
- {{kind}}: {{description}} (by {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}

# What happens next?
Your complaint is now resolved. We will make sure we do what we agreed.{{#reportByDate}} By {{reportByDate}} at the latest you will receive a short written report.{{/reportByDate}}

Is anything in this letter not correct? Then please let us know as soon as you can.

${QUESTIONS}

Kind regards,`,
  },

  final_report: {
    subject: 'Report on the handling of complaint {{reference}}',
    body: `{{salutation}}

{{#forReporter}}
We received your complaint on {{receivedDate}}. Your complaint was resolved on {{resolvedDate}}. This report tells you how we handled your complaint.
{{/forReporter}}
{{#forInvolved}}
You were involved in the complaint with reference {{reference}}. We received this complaint on {{receivedDate}} and resolved it on {{resolvedDate}}. This report tells you how we handled the complaint.
{{/forInvolved}}

# The complaint in short
{{summary}}

# Our judgement
{{#judgement}}
We find the complaint {{judgement}}.

{{reasons}}
{{/judgement}}
{{^judgement}}
We did not give a judgement on the complaint.
{{/judgement}}

# Measures
{{#hasAgreedMeasures}}
This was agreed to resolve the complaint:
{{#agreedMeasures}}
- {{kind}}: {{description}} (by {{dueDate}})
{{/agreedMeasures}}
{{/hasAgreedMeasures}}
{{^hasAgreedMeasures}}
{{#hasOfferMeasures}}
This is what we offered:
{{#offerMeasures}}
- {{kind}}: {{description}}
{{/offerMeasures}}
{{/hasOfferMeasures}}
{{^hasOfferMeasures}}
No measures were agreed.
{{/hasOfferMeasures}}
{{/hasAgreedMeasures}}

# Preventing it from happening again
{{#hasPreventiveMeasures}}
To prevent this from happening again, we take these measures:
{{#preventiveMeasures}}
- {{description}} (by {{dueDate}})
{{/preventiveMeasures}}
{{/hasPreventiveMeasures}}
{{^hasPreventiveMeasures}}
{{#noPreventiveMeasuresReason}}
We cannot take measures to prevent this from happening again. {{noPreventiveMeasuresReason}}
{{/noPreventiveMeasuresReason}}
{{^noPreventiveMeasuresReason}}
We are looking at which measures can prevent this from happening again. We record those measures and check later whether they help.
{{/noPreventiveMeasuresReason}}
{{/hasPreventiveMeasures}}
{{#forReporter}}

${APPEAL}
{{/forReporter}}

${QUESTIONS}

Kind regards,`,
  },

  survey_invitation: {
    subject: 'How did we handle your complaint? ({{reference}})',
    body: `{{salutation}}

We have closed the handling of your complaint with reference {{reference}}. We would like to know what you thought of how we handled it. This helps us learn and do better.

# Three short questions
Would you answer three short questions? It takes about two minutes. You will find the questions through the personal link you received with your complaint.{{#followUpLinkUntilDate}} The link works until {{followUpLinkUntilDate}}.{{/followUpLinkUntilDate}} Taking part is voluntary.

Have you lost the link? Then call us on {{organisationPhone}} or email {{organisationEmail}}. Please mention the reference {{reference}}.

Thank you for your help.

Kind regards,`,
  },
};
