/**
 * What the sign-in and account tests share beyond test/staff/helpers.ts: the session cookie as the server
 * set it, the audit log of a user, a page's text without the parts that change per request, and TOTP codes
 * computed here (otplib, the library the server uses too, at the test's clock).
 */
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import type { TestApp } from '../helpers/app.ts';
import { textOf } from '../pages/helpers.ts';

export interface SetCookie {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  maxAge?: number;
  expires?: Date;
  signed?: boolean;
}

/** The cookie `name` that a response sets, or undefined. */
export function cookieSet(response: LightMyRequestResponse, name: string): SetCookie | undefined {
  return (response.cookies as SetCookie[]).find((c) => c.name === name);
}

/** The audit log as [action, actor label, details], oldest first (the log lists newest first). */
export async function auditTrail(
  t: TestApp,
  filter: { actorId?: string; action?: string } = {},
): Promise<[string, string, Record<string, unknown>][]> {
  const entries = await listAudit(t.db.kysely, { ...filter, limit: 500 });
  return entries.reverse().map((e) => [e.action, e.actorLabel, e.details]);
}

/**
 * Entries in any order: with the test's clock standing still, several entries share one instant, and the
 * log has no order within an instant. Both sides sorted the same way, so the expected list stays literal.
 */
export function unordered<T>(entries: T[]): T[] {
  return [...entries].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Forgets the audit log, so that a test sees only its own entries. */
export async function clearAudit(t: TestApp): Promise<void> {
  await t.db.kysely.deleteFrom('audit_log').execute();
}

/** The visible text of a page, without the CSRF token (it differs per request). */
export const pageText = (html: string): string => textOf(html.replace(/name="_csrf" value="[^"]*"/g, ''));

/** The TOTP code of a secret at an ISO instant (the app's clock in tests). */
export function totpAt(secret: string, iso: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.parse(iso) / 1000) });
}

/** The failure counters of a user, as stored. */
export async function countersOf(t: TestApp, userId: string) {
  const row = await t.db.kysely
    .selectFrom('users')
    .select(['failed_sign_ins', 'last_failed_sign_in_at', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
  return {
    failedSignIns: Number(row.failed_sign_ins),
    lastFailedAt: iso(row.last_failed_sign_in_at),
    lockedUntil: iso(row.locked_until),
  };
}
