/**
 * The audit log: who did what, when, from where — for everything that is not an action on a complaint (those
 * are in each complaint's history). Sign-ins and their failures, account and settings changes, tokens, data
 * subject requests, and views of a complaint's personal data. Details hold facts, never secrets or complaint text.
 */
import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface NewAuditEntry {
  at: Date | string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: DbExecutor, entry: NewAuditEntry): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('audit_log')
    .values({
      id,
      at: toTimestamp(entry.at),
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: toJson(entry.details ?? {}),
    })
    .execute();
  return id;
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  limit?: number;
}

/** Newest first. */
export async function listAudit(db: DbExecutor, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.targetType) q = q.where('target_type', '=', query.targetType);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit ?? 200)
    .execute();
  return rows.map((row) => ({
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
}
