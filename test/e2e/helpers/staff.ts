/**
 * Staff pages in the browser: a page signed in as one of the standard users, by a complete session made in
 * the database and its cookie put in the page's context (signing in through the form is tested on its own).
 */
import { createStaffSession } from '../../../src/db/repositories/staff-sessions.ts';
import type { E2ePage } from './browser.ts';
import type { E2eServer } from './server.ts';

export async function signInBrowser(page: E2ePage, server: E2eServer, key: string): Promise<void> {
  const now = server.t.deps.now();
  const { token } = await createStaffSession(server.t.db.kysely, {
    userId: server.t.users[key]!.id,
    stage: 'complete',
    method: 'password',
    now,
    expiresAt: new Date(now.getTime() + 12 * 3_600_000),
    ip: '127.0.0.1',
    userAgent: 'e2e',
  });
  await page.context().clearCookies({ name: 'vp_staff' });
  await page.context().addCookies([{ name: 'vp_staff', value: token, url: server.url('/staff') }]);
}
