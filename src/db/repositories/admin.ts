/**
 * What the administrator pages read and write beyond the other repositories: users with their sign-in state
 * (locked, second factor, last sign-in), an email change, counting the active administrators, every API
 * token with its user, the audit log a page at a time, and how often a code of the settings (category, team,
 * ground for not taking up) is used by complaints.
 */
import { sql } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { type DbExecutor, dialectOf } from '../database.ts';
import { fromBool, parseJson, toBool, toTimestamp } from '../normalise.ts';
import type { AuditEntry } from './audit-log.ts';
import { toUser, type User } from './users.ts';

export interface UserOverview extends User {
  secondFactor: boolean;
  lockedUntil: string | null;
  failedSignIns: number;
  hasPassword: boolean;
  /** The last complete sign-in in the audit log, or null. */
  lastSignInAt: string | null;
}

/**
 * Users with their last complete sign-in: per user the newest `sign_in` entry, found by walking the audit
 * log's (actor_id, at) index backwards (a GROUP BY over every sign-in took seconds at 130 000 sign-ins).
 */
function overviews(db: DbExecutor) {
  return db
    .selectFrom('users')
    .selectAll('users')
    .select((eb) =>
      eb
        .selectFrom('audit_log')
        .select('audit_log.at')
        .whereRef('audit_log.actor_id', '=', 'users.id')
        .where('audit_log.action', '=', 'sign_in')
        .orderBy('audit_log.at', 'desc')
        .limit(1)
        .as('last_sign_in_at'),
    );
}

function toOverview(
  row: Awaited<ReturnType<ReturnType<typeof overviews>['executeTakeFirstOrThrow']>>,
): UserOverview {
  const { last_sign_in_at, ...user } = row;
  return {
    ...toUser(user),
    secondFactor: row.totp_enabled_at !== null,
    lockedUntil: toTimestamp(row.locked_until),
    failedSignIns: Number(row.failed_sign_ins),
    hasPassword: row.password_hash !== null,
    lastSignInAt: last_sign_in_at ? toTimestamp(last_sign_in_at as string | Date) : null,
  };
}

/** Every user by name, with what the administrator needs to see of their sign-in. */
export async function listUserOverviews(db: DbExecutor): Promise<UserOverview[]> {
  const rows = await overviews(db).orderBy('users.name').orderBy('users.email').execute();
  return rows.map(toOverview);
}

/** One user's overview, or null. */
export async function findUserOverview(db: DbExecutor, id: string): Promise<UserOverview | null> {
  const row = await overviews(db).where('users.id', '=', id).executeTakeFirst();
  return row ? toOverview(row) : null;
}

/** Changes a user's email (stored lowercased, like insertUser); a taken email fails with a unique violation. */
export async function setUserEmail(db: DbExecutor, id: string, email: string): Promise<void> {
  await db.updateTable('users').set({ email: email.trim().toLowerCase() }).where('id', '=', id).execute();
}

/** How many active users hold the administrator role. */
export async function countActiveAdministrators(db: DbExecutor): Promise<number> {
  // Roles are a JSON array in a text/jsonb column: reading the few active users is simpler than JSON SQL on two dialects.
  const rows = await db.selectFrom('users').select('roles').where('active', '=', fromBool(true)).execute();
  return rows.filter((row) => {
    const roles = parseJson<unknown>(row.roles);
    return Array.isArray(roles) && roles.includes('administrator');
  }).length;
}

export interface TokenOverview {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  userActive: boolean;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every API token (never its hash) with its user: the ones in use first, then newest first. */
export async function listAllApiTokens(db: DbExecutor): Promise<TokenOverview[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.name',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'users.name as user_name',
      'users.email as user_email',
      'users.active as user_active',
    ])
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id')
    .execute();
  const tokens = rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    userEmail: row.user_email,
    userActive: toBool(row.user_active),
    name: row.name,
    createdAt: toTimestamp(row.created_at),
    lastUsedAt: toTimestamp(row.last_used_at),
    revokedAt: toTimestamp(row.revoked_at),
  }));
  return [...tokens.filter((t) => !t.revokedAt), ...tokens.filter((t) => t.revokedAt)];
}

/** The token's owner, or null when there is no such token. */
export async function findApiTokenOwner(db: DbExecutor, tokenId: string): Promise<string | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select('user_id')
    .where('id', '=', tokenId)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetId?: string;
  /** Instants, from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Opaque cursor of the next (older) page, or null at the end. */
  next: string | null;
}

/** The audit log, newest first, keyset-paginated on (at, id): no OFFSET scans, no COUNT. */
export async function listAuditPage(
  db: DbExecutor,
  filters: AuditFilters,
  page: { limit: number; cursor?: string | null },
): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filters.actorId) query = query.where('actor_id', '=', filters.actorId);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.targetId) query = query.where('target_id', '=', filters.targetId);
  if (filters.from) query = query.where('at', '>=', toTimestamp(filters.from));
  if (filters.to) query = query.where('at', '<', toTimestamp(filters.to));
  if (page.cursor) {
    const [at, id] = decodeAuditCursor(page.cursor);
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items: AuditEntry[] = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    at: toTimestamp(row.at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    details: parseJson<Record<string, unknown>>(row.details),
  }));
  const last = items.at(-1);
  const next =
    rows.length > page.limit && last ? Buffer.from(`${last.at}|${last.id}`).toString('base64url') : null;
  return { items, next };
}

function decodeAuditCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) {
    throw new DomainError(
      'invalid_input',
      { en: 'This page link is not valid.', nl: 'Deze paginalink is niet geldig.' },
      { field: 'after' },
    );
  }
  return [toTimestamp(at), id];
}

export type CodedSetting = 'categories' | 'teams' | 'nonAdmissionGrounds';

/** How many complaints use each code of a list in the settings (codes that no complaint uses are left out). */
export async function countCodeUse(db: DbExecutor, list: CodedSetting): Promise<Map<string, number>> {
  let rows: { code: unknown; n: unknown }[];
  if (list === 'categories' || list === 'teams') {
    const column = list === 'categories' ? 'category' : 'team';
    rows = await db
      .selectFrom('complaints')
      .select([sql.ref(column).as('code'), (eb) => eb.fn.countAll().as('n')])
      .where(column, 'is not', null)
      .groupBy(column)
      .execute();
  } else {
    // The ground is in the form's JSON (notTakenUp.ground), also after a reopening.
    const ground =
      dialectOf(db) === 'postgres'
        ? sql<string>`(data::jsonb -> 'notTakenUp' ->> 'ground')`
        : sql<string>`json_extract(data, '$.notTakenUp.ground')`;
    rows = await db
      .selectFrom('complaints')
      .select([ground.as('code'), (eb) => eb.fn.countAll().as('n')])
      .where(ground, 'is not', null)
      .groupBy(ground)
      .execute();
  }
  return new Map(rows.map((row) => [String(row.code), Number(row.n)]));
}
