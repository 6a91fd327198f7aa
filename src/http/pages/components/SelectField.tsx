/** A choice from a list, with an empty first option when the question may be skipped. */
import { FormField, Select, SelectOption } from '@utrecht/component-library-react';
import { FieldText } from './FieldText.tsx';
import { fieldClass, fieldIds } from './field-ids.ts';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  errorPrefix: string;
  /** The text of the empty option. */
  empty: string;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, hint, value, error, errorPrefix, empty, options }: Props) {
  const ids = fieldIds(name, Boolean(hint), error);
  return (
    <FormField type="select" invalid={Boolean(error)} className={fieldClass(error)}>
      <FieldText {...ids} label={label} hint={hint} error={error} errorPrefix={errorPrefix} />
      <Select
        id={ids.id}
        name={name}
        defaultValue={value}
        invalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        <SelectOption value="">{empty}</SelectOption>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
