/** Turning what the commands refuse into messages at a form's fields, in the page's language. */
import { type DomainError, isDomainError } from '../../../domain/errors.ts';
import type { PageLocale } from '../../../i18n/pages/index.ts';

/** The refusal's text in the page's language. */
export const messageOf = (error: DomainError, locale: PageLocale): string =>
  locale === 'nl' ? error.messageNl : error.message;

/**
 * A refusal of the input that names a field (invalid_input, or a rule such as the last administrator), or
 * null for anything else (which the error handler turns into a page).
 */
export function fieldRefusal(error: unknown): DomainError | null {
  if (!isDomainError(error) || !error.field) return null;
  return error.code === 'invalid_input' || error.code === 'guard_failed' ? error : null;
}
