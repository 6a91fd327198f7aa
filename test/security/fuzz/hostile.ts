/**
 * Hostile values for the fuzzer: injection strings (SQL, HTML/JS, templates, CSV formulas, header
 * splitting), path tricks, NUL and bidi characters, lone surrogates, numbers at the edges, prototype keys,
 * huge strings and deep nesting.
 */
import fc from 'fast-check';

export const HOSTILE_STRINGS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  "' OR '1'='1",
  '1; DROP TABLE complaints; --',
  "x' UNION SELECT password_hash FROM users --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  'foto\u202egnp.exe',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufffe',
  '𝕳𝖊𝖑𝖑𝖔 🙂👩‍👩‍👧‍👦',
  'Z̴̡̧̛̛͕͈͎͎͚̟̟ a̵̡͉͎l̶g̷o',
  '=cmd|"/c calc"!A1',
  '+SUM(1+1)*cmd|',
  '@SUM(A1)',
  '{{7*7}}',
  '{{{body}}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as typed.
  '${7*7}',
  '#{7*7}',
  '%s%n%x%d',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'VP-2026-00001',
  'VP-9999-99999',
  `vp_${'A'.repeat(43)}`,
  ' ',
  '\t\n\r',
  '',
  '\\',
  '"',
  "'",
  '`',
  '\r\nX-Injected: 1',
  'ÿ\u0085\u2028\u2029',
  'https://evil.example/\u0000@klachten.example.nl',
];

const huge = fc.constantFrom('A'.repeat(10_001), 'é'.repeat(70_000), 'x'.repeat(300_000), '🙂'.repeat(5_000));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: huge },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '',
    ' ',
    '$where',
    '0',
  ),
  fc.string({ maxLength: 12 }),
);

/** Arrays or objects nested deeper than any real document. */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 30, max: 3000 }), fc.boolean())
  .map(([depth, arrays]) =>
    JSON.parse(
      arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    ),
  );

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2 ** 53 + 1, -(2 ** 31), 1.5, Number.MAX_VALUE, 1e-300) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(hostileKey, hostileString, { maxKeys: 4 }).map((entries) => {
      // Own keys named __proto__ as JSON.parse would make them (an assignment would set the prototype).
      const object: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entries))
        Object.defineProperty(object, k, { value: v, enumerable: true, configurable: true, writable: true });
      return object;
    }),
  },
);

/** Text that is not JSON, or is JSON that a careless parser would let pollute prototypes. */
export const invalidJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"description":',
    '[1,2',
    "{'description':'x'}",
    'undefined',
    '{"__proto__":{"polluted":true},"description":"x"}',
    '{"constructor":{"prototype":{"polluted":true}},"description":"x"}',
    '{"description":"x","description":"y"}',
    '\u0000',
    'NaN',
    '{"description":"x"}garbage',
    '',
    ' ',
    '"just a string"',
    '12',
    'null',
    '\ufeff{"description":"x"}',
    '{"description":"\\ud800"}',
    '{"description":"\\u0000"}',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

/** Header values as HTTP can carry them (visible ASCII and Latin-1; no CR, LF or NUL). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => s.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '')),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constant('x'.repeat(8_000)),
);
