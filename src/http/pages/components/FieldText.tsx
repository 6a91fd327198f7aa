/** The label, hint and error message of one field, in the order people read them. */
import { FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  hintId: string;
  error?: string | undefined;
  errorId: string;
  /** "Fout: " for screen readers, so the message is not told by colour and position alone. */
  errorPrefix: string;
}

export function FieldText({ id, label, hint, hintId, error, errorId, errorPrefix }: Props) {
  return (
    <>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
      {error && <ErrorMessage id={errorId} prefix={errorPrefix} message={error} />}
    </>
  );
}

export function ErrorMessage({ id, prefix, message }: { id: string; prefix: string; message: string }) {
  return (
    <FormFieldErrorMessage id={id}>
      <span className="vp-visually-hidden">{prefix}</span>
      {message}
    </FormFieldErrorMessage>
  );
}
