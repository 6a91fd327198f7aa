/**
 * The e-mail outbox: mail is written here in the same transaction as the change that causes it, and a worker
 * (src/jobs/outbox-worker.ts) delivers it afterwards. So no mail leaves for a change that was rolled back, and
 * none is lost when the SMTP server is down. Delivery is at least once; the stable Message-ID lets receivers
 * drop duplicates.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { type DbExecutor, dialectOf } from '../database.ts';
import { toTimestamp } from '../normalise.ts';
import type { EmailOutboxTable } from '../tables.ts';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'local';

export interface OutboxEmail {
  id: string;
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  complaintId: string | null;
  status: OutboxStatus;
  /** Delivery attempts started so far (counted when claimed). */
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  smtpResponse: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The letter whose PDF travels with this mail, if any. */
  letterId: string | null;
}

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** What the mail is, e.g. 'acknowledgement' or 'login_code'; for the administrator's view and statistics. */
  kind: string;
  complaintId?: string | null;
  letterId?: string | null;
  now: Date;
  /** The domain part of the Message-ID (default 'verbeterpunt.local'); use the sender's domain in production. */
  messageIdDomain?: string;
}

/** Errors are kept for the administrator; an SMTP transcript can be long. */
const MAX_ERROR_LENGTH = 2000;

/** Queues a mail, due at once. Pass the caller's transaction so the mail exists only if the change commits. */
export async function enqueueEmail(
  db: DbExecutor,
  email: NewEmail,
): Promise<{ id: string; messageId: string }> {
  const id = randomUUID();
  const messageId = `<${id}@${email.messageIdDomain ?? 'verbeterpunt.local'}>`;
  const now = toTimestamp(email.now);
  await db
    .insertInto('email_outbox')
    .values({
      id,
      message_id: messageId,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html ?? null,
      kind: email.kind,
      complaint_id: email.complaintId ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      claimed_by: null,
      claimed_until: null,
      last_error: null,
      smtp_response: null,
      created_at: now,
      sent_at: null,
      letter_id: email.letterId ?? null,
    })
    .execute();
  return { id, messageId };
}

/**
 * Claims up to `limit` due mails for `workerId` for `leaseSeconds`, counting an attempt for each. A mail whose
 * lease ran out (its worker died mid-send) is due again. Call it outside any longer transaction.
 *
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` in the subquery lets concurrent workers each take different rows
 * without waiting. SQLite has no row locks and does not need them: the single UPDATE runs while holding the
 * database's only write lock, so two workers (even in two processes) can never claim the same row.
 */
export async function claimDueEmails(
  db: DbExecutor,
  workerId: string,
  now: Date,
  limit: number,
  leaseSeconds: number,
): Promise<OutboxEmail[]> {
  const at = toTimestamp(now);
  const until = toTimestamp(new Date(now.getTime() + leaseSeconds * 1000));
  const postgres = dialectOf(db) === 'postgres';
  const rows = await db
    .updateTable('email_outbox')
    .set((eb) => ({ claimed_by: workerId, claimed_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('email_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', at)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      return postgres ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  // RETURNING gives no order guarantee.
  return rows
    .map(toOutboxEmail)
    .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
}

/** Records a delivery: status 'sent' with the server's response. */
export async function markSent(db: DbExecutor, id: string, smtpResponse: string, now: Date): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      status: 'sent',
      smtp_response: smtpResponse,
      sent_at: toTimestamp(now),
      claimed_by: null,
      claimed_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a failed attempt and when to try again; `nextAttemptAt` null gives up (status 'failed').
 */
export async function markFailedAttempt(
  db: DbExecutor,
  id: string,
  error: string,
  now: Date,
  nextAttemptAt: Date | null,
): Promise<void> {
  const lastError = `${toTimestamp(now)} ${error}`.slice(0, MAX_ERROR_LENGTH);
  await db
    .updateTable('email_outbox')
    .set({
      status: nextAttemptAt ? 'pending' : 'failed',
      last_error: lastError,
      ...(nextAttemptAt ? { next_attempt_at: toTimestamp(nextAttemptAt) } : {}),
      claimed_by: null,
      claimed_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Keeps a mail in the local outbox: no SMTP server is configured, so administrators and the CLI read it there.
 * `now` is recorded as the moment it was filed.
 */
export async function markLocal(db: DbExecutor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'local', sent_at: toTimestamp(now), claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .execute();
}

/** The outbox, newest first, optionally of one status. */
export async function listOutbox(
  db: DbExecutor,
  options: { status?: OutboxStatus; limit: number },
): Promise<OutboxEmail[]> {
  let query = db
    .selectFrom('email_outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit);
  if (options.status) query = query.where('status', '=', options.status);
  return (await query.execute()).map(toOutboxEmail);
}

export async function findOutboxEmail(db: DbExecutor, id: string): Promise<OutboxEmail | null> {
  const row = await db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutboxEmail(row) : null;
}

function toOutboxEmail(row: Selectable<EmailOutboxTable>): OutboxEmail {
  return {
    id: row.id,
    messageId: row.message_id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    kind: row.kind,
    complaintId: row.complaint_id,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: toTimestamp(row.next_attempt_at),
    claimedBy: row.claimed_by,
    claimedUntil: toTimestamp(row.claimed_until),
    lastError: row.last_error,
    smtpResponse: row.smtp_response,
    createdAt: toTimestamp(row.created_at),
    sentAt: toTimestamp(row.sent_at),
    letterId: row.letter_id,
  };
}
