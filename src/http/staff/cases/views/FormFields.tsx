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

function FormField({ field, values, errors, common, chooseEmpty, limits }: Props & { field: FieldSpec }) {
  if (field.kind === 'group') {
    return (
      <Fieldset className="vp-fieldset" aria-describedby={field.hint ? `${field.name}-hint` : undefined}>
        <FieldsetLegend className="vp-legend vp-legend--small">{field.legend}</FieldsetLegend>
        {field.hint && <FormFieldDescription id={`${field.name}-hint`}>{field.hint}</FormFieldDescription>}
        <FormFields {...{ fields: field.fields, values, errors, common, chooseEmpty, limits }} />
      </Fieldset>
    );
  }
  const value = values[field.name] ?? '';
  if (field.kind === 'hidden') return <input type="hidden" name={field.name} value={value} />;
  // What every kind of field shows: its label (marked when optional), hint and error.
  const shared = {
    name: field.name,
    label: field.optional ? `${field.label} ${common.form.optional}` : field.label,
    hint: field.hint,
    error: errors.find((e) => e.field === field.name)?.message,
    errorPrefix: common.form.errorPrefix,
  };
  switch (field.kind) {
    case 'textarea':
      return <TextareaField {...shared} value={value} maxLength={field.maxLength} rows={field.rows} />;
    case 'select':
      return <SelectField {...shared} value={value} empty={chooseEmpty} options={field.options} />;
    case 'radio':
      return <RadioGroup {...shared} legend={shared.label} value={value} options={field.options} />;
    case 'checkbox':
      return <CheckboxField {...shared} checked={value !== ''} />;
    case 'file': {
      // The same rules as the public form: the types and sizes the attachment store accepts.
      const page = messagesFor(common.meta.lang === 'en' ? 'en' : 'nl');
      const rules = page.form.fields.attachments.hint(attachmentRules(page, limits));
      return (
        <FileField
          {...shared}
          hint={field.hint ? `${field.hint} ${rules}` : rules}
          chooseAgain={shared.error ? page.form.errors.chooseFilesAgain : undefined}
        />
      );
    }
    default:
      return (
        <TextField
          {...shared}
          value={value}
          type={TEXT_TYPES[field.kind]}
          maxLength={field.maxLength}
          short={field.short}
        />
      );
  }
}
