/**
 * Follow-up tokens never reach the logs: the request URLs Fastify logs have the token replaced, for the
 * pages (/follow-up/<token>, /confirmation/<token>, the actions) and for the JSON API.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { redactUrl } from '../../src/http/pages/log-redaction.ts';
import { call, createTestApp, type TestApp } from '../helpers/app.ts';

describe('tokens in logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('redacts the token in page and API paths, and nothing else', () => {
    expect(redactUrl('/follow-up/abcDEF123_-xyz0123456789?lang=en')).toBe('/follow-up/[redacted]?lang=en');
    expect(redactUrl('/follow-up/abcDEF123_-xyz0123456789/withdraw')).toBe('/follow-up/[redacted]/withdraw');
    expect(redactUrl('/confirmation/abcDEF123_-xyz0123456789')).toBe('/confirmation/[redacted]');
    expect(redactUrl('/api/v1/follow-up/abcDEF123_-xyz0123456789/add-information')).toBe(
      '/api/v1/follow-up/[redacted]/add-information',
    );
    expect(redactUrl('/?lang=en')).toBe('/?lang=en');
    expect(redactUrl('/api/v1/staff/complaints/VP-2026-00001')).toBe(
      '/api/v1/staff/complaints/VP-2026-00001',
    );
  });

  it('never writes a token to the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(t.deps, { logger: { level: 'info', stream } });
    try {
      const submitted = await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Logtest' } });
      const token = new URL(submitted.json().followUpUrl).pathname.split('/').at(-1)!;
      const urls = [
        `/follow-up/${token}`,
        `/follow-up/${token}?lang=en`,
        `/confirmation/${token}`,
        `/api/v1/follow-up/${token}`,
      ];
      for (const url of urls) expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
      await app.inject({
        method: 'POST',
        url: `/follow-up/${token}/withdraw`,
        payload: 'reason=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const log = lines.join('');
      expect(log).toContain('/follow-up/[redacted]');
      expect(log).toContain('/confirmation/[redacted]');
      expect(log).toContain('/api/v1/follow-up/[redacted]');
      expect(log).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});
