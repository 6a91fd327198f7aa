/**
 * The improvement form (verbeterformulier). Works without JavaScript: posted as multipart/form-data to `/`,
 * shown again with everything typed after an error or a language switch.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { REPORTER_ROLES } from '../../../domain/complaint.ts';
import { COMMISSIONING_PARTY_TYPES } from '../../../domain/settings.ts';
import { messagesFor, PAGE_LOCALES } from '../../../i18n/pages/index.ts';
import type { AttachmentRules } from '../../../i18n/pages/nl.ts';
import { CheckboxField } from '../components/CheckboxField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { PrivacyLink } from '../components/PrivacyLink.tsx';
import { FileField } from '../components/FileField.tsx';
import { Layout } from '../components/Layout.tsx';
import { RadioGroup } from '../components/RadioGroup.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextareaField } from '../components/TextareaField.tsx';
import { TextField } from '../components/TextField.tsx';
import type { PageContext } from '../context.ts';
import { type IntakeValues, MAX_DESCRIPTION_LENGTH } from '../intake-form.ts';
import type { FieldError } from '../validate.ts';

export interface FormPageProps {
  ctx: PageContext;
  values: IntakeValues;
  errors: FieldError[];
  csrfToken: string;
  rules: AttachmentRules;
  /** A message for the whole form (e.g. it expired), shown in the error summary. */
  formMessage?: string | undefined;
  /** Files had been chosen: they must be chosen again. */
  filesChosen?: boolean;
}

