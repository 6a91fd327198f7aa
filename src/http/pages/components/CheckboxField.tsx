/** One checkbox with its label beside it, and an optional hint and error. */
import { Checkbox, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { ErrorMessage } from './FieldText.tsx';
import { fieldClass, fieldIds } from './field-ids.ts';

interface Props {
  name: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  error?: string | undefined;
  errorPrefix: string;
  value?: string;
}

export function CheckboxField({ name, label, hint, checked, error, errorPrefix, value = 'yes' }: Props) {
  const ids = fieldIds(name, Boolean(hint), error);
  return (
    <div className={fieldClass(error)}>
      {error && <ErrorMessage id={ids.errorId} prefix={errorPrefix} message={error} />}
      <div className="vp-choice">
        <Checkbox
          id={ids.id}
          name={name}
          value={value}
          defaultChecked={checked}
          invalid={Boolean(error)}
          aria-describedby={ids.describedBy}
          appearance="custom"
        />
        <div>
          <FormLabel htmlFor={ids.id} type="checkbox">
            {label}
          </FormLabel>
          {hint && <FormFieldDescription id={ids.hintId}>{hint}</FormFieldDescription>}
        </div>
      </div>
    </div>
  );
}
