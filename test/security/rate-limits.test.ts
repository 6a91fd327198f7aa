/**
 * Rate limits on everything the public can reach (issue 7), per client address, on both databases (on
 * PostgreSQL the counts live in the database, see test/multi-instance): submissions through the API and the
 * form (PUBLIC_RATE_LIMIT_PER_MINUTE), the follow-up link's pages and API (60 a minute) and the reporter's
 * actions (30 a minute). Over the limit: 429 with Retry-After, a problem document for the API and a page for
 * people, and nothing stored. One client's excess does not limit another.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { storedRowCounts } from '../helpers/db-snapshot.ts';
import { Session } from '../pages/helpers.ts';

describeEachDialect('rate limits', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Voor de link.' },
      headers: { 'x-forwarded-for': '192.0.2.1' },
    });
    token = submitted.json().followUpUrl.split('/').at(-1);
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('limits API submissions per client: 3, then 429 with Retry-After and nothing stored', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await call(t, 'POST', '/api/v1/complaints', {
            body: { description: `Nr ${i}` },
            headers: from('192.0.2.10'),
          })
        ).statusCode,
      );
    const before = await storedRowCounts(t.db.kysely, dialect);
    const limited = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'Eén te veel' },
      headers: from('192.0.2.10'),
    });
    statuses.push(limited.statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(limited.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      title: 'Te veel verzoeken. Probeer het over een minuut opnieuw.',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await storedRowCounts(t.db.kysely, dialect)).toEqual(before);
    // Another client is not held back by the first.
    expect(
      (
        await call(t, 'POST', '/api/v1/complaints', {
          body: { description: 'Ander adres' },
          headers: from('192.0.2.11'),
        })
      ).statusCode,
    ).toBe(201);
  });

  it("limits form submissions per client with a page in the reader's language", async () => {
    const session = new Session(t);
    const csrf = await session.tokenFrom('/');
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/',
        payload: new URLSearchParams({
          _csrf: csrf,
          lang: 'nl',
          description: 'Via het formulier.',
        }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...from('192.0.2.20'),
        },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post()).statusCode);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const limited = await post();
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.body).toContain('<h1');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("limits the follow-up link (60 a minute) and the reporter's actions (30 a minute)", async () => {
    const views: number[] = [];
    for (let i = 0; i < 61; i++) {
      const url = i % 2 === 0 ? `/api/v1/follow-up/${token}` : `/follow-up/${token}`;
      views.push((await t.app.inject({ method: 'GET', url, headers: from('192.0.2.30') })).statusCode);
    }
    // The page and the API count separately: 31 views of the API and 30 of the page so far, all allowed.
    expect(views.filter((s) => s === 200)).toHaveLength(61);
    const api: number[] = [];
    for (let i = 0; i < 31; i++)
      api.push(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/follow-up/${token}`,
            headers: from('192.0.2.30'),
          })
        ).statusCode,
      );
    expect(api.filter((s) => s === 200)).toHaveLength(29);
    expect(api.slice(29)).toEqual([429, 429]);

    const actions: number[] = [];
    for (let i = 0; i < 31; i++) {
      actions.push(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/v1/follow-up/${token}/request-hearing`,
            payload: {},
            headers: from('192.0.2.31'),
          })
        ).statusCode,
      );
    }
    expect(actions.filter((s) => s === 429)).toEqual([429]);
    expect(actions.at(-1)).toBe(429);
  });
});
