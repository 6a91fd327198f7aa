/** A multi-line text field with label, hint and error; an optional counter the enhancement script fills. */
import { FormField, Textarea } from '@utrecht/component-library-react';
import type { HTMLInputAutoCompleteAttribute } from 'react';
import { FieldText } from './FieldText.tsx';
import { fieldClass, fieldIds } from './field-ids.ts';

interface Props {
  name: string;
  /** The id is `field-<idName>`; defaults to the name (differs when one page has two forms with a field of that name). */
  idName?: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  errorPrefix: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  autoComplete?: HTMLInputAutoCompleteAttribute;
}

export function TextareaField({
  name,
  idName,
  label,
  hint,
  value,
  error,
  errorPrefix,
  required,
  maxLength,
  rows = 4,
  autoComplete,
}: Props) {
  const ids = fieldIds(idName ?? name, Boolean(hint), error);
  return (
    <FormField type="text" invalid={Boolean(error)} className={fieldClass(error)}>
      <FieldText {...ids} label={label} hint={hint} error={error} errorPrefix={errorPrefix} />
      <Textarea
        id={ids.id}
        name={name}
        defaultValue={value}
        invalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        required={required}
        maxLength={maxLength}
        rows={rows}
        autoComplete={autoComplete}
      />
    </FormField>
  );
}
