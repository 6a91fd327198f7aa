/**
 * The blank form is rendered once per language and settings version (src/http/pages/routes/form.ts): each
 * visitor still gets a token of their own, each language its own page, and a settings change shows at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCurrentSettings, saveSettingsVersion } from '../../src/db/repositories/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { csrfTokenOf, multipart } from './helpers.ts';

describeEachDialect('the blank form, rendered once', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = (url = '/') => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'nl' } });

  it('gives every request its own token, which a post with its cookie accepts', async () => {
    const first = await get();
    const second = await get();
    expect(first.statusCode).toBe(200);
    const token = csrfTokenOf(first.body);
    expect(token).not.toBe(csrfTokenOf(second.body));
    expect(first.body).not.toContain('placeholder');
    expect(first.body.replace(token, 'TOKEN')).toBe(second.body.replace(csrfTokenOf(second.body), 'TOKEN'));
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const body = multipart({ _csrf: token, lang: 'nl', description: 'De jobcoach kwam niet opdagen.' });
    const posted = await t.app.inject({
      method: 'POST',
      url: '/',
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(posted.statusCode).toBe(303);
  });

  it('has a page per language', async () => {
    const english = await get('/?lang=en');
    expect(english.body).toContain('<html lang="en"');
    expect((await get()).body).toContain('<html lang="nl"');
  });

  it('shows a new organisation name at once', async () => {
    expect((await get()).body).toContain('Loket3');
    const current = await loadCurrentSettings(t.db.kysely);
    await saveSettingsVersion(
      t.db.kysely,
      { ...current!.data, name: 'Re-integratie Oost' },
      null,
      new Date(),
    );
    const after = await get();
    expect(after.body).toContain('Re-integratie Oost');
    expect(after.body).not.toContain('Loket3');
  });
});
