/**
 * What a browser loads with the form: the one stylesheet (only the components used, precompressed, cached a
 * year by its hashed path), the theme with the organisation's colour, the script; the security headers; and
 * the page weight of the form over the wire, which must stay under 30 KB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const WEIGHT_BUDGET = 30 * 1024;

describe('the public pages: assets, headers and weight', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '2' },
      settings: (s) => {
        (s.branding as { primaryColor: string }).primaryColor = '#6b2c91';
      },
    });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const linked = (html: string) => ({
    css: html.match(/<link rel="stylesheet" href="(\/assets\/pages\.[0-9a-f]{16}\.css)"/)![1]!,
    theme: html.match(/<link rel="stylesheet" href="(\/assets\/theme\.[0-9a-f]{16}\.css)"/)![1]!,
    script: html.match(/<script src="(\/assets\/enhance\.[0-9a-f]{16}\.js)" defer=""><\/script>/)![1]!,
  });

  it('serves the stylesheet as text/css, precompressed, with an ETag and a year-long immutable cache', async () => {
    const { css } = linked((await get('/')).body);
    const plain = await get(css);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await get(css, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(css, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(css, { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBe('br');

    // Only the components the pages use, themed under .utrecht-theme, with the system font stack.
    expect(plain.body).toMatch(/^\.utrecht-theme\{--/);
    expect(plain.body).toContain('.utrecht-textbox');
    expect(plain.body).toContain('.utrecht-radio-button');
    expect(plain.body).not.toContain('.utrecht-accordion');
    expect(plain.body).not.toContain('.utrecht-table');
    expect(plain.body).not.toContain('.utrecht-calendar');
    expect(plain.body).toContain('system-ui');
    expect(plain.body).not.toMatch(/@font-face|url\(["']?https?:/);
    expect(plain.body.length).toBeLessThan(150_000);
  });

  it('themes the pages with the organisation colour from a stylesheet, not an inline style', async () => {
    const html = (await get('/')).body;
    expect(html).not.toMatch(/ style="|<style/);
    const theme = await get(linked(html).theme);
    expect(theme.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(theme.body).toBe('.utrecht-theme{--vp-primary:#6b2c91}');
    // A theme path from before a change of colour still answers, with today's colour.
    const old = await get('/assets/theme.0000000000000000.css');
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('#6b2c91');
    expect((await get('/assets/unknown.css')).statusCode).toBe(404);
  });

  it('serves the enhancement script from a route; the page has no inline script', async () => {
    const html = (await get('/')).body;
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    const script = await get(linked(html).script);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('error-summary');
  });

  it('sends security headers with a CSP that allows no inline script or style', async () => {
    for (const url of ['/', '/follow-up/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await get(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("img-src 'self' data: https:");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    // JSON may load nothing at all (test/security/headers.test.ts checks the API's headers in full).
    expect((await get('/healthz')).headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('keeps the form under 30 KB over the wire (compressed HTML, CSS and script)', async () => {
    const headers = { 'accept-encoding': 'br, gzip' };
    const page = await get('/', headers);
    expect(page.headers['content-encoding']).toBe('br');
    const { css, theme, script } = linked(page.body === '' ? '' : await decompressed(page));
    const sizes = {
      html: page.rawPayload.length,
      css: (await get(css, headers)).rawPayload.length,
      theme: (await get(theme, headers)).rawPayload.length,
      script: (await get(script, headers)).rawPayload.length,
    };
    const total = sizes.html + sizes.css + sizes.theme + sizes.script;
    expect(total, JSON.stringify(sizes)).toBeLessThan(WEIGHT_BUDGET);
  });

  it('rate limits form posts per client with a friendly 429 page', async () => {
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/',
        payload: 'description=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const statuses = [(await post()).statusCode, (await post()).statusCode];
    expect(statuses).toEqual([403, 403]); // no CSRF token: refused, but counted
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.body).toContain('Even wachten');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

async function decompressed(response: {
  rawPayload: Buffer;
  headers: Record<string, unknown>;
}): Promise<string> {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const encoding = response.headers['content-encoding'];
  const bytes =
    encoding === 'br'
      ? brotliDecompressSync(response.rawPayload)
      : encoding === 'gzip'
        ? gunzipSync(response.rawPayload)
        : response.rawPayload;
  return bytes.toString('utf8');
}
