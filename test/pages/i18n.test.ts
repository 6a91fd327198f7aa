/** The pages' texts: English has every key the Dutch file has (checked at run time as well as by the type). */
import { describe, expect, it } from 'vitest';
import { messagesFor, PAGE_LOCALES } from '../../src/i18n/pages/index.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('page texts', () => {
  it('has the same keys in every language, each a text or a function of the same arity', () => {
    const nl = messagesFor('nl');
    for (const locale of PAGE_LOCALES) {
      const other = messagesFor(locale);
      expect(keysOf(other)).toEqual(keysOf(nl));
      for (const key of keysOf(nl)) {
        const pick = (m: unknown) => key.split('.').reduce((v, k) => (v as Record<string, unknown>)[k], m);
        expect(typeof pick(other), key).toBe(typeof pick(nl));
        if (typeof pick(nl) === 'function')
          expect((pick(other) as () => void).length, key).toBe((pick(nl) as () => void).length);
        if (typeof pick(nl) === 'string') expect(String(pick(other)).trim(), key).not.toBe('');
      }
      expect(other.meta.lang).toBe(locale);
      expect(['ltr', 'rtl']).toContain(other.meta.dir);
    }
  });
});
