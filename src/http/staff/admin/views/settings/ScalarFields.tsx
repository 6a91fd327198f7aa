/**
 * The fields of a section of single values, from its field list: texts, whole numbers, switches, dates one
 * per line (with the dates in force listed with their weekday), roles, a user. The primary colour's field
 * says what contrast the colour in force reaches on white.
 */
import { Heading } from '@utrecht/component-library-react';
import type { User } from '../../../../../db/repositories/users.ts';
import { ROLES } from '../../../../../domain/action-context.ts';
import { contrastOnWhite, MIN_TEXT_CONTRAST } from '../../../../../domain/contrast.ts';
import type { OrganisationSettings } from '../../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../../i18n/staff/admin-settings.ts';
import { CheckboxField } from '../../../../pages/components/CheckboxField.tsx';
import { SelectField } from '../../../../pages/components/SelectField.tsx';
import { TextareaField } from '../../../../pages/components/TextareaField.tsx';
import { TextField } from '../../../../pages/components/TextField.tsx';
import { formatDate } from '../../../../pages/dates.ts';
import type { FieldError } from '../../../../pages/validate.ts';
import { CheckboxGroup, checkboxName } from '../../components/CheckboxGroup.tsx';
import { errorAt } from '../../components/FormErrors.tsx';
import type { AdminPageContext } from '../../context.ts';
import type { ScalarField } from '../../settings/scalar.ts';
import type { FormValues } from '../../settings/types.ts';

interface Props {
  ctx: AdminPageContext;
  s: AdminSettingsMessages;
  fields: readonly ScalarField[];
  values: FormValues;
  errors: FieldError[];
  settings: OrganisationSettings;
  users: User[];
}

function contrastNote(ctx: AdminPageContext, s: AdminSettingsMessages, colour: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return '';
  const ratio = contrastOnWhite(colour);
  const shown = ratio.toLocaleString(ctx.t.meta.intl, { maximumFractionDigits: 2 });
  return s.fields.contrast(shown, ratio >= MIN_TEXT_CONTRAST);
}

export function ScalarFields({ ctx, s, fields, values, errors, settings, users }: Props) {
  const prefix = ctx.t.form.errorPrefix;
  return (
    <>
      {fields.map((f) => {
        const label = s.fields[f.label];
        let hint = f.hint ? s.fields[f.hint] : undefined;
        const error = errorAt(errors, f.field);
        const value = values[f.field] ?? '';
        switch (f.kind) {
          case 'boolean':
            return (
              <CheckboxField
                key={f.field}
                name={f.field}
                label={label}
                hint={hint}
                checked={value === 'yes'}
                error={error}
                errorPrefix={prefix}
              />
            );
          case 'dates': {
            const inForce = f.path
              .split('.')
              .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], settings) as string[];
            const headingId = `${f.field}-now`;
            return (
              <div key={f.field} className="vp-dates">
                <TextareaField
                  name={f.field}
                  label={label}
                  hint={hint}
                  value={value}
                  error={error}
                  errorPrefix={prefix}
                  rows={Math.min(12, Math.max(4, inForce.length + 2))}
                />
                <Heading level={3} id={headingId}>{`${s.fields.datesNow}: ${label.toLowerCase()}`}</Heading>
                {inForce.length === 0 ? (
                  <p className="utrecht-paragraph">{s.fields.noDates}</p>
                ) : (
                  <ul className="vp-date-list" aria-labelledby={headingId}>
                    {inForce.map((date) => (
                      <li key={date}>
                        <time dateTime={date}>{formatDate(ctx.t, date)}</time>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          }
          case 'roles':
            return (
              <CheckboxGroup
                key={f.field}
                name={f.field}
                legend={label}
                hint={hint}
                checked={new Set(ROLES.filter((role) => values[checkboxName(f.field, role)] === 'yes'))}
                options={ROLES.map((role) => ({ value: role, label: ctx.t.roles[role] }))}
                error={error}
                errorPrefix={prefix}
              />
            );
          case 'user':
            return (
              <SelectField
                key={f.field}
                name={f.field}
                label={label}
                hint={hint}
                value={value}
                error={error}
                errorPrefix={prefix}
                empty={s.fields.noDeputy}
                options={users
                  .filter((u) => u.active || u.email === value)
                  .map((u) => ({
                    value: u.email,
                    label: `${u.name} (${u.email}${u.roles.length ? `; ${u.roles.map((r) => ctx.t.roles[r]).join(', ')}` : ''})`,
                  }))}
              />
            );
          case 'longtext':
            return (
              <TextareaField
                key={f.field}
                name={f.field}
                label={label}
                hint={hint}
                value={value}
                error={error}
                errorPrefix={prefix}
                rows={16}
                maxLength={20_000}
              />
            );
          default: {
            if (f.field === 'primaryColor')
              hint = `${hint ?? ''} ${contrastNote(ctx, s, settings.branding.primaryColor)}`.trim();
            return (
              <TextField
                key={f.field}
                name={f.field}
                label={label}
                hint={hint}
                value={value}
                error={error}
                errorPrefix={prefix}
                type={f.kind === 'email' ? 'email' : 'text'}
                short={f.kind === 'integer' || f.field === 'primaryColor' || f.field === 'postalCode'}
                autoComplete="off"
              />
            );
          }
        }
      })}
    </>
  );
}
