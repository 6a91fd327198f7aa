/**
 * What the fuzzer found, pinned down: text with a NUL character or half a surrogate pair is refused with the
 * field named (PostgreSQL answered 500 to both), on both databases and in every part of a request; a
 * multipart body that cannot be read is a 400 (the pages answered 500).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { storedRowCounts } from '../helpers/db-snapshot.ts';
import { Session } from '../pages/helpers.ts';

describeEachDialect('malformed input', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('refuses a NUL character or a lone surrogate in a body, naming the field, and stores nothing', async () => {
    const before = await storedRowCounts(t.db.kysely, dialect);
    const nul = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'content-type': 'application/json' },
      payload: '{"description":"Het ging mis\\u0000.","reporter":{"name":"Anouk\\ud800"}}',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        {
          field: 'description',
          message: 'Dit veld bevat tekens die niet in tekst horen (zoals een nul-teken).',
        },
        {
          field: 'reporter.name',
          message: 'Dit veld bevat tekens die niet in tekst horen (zoals een nul-teken).',
        },
      ],
    });
    const english = await call(t, 'POST', '/api/v1/complaints', {
      body: { description: 'x\udc00y' },
      lang: 'en',
    });
    expect(english.json().errors).toEqual([
      {
        field: 'description',
        message: 'This field contains characters that do not belong in text (such as a NUL character).',
      },
    ]);
    // A well-formed pair (an emoji) is text.
    expect(
      (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Prima 🙂' } })).statusCode,
    ).toBe(201);
    const after = await storedRowCounts(t.db.kysely, dialect);
    expect(after.complaints).toBe(before.complaints! + 1);
  });

  it('refuses a NUL character in a path parameter or a query string with 400, not a database error', async () => {
    const id = await call(t, 'POST', '/api/v1/staff/spot-records/%00/convert', {
      as: 'qm',
      body: { description: 'x' },
    });
    expect(id.statusCode).toBe(400);
    expect(id.json().errors).toEqual([
      { field: 'params.id', message: 'Dit veld bevat tekens die niet in tekst horen (zoals een nul-teken).' },
    ]);
    const query = await call(t, 'GET', '/api/v1/staff/complaints?q=%00', { as: 'qm' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].field).toBe('query.q');
  });

  it('refuses NUL characters typed into the public form at the field, keeping what was typed', async () => {
    const session = new Session(t);
    const csrf = await session.tokenFrom('/');
    const response = await session.postForm('/', {
      _csrf: csrf,
      lang: 'nl',
      description: 'Het ging mis\u0000 op dinsdag.',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Dit veld bevat tekens die niet in tekst horen (zoals een nul-teken).');
  });

  it('answers a multipart body that cannot be read with 400, on the pages and the API', async () => {
    const session = new Session(t);
    const csrf = await session.tokenFrom('/');
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const cut = `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--b\r\nContent-Disposition: form-data; name="description"\r\n\r\nAfgebroken`;
    for (const contentType of [
      'multipart/form-data; boundary=b',
      'multipart/form-data; boundary=other',
      'multipart/form-data',
    ]) {
      const page = await t.app.inject({
        method: 'POST',
        url: '/',
        headers: { 'content-type': contentType, cookie },
        payload: cut,
      });
      expect(page.statusCode, contentType).toBe(400);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    }
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: cut,
    });
    expect(api.statusCode).toBe(415);
  });
});
