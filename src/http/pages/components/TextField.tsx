/** A one-line text field (text, email, tel, date) with label, hint and error. */
import { FormField, Textbox } from '@utrecht/component-library-react';
import type { HTMLInputAutoCompleteAttribute } from 'react';
import { FieldText } from './FieldText.tsx';
import { fieldClass, fieldIds } from './field-ids.ts';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  errorPrefix: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password' | 'datetime-local' | 'number' | 'search';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  maxLength?: number;
  short?: boolean;
  required?: boolean;
  idName?: string;
}

export function TextField({
  name,
  label,
  hint,
  value,
  error,
  errorPrefix,
  type = 'text',
  autoComplete,
  maxLength,
  short,
  required,
  idName,
}: Props) {
  const ids = fieldIds(idName ?? name, Boolean(hint), error);
  return (
    <FormField type="text" invalid={Boolean(error)} className={fieldClass(error)}>
      <FieldText {...ids} label={label} hint={hint} error={error} errorPrefix={errorPrefix} />
      <Textbox
        id={ids.id}
        name={name}
        type={type}
        defaultValue={value}
        invalid={Boolean(error)}
        aria-describedby={ids.describedBy}
        autoComplete={autoComplete}
        maxLength={maxLength}
        className={short ? 'vp-input--short' : undefined}
        required={required}
        // Name, address and the like are written as people write them: no spell checking of names.
        spellCheck={type === 'text' ? undefined : false}
      />
    </FormField>
  );
}
