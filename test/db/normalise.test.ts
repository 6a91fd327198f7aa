import { describe, expect, it } from 'vitest';
import { fromBool, parseJson, toBool, toJson, toTimestamp } from '../../src/db/normalise.ts';

describe('normalise', () => {
  it('reads booleans of both dialects', () => {
    expect([true, 1, '1', 't', 'true'].map(toBool)).toEqual([true, true, true, true, true]);
    expect([false, 0, '0', 'f', null, undefined].map(toBool)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([fromBool(true), fromBool(false)]).toEqual([1, 0]);
  });

  it('parses JSON text (SQLite) and passes parsed values (PostgreSQL) through', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    const parsed = { a: [1, 2] };
    expect(parseJson(parsed)).toBe(parsed);
    expect(toJson(undefined)).toBe('null');
    expect(toJson({ b: 'é' })).toBe('{"b":"é"}');
  });

  it('writes instants as ISO UTC text', () => {
    expect(toTimestamp(new Date(Date.UTC(2026, 3, 30, 10)))).toBe('2026-04-30T10:00:00.000Z');
    expect(toTimestamp('2026-04-30T12:00:00+02:00')).toBe('2026-04-30T10:00:00.000Z');
    expect(toTimestamp(null)).toBeNull();
    expect(() => toTimestamp('not a date')).toThrow(RangeError);
  });
});
