/**
 * Security headers on pages and on the API: a Content Security Policy (the pages' without 'unsafe-inline';
 * nothing at all allowed for JSON), no framing (X-Frame-Options and frame-ancestors), nosniff, no referrer,
 * and HSTS exactly when the public address is https. The API had none of them before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';

const PAGES = [
  '/',
  '/?lang=en',
  '/follow-up/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '/confirmation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '/nowhere',
  '/staff/sign-in',
];
const API: Array<[string, string, unknown?]> = [
  ['GET', '/healthz'],
  ['GET', '/readyz'],
  ['POST', '/api/v1/complaints', { description: 'Koppen.' }],
  ['POST', '/api/v1/complaints', { description: '' }],
  ['GET', '/api/v1/staff/complaints'],
  ['GET', '/api/v1/follow-up/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ['GET', '/api/openapi.json'],
  ['GET', '/api/v1/nowhere'],
];

describe('security headers', () => {
  let https: TestApp;
  let http: TestApp;
  beforeAll(async () => {
    https = await createTestApp('sqlite', { env: { PUBLIC_URL: 'https://klachten.example.nl' } });
    await addStandardUsers(https);
    http = await createTestApp('sqlite', { env: { PUBLIC_URL: 'http://localhost:3000' } });
  });
  afterAll(async () => {
    await https.close();
    await http.close();
  });

  it('sends the pages a CSP without inline script or style, no framing, nosniff, no referrer and HSTS', async () => {
    for (const url of PAGES) {
      const response = await https.app.inject({ method: 'GET', url });
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toMatch(/default-src 'self'/);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).toMatch(/style-src 'self'(;|$)/);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp, url).toMatch(/object-src 'none'/);
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('unsafe-eval');
      expect(response.headers, url).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    }
  });

  it('sends every API answer — success, refusal, error, not found — the same protection, with a CSP that allows nothing', async () => {
    for (const [method, url, body] of API) {
      const response = await https.app.inject({
        method: method as 'GET',
        url,
        ...(body ? { payload: body as object } : {}),
      });
      expect(response.headers['content-type'], url).toMatch(/json/);
      expect(response.headers, `${method} ${url} ${response.statusCode}`).toMatchObject({
        'content-security-policy':
          "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cache-control': 'no-store',
      });
    }
    // The documentation needs its own scripts, but may not be framed either.
    const docs = await https.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers).toMatchObject({
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    });
  });

  it('sends no HSTS when the public address is plain http', async () => {
    for (const url of ['/', '/healthz', '/nowhere', '/api/openapi.json']) {
      const response = await http.app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});
