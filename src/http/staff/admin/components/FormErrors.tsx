/**
 * The error summary of an administrator form: each message starts with the field's label, so the summary
 * says where the problem is even read on its own (the message at the field itself stays short).
 */
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import type { FieldError } from '../../../pages/validate.ts';

interface Props {
  heading: string;
  errors: FieldError[];
  labels: Record<string, string>;
  intro?: string | undefined;
}

export function FormErrors({ heading, errors, labels, intro }: Props) {
  if (errors.length === 0 && !intro) return null;
  const labelled = errors.map((e) => ({
    field: e.field,
    message: labels[e.field] ? `${labels[e.field]}: ${e.message}` : e.message,
  }));
  return <ErrorSummary heading={heading} errors={labelled} intro={intro} />;
}

/** The message at one field, if any. */
export const errorAt = (errors: FieldError[], field: string): string | undefined =>
  errors.find((e) => e.field === field)?.message;
