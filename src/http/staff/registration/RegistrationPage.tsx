/**
 * Registering a complaint received by phone, letter, email or in person (GET/POST /staff/complaints/new):
 * the public form's components in the staff layout, posted as multipart/form-data so the written complaint
 * can be attached; shown again with everything typed after an error.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { REPORTER_ROLES } from '../../../domain/complaint.ts';
import { COMMISSIONING_PARTY_TYPES } from '../../../domain/settings.ts';
import type { RegistrationMessages } from '../../../i18n/staff/registration.ts';
import { CheckboxField } from '../../pages/components/CheckboxField.tsx';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { FileField } from '../../pages/components/FileField.tsx';
import { RadioGroup } from '../../pages/components/RadioGroup.tsx';
import { SelectField } from '../../pages/components/SelectField.tsx';
import { TextareaField } from '../../pages/components/TextareaField.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import { MAX_DESCRIPTION_LENGTH } from '../../pages/intake-form.ts';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { type RegistrationValues, STAFF_CHANNELS } from './form.ts';

export interface RegistrationPageProps {
  ctx: StaffPageContext;
  r: RegistrationMessages;
  values: RegistrationValues;
  errors: FieldError[];
  /** The receivers a quality manager may choose from; null for whoever registers only what they received. */
  receivers: { id: string; name: string }[] | null;
  attachmentsHint: string;
  /** Files had been chosen: browsers do not keep them, so they must be chosen again. */
  chooseFilesAgain?: string | undefined;
}

