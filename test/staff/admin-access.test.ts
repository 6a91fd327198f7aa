/**
 * Every administrator page is for administrators only: 403 for each other role (receiver, handler, quality
 * manager), a 303 to the sign-in page for nobody, and 200 for the administrator. Posts are refused the same
 * way, before the form is read; a form without its CSRF token is refused even for an administrator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { StaffBrowser, signedInAs } from './helpers.ts';

describeEachDialect('administrator pages: access', (dialect) => {
  let t: TestApp;
  let pages: string[];
  let posts: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    const advisor = t.users.advisor!.id;
    pages = [
      '/staff/admin',
      '/staff/admin/users',
      '/staff/admin/users/new',
      `/staff/admin/users/${advisor}`,
      '/staff/admin/tokens',
      '/staff/admin/settings',
      ...[
        'organisation',
        'branding',
        'terms',
        'calendar',
        'categories',
        'teams',
        'grounds',
        'appeal-routes',
        'advocacy-bodies',
        'deputy',
        'follow-up',
        'retention',
        'security',
      ].map((section) => `/staff/admin/settings/${section}`),
      '/staff/admin/letters',
      '/staff/admin/letters/acknowledgement/nl',
      '/staff/admin/audit',
    ];
    posts = [
      '/staff/admin/users',
      `/staff/admin/users/${advisor}`,
      `/staff/admin/users/${advisor}/deactivate`,
      `/staff/admin/users/${advisor}/reactivate`,
      `/staff/admin/users/${advisor}/unlock`,
      `/staff/admin/users/${advisor}/reset-second-factor`,
      `/staff/admin/users/${advisor}/tokens`,
      '/staff/admin/settings/terms',
      '/staff/admin/letters/acknowledgement/nl',
      '/staff/admin/letters/acknowledgement/nl/preview',
    ];
  });
  afterAll(() => t.close());

  it('answers 200 to the administrator on every page', async () => {
    const admin = await signedInAs(t, 'admin');
    for (const url of pages) {
      const response = await admin.get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
  });

  it('answers 403 to the receiver, the handler and the quality manager, on every page and every post', async () => {
    for (const key of ['advisor', 'handler', 'qm']) {
      const browser = await signedInAs(t, key);
      await browser.get('/staff/account'); // a CSRF token of their own, so the refusal is not the token's
      for (const url of pages) {
        const response = await browser.get(url);
        expect({ key, url, status: response.statusCode }).toEqual({ key, url, status: 403 });
        expect(response.body).toContain('Geen toegang');
      }
      for (const url of posts) {
        const response = await browser.post(url, { name: 'x', note: 'x' });
        expect({ key, url, status: response.statusCode }).toEqual({ key, url, status: 403 });
      }
    }
  });

  it('sends someone not signed in to the sign-in page, and back afterwards', async () => {
    const nobody = new StaffBrowser(t);
    for (const url of pages) {
      const response = await nobody.get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 303 });
      expect(response.headers.location).toBe(`/staff/sign-in?next=${encodeURIComponent(url)}`);
    }
    for (const url of posts) {
      const response = await nobody.postForm(url, { name: 'x' });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 303 });
      expect(response.headers.location).toBe('/staff/sign-in?next=%2Fstaff');
    }
  });

  it('refuses every administrator form posted without its CSRF token', async () => {
    const admin = await signedInAs(t, 'admin');
    for (const url of posts) {
      const response = await admin.postForm(url, { name: 'x', note: 'x' });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
      expect(response.body).toContain('Formulier verlopen');
    }
  });
});
