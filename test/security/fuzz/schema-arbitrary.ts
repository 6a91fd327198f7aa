/**
 * Values from the JSON schemas in the OpenAPI document, for fast-check: mostly valid bodies (so that requests
 * get past validation into the commands and the domain, where 5xx hide), and the same bodies with one node
 * replaced by something hostile, a required field dropped, or a prototype-polluting key added.
 * Handles what our TypeBox schemas use: $ref, anyOf/oneOf/allOf, const, enum, string (formats date, date-time,
 * email; length), integer/number (bounds), boolean, null, array, object (required, additionalProperties).
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

export interface SchemaContext {
  /** The whole OpenAPI document, for $ref. */
  document: JsonSchema;
  /** Values that make ids real (users, mentions, involved persons), used for properties named `…Id`. */
  ids: readonly string[];
  /** Hostile values to put anywhere. */
  hostile: fc.Arbitrary<unknown>;
}

function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<JsonSchema>((node, key) => (node?.[key] as JsonSchema) ?? {}, ctx.document);
  }
  return current;
}

/** A value that the schema (mostly) accepts. */
export function validValue(
  schemaIn: JsonSchema,
  ctx: SchemaContext,
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn, ctx);
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union?.length) return fc.oneof(...union.map((s) => validValue(s, ctx, key, depth + 1)));
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as JsonSchema[]).map((s) => resolve(s, ctx));
    const merged: JsonSchema = {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => (p.required as string[]) ?? []),
    };
    return validValue(merged, ctx, key, depth + 1);
  }
  const type = Array.isArray(schema.type)
    ? (schema.type as string[])[0]
    : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return stringFor(schema, ctx, key);
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -5), max: Number(schema.maximum ?? 1000) });
    case 'number':
      return fc.double({
        min: Number(schema.minimum ?? -5),
        max: Number(schema.maximum ?? 1000),
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const max = Math.min(Number(schema.maxItems ?? 3), 3);
      return fc.array(validValue(items, ctx, key, depth + 1), {
        minLength: Math.min(Number(schema.minItems ?? 0), max),
        maxLength: max,
      });
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        record[name] = validValue(property, ctx, name, depth + 1);
      if (Object.keys(record).length === 0) return fc.constant({});
      return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) });
    }
    default:
      return fc.constant(null);
  }
}

function stringFor(schema: JsonSchema, ctx: SchemaContext, key: string): fc.Arbitrary<string> {
  const maxLength = Math.min(Number(schema.maxLength ?? 60), 60);
  const minLength = Math.min(Number(schema.minLength ?? 0), maxLength);
  switch (schema.format) {
    case 'date':
      return fc
        .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.constantFrom('melder@example.nl', 'a.b+c@example.org', 'Zoë@example.nl');
  }
  if (/Id$/.test(key) || key === 'id' || key === 'handler')
    return fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid());
  if (key === 'contentBase64') {
    return fc.constantFrom(
      Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
      Buffer.from('Gewoon tekst.\n').toString('base64'),
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]).toString('base64'),
      'not base64 at all!',
    );
  }
  if (typeof schema.pattern === 'string' && schema.pattern !== '\\S') {
    // Patterns we cannot generate from: digits and punctuation fit most of ours (phone, version, references).
    try {
      const matching = fc
        .stringMatching(new RegExp(schema.pattern as string))
        .filter((s) => s.length <= maxLength);
      return fc.oneof(matching, fc.constant('0612345678'));
    } catch {
      return fc.constant('0612345678');
    }
  }
  return fc
    .string({ minLength: Math.max(minLength, 1), maxLength, unit: 'grapheme' })
    .map((s) => (s.trim() === '' ? `x${s}` : s));
}

/** Paths to every node of a JSON value, for replacing one. */
function nodePaths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nodePaths(v, [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nodePaths(v, [...prefix, k], out);
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}

/** The valid value with one node replaced, one key removed, or a hostile key added somewhere. */
export function mutatedValue(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      validValue(schema, ctx),
      fc.nat(),
      ctx.hostile,
      fc.constantFrom('replace', 'drop', 'add'),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'x', ''),
    )
    .map(([value, index, hostile, how, key]) => {
      const paths = nodePaths(value);
      const path = paths[index % paths.length]!;
      if (how === 'replace') return replaceAt(value, path, hostile);
      const objects = paths.filter((p) => {
        const node = p.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k as string], value);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      const target = objects[index % Math.max(objects.length, 1)] ?? [];
      const node = target.reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k as string], value) as
        | Record<string, unknown>
        | undefined;
      if (!node || typeof node !== 'object') return hostile;
      const copy: Record<string, unknown> = { ...node };
      if (how === 'drop') delete copy[Object.keys(copy)[index % Math.max(Object.keys(copy).length, 1)] ?? ''];
      // defineProperty: a plain assignment of '__proto__' would set the prototype instead of adding a key.
      else
        Object.defineProperty(copy, key, {
          value: hostile,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return replaceAt(value, target, copy);
    });
}
