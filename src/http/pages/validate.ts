/**
 * Form input checked by the same schemas and Ajv setup as the JSON API (src/http/validation.ts), with the
 * API's messages per field (src/http/problems.ts), so the form and the API never disagree about what is
 * valid. Each page maps the schema's field paths back to its form fields.
 */
import type { TSchema } from 'typebox';
import type { PageLocale } from '../../i18n/pages/index.ts';
import { fieldProblems } from '../problems.ts';
import { createValidatorCompiler } from '../validation.ts';

/** One message at one form field (`field` is the form field's name; its element id is `field-<name>`). */
export interface FieldError {
  field: string;
  message: string;
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

const compile = createValidatorCompiler();
const compiled = new WeakMap<object, Validate>();

function validatorFor(schema: TSchema): Validate {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compile({ schema, httpPart: 'body', method: 'POST', url: '/' }) as unknown as Validate;
    compiled.set(schema, validate);
  }
  return validate;
}

/** The schema's problems as `{ path, message }`, path dotted like the API's (`reporter.email`). */
export function schemaProblems(
  schema: TSchema,
  data: unknown,
  locale: PageLocale,
): { path: string; message: string }[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  const errors = (validate.errors ?? []) as Parameters<typeof fieldProblems>[0];
  // The API speaks Dutch and English; a page in another language falls back to English.
  return fieldProblems(errors, locale === 'nl' ? 'nl' : 'en', 'body').map(({ field, message }) => ({
    path: field,
    message,
  }));
}

/** Keeps the first message per field, in the order of `fieldOrder` (the order of the form). */
export function orderErrors(errors: FieldError[], fieldOrder: readonly string[]): FieldError[] {
  const first = new Map<string, FieldError>();
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error);
  const rank = (field: string) => {
    const i = fieldOrder.indexOf(field);
    return i === -1 ? fieldOrder.length : i;
  };
  return [...first.values()].sort((a, b) => rank(a.field) - rank(b.field));
}
