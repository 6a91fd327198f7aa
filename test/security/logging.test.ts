/**
 * The logs are JSON lines with a request id on every line and no personal data (issue 7): the log stream is
 * captured while complaints full of personal data come in through the API and the form, the reporter uses the
 * follow-up link, a staff member signs in with a password and uses the pages and the API with a token, bad
 * requests are refused and one request fails with an error quoting personal data. None of those values
 * appears in the log, every line carries a request id, and every answer carries it in `x-request-id`.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { loggableUrl, requestIdOf } from '../../src/http/logging.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { Session } from '../pages/helpers.ts';
import { givePasswords, PASSWORD, StaffBrowser } from '../staff/helpers.ts';

const PERSON = {
  name: 'Anouk Verbeek-Zwart',
  email: 'anouk.verbeek@example.org',
  phone: '06-98765432',
  postalAddress: 'Lindelaan 12, 3581 AB Utrecht',
};
const TEXT = 'Geheime klachttekst 7f3a: mijn dossier over mijn burn-out lag open op de balie.';
const FORM_PERSON = { name: 'Bram Oudewater', email: 'bram.oudewater@example.net', phone: '+31 6 1122 3344' };
const FORM_TEXT = 'Formuliertekst 91cc over mijn diagnose.';

describe('structured logs without personal data', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let failWith: Error | null = null;
  const lines: string[] = [];
  const secrets: string[] = [];
  const responses: LightMyRequestResponse[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await addStandardUsers(t);
    await givePasswords(t, ['handler']);
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    // The same deps, but a clock that can be made to fail with an error that quotes personal data.
    const deps = {
      ...t.deps,
      now: () => {
        if (failWith) throw failWith;
        return t.deps.now();
      },
    };
    app = await buildApp(deps, { logger: { level: 'info', stream } });
    lines.length = 0; // what was logged while building (no request) is not the subject here
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const send = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const response = await app.inject(options);
    responses.push(response);
    return response;
  };

  it('logs every request with its id and none of the personal data that passed through', async () => {
    const bearer = `Bearer ${t.users.qm!.token}`;
    secrets.push(
      ...Object.values(PERSON),
      TEXT,
      ...Object.values(FORM_PERSON),
      FORM_TEXT,
      t.users.qm!.token,
      PASSWORD,
      'Jeroen Bakkerman',
    );

    // The public API, with everything a reporter can say about themselves.
    const submitted = await send({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        reporter: { ...PERSON, role: 'candidate' },
        description: TEXT,
        desiredOutcome: `Excuses aan ${PERSON.name}`,
        involvedEmployees: ['Jeroen Bakkerman'],
      },
    });
    expect(submitted.statusCode).toBe(201);
    const { reference, followUpUrl } = submitted.json();
    const followUpToken = followUpUrl.split('/').at(-1);
    secrets.push(followUpToken);

    // The public form, multipart, with a file named after the reporter.
    const form = new Session({ ...t, app });
    const csrf = await form.tokenFrom('/');
    secrets.push(csrf, ...[...form.cookies.values()]);
    const posted = await form.postMultipart(
      '/',
      { _csrf: csrf, lang: 'nl', description: FORM_TEXT, contactChoice: 'contact', ...FORM_PERSON },
      [
        {
          filename: 'Rapport-Oudewater.pdf',
          content: Buffer.from('%PDF-1.4\n%%EOF\n'),
          type: 'application/pdf',
        },
      ],
    );
    expect(posted.statusCode).toBe(303);
    secrets.push('Rapport-Oudewater', posted.headers.location!.split('/').at(-1)!);

    // The reporter's link, page and API.
    expect((await send({ method: 'GET', url: `/follow-up/${followUpToken}` })).statusCode).toBe(200);
    expect((await send({ method: 'GET', url: `/api/v1/follow-up/${followUpToken}` })).statusCode).toBe(200);

    // A staff member signs in with a password and opens the workspace with the session cookie.
    const browser = new StaffBrowser({ ...t, app });
    const refused = await new StaffBrowser({ ...t, app }).signIn(
      'handler@loket3.example',
      'wrong password 123',
    );
    expect(refused.statusCode).toBe(401);
    secrets.push('wrong password 123', 'handler@loket3.example');
    const signedIn = await browser.signIn('handler@loket3.example', PASSWORD, '/staff/account');
    expect(signedIn.headers.location).toBe('/staff/account');
    secrets.push(...[...browser.cookies.values()].filter((v) => v.length > 16));
    expect((await browser.get('/staff/account')).statusCode).toBe(200);

    // The staff API with a token: a search by name, the case, an action, and refusals quoting personal data.
    const search = await send({
      method: 'GET',
      url: `/api/v1/staff/complaints?q=${encodeURIComponent('Verbeek-Zwart')}&status=registered`,
      headers: { authorization: bearer },
    });
    expect(search.statusCode).toBe(200);
    secrets.push('Verbeek-Zwart');
    expect(
      (
        await send({
          method: 'GET',
          url: `/api/v1/staff/complaints/${reference}`,
          headers: { authorization: bearer },
        })
      ).statusCode,
    ).toBe(200);
    const invalid = await send({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: { description: TEXT, reporter: { email: 'anouk.verbeek@', phone: PERSON.phone } },
    });
    expect(invalid.statusCode).toBe(400);
    const broken = await send({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'content-type': 'application/json' },
      payload: `{"description":"${TEXT}", "reporter":{"email":"${PERSON.email}"`,
    });
    expect(broken.statusCode).toBe(400);
    const wrongToken = await send({
      method: 'GET',
      url: '/api/v1/staff/complaints',
      headers: { authorization: `Bearer vp_${PERSON.email}` },
    });
    expect(wrongToken.statusCode).toBe(401);

    // A failure inside: the error quotes personal data the way a database error would.
    failWith = Object.assign(new Error(`insert failed for ${PERSON.email} (${PERSON.phone})`), {
      detail: `Key (reporter_email)=(${PERSON.email}) already exists.`,
      complaint: { name: PERSON.name },
    });
    try {
      const failed = await send({ method: 'GET', url: `/api/v1/follow-up/${followUpToken}` });
      expect(failed.statusCode).toBe(500);
      expect(failed.json().code).toBe('internal');
    } finally {
      failWith = null;
    }

    const log = lines.join('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const found = secrets.filter(
      (secret) => log.includes(secret) || log.toLowerCase().includes(secret.toLowerCase()),
    );
    expect(found).toEqual([]);
    // Every line is a request's line, with its id.
    expect(entries.filter((e) => typeof e.reqId !== 'string' || e.reqId === '')).toEqual([]);
    // What is logged is useful still: the routes, the statuses, the failure (scrubbed).
    expect(log).toContain('"url":"/api/v1/staff/complaints?q=[redacted]&status=registered"');
    expect(log).toContain('"url":"/api/v1/follow-up/[redacted]"');
    const failure = entries.find((e) => e.level === 50)!;
    expect(failure.err).toMatchObject({ type: 'Error', message: 'insert failed for [email] ([number])' });
    expect(JSON.stringify(failure)).not.toContain('already exists');
    // Each answer carries the id its lines were logged with.
    const ids = new Set(entries.map((e) => e.reqId));
    for (const response of [...responses, signedIn]) {
      expect(ids.has(response.headers['x-request-id'])).toBe(true);
    }
    expect(entries.length).toBeGreaterThan(2 * responses.length);
  });

  it('keeps a sane incoming request id and replaces any other', async () => {
    const kept = await send({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'lb-7f3a.2026:11-26_01' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.2026:11-26_01');
    for (const bad of ['anouk.verbeek@example.org', '<script>', 'a b', 'x'.repeat(129), '']) {
      const replaced = await send({ method: 'GET', url: '/healthz', headers: { 'x-request-id': bad } });
      expect(replaced.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    const unknown = await send({ method: 'GET', url: '/api/v1/nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({ headers: { 'x-request-id': ['a', 'b'] } } as never)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('redacts every query value but the harmless ones, and tokens in paths', () => {
    expect(loggableUrl('/api/v1/staff/complaints?q=Anouk&status=registered&limit=20')).toBe(
      '/api/v1/staff/complaints?q=[redacted]&status=registered&limit=20',
    );
    expect(loggableUrl('/follow-up/abcDEF123_-xyz0123456789?lang=en&email=a%40b.nl')).toBe(
      '/follow-up/[redacted]?lang=en&email=[redacted]',
    );
    expect(loggableUrl('/staff/privacy?name=Bram%20Oudewater&phone=0612345678')).toBe(
      '/staff/privacy?name=[redacted]&phone=[redacted]',
    );
    expect(loggableUrl('/?lang=en')).toBe('/?lang=en');
  });
});
