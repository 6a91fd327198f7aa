/**
 * Each database carries its own organisation settings, and a lifecycle action must follow the settings of the
 * database it runs on, also when one process serves two databases (tests, tools). Kept in its own file: the
 * settings cache is module state, and a wrong entry would leak into other tests of the same file.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const withExtensionOf = (maxWorkingDays: number) => (s: Record<string, unknown>) => {
  (s.terms as { extension: unknown }).extension = { allowed: true, maxWorkingDays };
};

describeEachDialect('settings per database', (dialect) => {
  let generous: TestApp;
  let strict: TestApp;
  beforeAll(async () => {
    generous = await createTestApp(dialect, { settings: withExtensionOf(20) });
    strict = await createTestApp(dialect, { settings: withExtensionOf(5) });
    await addStandardUsers(generous);
    await addStandardUsers(strict);
  });
  afterAll(async () => {
    await generous.close();
    await strict.close();
  });

  async function extendByTen(t: TestApp) {
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Afspraak gemist.' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    t.setNow('2026-05-04T09:00:00+02:00');
    return act(t, 'qm', submitted.json().reference, 'extend-resolution-term', {
      workingDays: 10,
      reason: 'Getuige op verlof.',
    });
  }

  // Regression: the organisation was once cached per settings version, not per database, so the second app
  // (max 5) got the first app's settings (max 20) and accepted a 10-day extension.
  it('two databases in one process each keep their own extension maximum', async () => {
    const allowed = await extendByTen(generous);
    expect(allowed.statusCode, allowed.body).toBe(200);
    // Receipt Thu 30 Apr, resolution 4 June; + 10: 5 (1), 8-12 (2-6), 15-18 (7-10).
    expect(allowed.json().deadlines.resolveBy).toBe('2026-06-18');
    const refused = await extendByTen(strict);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('extension_not_allowed');
  });
});