export function FormPage({ ctx, values, errors, csrfToken, rules, formMessage, filesChosen }: FormPageProps) {
  const { t, settings } = ctx;
  const f = t.form.fields;
  const prefix = t.form.errorTitlePrefix;
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const hasErrors = errors.length > 0 || Boolean(formMessage);
  const title = `${hasErrors ? prefix : ''}${t.form.htmlTitle(settings.name)}`;

  return (
    <Layout ctx={ctx} title={title} languageLinks={false} script>
      <Heading level={1}>{t.form.title}</Heading>
      {hasErrors && (
        <ErrorSummary heading={t.form.errors.summaryHeading} errors={errors} intro={formMessage} />
      )}
      {t.form.intro(settings.name).map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      <Paragraph>{t.form.requiredNote}</Paragraph>

      <form method="post" action="/" encType="multipart/form-data" noValidate id="complaint-form">
        {/* Enter in a text field presses the first submit button of the form: that must be "send", not the language switch. */}
        <button type="submit" hidden tabIndex={-1}>
          {t.form.submit}
        </button>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="lang" value={ctx.locale} />

        <div className="vp-lang">
          {PAGE_LOCALES.filter((l) => l !== ctx.locale).map((l) => (
            <Button
              key={l}
              type="submit"
              name="switchLang"
              value={l}
              appearance="secondary-action-button"
              lang={l}
              aria-describedby="lang-note"
            >
              {messagesFor(l).meta.switchTo}
            </Button>
          ))}
        </div>
        <p id="lang-note" className="vp-visually-hidden">
          {t.form.languageNote}
        </p>

        <Section id="what" legend={t.form.sections.what}>
          <TextareaField
            name="description"
            label={f.description.label}
            hint={f.description.hint}
            value={values.description}
            error={errorOf('description')}
            errorPrefix={prefix}
            required
            maxLength={MAX_DESCRIPTION_LENGTH}
            rows={8}
          />
          <TextField
            name="eventDate"
            type="date"
            label={f.eventDate.label}
            hint={f.eventDate.hint}
            value={values.eventDate}
            error={errorOf('eventDate')}
            errorPrefix={prefix}
            short
          />
          <TextField
            name="eventPlace"
            label={f.eventPlace.label}
            hint={f.eventPlace.hint}
            value={values.eventPlace}
            error={errorOf('eventPlace')}
            errorPrefix={prefix}
            maxLength={500}
          />
          <TextareaField
            name="eventCircumstances"
            label={f.eventCircumstances.label}
            hint={f.eventCircumstances.hint}
            value={values.eventCircumstances}
            error={errorOf('eventCircumstances')}
            errorPrefix={prefix}
            maxLength={4000}
            rows={3}
          />
          <TextareaField
            name="involved"
            label={f.involved.label}
            hint={f.involved.hint}
            value={values.involved}
            error={errorOf('involved')}
            errorPrefix={prefix}
            rows={3}
          />
        </Section>

        <Section id="wish" legend={t.form.sections.wish}>
          <TextareaField
            name="desiredOutcome"
            label={f.desiredOutcome.label}
            hint={f.desiredOutcome.hint}
            value={values.desiredOutcome}
            error={errorOf('desiredOutcome')}
            errorPrefix={prefix}
            maxLength={4000}
            rows={3}
          />
        </Section>

        <Section id="contact" legend={t.form.sections.contact}>
          <RadioGroup
            name="contactChoice"
            legend={f.contactChoice.legend}
            value={values.contactChoice}
            error={errorOf('contactChoice')}
            errorPrefix={prefix}
            options={[
              { value: 'contact', label: f.contactChoice.contact, hint: f.contactChoice.contactHint },
              { value: 'anonymous', label: f.contactChoice.anonymous, hint: f.contactChoice.anonymousHint },
            ]}
          />
          <div id="contact-details">
            <TextField
              name="name"
              label={f.name.label}
              value={values.name}
              error={errorOf('name')}
              errorPrefix={prefix}
              autoComplete="name"
              maxLength={200}
            />
            <TextField
              name="email"
              type="email"
              label={f.email.label}
              hint={f.email.hint}
              value={values.email}
              error={errorOf('email')}
              errorPrefix={prefix}
              autoComplete="email"
              maxLength={254}
            />
            <TextField
              name="phone"
              type="tel"
              label={f.phone.label}
              value={values.phone}
              error={errorOf('phone')}
              errorPrefix={prefix}
              autoComplete="tel"
              maxLength={40}
              short
            />
            <TextareaField
              name="postalAddress"
              label={f.postalAddress.label}
              hint={f.postalAddress.hint}
              value={values.postalAddress}
              error={errorOf('postalAddress')}
              errorPrefix={prefix}
              autoComplete="street-address"
              maxLength={500}
              rows={3}
            />
            <CheckboxField
              name="consentToContact"
              label={f.consentToContact.label}
              hint={f.consentToContact.hint}
              checked={Boolean(values.consentToContact)}
              error={errorOf('consentToContact')}
              errorPrefix={prefix}
            />
          </div>
          <Paragraph>
            <PrivacyLink locale={ctx.locale}>{t.form.contactPrivacyLink}</PrivacyLink>
          </Paragraph>
        </Section>

        <Section id="about" legend={t.form.sections.about}>
          <SelectField
            name="role"
            label={f.role.label}
            value={values.role}
            error={errorOf('role')}
            errorPrefix={prefix}
            empty={f.role.choose}
            options={REPORTER_ROLES.map((role) => ({ value: role, label: t.form.roles[role] }))}
          />
          <SelectField
            name="commissioningPartyType"
            label={f.commissioningPartyType.label}
            hint={f.commissioningPartyType.hint}
            value={values.commissioningPartyType}
            error={errorOf('commissioningPartyType')}
            errorPrefix={prefix}
            empty={f.commissioningPartyType.choose}
            options={COMMISSIONING_PARTY_TYPES.map((type) => ({
              value: type,
              label: t.form.partyTypes[type],
            }))}
          />
          <TextField
            name="commissioningPartyName"
            label={f.commissioningPartyName.label}
            hint={f.commissioningPartyName.hint}
            value={values.commissioningPartyName}
            error={errorOf('commissioningPartyName')}
            errorPrefix={prefix}
            maxLength={200}
          />
          <TextField
            name="commissioningPartyContact"
            label={f.commissioningPartyContact.label}
            hint={f.commissioningPartyContact.hint}
            value={values.commissioningPartyContact}
            error={errorOf('commissioningPartyContact')}
            errorPrefix={prefix}
            maxLength={500}
          />
        </Section>

        <Section id="attachments" legend={t.form.sections.attachments}>
          <FileField
            name="attachments"
            label={f.attachments.label}
            hint={f.attachments.hint(rules)}
            error={errorOf('attachments')}
            errorPrefix={prefix}
            chooseAgain={filesChosen ? t.form.errors.chooseFilesAgain : undefined}
          />
        </Section>

        <div className="vp-hp">
          <label htmlFor="field-website">{f.website.label}</label>
          <input
            type="text"
            id="field-website"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <Section id="privacy" legend={t.form.sections.privacy}>
          {t.form.privacy
            .paragraphs({ organisation: settings.name, years: settings.retention.complaintYearsAfterClosing })
            .map((p) => (
              <Paragraph key={p}>{p}</Paragraph>
            ))}
          <Paragraph>
            <PrivacyLink locale={ctx.locale}>{t.form.privacy.link}</PrivacyLink>
          </Paragraph>
        </Section>

        <div className="vp-actions">
          <Button type="submit" appearance="primary-action-button">
            {t.form.submit}
          </Button>
        </div>
      </form>
    </Layout>
  );
}

/** A part of the form with its own heading, so screen-reader users can jump between parts. */
function Section({ id, legend, children }: { id: string; legend: string; children: ReactNode }) {
  return (
    <section className="vp-section" aria-labelledby={`section-${id}`}>
      <Heading level={2} id={`section-${id}`}>
        {legend}
      </Heading>
      {children}
    </section>
  );
}
