/**
 * CSRF on every form that changes state: every POST route outside the JSON API (public pages and the staff
 * workspace, including pages added after this test was written) runs the CSRF check, and a post without the
 * token is refused with 403 before anything happens. (The JSON API takes no cookies: bearer tokens only.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import type { SessionStage } from '../../src/domain/sign-in.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

/** A value for each kind of path parameter: well-formed, so only the CSRF check can refuse the post. */
const PARAMS: Record<string, string> = {
  token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  reference: 'VP-2026-00001',
};

const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? 'x');

describeEachDialect('CSRF on every form', (dialect) => {
  let t: TestApp;
  const sessions = new Map<SessionStage, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    for (const stage of ['complete', 'second_factor', 'enrol_second_factor'] as const) {
      const now = t.deps.now();
      const { token } = await createStaffSession(t.db.kysely, {
        userId: t.users.admin!.id,
        stage,
        method: 'password',
        now,
        expiresAt: new Date(now.getTime() + 3_600_000),
        ip: null,
        userAgent: null,
      });
      sessions.set(stage, token);
    }
  });
  afterAll(() => t.close());

  const formPosts = () =>
    t.app.routeList.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/') && r.url !== '/api');

  it('every POST outside the API declares the CSRF check', () => {
    const posts = formPosts();
    // The public form, six follow-up actions and the sign-in pages at least.
    expect(posts.length).toBeGreaterThanOrEqual(10);
    expect(posts.filter((r) => !r.csrf).map((r) => r.url)).toEqual([]);
  });

  it('every POST outside the API refuses a post without the token with 403, signed in or not', async () => {
    const refused: string[] = [];
    for (const route of formPosts()) {
      const access = [route.staffAccess ?? 'complete'].flat() as string[];
      const stage = (access.find((a) => a !== 'public' && a !== 'any') ?? 'complete') as SessionStage;
      const cookie = route.url.startsWith('/staff') ? `vp_staff=${sessions.get(stage)}` : '';
      const response = await t.app.inject({
        method: 'POST',
        url: fill(route.url),
        payload: 'field=value',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      });
      if (response.statusCode !== 403) refused.push(`${route.url}: ${response.statusCode}`);
    }
    expect(refused).toEqual([]);
  });
});
