/**
 * CSRF on the public forms, beyond "no token, 403" (csrf.test.ts checks that for every form): the improvement
 * form and each of the reporter's actions on the follow-up page also refuse a forged token and a real token
 * from another browser's session, as urlencoded and as multipart, and store nothing at all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { storedRowCounts } from '../helpers/db-snapshot.ts';
import { Session } from '../pages/helpers.ts';

describeEachDialect('CSRF on the public forms', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Voor de CSRF-test.' } }))
      .json()
      .followUpUrl.split('/')
      .at(-1);
  });
  afterAll(() => t.close());

  const publicForms = () =>
    t.app.routeList.filter(
      (r) => r.method !== 'GET' && !r.url.startsWith('/api/') && !r.url.startsWith('/staff'),
    );

  it('knows the public forms', () => {
    expect(publicForms().map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /',
      'POST /follow-up/:token/record-offer-accepted',
      'POST /follow-up/:token/record-offer-rejected',
      'POST /follow-up/:token/withdraw',
      'POST /follow-up/:token/add-information',
      'POST /follow-up/:token/request-hearing',
      'POST /follow-up/:token/answer-survey',
    ]);
  });

  it('refuses a missing, forged or borrowed token on every public form and stores nothing', async () => {
    const victim = new Session(t);
    const attacker = new Session(t);
    const victimToken = await victim.tokenFrom('/');
    await attacker.tokenFrom('/');
    const fields = {
      description: 'Ingevuld door een andere site.',
      text: 'Extra',
      reason: 'Weg',
      confirm: 'yes',
      reaction: 'Ja',
      handledWell: 'yes',
      onTime: 'yes',
      lang: 'nl',
    };
    const before = await storedRowCounts(t.db.kysely, dialect);
    for (const route of publicForms()) {
      const url = route.url.replace(':token', token);
      const attempts = {
        'no token': () => victim.postForm(url, fields),
        'forged token': () => victim.postForm(url, { ...fields, _csrf: 'forged-token-value-1234567890' }),
        // A token is bound to its browser's secret cookie: the victim's token with the attacker's cookie fails.
        'token of another browser': () => attacker.postForm(url, { ...fields, _csrf: victimToken }),
        'multipart without token': () =>
          victim.postMultipart(url, fields, [{ filename: 'a.txt', content: Buffer.from('tekst\n') }]),
      };
      for (const [what, attempt] of Object.entries(attempts)) {
        const response = await attempt();
        expect(response.statusCode, `${url}: ${what}`).toBe(403);
        expect(response.headers['content-type'], `${url}: ${what}`).toMatch(/^text\/html/);
      }
    }
    expect(await storedRowCounts(t.db.kysely, dialect)).toEqual(before);
    // The real token of the browser works (the refusals above are the check, not a broken form).
    expect((await victim.postForm('/', { ...fields, _csrf: victimToken })).statusCode).toBe(303);
  });
});
