/**
 * Generated requests for the fuzzer: every route of the OpenAPI document and every POST of the public pages,
 * with valid or hostile path parameters, query strings, headers (tokens valid, invalid, of another role,
 * malformed), content types and bodies (schema-valid, mutated, hostile, invalid JSON, wrong content type,
 * huge, broken multipart, hostile file names and bytes).
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { FOLLOW_UP_FIELDS, PAGE_ACTIONS } from '../../../src/http/pages/follow-up-actions.ts';
import { INTAKE_FIELDS } from '../../../src/http/pages/intake-form.ts';
import { headerValue, hostileKey, hostileString, hostileValue, invalidJsonText } from './hostile.ts';
import { type JsonSchema, mutatedValue, type SchemaContext, validValue } from './schema-arbitrary.ts';

export interface Route {
  method: string;
  /** OpenAPI style: /api/v1/staff/complaints/{reference}. */
  path: string;
  bodySchema: JsonSchema | null;
  queryNames: string[];
  kind: 'api' | 'page';
}

export interface FuzzWorld {
  routes: Route[];
  /** Personal access tokens by role key (qm, handler, admin, advisor, …). */
  tokens: Record<string, string>;
  /** Valid values for path parameters by name (reference, token, id, kind, language). */
  pathValues: Record<string, string[]>;
  /** The public form's CSRF cookie and token (valid while the app runs). */
  csrf: { cookie: string; token: string };
  schemas: SchemaContext;
}

export interface FuzzRequest extends InjectOptions {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  /** The route it was made for, for the report. */
  route: string;
}

/** The OpenAPI document's operations, and the pages' POST routes (hidden from the document). */
export function routesOf(document: JsonSchema): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(
    document.paths as Record<string, Record<string, JsonSchema>>,
  )) {
    for (const [method, operation] of Object.entries(operations)) {
      const content = (operation.requestBody as JsonSchema | undefined)?.content as
        | Record<string, { schema: JsonSchema }>
        | undefined;
      const parameters = (operation.parameters as Array<{ in: string; name: string }> | undefined) ?? [];
      routes.push({
        method: method.toUpperCase(),
        path,
        bodySchema: content?.['application/json']?.schema ?? null,
        queryNames: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        kind: 'api',
      });
    }
  }
  routes.push({ method: 'POST', path: '/', bodySchema: null, queryNames: ['lang'], kind: 'page' });
  for (const slug of PAGE_ACTIONS.keys())
    routes.push({
      method: 'POST',
      path: `/follow-up/{token}/${slug}`,
      bodySchema: null,
      queryNames: ['lang'],
      kind: 'page',
    });
  for (const path of ['/', '/follow-up/{token}', '/confirmation/{token}'])
    routes.push({ method: 'GET', path, bodySchema: null, queryNames: ['lang', 'done'], kind: 'page' });
  // Where nothing is: unknown paths and methods.
  routes.push({ method: 'POST', path: '/api/v1/{anything}', bodySchema: null, queryNames: [], kind: 'api' });
  routes.push({ method: 'GET', path: '/{anything}', bodySchema: null, queryNames: [], kind: 'api' });
  routes.push({
    method: 'DELETE',
    path: '/api/v1/staff/complaints/{reference}',
    bodySchema: null,
    queryNames: [],
    kind: 'api',
  });
  routes.push({
    method: 'PATCH',
    path: '/api/v1/staff/settings',
    bodySchema: null,
    queryNames: [],
    kind: 'api',
  });
  return routes;
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes WTF-8 gives it
 * (%ED%A0%80 for U+D800): invalid UTF-8 in a URL, as an attacker could send it.
 */
export function encode(value: string): string {
  return value
    .split(/([\ud800-\udfff])/)
    .map((piece) => {
      if (piece.length !== 1 || !/[\ud800-\udfff]/.test(piece)) return piece === '' ? '' : safeEncode(piece);
      const code = piece.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function safeEncode(piece: string): string {
  try {
    return encodeURIComponent(piece);
  } catch {
    return '%EF%BF%BD';
  }
}

const pathSegment = (world: FuzzWorld, name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(world.pathValues[name] ?? ['x'])).map(encode) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length < 2000).map(encode) },
    // Raw, as an attacker types them: traversal, invalid percent-encoding, encoded NUL and slash.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '%2e%2e',
        '..%2f..%2fetc%2fpasswd',
        '%00',
        '%ZZ',
        '%',
        '%c0%af',
        '%2F',
        '.',
        '~',
        '%u0000',
      ),
    },
  );

