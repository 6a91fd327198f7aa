/**
 * A real app on a real database for API tests: migrated and seeded, with staff users and their tokens, and a
 * clock the test sets by hand (receipt dates across holidays are the point of many tests).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { bootstrap } from '../../src/commands/bootstrap.ts';
import type { CommandDeps } from '../../src/commands/context.ts';
import { parseConfig } from '../../src/config.ts';
import type { Role } from '../../src/domain/action-context.ts';
import type { Dialect } from '../../src/db/database.ts';
import { createApiToken } from '../../src/db/repositories/api-tokens.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import { buildApp } from '../../src/http/app.ts';
import { type TestDb, whileTestSchemasStay, withTestDatabase } from './databases.ts';

export interface TestUser {
  id: string;
  name: string;
  token: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  deps: CommandDeps;
  /** Sets the clock: every later request happens at this instant. */
  setNow(iso: string): void;
  users: Record<string, TestUser>;
  addUser(key: string, name: string, jobTitle: string, roles: Role[]): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Changes to the default organisation settings before they are seeded. */
  settings?: (settings: Record<string, unknown>) => void;
}

export async function createTestApp(dialect: Dialect, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await withTestDatabase(dialect);
  let now = new Date('2026-04-30T09:00:00+02:00');
  const config = parseConfig({
    DATABASE_URL: db.url.startsWith('sqlite:') ? db.url : 'postgres://test',
    PUBLIC_URL: 'https://klachten.example.nl',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    ORGANISATION_SETTINGS: '/nonexistent/organisation.json',
    ...options.env,
  });
  // The migrator scans the whole catalogue: keep other files from dropping their schema meanwhile.
  await whileTestSchemasStay(() => bootstrap(db, config.organisationSettingsPath, now));
  if (options.settings) {
    const { loadCurrentSettings, saveSettingsVersion } = await import('../../src/db/repositories/settings.ts');
    const current = await loadCurrentSettings(db.kysely);
    const data = structuredClone(current!.data) as unknown as Record<string, unknown>;
    options.settings(data);
    await saveSettingsVersion(db.kysely, data as never, null, now, 'test settings');
  }
  let counter = 0;
  const deps: CommandDeps = {
    db,
    config,
    now: () => now,
    newId: () => `id-${String(++counter).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`,
  };
  const app = await buildApp(deps);
  const users: Record<string, TestUser> = {};
  const addUser = async (key: string, name: string, jobTitle: string, roles: Role[]) => {
    const email = `${key.toLowerCase()}@loket3.example`;
    const user = await insertUser(db.kysely, { email, name, jobTitle, roles, now });
    const { token } = await createApiToken(db.kysely, user.id, 'test', now);
    users[key] = { id: user.id, name, token };
    return users[key]!;
  };
  return {
    app,
    db,
    deps,
    setNow: (iso) => {
      now = new Date(iso);
    },
    users,
    addUser,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** The usual cast: a quality manager, two handlers, two employees who may be involved, an administrator. */
export async function addStandardUsers(t: TestApp): Promise<void> {
  await t.addUser('qm', 'Petra de Vries', 'Kwaliteitsmanager', ['quality_manager']);
  await t.addUser('handler', 'Ahmed El Amrani', 'Klachtbehandelaar', ['handler', 'receiver']);
  await t.addUser('handler2', 'Sanne Jansen', 'Teamleider', ['handler', 'receiver']);
  await t.addUser('coach', 'Jeroen Bakker', 'Jobcoach', ['receiver', 'handler']);
  await t.addUser('advisor', 'Fatima Yilmaz', 'Re-integratieadviseur', ['receiver']);
  await t.addUser('admin', 'Beheerder Loket3', 'Applicatiebeheerder', ['administrator']);
}

/** A JSON request as a user (or anonymously), in Dutch unless `lang` says otherwise. */
export function call(
  t: TestApp,
  method: 'GET' | 'POST',
  url: string,
  options: { as?: string; body?: unknown; lang?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers.authorization = `Bearer ${t.users[options.as]!.token}`;
  if (options.lang) headers['accept-language'] = options.lang;
  return t.app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) });
}

/** POST a lifecycle action: `act(t, 'handler', ref, 'record-summary', { summary })`. */
export function act(t: TestApp, as: string, reference: string, action: string, body: unknown = {}, headers?: Record<string, string>) {
  return call(t, 'POST', `/api/v1/staff/complaints/${reference}/${action}`, { as, body, ...(headers ? { headers } : {}) });
}
