/**
 * Two Ajv instances: bodies are validated strictly (no coercion, unknown fields refused), query strings and
 * headers with coercion, since everything in a URL is text ("?limit=20", "?status=registered").
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    allErrors: true,
    strict: false,
  });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return withTextCheck(ajv.compile(schema as object)) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

/**
 * A NUL character or half of a surrogate pair is not text anyone typed. PostgreSQL refuses both (a 5xx
 * where it should be a 400, found by fuzzing) and silently turns a lone surrogate into U+FFFD in text
 * columns; SQLite stores them. So every string of every body, query and path is checked here, after the
 * schema, and refused with the field named (keyword `text`), the same on both databases.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point.
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

function withTextCheck(validate: Validate): Validate {
  const checked = ((data: unknown) => {
    const valid = validate(data);
    const bad: AjvLikeError[] = [];
    findNonText(data, '', bad);
    checked.errors = bad.length ? [...(valid ? [] : (validate.errors ?? [])), ...bad] : validate.errors;
    return valid && bad.length === 0;
  }) as Validate;
  return checked;
}

function findNonText(value: unknown, pointer: string, out: AjvLikeError[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (NOT_TEXT.test(value)) out.push({ keyword: 'text', instancePath: pointer, params: {} });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    const path = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (NOT_TEXT.test(key)) out.push({ keyword: 'text', instancePath: path, params: {} });
    findNonText(item, path, out);
  }
}
