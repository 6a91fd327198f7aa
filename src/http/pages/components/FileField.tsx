/** A file picker for several files, with the allowed types and sizes told before choosing. */
import { FormField } from '@utrecht/component-library-react';
import { ACCEPTED_FILES } from '../uploads.ts';
import { FieldText } from './FieldText.tsx';
import { fieldClass, fieldIds } from './field-ids.ts';

interface Props {
  name: string;
  label: string;
  hint: string;
  error?: string | undefined;
  errorPrefix: string;
  /** Files chosen before a re-render are not kept by browsers: say so. */
  chooseAgain?: string | undefined;
}

export function FileField({ name, label, hint, error, errorPrefix, chooseAgain }: Props) {
  const ids = fieldIds(name, true, error);
  const fullHint = chooseAgain ? `${hint} ${chooseAgain}` : hint;
  return (
    <FormField type="file" invalid={Boolean(error)} className={fieldClass(error)}>
      <FieldText {...ids} label={label} hint={fullHint} error={error} errorPrefix={errorPrefix} />
      <input
        className="vp-file"
        type="file"
        id={ids.id}
        name={name}
        multiple
        accept={ACCEPTED_FILES}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </FormField>
  );
}