const queryString = (route: Route): fc.Arbitrary<string> => {
  const known = route.queryNames.length ? fc.constantFrom(...route.queryNames) : fc.constant('q');
  const pair = fc.tuple(
    fc.oneof(
      { weight: 3, arbitrary: known },
      { weight: 1, arbitrary: hostileKey },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '__proto__[polluted]',
          'constructor[prototype][polluted]',
          'status[]',
          'limit[$gt]',
        ),
      },
    ),
    fc.oneof(
      fc.constantFrom(
        'registered',
        'true',
        'false',
        '20',
        '-1',
        '0',
        '1e3',
        '2026-05-01',
        '2026-02-30',
        'en',
        'nl',
      ),
      hostileString.filter((s) => s.length < 5000),
    ),
  );
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) =>
      pairs.map(([k, v]) => `${encode(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encode(v)}`).join('&'),
    );
};

const authorization = (world: FuzzWorld): fc.Arbitrary<string | undefined> => {
  const valid = Object.values(world.tokens);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...valid).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Bearer ',
        'Bearer vp_invalid',
        `Bearer vp_${'A'.repeat(43)}`,
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${'x'.repeat(9000)}`,
        'Bearer null',
        'Bearer undefined',
        "Bearer ' OR '1'='1",
        `bearer ${valid[0]}`,
        `Bearer ${valid[0]} extra`,
        `Bearer  ${valid[0]}`,
        `${valid[0]}`,
      ),
    },
    { weight: 1, arbitrary: headerValue },
  );
};

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  ';;;',
  'application/json; boundary=--',
] as const;

interface Built {
  payload?: string | Buffer;
  contentType?: string;
}

function apiBody(world: FuzzWorld, route: Route): fc.Arbitrary<Built> {
  const json = (value: fc.Arbitrary<unknown>) =>
    fc
      .tuple(
        value,
        fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'application/json; charset=utf-8',
          'APPLICATION/JSON',
          'application/json; charset=latin1',
        ),
      )
      .map(([v, contentType]) => ({ payload: JSON.stringify(v) ?? 'null', contentType }));
  const schema = route.bodySchema ?? { type: 'object', properties: {} };
  return fc.oneof(
    { weight: 4, arbitrary: json(validValue(schema, world.schemas)) },
    { weight: 5, arbitrary: json(mutatedValue(schema, world.schemas)) },
    { weight: 1, arbitrary: json(hostileValue) },
    {
      weight: 2,
      arbitrary: invalidJsonText.map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(invalidJsonText, hostileString))
        .map(([contentType, payload]) => ({ payload, contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(70_000, 300_000, 2_000_000).map((n) => ({
        payload: JSON.stringify({ description: 'x'.repeat(n), text: 'x'.repeat(n) }),
        contentType: 'application/json',
      })),
    },
  );
}

/** A multipart body by hand, so it can be broken in ways a library would not write. */
function multipartBody(
  fields: Array<[string, string]>,
  files: Array<{ name: string; filename: string; content: Buffer }>,
  breakage: string,
): Built {
  const boundary = 'fuzzBoundary7d3a';
  const parts: Buffer[] = [];
  for (const [name, value] of fields)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  let body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  let contentType = `multipart/form-data; boundary=${boundary}`;
  if (breakage === 'no-end') body = Buffer.concat(parts);
  if (breakage === 'wrong-boundary') contentType = 'multipart/form-data; boundary=other';
  if (breakage === 'no-boundary') contentType = 'multipart/form-data';
  if (breakage === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
  if (breakage === 'garbage') body = Buffer.from(`--${boundary}\r\nnonsense\r\n\r\n--${boundary}`);
  return { payload: body, contentType };
}

const FILE_NAMES = [
  '../../etc/passwd',
  'C:\\Windows\\evil.pdf',
  'brief\u0000.pdf.exe',
  `${'a'.repeat(400)}.pdf`,
  'foto\u202egnp.exe',
  '.htaccess',
  '..',
  '',
  'normaal.pdf',
  'x"; name="_csrf',
  'rapport.pdf',
];
const FILE_CONTENTS = [
  Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]),
  Buffer.from('Gewone tekst met een <script>alert(1)</script>.\n'),
  Buffer.alloc(0),
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
];

function pageBody(world: FuzzWorld, route: Route): fc.Arbitrary<Built> {
  const names: readonly string[] =
    route.path === '/'
      ? [...INTAKE_FIELDS.filter((f) => f !== 'attachments'), 'website', 'switchLang', 'lang']
      : [...FOLLOW_UP_FIELDS.filter((f) => f !== 'attachments')];
  const field = fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileKey }),
    fc.oneof(
      fc.constantFrom(
        'Het ging mis.',
        'yes',
        'no',
        'on',
        'anonymous',
        'contact',
        'en',
        'nl',
        '2026-04-29',
        'candidate',
        'melder@example.nl',
      ),
      hostileString.filter((s) => s.length < 100_000),
    ),
  );
  const csrf = fc.constantFrom(world.csrf.token, world.csrf.token, world.csrf.token, 'forged', '');
  const fields = fc
    .tuple(csrf, fc.array(field, { maxLength: 8 }))
    .map(([token, rest]) => [...(token ? ([['_csrf', token]] as Array<[string, string]>) : []), ...rest]);
  const files = fc.array(
    fc.record({
      name: fc.constantFrom('attachments', 'attachments', 'other'),
      filename: fc.constantFrom(...FILE_NAMES),
      content: fc.constantFrom(...FILE_CONTENTS),
    }),
    { maxLength: 3 },
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fields.map((f) => ({
        payload: new URLSearchParams(f).toString(),
        contentType: 'application/x-www-form-urlencoded',
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fields,
          files,
          fc.constantFrom(
            'none',
            'none',
            'none',
            'no-end',
            'wrong-boundary',
            'no-boundary',
            'truncated',
            'garbage',
          ),
        )
        .map(([f, fs, b]) => multipartBody(f, fs, b)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(invalidJsonText, hostileString))
        .map(([contentType, payload]) => ({ payload, contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

export function requestArbitrary(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...world.routes).chain((route) => {
    const params = route.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? [];
    const path = fc.tuple(...params.map((name) => pathSegment(world, name))).map((values) => {
      let i = 0;
      return route.path.replace(/\{\w+\}/g, () => values[i++]!);
    });
    const body =
      route.method === 'GET'
        ? fc.constant<Built>({})
        : route.kind === 'page'
          ? pageBody(world, route)
          : apiBody(world, route);
    const headers = fc.record(
      {
        authorization: authorization(world),
        'accept-language': headerValue,
        'if-match': fc.constantFrom(
          '"1"',
          '"2"',
          '"abc"',
          '*',
          'W/"2"',
          '"-1"',
          '"99999999999999999999"',
          '1',
          '',
        ),
        'x-forwarded-for': fc.oneof(
          fc.ipV4(),
          fc.constantFrom('garbage', '1.2.3.4, 5.6.7.8', '::1', '999.999.999.999'),
        ),
        'x-request-id': headerValue,
        cookie: fc.oneof(
          fc.constant(world.csrf.cookie),
          headerValue.map((v) => `_csrf=${v}`),
        ),
        origin: fc.constantFrom('https://evil.example', 'null', 'https://klachten.example.nl'),
      },
      { requiredKeys: ['x-forwarded-for'] },
    );
    // Pages need the form's cookie most of the time to get past CSRF into the handlers.
    const pageCookie = route.kind === 'page' ? fc.constantFrom(true, true, true, false) : fc.constant(false);
    return fc
      .tuple(path, fc.option(queryString(route), { nil: undefined }), body, headers, pageCookie)
      .map(([p, query, built, h, withCookie]) => {
        const headerSet: Record<string, string> = {};
        for (const [k, v] of Object.entries(h)) if (v !== undefined) headerSet[k] = v;
        if (withCookie) headerSet.cookie = world.csrf.cookie;
        if (built.contentType !== undefined) headerSet['content-type'] = built.contentType;
        const url = query ? `${p}?${query}` : p;
        const method = route.method as FuzzRequest['method'];
        return {
          method,
          url,
          headers: headerSet,
          route: `${route.method} ${route.path}`,
          ...(built.payload !== undefined ? { payload: built.payload } : {}),
        };
      });
  });
}
