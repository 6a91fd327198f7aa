/**
 * Staff pages through inject, as a browser without JavaScript: a session that keeps cookies, signed in either
 * through the sign-in form (to test signing in) or by a session created in the database (to test everything
 * else quickly), and forms posted with the CSRF token read from the page.
 */
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/commands/passwords.ts';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { setPasswordHash } from '../../src/db/repositories/users.ts';
import type { TestApp } from '../helpers/app.ts';
import { csrfTokenOf, Session } from '../pages/helpers.ts';

export const PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | null = null;

/** Gives the users (all, by default) the password PASSWORD; the hash is made once per process. */
export async function givePasswords(t: TestApp, keys: string[] = Object.keys(t.users)): Promise<void> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  for (const key of keys) await setPasswordHash(t.db.kysely, t.users[key]!.id, hash);
}

export const emailOf = (key: string) => `${key.toLowerCase()}@loket3.example`;

/** A browser-like session on the staff pages. */
export class StaffBrowser extends Session {
  /** The CSRF token of the last page that had one. */
  csrf = '';

  override async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await super.get(url, headers);
    const match = response.body.match(/name="_csrf" value="([^"]+)"/);
    if (match) this.csrf = match[1]!;
    return response;
  }

  /** Posts a form (urlencoded) with the CSRF token of the last page, unless the fields bring their own. */
  async post(url: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.postForm(url, { _csrf: this.csrf, ...fields });
  }

  /** Signs in through the form; returns the answer to the POST. */
  async signIn(email: string, password = PASSWORD, next?: string): Promise<LightMyRequestResponse> {
    const page = await this.get(`/staff/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    return this.postForm('/staff/sign-in', {
      _csrf: csrfTokenOf(page.body),
      email,
      password,
      ...(next ? { next } : {}),
    });
  }
}

/** A browser signed in as the user `key`, by a complete session made in the database (no sign-in form). */
export async function signedInAs(t: TestApp, key: string): Promise<StaffBrowser> {
  const browser = new StaffBrowser(t);
  const now = t.deps.now();
  const { token } = await createStaffSession(t.db.kysely, {
    userId: t.users[key]!.id,
    stage: 'complete',
    method: 'password',
    now,
    expiresAt: new Date(now.getTime() + 12 * 3_600_000),
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  browser.cookies.set('vp_staff', token);
  return browser;
}
