/**
 * Two state changes to one complaint at the same time: exactly one wins, the other is refused with a problem,
 * and nothing is half-applied (the version goes up by one, the history gains one event). With
 * `If-Match: "<version>"` of the same read the loser always gets version_conflict. On PostgreSQL the race
 * also runs between two app instances with their own connection pools on the same schema, as two server
 * processes would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

describeEachDialect('concurrent changes to one complaint', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  function post(
    app: FastifyInstance,
    as: string,
    ref: string,
    action: string,
    body: unknown,
    ifMatch?: string,
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${t.users[as]!.token}` };
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    return app.inject({
      method: 'POST',
      url: `/api/v1/staff/complaints/${ref}/${action}`,
      headers,
      payload: body as object,
    });
  }
  async function show(ref: string) {
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as: 'qm' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  /** A complaint with a handler and a summary, ready to be acknowledged or not taken up (version 4). */
  async function ready(): Promise<string> {
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { email: 'mila.visser@example.nl' },
        description: 'Afspraak gemist.',
        involvedEmployees: ['Jeroen'],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const ref = submitted.json().reference;
    const { mentions } = await show(ref);
    t.setNow('2026-04-30T10:00:00+02:00');
    for (const [as, action, body] of [
      ['qm', 'link-mention', { mentionId: mentions[0].id, link: { kind: 'nobody' } }],
      ['qm', 'assign-handler', { handlerId: t.users.handler!.id }],
      ['handler', 'record-summary', { summary: 'Gemiste afspraak.' }],
    ] as const) {
      const response = await post(t.app, as, ref, action, body);
      expect(response.statusCode, response.body).toBe(200);
    }
    t.setNow('2026-05-04T09:00:00+02:00');
    return ref;
  }
  /** Exactly one 200 and one 409 problem; returns [winner, loser]. */
  function oneWins(responses: LightMyRequestResponse[]): [LightMyRequestResponse, LightMyRequestResponse] {
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((r) => r.statusCode === 200)!;
    const loser = responses.find((r) => r.statusCode === 409)!;
    expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
    return [winner, loser];
  }
  async function expectOneChange(
    ref: string,
    before: { version: number; history: unknown[] },
    winner: LightMyRequestResponse,
  ) {
    const after = await show(ref);
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.status).toBe(winner.json().status);
    expect(after.version).toBe(winner.json().version);
    return after;
  }

  it('two record-summary with If-Match of the same read: one 200, one version_conflict', async () => {
    const ref = await ready();
    const before = await show(ref);
    expect(before.version).toBe(4);
    const responses = await Promise.all([
      post(t.app, 'handler', ref, 'record-summary', { summary: 'Versie A' }, `"${before.version}"`),
      post(t.app, 'handler', ref, 'record-summary', { summary: 'Versie B' }, `"${before.version}"`),
    ]);
    const [winner, loser] = oneWins(responses);
    expect(loser.json()).toMatchObject({ code: 'version_conflict', status: 409 });
    const after = await expectOneChange(ref, before, winner);
    expect(after.summary).toBe(winner.json().summary);
    expect(after.history.at(-1)).toMatchObject({
      action: 'recordSummary',
      fromStatus: 'handler_assigned',
      toStatus: 'handler_assigned',
    });
  });

  it('acknowledge and not-take-up with If-Match of the same read: one wins, the other gets version_conflict', async () => {
    const ref = await ready();
    const before = await show(ref);
    const ifMatch = `"${before.version}"`;
    const responses = await Promise.all([
      post(t.app, 'handler', ref, 'acknowledge', {}, ifMatch),
      post(
        t.app,
        'handler',
        ref,
        'not-take-up',
        { ground: 'not_about_us', motivation: 'Gaat over de gemeente.' },
        ifMatch,
      ),
    ]);
    const [winner, loser] = oneWins(responses);
    expect(loser.json().code).toBe('version_conflict');
    const after = await expectOneChange(ref, before, winner);
    expect(['acknowledged', 'not_taken_up']).toContain(after.status);
    const event = after.history.at(-1);
    expect(event).toMatchObject({ fromStatus: 'handler_assigned', toStatus: after.status });
    expect(event.action).toBe(after.status === 'acknowledged' ? 'acknowledge' : 'notTakeUp');
  });

  it('a stale If-Match is refused with both versions; the weak form W/"n" of the current version is accepted', async () => {
    const ref = await ready();
    const before = await show(ref);
    const stale = await post(t.app, 'handler', ref, 'acknowledge', {}, `"${before.version - 1}"`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      details: { expectedVersion: 3, currentVersion: 4 },
    });
    expect((await show(ref)).version).toBe(before.version);
    const weak = await post(t.app, 'handler', ref, 'acknowledge', {}, `W/"${before.version}"`);
    expect(weak.statusCode, weak.body).toBe(200);
    await expectOneChange(ref, before, weak);
  });

  it('without If-Match, two concurrent acknowledge: one 200, one 409', async () => {
    for (let round = 0; round < 3; round++) {
      const ref = await ready();
      const before = await show(ref);
      const responses = await Promise.all([
        post(t.app, 'handler', ref, 'acknowledge', {}),
        post(t.app, 'handler', ref, 'acknowledge', {}),
      ]);
      const [winner, loser] = oneWins(responses);
      if (dialect === 'sqlite') {
        // One connection: the second transaction starts after the first committed and sees 'acknowledged'.
        expect(loser.json().code).toBe('illegal_transition');
      } else {
        // Pooled connections: the loser either read the old state and lost the version check, or read the new one.
        expect(['version_conflict', 'illegal_transition']).toContain(loser.json().code);
      }
      const after = await expectOneChange(ref, before, winner);
      expect(after.status).toBe('acknowledged');
      expect(after.history.filter((e: { action: string }) => e.action === 'acknowledge')).toHaveLength(1);
    }
  });

  it.skipIf(dialect !== 'postgres')(
    'two app instances on one schema: of two parallel changes exactly one wins',
    async () => {
      const otherDb = await t.db.openAnother({ poolSize: 4 });
      const other = await buildApp({ ...t.deps, db: otherDb });
      try {
        const codes = new Set<string>();
        for (let round = 0; round < 8; round++) {
          const ref = await ready();
          const before = await show(ref);
          const ifMatch = `"${before.version}"`;
          const withVersion = await Promise.all([
            post(t.app, 'handler', ref, 'acknowledge', {}, ifMatch),
            post(
              other,
              'handler',
              ref,
              'not-take-up',
              { ground: 'not_about_us', motivation: 'Niet over ons.' },
              ifMatch,
            ),
          ]);
          const [winner, loser] = oneWins(withVersion);
          expect(loser.json().code).toBe('version_conflict');
          const middle = await expectOneChange(ref, before, winner);
          if (middle.status !== 'acknowledged') continue;

          // Both instances try the same next step without If-Match.
          const body = { summary: `Ronde ${round}` };
          const blind = await Promise.all([
            post(t.app, 'handler', ref, 'start-investigation', {}),
            post(other, 'handler', ref, 'start-investigation', {}),
            post(other, 'handler', ref, 'record-summary', body),
          ]);
          const succeeded = blind.filter((r) => r.statusCode === 200);
          for (const r of blind.filter((r) => r.statusCode !== 200)) {
            expect(r.statusCode).toBe(409);
            codes.add(r.json().code);
          }
          const after = await show(ref);
          expect(after.version).toBe(middle.version + succeeded.length);
          expect(after.history).toHaveLength(middle.history.length + succeeded.length);
          // Someone always wins; the others lost the version check or found the case moved on. Without If-Match
          // the record-summary may win and both start-investigation requests lose.
          expect(succeeded.length).toBeGreaterThanOrEqual(1);
          const started = after.history.filter((e: { action: string }) => e.action === 'startInvestigation');
          expect(started.length).toBeLessThanOrEqual(1);
          expect(after.status).toBe(started.length === 1 ? 'investigating' : 'acknowledged');
        }
        for (const code of codes) expect(['version_conflict', 'illegal_transition']).toContain(code);
      } finally {
        await other.close();
        await otherDb.close();
      }
    },
  );
});
