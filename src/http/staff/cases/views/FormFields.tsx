/**
 * Renders an action form's fields with the public pages' components (label, hint, error at the field,
 * `field-<name>` ids for the error summary's links), keeping what was typed.
 */
import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import { messagesFor } from '../../../../i18n/pages/index.ts';
import type { StaffMessages } from '../../../../i18n/staff/common.ts';
import { CheckboxField } from '../../../pages/components/CheckboxField.tsx';
import { FileField } from '../../../pages/components/FileField.tsx';
import { RadioGroup } from '../../../pages/components/RadioGroup.tsx';
import { SelectField } from '../../../pages/components/SelectField.tsx';
import { TextareaField } from '../../../pages/components/TextareaField.tsx';
import { TextField } from '../../../pages/components/TextField.tsx';
import type { FormLimits } from '../../../pages/form-data.ts';
import { attachmentRules } from '../../../pages/uploads.ts';
import type { FieldError } from '../../../pages/validate.ts';
import type { FieldSpec, Values } from '../forms/types.ts';

interface Props {
  fields: FieldSpec[];
  values: Values;
  errors: FieldError[];
  common: StaffMessages;
  chooseEmpty: string;
  limits: FormLimits;
}

const TEXT_TYPES = {
  text: 'text',
  email: 'email',
  date: 'date',
  datetime: 'datetime-local',
  number: 'number',
} as const;

export function FormFields(props: Props) {
  return (
    <>
      {props.fields.map((field) => (
        <FormField key={field.name} field={field} {...props} />
      ))}
    </>
  );
}

function FormField({
  field,
  values,
  errors,
  common,
  chooseEmpty,
  limits,
  ...rest
}: Props & { field: FieldSpec }) {
  const error = errors.find((e) => e.field === field.name)?.message;
  const prefix = common.form.errorPrefix;
  if (field.kind === 'group') {
    return (
      <Fieldset className="vp-fieldset" aria-describedby={field.hint ? `${field.name}-hint` : undefined}>
        <FieldsetLegend className="vp-legend vp-legend--small">{field.legend}</FieldsetLegend>
        {field.hint && <FormFieldDescription id={`${field.name}-hint`}>{field.hint}</FormFieldDescription>}
        <FormFields
          {...rest}
          fields={field.fields}
          values={values}
          errors={errors}
          common={common}
          chooseEmpty={chooseEmpty}
          limits={limits}
        />
      </Fieldset>
    );
  }
  const label = field.optional ? `${field.label} ${common.form.optional}` : field.label;
  const value = values[field.name] ?? '';
  switch (field.kind) {
    case 'hidden':
      return <input type="hidden" name={field.name} value={value} />;
    case 'textarea':
      return (
        <TextareaField
          name={field.name}
          label={label}
          hint={field.hint}
          value={value}
          error={error}
          errorPrefix={prefix}
          maxLength={field.maxLength}
          rows={field.rows}
        />
      );
    case 'select':
      return (
        <SelectField
          name={field.name}
          label={label}
          hint={field.hint}
          value={value}
          error={error}
          errorPrefix={prefix}
          empty={chooseEmpty}
          options={field.options}
        />
      );
    case 'radio':
      return (
        <RadioGroup
          name={field.name}
          legend={label}
          value={value}
          error={error}
          errorPrefix={prefix}
          options={field.options}
        />
      );
    case 'checkbox':
      return (
        <CheckboxField
          name={field.name}
          label={label}
          hint={field.hint}
          checked={value !== ''}
          error={error}
          errorPrefix={prefix}
        />
      );
    case 'file': {
      // The same rules as the public form: the types and sizes the attachment store accepts.
      const page = messagesFor(common.meta.lang === 'en' ? 'en' : 'nl');
      const rules = page.form.fields.attachments.hint(attachmentRules(page, limits));
      return (
        <FileField
          name={field.name}
          label={label}
          hint={field.hint ? `${field.hint} ${rules}` : rules}
          error={error}
          errorPrefix={prefix}
          chooseAgain={error ? page.form.errors.chooseFilesAgain : undefined}
        />
      );
    }
    default:
      return (
        <TextField
          name={field.name}
          label={label}
          hint={field.hint}
          value={value}
          error={error}
          errorPrefix={prefix}
          type={TEXT_TYPES[field.kind]}
          maxLength={field.maxLength}
          short={field.short}
        />
      );
  }
}
