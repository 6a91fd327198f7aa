/**
 * An unknown address: people get a page in their language, with the pages' security headers; programs
 * under /api get a problem document. (No storage involved: SQLite only.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('unknown paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers a Dutch HTML page by default, English when the browser or ?lang= asks for it', async () => {
    const dutch = await t.app.inject({ url: '/does-not-exist' });
    expect(dutch.statusCode).toBe(404);
    expect(dutch.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(dutch.body).toContain('<html lang="nl"');
    expect(dutch.headers['content-security-policy']).toContain("script-src 'self'");
    expect(dutch.headers['x-frame-options']).toBe('DENY');
    expect(dutch.headers['x-content-type-options']).toBe('nosniff');

    const english = await t.app.inject({
      url: '/does-not-exist',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('This page does not exist');
    const query = await t.app.inject({ url: '/does-not-exist?lang=en' });
    expect(query.body).toContain('<html lang="en"');
  });

  it('answers problem JSON under /api', async () => {
    const response = await t.app.inject({ url: '/api/v1/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});