export function RegistrationPage({
  ctx,
  r,
  values,
  errors,
  receivers,
  attachmentsHint,
  chooseFilesAgain,
}: RegistrationPageProps) {
  const { t } = ctx;
  const f = r.fields;
  const prefix = t.form.errorPrefix;
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const settings = ctx.organisation.settings;
  const failed = errors.length > 0;
  const text = (
    name: keyof RegistrationValues,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      error={errorOf(name)}
      errorPrefix={prefix}
      {...extra}
    />
  );
  const area = (
    name: keyof RegistrationValues,
    label: string,
    extra: Partial<Parameters<typeof TextareaField>[0]> = {},
  ) => (
    <TextareaField
      name={name}
      label={label}
      value={values[name]}
      error={errorOf(name)}
      errorPrefix={prefix}
      rows={3}
      {...extra}
    />
  );
  return (
    <StaffLayout ctx={ctx} title={`${failed ? prefix : ''}${r.title}`} active="register" script>
      <Heading level={1}>{r.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      <Paragraph>{r.intro}</Paragraph>
      <Paragraph>{r.requiredNote}</Paragraph>
      <form method="post" action="/staff/complaints/new" encType="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />

        <Section id="receipt" title={r.sections.receipt}>
          <SelectField
            name="channel"
            label={f.channel.label}
            value={values.channel}
            error={errorOf('channel')}
            errorPrefix={prefix}
            empty={f.channel.choose}
            options={STAFF_CHANNELS.map((channel) => ({ value: channel, label: t.channels[channel] }))}
          />
          {text('receivedAt', f.receivedAt.label, {
            type: 'datetime-local',
            hint: f.receivedAt.hint,
            required: true,
          })}
          {receivers ? (
            <SelectField
              name="receiverId"
              label={f.receiverId.label}
              hint={f.receiverId.hint}
              value={values.receiverId}
              error={errorOf('receiverId')}
              errorPrefix={prefix}
              empty={f.receiverId.me(ctx.user?.name ?? '')}
              options={receivers.map((u) => ({ value: u.id, label: u.name }))}
            />
          ) : (
            <Paragraph>{f.receiverFixed(ctx.user?.name ?? '')}</Paragraph>
          )}
        </Section>

        <Section id="reporter" title={r.sections.reporter}>
          {text('name', f.name.label, { autoComplete: 'off', maxLength: 200 })}
          {text('email', f.email.label, {
            type: 'email',
            hint: f.email.hint,
            autoComplete: 'off',
            maxLength: 254,
          })}
          {text('phone', f.phone.label, { type: 'tel', autoComplete: 'off', maxLength: 40, short: true })}
          {area('postalAddress', f.postalAddress.label, { hint: f.postalAddress.hint, maxLength: 500 })}
          <CheckboxField
            name="anonymous"
            label={f.anonymous.label}
            hint={f.anonymous.hint}
            checked={values.anonymous !== ''}
            error={errorOf('anonymous')}
            errorPrefix={prefix}
          />
          <CheckboxField
            name="consentToContact"
            label={f.consentToContact.label}
            checked={values.consentToContact !== ''}
            error={errorOf('consentToContact')}
            errorPrefix={prefix}
          />
          <SelectField
            name="role"
            label={f.role.label}
            value={values.role}
            error={errorOf('role')}
            errorPrefix={prefix}
            empty={f.role.choose}
            options={REPORTER_ROLES.map((role) => ({ value: role, label: t.reporterRoles[role] }))}
          />
          <RadioGroup
            name="language"
            legend={f.language.label}
            value={values.language}
            error={errorOf('language')}
            errorPrefix={prefix}
            options={[
              { value: 'nl', label: f.languages.nl },
              { value: 'en', label: f.languages.en },
            ]}
          />
        </Section>

        <Section id="trajectory" title={r.sections.trajectory}>
          {text('trajectoryReference', f.trajectoryReference.label, { maxLength: 100, short: true })}
          {text('jobcoach', f.jobcoach.label, { maxLength: 200 })}
          <SelectField
            name="commissioningPartyType"
            label={f.commissioningPartyType.label}
            value={values.commissioningPartyType}
            error={errorOf('commissioningPartyType')}
            errorPrefix={prefix}
            empty={f.commissioningPartyType.choose}
            options={COMMISSIONING_PARTY_TYPES.map((type) => ({ value: type, label: r.partyTypes[type] }))}
          />
          {text('commissioningPartyName', f.commissioningPartyName.label, {
            hint: f.commissioningPartyName.hint,
            maxLength: 200,
          })}
          {text('commissioningPartyContact', f.commissioningPartyContact.label, { maxLength: 500 })}
        </Section>

        <Section id="what" title={r.sections.what}>
          {area('description', f.description.label, {
            hint: f.description.hint,
            required: true,
            maxLength: MAX_DESCRIPTION_LENGTH,
            rows: 8,
          })}
          {text('eventDate', f.eventDate.label, { type: 'date', hint: f.eventDate.hint, short: true })}
          {text('eventPlace', f.eventPlace.label, { maxLength: 500 })}
          {area('eventCircumstances', f.eventCircumstances.label, { maxLength: 4000 })}
          {area('desiredOutcome', f.desiredOutcome.label, { maxLength: 4000 })}
          {area('involved', f.involved.label, { hint: f.involved.hint })}
        </Section>

        <Section id="classification" title={r.sections.classification}>
          <SelectField
            name="category"
            label={f.category.label}
            value={values.category}
            error={errorOf('category')}
            errorPrefix={prefix}
            empty={f.category.choose}
            options={settings.categories.map((c) => ({ value: c.code, label: c.label[ctx.locale] }))}
          />
          {settings.teams.length > 0 && (
            <SelectField
              name="team"
              label={f.team.label}
              value={values.team}
              error={errorOf('team')}
              errorPrefix={prefix}
              empty={f.team.choose}
              options={settings.teams.map((c) => ({ value: c.code, label: c.label[ctx.locale] }))}
            />
          )}
        </Section>

        <Section id="attachments" title={r.sections.attachments}>
          <FileField
            name="attachments"
            label={f.attachments.label}
            hint={attachmentsHint}
            error={errorOf('attachments')}
            errorPrefix={prefix}
            chooseAgain={chooseFilesAgain}
          />
        </Section>

        <div className="vp-actions">
          <Button type="submit" appearance="primary-action-button">
            {r.submit}
          </Button>
        </div>
      </form>
    </StaffLayout>
  );
}

/** A part of the form with its own heading, so screen-reader users can jump between parts. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="vp-section" aria-labelledby={`section-${id}`}>
      <Heading level={2} id={`section-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
